// The large-k paths of designModel (k ≥ BINNED_SCAN_MIN_K): blocked design sums, fits near the
// latest fit from its power series, the unit-weight fit's tr(PV), tr(PV) from one p × p matrix,
// tr(PP) of a fit at τ² = 0 summed on request.
// Each is checked against sums written out here row by row (O(k·p²), or O(k²·p) for tr(PP)),
// with the normal equations solved densely (test/dense-solve.ts): nothing of src/ is reused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designModel } from '../../src/models/engine/design-model.ts';
import { BINNED_SCAN_MIN_K } from '../../src/models/engine/binned-grid-sums.ts';
import { addCrossBlock, addGramBlock } from '../../src/models/engine/gram-block.ts';
import { emptySeries, seriesSums, SERIES_RADIUS } from '../../src/models/engine/weight-series.ts';
import { scaledDesign } from '../../src/models/regression/design-matrix.ts';
import { denseSolve } from '../dense-solve.ts';
import { largeStudies } from './large-studies.ts';

const SEED = 20261202;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('addGramBlock and addCrossBlock', () => {
  it('add Σcₜxᵢxᵢᵀ and Σcₜxᵢ over a block, for one to three factor vectors', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1e6 }),
      (p, n, first, count, seed) => {
        let s = seed;
        const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32 - 0.5;
        const x = Float64Array.from({ length: (first + n) * p }, u);
        const c = [0, 1, 2].map(() => Float64Array.from({ length: n }, u));
        const out = new Float64Array(3 * p * p).fill(1); // added to, not overwritten
        addGramBlock(x, p, first, n, c[0]!, count > 1 ? c[1]! : null, count > 2 ? c[2]! : null, out, 0, p * p, 2 * p * p);
        const cross = new Float64Array(2 * p).fill(1);
        addCrossBlock(x, p, first, n, c[0]!, count > 1 ? c[1]! : null, cross, 0, p);
        for (let m = 0; m < 3; m++) {
          for (let j = 0; j < p; j++) {
            for (let l = 0; l < p; l++) {
              let direct = 0;
              for (let t = 0; t < n; t++) direct += c[m]![t]! * x[(first + t) * p + j]! * x[(first + t) * p + l]!;
              const expected = m < count && l <= j ? 1 + direct : 1;
              expect(Math.abs(out[m * p * p + j * p + l]! - expected)).toBeLessThan(1e-13 * (1 + n));
            }
            if (m < 2) {
              let direct = 0;
              for (let t = 0; t < n; t++) direct += c[m]![t]! * x[(first + t) * p + j]!;
              expect(Math.abs(cross[m * p + j]! - (m < count ? 1 + direct : 1))).toBeLessThan(1e-13 * (1 + n));
            }
          }
        }
      },
    ), { seed: SEED, numRuns: 60 });
  });
});

describe('seriesSums', () => {
  /** Σ xᵢxⱼ/(vᵢ + t)ʲ directly, for a one-column design x. */
  const direct = (x: number[], v: number[], t: number, j: number) => x.reduce((s, xi, i) => s + (xi * xi) / (v[i]! + t) ** j, 0);
  it('equals the sums taken directly at τ² within its radius, and declines outside it', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), { minLength: 1, maxLength: 20 }),
      fc.double({ min: 0.001, max: 5, noNaN: true }), fc.double({ min: -0.99, max: 0.99, noNaN: true }),
      (v, t0, shrink) => {
        const x = v.map((_, i) => 1 + i / 10);
        const s = emptySeries(1);
        s.tau2 = t0;
        s.maxA = Math.max(...v.map((vi) => 1 / (vi + t0)));
        for (let j = 1; j <= 4; j++) s.gram[j] = direct(x, v, t0, j);
        for (let j = 1; j <= 3; j++) s.power[j] = v.reduce((q, vi) => q + 1 / (vi + t0) ** j, 0);
        const acc = new Float64Array(5);
        const scalars = new Float64Array(4);
        const t = t0 + (shrink * SERIES_RADIUS) / s.maxA;
        expect(seriesSums(s, t, acc, scalars)).toBe(true);
        for (let j = 1; j <= 3; j++) expect(rel(acc[j - 1]!, direct(x, v, t, j))).toBeLessThan(1e-14);
        expect(rel(scalars[2]!, v.reduce((q, vi) => q + 1 / (vi + t), 0))).toBeLessThan(1e-14);
        expect(seriesSums(s, t0 + (3 * SERIES_RADIUS) / s.maxA, acc, scalars)).toBe(false);
      },
    ), { seed: SEED, numRuns: 100 });
  });
});

/** Everything a fit at weights a reports, summed row by row (tr(PP) over all pairs of rows). */
function reference(x: Float64Array, p: number, y: Float64Array, a: ArrayLike<number>, d: ArrayLike<number>, withTrPP: boolean) {
  const k = y.length;
  const row = (i: number) => Array.from(x.subarray(i * p, (i + 1) * p));
  const g = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const b = Array.from({ length: p }, () => [0]);
  for (let i = 0; i < k; i++) {
    const xi = row(i);
    for (let j = 0; j < p; j++) {
      b[j]![0]! += a[i]! * xi[j]! * y[i]!;
      for (let l = 0; l < p; l++) g[j]![l]! += a[i]! * xi[j]! * xi[l]!;
    }
  }
  const { x: sol, logDet } = denseSolve(g, b);
  const coef = sol.map((r) => r[0]!);
  const ginv = denseSolve(g, Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, l) => (j === l ? 1 : 0)))).x;
  // zᵢ = G⁻¹xᵢ, Pᵢⱼ = δᵢⱼaᵢ − aᵢaⱼxᵢᵀzⱼ
  const z = Array.from({ length: k }, (_, i) => ginv.map((r) => r.reduce((s, gij, l) => s + gij * x[i * p + l]!, 0)));
  let rss = 0, rss2 = 0, trP = 0, trPV = 0, trPP = 0;
  for (let i = 0; i < k; i++) {
    const r = y[i]! - row(i).reduce((s, xij, j) => s + xij * coef[j]!, 0);
    rss += a[i]! * r * r;
    rss2 += a[i]! * a[i]! * r * r;
    const pii = a[i]! - a[i]! * a[i]! * z[i]!.reduce((s, zi, j) => s + zi * x[i * p + j]!, 0);
    trP += pii;
    trPV += d[i]! * pii;
    for (let j = 0; j < k && withTrPP; j++) {
      let q = 0;
      for (let l = 0; l < p; l++) q += x[i * p + l]! * z[j]![l]!;
      const pij = (i === j ? a[i]! : 0) - a[i]! * a[j]! * q;
      trPP += pij * pij;
    }
  }
  return { coef, logDetGram: logDet, sumW: Array.from(a).reduce((s, t) => s + t, 0), rss, rss2, trP, trPP, trPV };
}

describe('designModel at large k', () => {
  const k = BINNED_SCAN_MIN_K + 100;
  it.each([false, true])('fits from a pass, from the series of the latest pass, at unit weights and at τ² = 0 agree with sums row by row (variances over four decades: %s)', (spread) => {
    const { yi: y, vi: v, mods } = largeStudies(k, spread, 777);
    const design = scaledDesign(mods, ['a', 'b', 'c'], k);
    const model = designModel(design, y, v);
    const check = (fit: NonNullable<ReturnType<typeof model.fitTau2>>, a: ArrayLike<number>, tol: number, withTrPP = false) => {
      const ref = reference(design.x, 4, y, a, v, withTrPP);
      for (const name of ['logDetGram', 'sumW', 'rss', 'rss2', 'trP'] as const) expect(rel(fit[name], ref[name])).toBeLessThan(tol);
      // the reference adds k² squares of Pᵢⱼ without compensation (weights over four decades)
      if (withTrPP) expect(rel(fit.trPP, ref.trPP)).toBeLessThan(100 * tol);
      fit.coef.forEach((c, j) => expect(Math.abs(c - ref.coef[j]!)).toBeLessThan(tol * (1 + Math.abs(ref.coef[j]!))));
      expect(rel(fit.traceDiagonal(v), ref.trPV)).toBeLessThan(tol);
    };
    const ones = new Float64Array(k).fill(1);
    check(model.fitWeights(ones)!, ones, 1e-12); // the unit-weight fit: tr(PV) from XᵀVX
    const t0 = 0.05;
    const weightsAt = (t: number) => Float64Array.from(v, (vi) => 1 / (vi + t));
    check(model.fitTau2(t0)!, weightsAt(t0), 1e-12); // a pass that keeps the series
    // the last steps of Fisher scoring: within the series' radius, no pass
    for (const t of [t0 * (1 + 1e-12), t0 * (1 - 3e-13), t0 * (1 + 2e-11)]) check(model.fitTau2(t)!, weightsAt(t), 1e-12, t === t0 * (1 + 1e-12));
    // at τ² = 0 the pass leaves S₃ out; tr(PP) is summed when asked for
    check(model.fitTau2(0)!, weightsAt(0), 1e-12, true);
    check(model.fitTau2(t0 * (1 + 5e-12))!, weightsAt(t0 * (1 + 5e-12)), 1e-12); // the series survives a fit at 0
    check(model.fitTau2(0.3)!, weightsAt(0.3), 1e-12); // outside the radius: a new pass
  });
});
