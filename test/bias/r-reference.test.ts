// Options beyond metafor's defaults, against R metafor 5.1-12: test/bias/r-reference/reference.json,
// written by test/bias/r-reference/generate.R (`Rscript generate.R > reference.json`) from the
// yi/vi of five fixtures. It covers trimfill for all ten tau² methods (L0), R0 and Q0, the side
// forced to the other one, a Knapp–Hartung fit; regtest for every method with z, t and knha
// tests, predictor sei and vi, model rma and lm; fsn Rosenthal (alpha 0.01), Orwin (weighted,
// targets of both signs) and Rosenberg; ranktest with ties, tiny k and a perfect correlation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bruteLogLik, bruteMaximum } from '../engine/brute-force-likelihood.ts';
import { eggerTest, failSafeN, kendallTau, metaAnalysis, rankCorrelationTest, trimAndFill } from '../../src/index.ts';
import type { FailSafeNOptions, Tau2Method, TestType, TrimAndFillEstimator } from '../../src/index.ts';
import { TOLERANCES, arrayMismatches, mismatch, tierOf } from '../tolerances.ts';

type Num = number | null;
interface TrimfillCase {
  data: string;
  'fit.method': Tau2Method;
  'fit.test': TestType;
  'arg.estimator': TrimAndFillEstimator;
  'arg.side': 'left' | 'right' | null;
  error?: string;
  k0: number;
  'se.k0': Num;
  'p.k0': Num;
  side: string;
  test: string;
  b: Num;
  se: Num;
  zval: Num;
  pval: Num;
  'ci.lb': Num;
  'ci.ub': Num;
  tau2: Num;
  'filled.yi': Num[] | Num;
  'filled.vi': Num[] | Num;
}
interface RegtestCase {
  data: string;
  method: Tau2Method;
  test: TestType;
  model: 'rma' | 'lm';
  predictor: 'sei' | 'vi';
  statistic: Num;
  pval: Num;
  df: Num;
  est: Num;
  'ci.lb': Num;
  'ci.ub': Num;
  slope: Num;
  tau2: Num;
}
const ref = JSON.parse(readFileSync(new URL('./r-reference/reference.json', import.meta.url), 'utf8')) as {
  trimfill: TrimfillCase[];
  regtest: RegtestCase[];
  fsn: { data: string; args: FailSafeNOptions; fsnum: number; pval: Num; meanes: Num; target: Num }[];
  ranktest: { name: string; yi: number[]; vi: number[]; tau: number; pval: number }[];
  kendall: { x: number[]; y: number[]; tau: number; tau17: string }[];
  symmetric: { name: string; yi: number[]; vi: number[]; method: Tau2Method; estimator: TrimAndFillEstimator; k0: number; side: string }[];
};

const DATA: Record<string, { yi: number[]; vi: number[] }> = {};
for (const [dir, name] of [['metafor', 'hackshaw1998'], ['metafor', 'bcg'], ['metafor', 'pritz1997'], ['metafor-extra', 'li2007'], ['metafor-extra', 'molloy2014']] as const) {
  const fx = JSON.parse(readFileSync(new URL(`../fixtures/${dir}/${name}.json`, import.meta.url), 'utf8'));
  const es = fx.effectSizes.find((e: { measure: string }) => e.measure === fx.diagnostics.measure);
  DATA[name] = { yi: es.yi.map((v: Num) => v ?? Number.NaN), vi: es.vi.map((v: Num) => v ?? Number.NaN) };
}
const arr = (x: unknown): Num[] => (Array.isArray(x) ? x : typeof x === 'number' ? [x] : []);
const { closed } = TOLERANCES;

function expectNone(problems: (string | null)[]): void {
  const found = problems.filter((p): p is string => p !== null);
  expect(found, found.join('\n')).toEqual([]);
}

describe('trimAndFill = metafor trimfill', () => {
  const cases = ref.trimfill.map((c) => ({ ...c, label: `${c.data} ${c['fit.method']}/${c['fit.test']} ${c['arg.estimator']}${c['arg.side'] ? ` side=${c['arg.side']}` : ''}` }));
  it.each(cases)('$label', (c) => {
    const method = c['fit.method'];
    const fit = metaAnalysis(DATA[c.data]!, { method, test: c['fit.test'] });
    const side = c['arg.side'] ?? undefined;
    const run = () => trimAndFill(fit, { estimator: c['arg.estimator'], ...(side ? { side } : {}) });
    if (c.error !== undefined) {
      // metafor: "missing value where TRUE/FALSE needed" (Q0 undefined)
      expect(run).toThrow(/Q0 estimate of the number of missing studies is undefined/);
      return;
    }
    const r = run();
    const tol = TOLERANCES[tierOf(method)];
    expect(r.k0).toBe(c.k0);
    expect(r.side).toBe(c.side);
    expect(r.test).toBe(c.test);
    expectNone([
      mismatch(r.seK0, c['se.k0'], closed, 'seK0'),
      mismatch(r.pK0, c['p.k0'], closed, 'pK0'),
      mismatch(r.estimate, c.b, tol, 'estimate'),
      mismatch(r.se, c.se, tol, 'se'),
      mismatch(r.statistic, c.zval, tol, 'statistic'),
      mismatch(r.pValue, c.pval, tol, 'pValue'),
      mismatch(r.ci.lower, c['ci.lb'], tol, 'ci.lower'),
      mismatch(r.ci.upper, c['ci.ub'], tol, 'ci.upper'),
      mismatch(r.tau2, c.tau2, tol, 'tau2'),
      ...arrayMismatches(r.filled.map((f) => f.yi), arr(c['filled.yi']), tol, 'filled.yi'),
      ...arrayMismatches(r.filled.map((f) => f.vi), arr(c['filled.vi']), closed, 'filled.vi'),
    ]);
    expect(r.filled.map((f) => f.label)).toEqual(r.filled.map((_, i) => `Filled ${i + 1}`));
  });
});

describe('eggerTest = metafor regtest', () => {
  const cases = ref.regtest.map((c) => ({ ...c, label: `${c.data} ${c.method}/${c.test} ${c.model} ~ ${c.predictor}` }));
  it.each(cases)('$label', (c) => {
    const fit = metaAnalysis(DATA[c.data]!, { method: c.method, test: c.test });
    const r = eggerTest(fit, { model: c.model, predictor: c.predictor });
    const tol = c.model === 'lm' ? closed : TOLERANCES[tierOf(c.method)];
    if (c.model === 'rma' && (c.method === 'ML' || c.method === 'REML') && r.warnings.some((w) => /stops at a local maximum/.test(w))) {
      // metafor's Fisher scoring stopped at a local maximum: ours must be the global one, checked
      // by an independent brute-force maximiser, and beat metafor's point in likelihood
      const { yi, vi } = fit;
      const x = vi.map((v) => [1, c.predictor === 'sei' ? Math.sqrt(v) : v]);
      const reml = c.method === 'REML';
      const brute = bruteMaximum(yi, vi, x, reml);
      expect(bruteLogLik(yi, vi, x, r.tau2!, reml)).toBeGreaterThan(brute.ll - 1e-8);
      expect(bruteLogLik(yi, vi, x, r.tau2!, reml)).toBeGreaterThan(bruteLogLik(yi, vi, x, c.tau2 as number, reml) + 1e-6);
      return;
    }
    expectNone([
      mismatch(r.statistic, c.statistic, tol, 'statistic'),
      mismatch(r.pValue, c.pval, tol, 'pValue'),
      mismatch(r.df, c.df, closed, 'df'),
      mismatch(r.limitEstimate, c.est, tol, 'limitEstimate'),
      mismatch(r.limitCi.lower, c['ci.lb'], tol, 'limitCi.lower'),
      mismatch(r.limitCi.upper, c['ci.ub'], tol, 'limitCi.upper'),
      mismatch(r.slope, c.slope, tol, 'slope'),
      c.model === 'rma' ? mismatch(r.tau2, c.tau2, tol, 'tau2') : null,
    ]);
  });
});

describe('failSafeN = metafor fsn', () => {
  const cases = ref.fsn.map((c) => ({ ...c, label: `${c.data} ${JSON.stringify(c.args)}` }));
  it.each(cases)('$label', (c) => {
    const r = failSafeN(DATA[c.data]!, c.args);
    expect(r.n).toBe(c.fsnum);
    expectNone([
      mismatch(r.pValue, c.pval, closed, 'pValue'),
      mismatch(r.meanEffect, c.meanes, closed, 'meanEffect'),
      mismatch(r.target, c.target, closed, 'target'),
    ]);
  });
});

describe('rankCorrelationTest = metafor ranktest', () => {
  it.each(ref.ranktest.filter((c) => c.name !== 'exact-k12-strong'))('$name', (c) => {
    const r = rankCorrelationTest(metaAnalysis({ yi: c.yi, vi: c.vi }));
    expectNone([mismatch(r.tau, c.tau, closed, 'tau'), mismatch(r.pValue, c.pval, closed, 'pValue')]);
  });

  it('a perfect rank correlation: p = 2/k! exactly (R computes 1 − P(T ≤ q−1) and loses 7 digits)', () => {
    const c = ref.ranktest.find((x) => x.name === 'exact-k12-strong')!;
    const r = rankCorrelationTest(metaAnalysis({ yi: c.yi, vi: c.vi }));
    expect(r.tau).toBe(c.tau);
    const factorial12 = 479001600; // 12!
    expectNone([mismatch(r.pValue, 2 / factorial12, closed, 'pValue')]);
    // R's value agrees to the precision its cancellation leaves (~1e-7 relative)
    expectNone([mismatch(r.pValue, c.pval, 1e-6, 'pValue vs R')]);
    expect(r.pValueMethod).toBe('exact');
  });
});

describe("kendallTau = R's cor(x, y, method = 'kendall')", () => {
  it.each(ref.kendall.map((c, i) => ({ ...c, i, n: c.x.length })))('case $i (n = $n)', (c) => {
    // R's rounding is reproduced, so the values agree to the last bit
    expect(kendallTau(c.x, c.y).tau).toBe(Number(c.tau17));
  });
});

describe('trimAndFill on an exactly symmetric funnel = metafor (ties in |yi − β̂| broken by position)', () => {
  it.each(ref.symmetric)('$name $method $estimator: k0 = $k0', (c) => {
    const r = trimAndFill(metaAnalysis({ yi: c.yi, vi: c.vi }, { method: c.method }), { estimator: c.estimator, side: c.side as 'left' | 'right' });
    expect(r.k0).toBe(c.k0);
  });
});
