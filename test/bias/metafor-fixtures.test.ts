// Reproduces metafor 5.1-12's regtest, ranktest, trimfill and fsn on every fixture with a
// `diagnostics` block (test/fixtures/metafor*/, written by generate.R):
//   r <- rma(yi, vi, method = "REML", control = CTRL)   # CTRL: threshold 1e-12 (exact)
//   regtest(r); ranktest(r); trimfill(r); trimfill(rma(yi, vi, method = "EE"))
//   fsn(yi, vi); fsn(yi, vi, type = "Orwin")
// metafor 5.x's trimfill refits the trimmed data with the fit's control (exact here) and the filled
// data with the default control (threshold 1e-5): trimAndFill's default `convergence: 'metafor'`
// reproduces that, so the iterative tier applies. fsn's Orwin mean is weighted by 1/vi (metafor ≥ 4.4).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eggerTest, failSafeN, metaAnalysis, rankCorrelationTest, trimAndFill } from '../../src/index.ts';
import { TOLERANCES, arrayMismatches, mismatch } from '../tolerances.ts';

type Num = number | null;
interface Diagnostics {
  measure: string;
  regtest: Record<string, Num | string>;
  ranktest: { tau: Num; pval: Num };
  trimfill: Record<string, Num | Num[] | string>;
  'trimfill.EE': { k0: number; side: string; b: number; se: number };
  'fsn.Rosenthal': { fsnum: number; pval: number; alpha: number };
  'fsn.Orwin': { fsnum: number; target: number } | { error: string };
}
interface Fixture {
  dataset: string;
  effectSizes: { measure: string; yi: Num[] | Num; vi: Num[] | Num }[];
  diagnostics?: Diagnostics;
}

const arr = (x: Num[] | Num | string | undefined): Num[] => (Array.isArray(x) ? x : x === undefined || typeof x === 'string' ? [] : [x]);
const num = (x: Num | Num[] | string | undefined): Num => (typeof x === 'number' || x === null ? x : null);

function load(dir: string): { name: string; d: Diagnostics; yi: number[]; vi: number[] }[] {
  const url = new URL(`../fixtures/${dir}/`, import.meta.url);
  return readdirSync(url)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, url), 'utf8')) as Fixture)
    .filter((fx) => fx.diagnostics !== undefined)
    .map((fx) => {
      const d = fx.diagnostics!;
      const es = fx.effectSizes.find((e) => e.measure === d.measure)!;
      const nan = (x: Num) => (x === null ? Number.NaN : x);
      return { name: `${dir}/${fx.dataset} ${d.measure}`, d, yi: arr(es.yi).map(nan), vi: arr(es.vi).map(nan) };
    });
}

const cases = [...load('metafor'), ...load('metafor-extra')];
const { closed, iterative } = TOLERANCES;

function expectNone(problems: (string | null)[]): void {
  const found = problems.filter((p): p is string => p !== null);
  expect(found, found.join('\n')).toEqual([]);
}

describe('bias diagnostics reproduce metafor 5.1-12', () => {
  it('covers the eleven fixtures with a diagnostics block', () => {
    expect(cases.length).toBe(11);
  });

  describe.each(cases)('$name', ({ d, yi, vi }) => {
    const fit = () => metaAnalysis({ yi, vi }, { method: 'REML' });

    it('eggerTest = regtest(r)', () => {
      const r = eggerTest(fit());
      const g = d.regtest;
      expect(r.model).toBe(g.model);
      expect(r.predictor).toBe(g.predictor);
      expectNone([
        mismatch(r.statistic, num(g.statistic), iterative, 'statistic'),
        mismatch(r.pValue, num(g.pval), iterative, 'pValue'),
        mismatch(r.limitEstimate, num(g['limit.estimate']), iterative, 'limitEstimate'),
        mismatch(r.limitCi.lower, num(g['limit.ci.lb']), iterative, 'limitCi.lower'),
        mismatch(r.limitCi.upper, num(g['limit.ci.ub']), iterative, 'limitCi.upper'),
      ]);
      expect(r.df).toBeNull();
    });

    it('rankCorrelationTest = ranktest(r)', () => {
      const r = rankCorrelationTest(fit());
      expectNone([mismatch(r.tau, d.ranktest.tau, closed, 'tau'), mismatch(r.pValue, d.ranktest.pval, closed, 'pValue')]);
    });

    it('trimAndFill = trimfill(r)', () => {
      const r = trimAndFill(fit());
      const g = d.trimfill;
      expect(r.k0).toBe(g.k0);
      expect(r.side).toBe(g.side);
      expect(r.estimator).toBe('L0');
      expectNone([
        mismatch(r.estimate, num(g.b), iterative, 'estimate'),
        mismatch(r.se, num(g.se), iterative, 'se'),
        mismatch(r.ci.lower, num(g['ci.lb']), iterative, 'ci.lower'),
        mismatch(r.ci.upper, num(g['ci.ub']), iterative, 'ci.upper'),
        mismatch(r.tau2, num(g.tau2), iterative, 'tau2'),
        ...arrayMismatches(r.filled.map((f) => f.yi), arr(g['filled.yi']), iterative, 'filled.yi'),
        ...arrayMismatches(r.filled.map((f) => f.vi), arr(g['filled.vi']), closed, 'filled.vi'),
      ]);
    });

    it('trimAndFill on the EE fit = trimfill(rma(method = "EE"))', () => {
      const r = trimAndFill(metaAnalysis({ yi, vi }, { method: 'EE' }));
      const g = d['trimfill.EE'];
      expect(r.k0).toBe(g.k0);
      expect(r.side).toBe(g.side);
      expectNone([mismatch(r.estimate, g.b, closed, 'estimate'), mismatch(r.se, g.se, closed, 'se')]);
    });

    it('failSafeN Rosenthal = fsn(yi, vi)', () => {
      const r = failSafeN({ yi, vi });
      const g = d['fsn.Rosenthal'];
      expect(r.n).toBe(g.fsnum);
      expect(r.alpha).toBe(g.alpha);
      expectNone([mismatch(r.pValue, g.pval, closed, 'pValue')]);
    });

    it('failSafeN Orwin = fsn(yi, vi, type = "Orwin")', () => {
      const g = d['fsn.Orwin'];
      if ('error' in g) {
        expect(() => failSafeN({ yi, vi }, { type: 'Orwin' })).toThrow();
        return;
      }
      const r = failSafeN({ yi, vi }, { type: 'Orwin' });
      expect(r.n).toBe(g.fsnum);
      expectNone([mismatch(r.target, g.target, closed, 'target')]);
    });
  });
});
