// Properties of metaAnalysis that hold for any data: permutation invariance, equivariance under
// shifts and scaling, and EE = RE when tau² = 0. No expected number comes from the code itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, TAU2_METHODS, type MetaAnalysisResult } from '../../src/index.ts';

const study = fc.record({
  yi: fc.double({ min: -3, max: 3, noNaN: true }),
  vi: fc.double({ min: 0.005, max: 2, noNaN: true }),
});
const studies = fc.array(study, { minLength: 3, maxLength: 25 });
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

function fit(data: { yi: number; vi: number }[], method: (typeof TAU2_METHODS)[number], test: 'z' | 'knha' = 'z'): MetaAnalysisResult {
  return metaAnalysis({ yi: data.map((d) => d.yi), vi: data.map((d) => d.vi) }, { method, test });
}

describe.each(TAU2_METHODS)('metaAnalysis properties, method %s', (method) => {
  it('is invariant to the order of studies', () => {
    fc.assert(
      fc.property(studies, fc.integer({ min: 1, max: 1000 }), (data, seed) => {
        const shuffled = [...data].sort((a, b) => ((a.yi * 7919 + seed) % 1) - ((b.yi * 7919 + seed) % 1) || a.vi - b.vi);
        const a = fit(data, method);
        const b = fit(shuffled.reverse(), method);
        expect(rel(a.estimate, b.estimate)).toBeLessThan(1e-9);
        expect(rel(a.tau2, b.tau2)).toBeLessThan(1e-7);
        expect(rel(a.q, b.q)).toBeLessThan(1e-10);
      }),
      { numRuns: 40 },
    );
  });

  it('shifts the estimate and its interval with the data, leaving tau² alone', () => {
    fc.assert(
      fc.property(studies, fc.double({ min: -50, max: 50, noNaN: true }), (data, c) => {
        const a = fit(data, method);
        const b = fit(data.map((d) => ({ yi: d.yi + c, vi: d.vi })), method);
        expect(rel(b.estimate, a.estimate + c)).toBeLessThan(1e-8);
        expect(rel(b.tau2, a.tau2)).toBeLessThan(1e-6);
        expect(rel(b.se, a.se)).toBeLessThan(1e-6);
      }),
      { numRuns: 40 },
    );
  });

  it('is scale equivariant: y·c and v·c² give estimate·c, tau²·c², the same I² and p', () => {
    fc.assert(
      fc.property(studies, fc.double({ min: 0.1, max: 20, noNaN: true }), (data, c) => {
        const a = fit(data, method, 'knha');
        const b = fit(data.map((d) => ({ yi: d.yi * c, vi: d.vi * c * c })), method, 'knha');
        expect(rel(b.estimate, a.estimate * c)).toBeLessThan(1e-7);
        expect(Math.abs(b.tau2 - a.tau2 * c * c)).toBeLessThan(1e-7 * Math.max(1, a.tau2 * c * c));
        expect(Math.abs(b.i2 - a.i2)).toBeLessThan(1e-6);
        expect(Math.abs((b.pValue ?? 0) - (a.pValue ?? 0))).toBeLessThan(1e-7);
      }),
      { numRuns: 40 },
    );
  });

  it('equals the equal-effects model when the data are homogeneous (tau² = 0)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), { minLength: 2, maxLength: 20 }), fc.double({ min: -2, max: 2, noNaN: true }), (vi, mu) => {
        // identical yi: Q = 0, every estimator gives tau² = 0
        const yi = vi.map(() => mu);
        const re = metaAnalysis({ yi, vi }, { method });
        const ee = metaAnalysis({ yi, vi }, { method: 'EE' });
        expect(re.tau2).toBeLessThan(1e-20); // 0 up to rounding of the weighted mean
        expect(rel(re.estimate, ee.estimate)).toBeLessThan(1e-12);
        expect(rel(re.se, ee.se)).toBeLessThan(1e-12);
        expect(re.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(100, 10);
      }),
      { numRuns: 30 },
    );
  });
});

describe('direct computations', () => {
  it('EE estimate and SE are the inverse-variance mean and 1/sqrt(sum w)', () => {
    const yi = [0.2, -0.1, 0.5];
    const vi = [0.04, 0.09, 0.01];
    const w = vi.map((v) => 1 / v);
    const sw = w.reduce((a, b) => a + b);
    const mu = (0.2 * 25 + -0.1 * (1 / 0.09) + 0.5 * 100) / sw;
    const r = metaAnalysis({ yi, vi }, { method: 'EE' });
    expect(r.estimate).toBeCloseTo(mu, 14);
    expect(r.se).toBeCloseTo(1 / Math.sqrt(sw), 14);
  });

  it('DL with two studies: tau² = (Q − 1)/(Σw − Σw²/Σw)', () => {
    // y = (0, 3), v = (1, 2): w = (1, 0.5); μ = 1; Q = 1·1 + 0.5·4 = 3; tr = 1.5 − 1.25/1.5
    const r = metaAnalysis({ yi: [0, 3], vi: [1, 2] }, { method: 'DL' });
    expect(r.q).toBeCloseTo(3, 14);
    expect(r.tau2).toBeCloseTo(2 / (1.5 - 1.25 / 1.5), 13);
  });

  it('REML with equal variances solves tau² = s²_y − v in closed form', () => {
    // for vi ≡ v the REML estimate is var(y) − v (sample variance with k − 1)
    const yi = [0.1, 0.9, 1.7, 2.5];
    const v = 0.2;
    const mean = 1.3;
    const s2 = yi.reduce((a, y) => a + (y - mean) ** 2, 0) / 3;
    const r = metaAnalysis({ yi, vi: yi.map(() => v) }, { method: 'REML' });
    expect(r.tau2).toBeCloseTo(s2 - v, 12);
    const ml = metaAnalysis({ yi, vi: yi.map(() => v) }, { method: 'ML' });
    expect(ml.tau2).toBeCloseTo((s2 * 3) / 4 - v, 12);
  });

  it('keeps p-values of 1e-26 (survival functions, not 1 - cdf)', () => {
    // z = 10.5: p = 2·Φ(−10.5) (R: sprintf("%.10g", 2*pnorm(-10.5)) = 8.638012636e-26)
    const r = metaAnalysis({ yi: [1.05, 1.05], vi: [0.02, 0.02] }, { method: 'EE' });
    expect(r.statistic).toBeCloseTo(10.5, 12);
    expect(r.pValue! / 8.638012636e-26).toBeCloseTo(1, 6);
  });
});
