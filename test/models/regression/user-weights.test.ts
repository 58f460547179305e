import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baujat, blup, cumulative, eggerTest, formatResult, gosh, influence, InputError, leaveOneOut, metaAnalysis, metaRegression, permutationTest,
  predict, rankCorrelationTest, trimAndFill, type MetaAnalysisResult, type Tau2Method, type TestType,
} from '../../../src/index.ts';
import { mismatch, TOLERANCES } from '../../tolerances.ts';

interface Fit {
  method: Tau2Method; test: TestType; mode: 'weights' | 'unweighted' | 'fixed';
  tau2: number; beta: number[]; se: number[]; zval: number[]; pval: number[]; ci_lb: number[]; ci_ub: number[];
  qm: number; qmp: number; qe: number; i2: number; r2: number | null; vb: number[];
}
interface Case { name: string; yi: number[]; vi: number[]; w: number[]; mods: Record<string, (number | string)[]>; fits: Fit[] }

const cases: Case[] = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/metafor-regression/weights.json'), 'utf8'));

describe('metaRegression with weights / weighted: false / a fixed tau2 reproduces metafor 5.1 rma.uni', () => {
  for (const c of cases) {
    for (const ref of c.fits) {
      it(`${c.name} ${ref.method} ${ref.test} ${ref.mode}`, () => {
        const options = { moderators: c.mods, method: ref.method, test: ref.test };
        const extra = ref.mode === 'weights' ? { weights: c.w } : ref.mode === 'unweighted' ? { weighted: false } : { tau2: 0.05 };
        const fit = metaRegression({ yi: c.yi, vi: c.vi }, { ...options, ...extra });
        // PM solves an equation (metafor's uniroot); the others are closed form at the estimate
        const tol = ref.method === 'EE' || ref.method === 'DL' || ref.mode === 'fixed' ? TOLERANCES.closed : TOLERANCES.iterative;
        const errors = [
          mismatch(fit.tau2, ref.tau2, tol, 'tau2'),
          mismatch(fit.qe, ref.qe, tol, 'QE'),
          mismatch(fit.qm, ref.qm, tol, 'QM'),
          mismatch(fit.qmPValue, ref.qmp, tol, 'QMp'),
          mismatch(fit.r2, ref.r2, tol, 'R2', tol),
          ...fit.coefficients.flatMap((b, j) => [
            mismatch(b.estimate, ref.beta[j], tol, `beta ${j}`),
            mismatch(b.se, ref.se[j], tol, `se ${j}`),
            mismatch(b.statistic, ref.zval[j], tol, `zval ${j}`),
            mismatch(b.pValue, ref.pval[j], tol, `pval ${j}`),
            mismatch(b.ci.lower, ref.ci_lb[j], tol, `ci.lb ${j}`),
            mismatch(b.ci.upper, ref.ci_ub[j], tol, `ci.ub ${j}`),
          ]),
          ...fit.covariance.flat().map((v, i) => mismatch(v, ref.vb[(i % fit.p) * fit.p + Math.floor(i / fit.p)], tol, `vb ${i}`)),
        ].filter((e) => e !== null);
        expect(errors).toEqual([]);
        if (ref.mode === 'fixed') expect(fit.tau2Fixed).toBe(true);
        else expect(fit.weighting).toBe(ref.mode === 'weights' ? 'user' : 'unweighted');
        expect(formatResult(JSON.parse(JSON.stringify(fit)))).toContain('Model Results');
      });
    }
  }

  it('weights equal to 1/(vi + tau²), times a constant, give the ordinary fit (property)', () => {
    const c = cases[0]!;
    const plain = metaRegression({ yi: c.yi, vi: c.vi }, { moderators: c.mods, method: 'DL' });
    const same = metaRegression({ yi: c.yi, vi: c.vi }, { moderators: c.mods, method: 'DL', weights: c.vi.map((v) => 7 / (v + plain.tau2)) });
    same.coefficients.forEach((b, j) => {
      expect(mismatch(b.estimate, plain.coefficients[j]!.estimate, 1e-12, 'beta')).toBeNull();
      expect(mismatch(b.se, plain.coefficients[j]!.se, 1e-12, 'se')).toBeNull();
    });
  });

  it('a row omitted for a missing moderator drops its weight too', () => {
    const c = cases[1]!;
    const score = [...c.mods.score!] as (number | null)[];
    score[0] = null;
    const omitted = metaRegression({ yi: c.yi, vi: c.vi }, { moderators: { score }, weights: c.w });
    const dropped = metaRegression({ yi: c.yi.slice(1), vi: c.vi.slice(1) }, { moderators: { score: score.slice(1) as number[] }, weights: c.w.slice(1) });
    expect(omitted.coefficients[1]!.se).toBe(dropped.coefficients[1]!.se);
    expect(omitted.warnings.join(' ')).toMatch(/omitted|missing/i);
  });

  it('the input is validated before the weights are read (no raw TypeError for a null input)', () => {
    for (const bad of [null, undefined, {}, []]) {
      expect(() => metaRegression(bad as never, { moderators: { x: [1, 2, 3] }, weights: [1, 1, 1] })).toThrow(InputError);
    }
  });

  it('bad weights or tau2 get an InputError naming the field', () => {
    const input = { yi: [0, 1, 2, 4], vi: [1, 1, 1, 1] };
    const moderators = { x: [0, 1, 2, 3] };
    expect(() => metaRegression(input, { moderators, weights: [1, 2] })).toThrow(InputError);
    expect(() => metaRegression(input, { moderators, weights: [1, 2, -1, 1] })).toThrow(/weights/);
    expect(() => metaRegression(input, { moderators, tau2: -1 })).toThrow(/tau2/);
    expect(() => metaRegression(input, { moderators, tau2: 1, method: 'EE' })).toThrow(/EE/);
  });
});

describe('functions that refit a model refuse a fit with user weights or a fixed tau2 (no silent answer for another model)', () => {
  const input = { yi: [-0.9, -1.6, -1.4, -1.4, -0.2, -0.5, 0, -0.4, 0.1, 0.4], vi: [0.3, 0.2, 0.4, 0.02, 0.05, 0.01, 0.07, 0.2, 0.1, 0.05] };
  const weighted = metaAnalysis(input, { weights: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
  const unweighted = metaAnalysis(input, { weighted: false });
  const fixed = metaAnalysis(input, { tau2: 0.1 });
  const refitters = { leaveOneOut, influence, cumulative, baujat, trimAndFill, eggerTest, gosh: (f: MetaAnalysisResult) => gosh(f, { subsets: 10, seed: 1 }) };
  for (const [name, fn] of Object.entries(refitters)) {
    it(`${name}`, () => {
      for (const fit of [weighted, unweighted, fixed]) {
        expect(() => fn(fit)).toThrow(expect.objectContaining({ code: 'E_UNSUPPORTED' }));
      }
    });
  }
  it('blup and permutationTest refuse user weights (metafor refuses blup too); the rank test and predict accept them', () => {
    expect(() => blup(weighted)).toThrow(expect.objectContaining({ code: 'E_UNSUPPORTED', field: 'fit.weighting' }));
    expect(() => permutationTest(unweighted, { iterations: 10, seed: 1 })).toThrow(expect.objectContaining({ code: 'E_UNSUPPORTED' }));
    expect(rankCorrelationTest(weighted).k).toBe(10);
    // metafor 5.1: predict(rma(yi, vi, weights = 1:10)) gives pred -0.2945, se 0.2454
    expect(predict(weighted).predictions[0]!.se).toBeCloseTo(0.2454, 4);
  });
});
