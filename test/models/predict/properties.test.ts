// Properties of predict, blup, fitStatistics, anova and the moderator coding that hold for any
// data; expectations come from the definitions evaluated here or from a second parameterisation
// of the same model, never from the code's own output pasted back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anova, blup, fitStatistics, metaAnalysis, metaRegression, predict } from '../../../src/index.ts';
import type { CoefficientTestResult, LikelihoodRatioResult, MetaRegressionResult } from '../../../src/index.ts';

const grid = (min: number, max: number, step: number) => fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((n) => n * step);
const row = fc.record({ yi: grid(-2, 2, 0.01), vi: grid(0.01, 1, 0.001), x: grid(-5, 5, 0.1), g: fc.constantFrom('a', 'b', 'c') });
const table = fc.array(row, { minLength: 9, maxLength: 18 }).filter((d) => ['a', 'b', 'c'].every((l) => new Set(d.filter((r) => r.g === l).map((r) => r.x)).size >= 2) && new Set(d.map((r) => r.x)).size > 3);
const input = (d: readonly { yi: number; vi: number }[]) => ({ yi: d.map((r) => r.yi), vi: d.map((r) => r.vi) });
const close = (a: number | null, b: number | null, tol = 1e-8) => Math.abs(a! - b!) <= tol * Math.max(1, Math.abs(b!));
const params = { seed: 20261201, numRuns: 40 };

describe('moderator coding', () => {
  it('intercept: false with a factor is the same model as with an intercept: same τ², fit, predictions', () => {
    fc.assert(fc.property(table, (d) => {
      const a = metaRegression(input(d), { moderators: ['x', 'g'], data: d });
      const b = metaRegression(input(d), { moderators: ['x', 'g'], data: d, intercept: false });
      expect(b.coefficients.map((c) => c.name)).toEqual(['x', 'ga', 'gb', 'gc']);
      expect(close(a.tau2, b.tau2, 1e-7)).toBe(true);
      expect(close(fitStatistics(a).logLik, fitStatistics(b).logLik)).toBe(true);
      const pa = predict(a, { newmods: d }).predictions;
      const pb = predict(b, { newmods: d }).predictions;
      pa.forEach((p, i) => expect(close(p.estimate, pb[i]!.estimate, 1e-6)).toBe(true));
      // Q_M without intercept tests every coefficient: p of them
      expect(b.qmDf).toBe(4);
    }), params);
  });
  it('the reference level changes the coefficients, not the model: predictions and fit agree', () => {
    fc.assert(fc.property(table, (d) => {
      const a = metaRegression(input(d), { moderators: ['g*x'], data: d, method: 'ML' });
      const b = metaRegression(input(d), { moderators: ['g*x'], data: d, method: 'ML', reference: { g: 'c' } });
      expect(b.coefficients.map((c) => c.name)).toEqual(['intercept', 'ga', 'gb', 'x', 'ga:x', 'gb:x']);
      // the intercept of b is a's fitted value for level c at x = 0
      const want = predict(a, { newmods: { g: 'c', x: 0 } }).predictions[0]!.estimate;
      expect(close(b.coefficients[0]!.estimate, want, 1e-6)).toBe(true);
      expect(close(fitStatistics(a).logLik, fitStatistics(b).logLik)).toBe(true);
      // the interaction as a whole is tested the same way
      const ta = anova(a, { coefficients: ['g:x'] }) as CoefficientTestResult;
      const tb = anova(b, { coefficients: ['g:x'] }) as CoefficientTestResult;
      expect(close(ta.qm, tb.qm, 1e-6)).toBe(true);
    }), params);
  });
  it('an interaction column is the product of its parts', () => {
    const d = [{ x: 1, z: 2 }, { x: 2, z: 5 }, { x: 3, z: 1 }, { x: 4, z: 4 }, { x: 5, z: 3 }, { x: 6, z: 7 }];
    const fit = metaRegression({ yi: [0.1, 0.4, 0.2, 0.8, 0.3, 0.9], vi: [0.1, 0.1, 0.2, 0.2, 0.1, 0.3] },
      { moderators: { x: d.map((r) => r.x), z: d.map((r) => r.z) }, interactions: ['x:z'], method: 'EE' });
    expect(fit.moderators['x:z']).toEqual(d.map((r) => r.x * r.z));
  });
});

describe('predict and blup', () => {
  it('predict without newmods gives each study its fitted value xᵢᵀβ̂; blup lies between it and yᵢ', () => {
    fc.assert(fc.property(table, (d) => {
      const fit = metaRegression(input(d), { moderators: ['x'], data: d }) as MetaRegressionResult;
      const [b0, b1] = fit.coefficients.map((c) => c.estimate);
      const p = predict(fit).predictions;
      const b = blup(fit).blups;
      d.forEach((r, i) => {
        const fitted = b0! + b1! * r.x;
        expect(close(p[i]!.estimate, fitted, 1e-9)).toBe(true);
        const lambda = fit.tau2 / (fit.tau2 + r.vi);
        expect(close(b[i]!.estimate, lambda * r.yi + (1 - lambda) * fitted, 1e-9)).toBe(true);
      });
    }), params);
  });
  it('EE: the BLUPs are the fitted values and the prediction interval is the CI', () => {
    fc.assert(fc.property(table, (d) => {
      const fit = metaAnalysis(input(d), { method: 'EE' });
      const p = predict(fit).predictions[0]!;
      expect(p.pi).toEqual(p.ci);
      blup(fit).blups.forEach((b) => expect(b.estimate).toBe(fit.estimate));
    }), params);
  });
  it('scale equivariance: y·c, v·c² give predictions·c and the same tests', () => {
    fc.assert(fc.property(table, fc.constantFrom(0.01, 3, 1000), (d, c) => {
      const a = metaRegression(input(d), { moderators: ['x'], data: d, method: 'ML' });
      const b = metaRegression({ yi: d.map((r) => r.yi * c), vi: d.map((r) => r.vi * c * c) }, { moderators: ['x'], data: d, method: 'ML' });
      const pa = predict(a, { newmods: [1, 2] }).predictions;
      const pb = predict(b, { newmods: [1, 2] }).predictions;
      pa.forEach((p, i) => expect(close(pb[i]!.estimate! / c, p.estimate, 1e-6)).toBe(true));
      // log-likelihoods shift by −k·log c (ML) and −(k − p)·log c (REML)
      expect(close(fitStatistics(b).ml.logLik, fitStatistics(a).ml.logLik - d.length * Math.log(c), 1e-7)).toBe(true);
      expect(close(fitStatistics(b).reml.logLik, fitStatistics(a).reml.logLik - (d.length - 2) * Math.log(c), 1e-7)).toBe(true);
      const la = anova(a, metaAnalysis(input(d), { method: 'ML' })) as LikelihoodRatioResult;
      const lb = anova(b, metaAnalysis({ yi: d.map((r) => r.yi * c), vi: d.map((r) => r.vi * c * c) }, { method: 'ML' })) as LikelihoodRatioResult;
      expect(close(la.lrt, lb.lrt, 1e-6)).toBe(true);
    }), params);
  });
});

describe('fitStatistics', () => {
  it('ML log-likelihood is the sum of normal log-densities N(μ̂, vᵢ + τ̂²) (as metafor’s test)', () => {
    fc.assert(fc.property(table, (d) => {
      const fit = metaAnalysis(input(d), { method: 'ML' });
      const want = d.reduce((s, r) => s - 0.5 * Math.log(2 * Math.PI * (r.vi + fit.tau2)) - (r.yi - fit.estimate) ** 2 / (2 * (r.vi + fit.tau2)), 0);
      const s = fitStatistics(fit);
      expect(close(s.logLik, want, 1e-10)).toBe(true);
      expect(close(s.aic, -2 * want + 4, 1e-10)).toBe(true);
      expect(close(s.bic, -2 * want + 2 * Math.log(d.length), 1e-10)).toBe(true);
    }), params);
  });
  it('is invariant to the order of the studies', () => {
    fc.assert(fc.property(table, (d) => {
      const a = fitStatistics(metaRegression(input(d), { moderators: ['x', 'g'], data: d }));
      const r = [...d].reverse();
      const b = fitStatistics(metaRegression(input(r), { moderators: ['x', 'g'], data: r }));
      expect(close(a.reml.logLik, b.reml.logLik, 1e-8)).toBe(true);
    }), params);
  });
});
