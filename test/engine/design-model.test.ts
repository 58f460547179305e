// designModel (one fused pass per fit, buffers owned by the model, fits remembered by τ²) and the
// binned scan of large meta-regressions, checked against reference computations written here:
// the normal equations solved densely (test/dense-solve.ts), the residual-forming matrix
// P = A − AX(XᵀAX)⁻¹XᵀA formed explicitly, and exact fits at every grid point.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, metaRegression } from '../../src/index.ts';
import { designModel } from '../../src/models/engine/design-model.ts';
import { binnedGridSums, binnedMoments, BINNED_SCAN_MIN_K } from '../../src/models/engine/binned-grid-sums.ts';
import type { WeightedModel } from '../../src/models/engine/weighted-model.ts';
import { scaledDesign } from '../../src/models/regression/design-matrix.ts';
import { findCollinear } from '../../src/models/regression/find-collinear.ts';
import { TAU2_ESTIMATORS } from '../../src/models/tau2/estimators.ts';
import { DEFAULT_TAU2_CONTROL } from '../../src/models/tau2/tau2-fit.ts';
import { denseSolve } from '../dense-solve.ts';
import { largeStudies } from './large-studies.ts';

const SEED = 20261201;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** Everything a fit reports, from P formed explicitly (k × k). */
function reference(x: number[][], y: number[], a: number[], d: number[], e: number[]) {
  const k = y.length;
  const p = x[0]!.length;
  const g = Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, l) => x.reduce((s, row, i) => s + a[i]! * row[j]! * row[l]!, 0)));
  const xay = Array.from({ length: p }, (_, j) => [x.reduce((s, row, i) => s + a[i]! * row[j]! * y[i]!, 0)]);
  const { x: sol, logDet } = denseSolve(g, xay);
  const coef = sol.map((r) => r[0]!);
  const ginv = denseSolve(g, Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, l) => (j === l ? 1 : 0)))).x;
  const q = (i: number, j: number) => x[i]!.reduce((s, xi, u) => s + xi * x[j]!.reduce((t, xj, w) => t + ginv[u]![w]! * xj, 0), 0);
  const P = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? a[i]! : 0) - a[i]! * a[j]! * q(i, j)));
  const Py = P.map((row) => row.reduce((s, pij, j) => s + pij * y[j]!, 0));
  let trPP = 0, tdd = 0, tde = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    trPP += P[i]![j]! ** 2;
    tdd += d[i]! * d[j]! * P[i]![j]! ** 2;
    tde += e[j]! * P[i]![j]! ** 2;
  }
  return {
    coef, logDetGram: logDet,
    sumW: a.reduce((s, t) => s + t, 0), sumW2: a.reduce((s, t) => s + t * t, 0),
    rss: y.reduce((s, yi, i) => s + yi * Py[i]!, 0), rss2: Py.reduce((s, t) => s + t * t, 0),
    trP: P.reduce((s, row, i) => s + row[i]!, 0), trPP,
    trPV: P.reduce((s, row, i) => s + d[i]! * row[i]!, 0), tdd, tde,
  };
}

function flat(x: number[][]): Float64Array {
  return Float64Array.from(x.flat());
}

describe('designModel', () => {
  const data = fc.integer({ min: 6, max: 14 }).chain((k) => fc.record({
    x1: fc.array(fc.integer({ min: -30, max: 30 }).map((i) => i / 10), { minLength: k, maxLength: k }),
    x2: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: k, maxLength: k }),
    y: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: k, maxLength: k }),
    a: fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: k, maxLength: k }),
    d: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: k, maxLength: k }),
    // a response explained almost entirely by the moderators: the residual sums then cancel
    explained: fc.boolean(),
  }));

  it('a fit at weights agrees with the normal equations and P formed explicitly', () => {
    fc.assert(fc.property(data, (s) => {
      const k = s.y.length;
      const design = scaledDesign([Float64Array.from(s.x1), Float64Array.from(s.x2)], ['x1', 'x2'], k);
      if (findCollinear(design) > 0) return; // metaRegression refuses these designs
      // a nearly collinear design is no test of the sums (the dense reference loses the digits)
      let r = 0;
      for (let i = 0; i < k; i++) r += (design.x[3 * i + 1]! * design.x[3 * i + 2]!) / k;
      if (Math.abs(r) > 0.99) return;
      const x = Array.from({ length: k }, (_, i) => Array.from(design.x.subarray(3 * i, 3 * i + 3)));
      const y = s.explained ? s.x1.map((t, i) => 1e3 + 40 * t - 3 * s.x2[i]! + 1e-6 * s.y[i]!) : s.y;
      const ref = reference(x, y, s.a, s.d, s.d);
      // a badly conditioned design is no test of the sums: keep those the dense solve handles
      if (!ref.coef.every(Number.isFinite) || !(ref.trP > 0)) return;
      const model = designModel(design, Float64Array.from(y), Float64Array.from(s.d));
      const fit = model.fitWeights(s.a)!;
      const scale = ref.sumW * Math.max(...y.map(Math.abs)) ** 2;
      for (let j = 0; j < 3; j++) expect(Math.abs(fit.coef[j]! - ref.coef[j]!)).toBeLessThan(1e-9 * (1 + Math.abs(ref.coef[j]!)));
      expect(rel(fit.logDetGram, ref.logDetGram)).toBeLessThan(1e-10);
      expect(rel(fit.sumW, ref.sumW)).toBeLessThan(1e-14);
      expect(rel(fit.sumW2, ref.sumW2)).toBeLessThan(1e-14);
      // the dense reference loses digits to cancellation where the engine does not: compare
      // relative to the sum's scale Σaᵢ·max yᵢ², and to itself where the residuals are not tiny
      expect(Math.abs(fit.rss - ref.rss)).toBeLessThanOrEqual(1e-9 * ref.rss + 1e-13 * scale);
      expect(Math.abs(fit.rss2 - ref.rss2)).toBeLessThanOrEqual(1e-9 * ref.rss2 + (1e-13 * scale * ref.sumW2) / ref.sumW);
      expect(rel(fit.trP, ref.trP)).toBeLessThan(1e-9);
      expect(rel(fit.trPP, ref.trPP)).toBeLessThan(1e-9);
      expect(rel(fit.traceDiagonal(s.d), ref.trPV)).toBeLessThan(1e-9);
      expect(rel(fit.traceProduct(s.d, s.d), ref.tdd)).toBeLessThan(1e-9);
      expect(rel(fit.traceProduct(null, s.d), ref.tde)).toBeLessThan(1e-9);
    }), { seed: SEED, numRuns: 120 });
  });

  it('a fit at τ² is that at weights 1/(vᵢ + τ²), and asking again for a τ² gives the same fit', () => {
    const k = 9;
    const design = scaledDesign([Float64Array.from({ length: k }, (_, i) => i * i)], ['x'], k);
    const y = Float64Array.from({ length: k }, (_, i) => Math.cos(3 * i));
    const v = Float64Array.from({ length: k }, (_, i) => 0.1 + 0.05 * i);
    const model = designModel(design, y, v);
    const read = (f: ReturnType<WeightedModel['fitTau2']>) => {
      const g = f!;
      return [...g.coef, g.sumW, g.sumW2, g.rss, g.rss2, g.trP, g.trPP, g.logDetGram, g.traceDiagonal(v), g.traceProduct(v, null)];
    };
    const first = read(model.fitTau2(0.3));
    const byWeights = read(model.fitWeights(Float64Array.from(v, (t) => 1 / (t + 0.3))));
    for (const t of [0, 1, 2, 5, 0.7]) model.fitTau2(t);
    const again = read(model.fitTau2(0.3));
    expect(again).toEqual(first);
    first.forEach((value, j) => expect(rel(byWeights[j]!, value)).toBeLessThan(1e-13));
    // a remembered fit answers the traces at its own weights
    model.fitTau2(0.3);
    model.fitTau2(2);
    expect(read(model.fitTau2(0.3))).toEqual(first);
  });

  it('scans and iterates on exact fits only below BINNED_SCAN_MIN_K studies', () => {
    const design = scaledDesign([new Float64Array([1, 2, 3])], ['x'], 3);
    const model = designModel(design, new Float64Array([1, 2, 4]), new Float64Array([1, 1, 1]));
    expect(model.gridSums).toBeUndefined();
    expect(model.approximateSums).toBeUndefined();
  });

  it('is null at an infinite weight or a singular design', () => {
    const design = scaledDesign([new Float64Array([1, 2, 3])], ['x'], 3);
    expect(designModel(design, new Float64Array([1, 2, 4]), new Float64Array([0, 1, 1])).fitTau2(0)).toBeNull();
    expect(designModel(design, new Float64Array([1, 2, 4]), new Float64Array([1, 1, 1])).fitWeights([1, 0, 0])).toBeNull();
  });
});

/** k studies with three uniform moderators (a seeded generator, as the benchmark's). */
const largeData = (k: number, spreadV: boolean) => largeStudies(k, spreadV);

describe('binned scan of a large meta-regression', () => {
  const k = BINNED_SCAN_MIN_K + 904;
  it.each([false, true])('sums agree with exact fits at every grid point (variances over four decades: %s)', (spreadV) => {
    const { yi, vi, mods } = largeData(k, spreadV);
    const design = scaledDesign(mods, ['a', 'b', 'c'], k);
    const model = designModel(design, yi, vi);
    const grid = [1e-5, 1e-3, 0.01, 0.05, 0.2, 1, 30, 1e3];
    const sums = binnedGridSums(design, yi, vi, grid, new Float64Array(4))!;
    const moments = binnedMoments(design, yi, vi, new Float64Array(4))!;
    grid.forEach((t, j) => {
      const fit = model.fitTau2(t)!;
      // each weight (square, cube) is within 10·2⁻³³ ≈ 1.2e-9 of itself; the sums within that of Σaᵢ|fᵢ|
      for (const name of ['sumW', 'sumW2', 'rss', 'rss2', 'trP'] as const) expect(rel(sums[j]![name], fit[name])).toBeLessThan(1e-8);
      expect(rel(moments.sums(t)!.trPP, fit.trPP)).toBeLessThan(1e-8);
    });
  });

  it.each(['REML', 'ML', 'EB'] as const)('%s: the binned scan and approximate scoring find the τ² of exact fits only', (method) => {
    const { yi, vi, mods } = largeData(k, true);
    const design = scaledDesign(mods, ['a', 'b', 'c'], k);
    const model = designModel(design, yi, vi);
    expect(model.gridSums).toBeDefined();
    expect(model.approximateSums).toBeDefined();
    // the same model without `gridSums` and `approximateSums`: every score is an exact fit
    const exact: WeightedModel = {
      k: model.k, p: model.p, y: model.y, v: model.v, unit: model.unit,
      fitTau2: (t) => model.fitTau2(t), fitWeights: (a) => model.fitWeights(a), sumLogV: (t) => model.sumLogV(t),
    };
    const estimate = TAU2_ESTIMATORS[method];
    const fused = estimate(model, DEFAULT_TAU2_CONTROL);
    const plain = estimate(exact, DEFAULT_TAU2_CONTROL);
    expect(fused.tau2).toBeGreaterThan(0);
    expect(rel(fused.tau2, plain.tau2)).toBeLessThan(1e-12);
    expect(rel(fused.se!, plain.se!)).toBeLessThan(1e-12);
    expect(fused.warnings).toEqual(plain.warnings);
  });

  it('R² uses the binned scan for the intercept-only τ² and agrees with metaAnalysis', () => {
    const { yi, vi, mods } = largeData(k, false);
    const fit = metaRegression({ yi, vi }, { moderators: { a: mods[0]!, b: mods[1]!, c: mods[2]! } });
    const tau2Null = metaAnalysis({ yi, vi }).tau2;
    expect(rel(fit.r2!, Math.max(0, (100 * (tau2Null - fit.tau2)) / tau2Null))).toBeLessThan(1e-9);
  });
});
