// Honest edge cases: tiny variances are variances, huge effects do not overflow the sums, and a
// Knapp–Hartung fit with zero residual spread says what it reports.
import { describe, expect, it } from 'vitest';
import { metaAnalysis, metaRegression, multilevel, TAU2_METHODS } from '../../src/index.ts';

// BCG log risk ratios (metafor dat.bcg, escalc("RR"))
const yi = [-0.8893113, -1.5853887, -1.3480731, -1.4415512, -0.2175473, -0.7861155, -1.6208982, 0.0119523, -0.4694176, -1.3713448, -0.3393588, 0.4459134, -0.0173139];
const vi = [0.3255908, 0.1945718, 0.4153922, 0.0200225, 0.0512049, 0.0069037, 0.2230176, 0.0039630, 0.0564342, 0.0730248, 0.0124200, 0.5325058, 0.0714047];
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.each(TAU2_METHODS)('%s: extreme units', (method) => {
  it('variances near 1e-160 (effects near 1e-80) give the BCG fit in those units', () => {
    const c = 1e-80;
    const base = metaAnalysis({ yi, vi }, { method });
    const tiny = metaAnalysis({ yi: yi.map((y) => y * c), vi: vi.map((v) => v * c * c) }, { method });
    expect(rel(tiny.estimate, c * base.estimate)).toBeLessThan(1e-10);
    expect(rel(tiny.se, c * base.se)).toBeLessThan(1e-10);
    if (base.tau2 > 0) expect(rel(tiny.tau2, c * c * base.tau2)).toBeLessThan(1e-10);
    expect(rel(tiny.q, base.q)).toBeLessThan(1e-10);
  });
  it('effects near 1e154 (variances near 1e308) give the BCG fit in those units', () => {
    const c = 1e154;
    const base = metaAnalysis({ yi, vi }, { method });
    const huge = metaAnalysis({ yi: yi.map((y) => y * c), vi: vi.map((v) => v * c * c) }, { method });
    expect(rel(huge.estimate, c * base.estimate)).toBeLessThan(1e-10);
    expect(rel(huge.se, c * base.se)).toBeLessThan(1e-10);
    expect(rel(huge.q, base.q)).toBeLessThan(1e-10);
    expect(huge.i2).toBeCloseTo(base.i2, 8);
  });
});

describe('variances of 1e-160 are variances, not zeros', () => {
  it('an EE fit of two studies with vi = 1e-160', () => {
    const fit = metaAnalysis({ yi: [1e-80, 3e-80], vi: [1e-160, 1e-160] }, { method: 'EE' });
    expect(rel(fit.estimate, 2e-80)).toBeLessThan(1e-14);
    expect(rel(fit.se, Math.sqrt(0.5e-160))).toBeLessThan(1e-14);
    expect(rel(fit.q, 2)).toBeLessThan(1e-14); // (1e-80)²/1e-160 · 2
  });
  it('meta-regression with variances near 1e-200', () => {
    const c = 1e-100;
    const x = [44, 55, 42, 52, 13, 44, 19, 13, 27, 42, 18, 33, 33];
    const base = metaRegression({ yi, vi }, { moderators: { x } });
    const tiny = metaRegression({ yi: yi.map((y) => y * c), vi: vi.map((v) => v * c * c) }, { moderators: { x } });
    expect(rel(tiny.coefficients[1]!.estimate, c * base.coefficients[1]!.estimate)).toBeLessThan(1e-10);
    expect(rel(tiny.tau2, c * c * base.tau2)).toBeLessThan(1e-10);
  });
});

describe('Knapp–Hartung with identical estimates', () => {
  it('reports SE 0 as metafor does, and warns that the test carries no information', () => {
    const fit = metaAnalysis({ yi: [0.3, 0.3, 0.3, 0.3], vi: [0.01, 0.02, 0.03, 0.04] }, { method: 'REML', test: 'knha' });
    expect(fit.se).toBe(0);
    expect(fit.warnings.join(' ')).toMatch(/Knapp–Hartung: the weighted residuals are all zero .* SE is 0/);
    const reg = metaRegression({ yi: [0.1, 0.2, 0.3, 0.4], vi: [0.01, 0.02, 0.03, 0.04] }, { moderators: { x: [1, 2, 3, 4] }, test: 'knha' });
    expect(reg.warnings.join(' ')).toMatch(/Knapp–Hartung: the weighted residuals are all zero/);
  });
  it('does not warn when the residuals are spread', () => {
    const fit = metaAnalysis({ yi, vi }, { test: 'knha' });
    expect(fit.warnings.some((w) => /Knapp–Hartung/.test(w))).toBe(false);
  });
});

describe('multilevel in extreme units', () => {
  it('variances near 1e-160 and near 1e300 give the fit of the data in ordinary units', () => {
    const y = [0.1, 0.3, 0.9, 1.1, -0.2, 0, 0.5];
    const v = [0.01, 0.02, 0.01, 0.03, 0.01, 0.02, 0.015];
    const outer = ['a', 'a', 'b', 'b', 'c', 'c', 'c'];
    const inner = ['1', '2', '1', '2', '1', '2', '3'];
    const base = multilevel({ yi: y, vi: v }, { outer, inner });
    for (const c of [1e-80, 1e150]) {
      const f = multilevel({ yi: y.map((t) => t * c), vi: v.map((t) => t * c * c) }, { outer, inner });
      expect(rel(f.estimate, c * base.estimate)).toBeLessThan(1e-10);
      expect(rel(f.se, c * base.se)).toBeLessThan(1e-10);
      expect(rel(f.sigma2[0], c * c * base.sigma2[0])).toBeLessThan(1e-10);
      expect(rel(f.sigma2[1], c * c * base.sigma2[1])).toBeLessThan(1e-10);
      // REML log-likelihood of data in other units: −(k − 1)·log c apart
      expect(Math.abs(f.logLik - (base.logLik - (y.length - 1) * Math.log(c)))).toBeLessThan(1e-8 * Math.abs(f.logLik));
      expect(f.converged).toBe(true);
    }
  });
});
