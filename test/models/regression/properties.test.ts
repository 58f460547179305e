// Properties of metaRegression that hold for any data; each expected value comes from a formula
// evaluated here on the data (subgroup means, weighted means), never from the code under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAU2_METHODS, metaAnalysis, metaRegression, type MetaRegressionResult, type Tau2Method } from '../../../src/index.ts';

interface Row { yi: number; vi: number; x1: number; x2: number }
// Values on a grid (fast shrinking, no denormals): effects in [−3, 3], variances in [0.005, 2],
// moderators in [−5, 5].
const grid = (min: number, max: number, step: number) => fc.integer({ min: Math.round(min / step), max: Math.round(max / step) }).map((n) => n * step);
const row = fc.record({ yi: grid(-3, 3, 0.01), vi: grid(0.005, 2, 0.001), x1: grid(-5, 5, 0.01), x2: grid(-5, 5, 0.01) });
const rows = fc.array(row, { minLength: 6, maxLength: 20 });
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

/** Keeps designs well away from collinearity (the fits must exist to be compared). */
function wellPosed(data: readonly Row[]): boolean {
  const corr = (a: number[], b: number[]) => {
    const n = a.length;
    const ma = a.reduce((s, t) => s + t, 0) / n;
    const mb = b.reduce((s, t) => s + t, 0) / n;
    let sab = 0, saa = 0, sbb = 0;
    for (let i = 0; i < n; i++) {
      sab += (a[i]! - ma) * (b[i]! - mb);
      saa += (a[i]! - ma) ** 2;
      sbb += (b[i]! - mb) ** 2;
    }
    return { r: sab / Math.sqrt(saa * sbb), saa, sbb };
  };
  const c = corr(data.map((d) => d.x1), data.map((d) => d.x2));
  return c.saa > 0.1 && c.sbb > 0.1 && Math.abs(c.r) < 0.99;
}

function fit(data: readonly Row[], method: Tau2Method, test: 'z' | 'knha' = 'z', mods: ('x1' | 'x2')[] = ['x1', 'x2']): MetaRegressionResult {
  return metaRegression(
    { yi: data.map((d) => d.yi), vi: data.map((d) => d.vi) },
    { moderators: Object.fromEntries(mods.map((m) => [m, data.map((d) => d[m])])), method, test },
  );
}

describe.each(TAU2_METHODS)('metaRegression properties, method %s', (method) => {
  it('is invariant to the order of studies', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 1000 }), (data, seed) => {
        fc.pre(wellPosed(data));
        const order = data.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 31) - ((b * 7919 + seed) % 31) || b - a);
        const a = fit(data, method, 'knha');
        const b = fit(order.map((i) => data[i]!), method, 'knha');
        expect(rel(b.tau2, a.tau2)).toBeLessThan(1e-7);
        a.coefficients.forEach((c, j) => {
          expect(rel(b.coefficients[j]!.estimate, c.estimate)).toBeLessThan(1e-7);
          expect(rel(b.coefficients[j]!.se, c.se)).toBeLessThan(1e-7);
        });
        expect(rel(b.qe!, a.qe!)).toBeLessThan(1e-9);
        expect(rel(b.qm ?? 0, a.qm ?? 0)).toBeLessThan(1e-6);
      }),
      { numRuns: 30 },
    );
  });

  it('centring a moderator at its weighted mean makes the intercept the weighted mean of y', () => {
    // With x' = x − Σwx/Σw (wᵢ = 1/(vᵢ + τ̂²)), the intercept of the WLS fit is Σwy/Σw and its
    // z-test SE is 1/√Σw; τ² and the slope do not change (same column space).
    fc.assert(
      fc.property(rows, (data) => {
        fc.pre(wellPosed(data));
        const a = fit(data, method, 'z', ['x1']);
        const w = data.map((d) => 1 / (d.vi + a.tau2));
        const sw = w.reduce((s, t) => s + t, 0);
        const xbar = data.reduce((s, d, i) => s + w[i]! * d.x1, 0) / sw;
        const ybar = data.reduce((s, d, i) => s + w[i]! * d.yi, 0) / sw;
        const b = fit(data.map((d) => ({ ...d, x1: d.x1 - xbar })), method, 'z', ['x1']);
        expect(Math.abs(b.tau2 - a.tau2)).toBeLessThan(1e-8 * Math.max(1, a.tau2));
        expect(rel(b.coefficients[0]!.estimate, ybar)).toBeLessThan(1e-8);
        expect(rel(b.coefficients[0]!.se, 1 / Math.sqrt(sw))).toBeLessThan(1e-8);
        expect(rel(b.coefficients[1]!.estimate, a.coefficients[1]!.estimate)).toBeLessThan(1e-8);
      }),
      { numRuns: 30 },
    );
  });

  it('is scale equivariant: y·c, v·c² give β·c, tau²·c² and the same tests, I² and R²', () => {
    fc.assert(
      fc.property(rows, fc.double({ min: 0.1, max: 20, noNaN: true }), (data, c) => {
        fc.pre(wellPosed(data));
        const a = fit(data, method, 'knha');
        const b = fit(data.map((d) => ({ ...d, yi: d.yi * c, vi: d.vi * c * c })), method, 'knha');
        expect(Math.abs(b.tau2 - a.tau2 * c * c)).toBeLessThan(1e-7 * Math.max(1, a.tau2 * c * c));
        a.coefficients.forEach((co, j) => {
          expect(rel(b.coefficients[j]!.estimate, co.estimate * c)).toBeLessThan(1e-6);
          expect(Math.abs((b.coefficients[j]!.pValue ?? 0) - (co.pValue ?? 0))).toBeLessThan(1e-6);
        });
        expect(Math.abs((b.i2 ?? 0) - (a.i2 ?? 0))).toBeLessThan(1e-6);
        // R² compares with the intercept-only tau²; where that sits on the boundary (Fisher
        // scoring stops at ~1e-14, as metafor's does) the ratio is rounding noise, so skip it.
        const reference = metaAnalysis({ yi: data.map((d) => d.yi), vi: data.map((d) => d.vi) }, { method }).tau2;
        if (reference > 1e-6) expect(Math.abs((b.r2 ?? 0) - (a.r2 ?? 0))).toBeLessThan(1e-5);
        expect(Math.abs((b.qmPValue ?? 0) - (a.qmPValue ?? 0))).toBeLessThan(1e-6);
      }),
      { numRuns: 30 },
    );
  });

  it('recovers an exact linear relation with tau² = 0, and R² = 100 when the slope matters', () => {
    // yᵢ = 1 − 0.5·xᵢ exactly: Q_E = 0, so every estimator truncates tau² at 0, β = (1, −0.5),
    // and the intercept-only tau² is positive for a spread of x that dwarfs the vᵢ.
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 0.05, noNaN: true }), { minLength: 5, maxLength: 20 }), (vi) => {
        const x = vi.map((_, i) => i * 2);
        const r = metaRegression({ yi: x.map((t) => 1 - 0.5 * t), vi }, { moderators: { x }, method });
        // SJ multiplies its start value by Q_E, which is rounding noise (~1e-30) here
        expect(r.tau2).toBeLessThan(1e-20);
        expect(Math.abs(r.coefficients[0]!.estimate - 1)).toBeLessThan(1e-12);
        expect(Math.abs(r.coefficients[1]!.estimate + 0.5)).toBeLessThan(1e-12);
        expect(r.qe).toBeLessThan(1e-20);
        expect(r.r2).toBeCloseTo(100, 8);
      }),
      { numRuns: 20 },
    );
  });

  it('omitting a row with a missing moderator equals fitting without that row', () => {
    fc.assert(
      fc.property(rows, fc.nat(), (data, pick) => {
        const drop = pick % data.length;
        const rest = data.filter((_, i) => i !== drop);
        fc.pre(wellPosed(rest));
        const a = metaRegression(
          { yi: data.map((d) => d.yi), vi: data.map((d) => d.vi) },
          { moderators: { x1: data.map((d, i) => (i === drop ? null : d.x1)), x2: data.map((d) => d.x2) }, method },
        );
        const b = fit(rest, method);
        expect(a.k).toBe(data.length - 1);
        expect(a.warnings.some((w) => w.startsWith(`Row ${drop + 1} omitted`) && w.includes('"x1"'))).toBe(true);
        expect(a.tau2).toBe(b.tau2);
        a.coefficients.forEach((c, j) => expect(c.estimate).toBe(b.coefficients[j]!.estimate));
      }),
      { numRuns: 20 },
    );
  });
});

describe('equal-effects meta-regression on one binary moderator', () => {
  it('gives the group-0 mean as intercept and the difference of the subgroup means as slope', () => {
    // Subgroup inverse-variance means m_g = Σwy/Σw (wᵢ = 1/vᵢ) with SEs 1/√W_g; the slope's SE is
    // √(1/W₀ + 1/W₁), and Q_E is the sum of the within-subgroup Q statistics.
    const group = fc.array(fc.record({ yi: grid(-3, 3, 0.001), vi: grid(0.005, 2, 0.001) }), {
      minLength: 1, maxLength: 12,
    });
    fc.assert(
      fc.property(group, group, (g0, g1) => {
        fc.pre(g0.length + g1.length >= 3);
        const all = [...g0.map((d) => ({ ...d, x: 0 })), ...g1.map((d) => ({ ...d, x: 1 }))];
        const r = metaRegression({ yi: all.map((d) => d.yi), vi: all.map((d) => d.vi) }, { moderators: { treated: all.map((d) => d.x) }, method: 'EE' });
        const summary = (g: { yi: number; vi: number }[]) => {
          const W = g.reduce((s, d) => s + 1 / d.vi, 0);
          const m = g.reduce((s, d) => s + d.yi / d.vi, 0) / W;
          const q = g.reduce((s, d) => s + (d.yi - m) ** 2 / d.vi, 0);
          return { W, m, q };
        };
        const s0 = summary(g0);
        const s1 = summary(g1);
        const scale = Math.max(1, Math.abs(s0.m), Math.abs(s1.m));
        expect(Math.abs(r.coefficients[0]!.estimate - s0.m)).toBeLessThan(1e-10 * scale);
        expect(Math.abs(r.coefficients[1]!.estimate - (s1.m - s0.m))).toBeLessThan(1e-10 * scale);
        expect(rel(r.coefficients[1]!.se, Math.sqrt(1 / s0.W + 1 / s1.W))).toBeLessThan(1e-10);
        expect(Math.abs(r.qe! - (s0.q + s1.q))).toBeLessThan(1e-9 * Math.max(1, s0.q + s1.q));
        expect(r.tau2).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('results', () => {
  it('are frozen plain objects that survive JSON.stringify', () => {
    const r = metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] }, method: 'DL' });
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.coefficients)).toBe(true);
    expect(Object.isFrozen(r.coefficients[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.coefficients.map((c) => c.name)).toEqual(['intercept', 'x']);
  });

  it('list coefficients as intercept, then moderators in insertion order', () => {
    const r = metaRegression(
      { yi: [0.1, 0.3, 0.2, 0.6, 0.4, 0.8], vi: [0.01, 0.02, 0.015, 0.03, 0.01, 0.02] },
      { moderators: { zeta: [1, 2, 3, 4, 5, 7], alpha: [0, 1, 0, 1, 1, 0] }, method: 'REML' },
    );
    expect(r.coefficients.map((c) => c.name)).toEqual(['intercept', 'zeta', 'alpha']);
    expect(r.p).toBe(3);
    expect(r.qmDf).toBe(2);
  });
});
