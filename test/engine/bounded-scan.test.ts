// The likelihood scan skips grid points where monotone bounds prove the score has one sign
// (src/models/tau2/bounded-scan.ts). Checked here: the premise (yᵀPPy, tr P and Σwᵢ do not
// increase with τ², summed directly in the test), and that the scan sees exactly the sign
// changes from + to − of the full grid, on random data with spread variances and outliers and on
// data with several maxima (test/engine/global-maximum.test.ts, checked in R).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalysis } from '../../src/index.ts';
import { interceptModel } from '../../src/models/engine/intercept-model.ts';
import { boundedScan, scanBuffers } from '../../src/models/tau2/bounded-scan.ts';
import { scanGrid } from '../../src/models/tau2/likelihood-maximum.ts';
import { bruteLogLik, bruteMaximum } from './brute-force-likelihood.ts';

/** yᵀPPy, tr P and Σwᵢ of the intercept-only model at τ², summed directly. */
function parts(y: readonly number[], v: readonly number[], t: number): { f: number; trP: number; sumW: number } {
  const a = v.map((vi) => 1 / (vi + t));
  const s1 = a.reduce((p, q) => p + q, 0);
  const s2 = a.reduce((p, q) => p + q * q, 0);
  const mu = a.reduce((p, ai, i) => p + ai * y[i]!, 0) / s1;
  const f = a.reduce((p, ai, i) => p + (ai * (y[i]! - mu)) ** 2, 0);
  return { f, trP: s1 - s2 / s1, sumW: s1 };
}

const spread = fc.array(
  fc.record({
    yi: fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true })),
    logv: fc.double({ min: -3, max: 1, noNaN: true }),
  }),
  { minLength: 3, maxLength: 30 },
).map((rows) => ({ y: rows.map((r) => r.yi), v: rows.map((r) => 10 ** r.logv) }));

/** The + → − sign changes between neighbouring evaluated points: [left index, right index]. */
function signChanges(score: ArrayLike<number>, done: ArrayLike<number> | null, n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0, next = 1; next < n; next++) {
    if (done !== null && done[next] === 0) continue;
    if (score[j]! > 0 && score[next]! <= 0) out.push([j, next]);
    j = next;
  }
  return out;
}

/** The bounded scan's and the full grid's sign changes of the ML or REML score on τ² = 0 and `scanGrid`, and the points evaluated. */
function compare(y: readonly number[], v: readonly number[], reml: boolean) {
  const model = interceptModel(Float64Array.from(y), Float64Array.from(v));
  const score = (t: number) => {
    const q = parts(y, v, t);
    return q.f - (reml ? q.trP : q.sumW);
  };
  const points = [0, ...scanGrid(model, score)];
  const n = points.length;
  const full = points.map(score);
  const b = scanBuffers(n);
  let evaluated = 0;
  boundedScan(n, (idx, count) => {
    for (let c = 0; c < count; c++) {
      const i = idx[c]!;
      const q = parts(y, v, points[i]!);
      const g = reml ? q.trP : q.sumW;
      b.score[i] = q.f - g;
      b.upper[i] = q.f;
      b.lower[i] = g;
      b.weight[i] = q.sumW;
      evaluated++;
    }
  }, b);
  return { full: signChanges(full, null, n), bounded: signChanges(b.score, b.done, n), evaluated, n, done: b.done };
}

describe('the bounds: yᵀPPy, tr P and Σwᵢ do not increase with τ²', () => {
  it('on a fine grid, summed directly', () => {
    fc.assert(
      fc.property(spread, ({ y, v }) => {
        let last = parts(y, v, 0);
        for (let t = 1e-4; t < 1e3; t *= 1.1) {
          const q = parts(y, v, t);
          expect(q.f).toBeLessThanOrEqual(last.f * (1 + 1e-12) + 1e-300);
          expect(q.trP).toBeLessThanOrEqual(last.trP * (1 + 1e-12));
          expect(q.sumW).toBeLessThanOrEqual(last.sumW);
          last = q;
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe.each([['REML', true], ['ML', false]] as const)('%s: boundedScan sees every sign change of the full grid', (_name, reml) => {
  it('random data, variances over four decades, outliers', () => {
    fc.assert(
      fc.property(spread, ({ y, v }) => {
        if (new Set(y).size < 2) return;
        const r = compare(y, v, reml);
        expect(r.bounded).toEqual(r.full);
        expect(r.done[0]).toBe(1);
        expect(r.done[r.n - 1]).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('data with several maxima: τ² = 0 and an interior maximum (checked in R)', () => {
    const data = reml
      ? { y: [0.048, -0.096, -5.133, -0.052, 0.487, 0.652], v: [0.00182, 0.0197, 1.96, 0.0056, 3.71, 2.37] }
      : { y: [-0.868, 0.024, 1.713, 0.901, -0.092, -0.016, -1.948], v: [0.112, 0.00248, 4.98, 5.81, 0.0589, 0.00618, 0.203] };
    const r = compare(data.y, data.v, reml);
    expect(r.full.length).toBeGreaterThanOrEqual(1);
    expect(r.bounded).toEqual(r.full);
  });

  it('data with two interior maxima (found by a random search; the full grid, summed directly, shows both)', () => {
    const data = reml
      ? { y: [0.167, -1.89, 0.495, 15.875], v: [0.00276, 2.01, 0.0146, 8.44] }
      : { y: [-14.855, -0.748, 0.687, -0.321, -0.553], v: [8.52, 0.00364, 0.0314, 0.15, 0.00213] };
    const r = compare(data.y, data.v, reml);
    expect(r.full.length).toBe(2);
    expect(r.bounded).toEqual(r.full);
    // and the fit is the global maximum (the brute-force maximiser of ./brute-force-likelihood.ts)
    const x = data.y.map(() => [1]);
    const fit = metaAnalysis({ yi: data.y, vi: data.v }, { method: reml ? 'REML' : 'ML' });
    expect(bruteLogLik(data.y, data.v, x, fit.tau2, reml)).toBeGreaterThanOrEqual(bruteMaximum(data.y, data.v, x, reml).ll - 1e-8);
  });
});

describe('boundedScan evaluates fewer points', () => {
  it('random-effects data, k = 1000: at most 60 % of the grid', () => {
    let s = 7;
    const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
    const v = Array.from({ length: 1000 }, () => 0.01 + 0.2 * u());
    const y = v.map((vi) => 0.3 + Math.sqrt(0.05 + vi) * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
    const r = compare(y, v, true);
    expect(r.bounded).toEqual(r.full);
    expect(r.full.length).toBe(1);
    expect(r.evaluated).toBeLessThanOrEqual(0.6 * r.n);
  });
});
