// multilevel returns the global maximum of its REML likelihood over both variance components,
// checked against an independent dense-matrix likelihood and a brute-force 2-D maximiser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multilevel } from '../../src/index.ts';
import { goldenMax } from './brute-force-likelihood.ts';
import { denseSolve } from '../dense-solve.ts';

const SEED = 20261201;

/** REML log-likelihood of y ~ μ with V = diag(v) + σ²_in·I + σ²_out·(same outer cluster), dense. */
function denseRemlLogLik(y: number[], v: number[], outer: string[], s2out: number, s2in: number): number {
  const n = y.length;
  const a = y.map((_, i) => y.map((__, j) => (i === j ? v[i]! + s2in : 0) + (outer[i] === outer[j] ? s2out : 0)));
  // V⁻¹y and V⁻¹1 (and log|V|) by Gaussian elimination
  const { x: sol, logDet } = denseSolve(a, y.map((yi) => [yi, 1]));
  const viy = sol.map((row) => row[0]!);
  const vi1 = sol.map((row) => row[1]!);
  const s1 = vi1.reduce((p, q) => p + q, 0);
  const mu = viy.reduce((p, q) => p + q, 0) / s1;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i]! - mu) * (viy[i]! - mu * vi1[i]!);
  return -0.5 * ((n - 1) * Math.log(2 * Math.PI) + logDet + Math.log(s1) + rss) + 0.5 * Math.log(n);
}

function bruteMaximum(y: number[], v: number[], outer: string[]): number {
  const scale = Math.max(...v) + y.reduce((p, q) => p + q * q, 0);
  const axis = [0, ...Array.from({ length: 48 }, (_, j) => scale * 1e-6 * 1e8 ** (j / 47))];
  let best = { a: 0, b: 0, ll: -Infinity };
  for (const a of axis) for (const b of axis) {
    const ll = denseRemlLogLik(y, v, outer, a, b);
    if (ll > best.ll) best = { a, b, ll };
  }
  // coordinate-wise golden-section refinement
  const golden = (f: (x: number) => number, lo: number, hi: number) => goldenMax(f, lo, hi, 100);
  for (let round = 0; round < 30; round++) {
    const a = golden((x) => denseRemlLogLik(y, v, outer, x, best.b), 0, Math.max(best.a * 3, scale * 1e-6));
    if (denseRemlLogLik(y, v, outer, a, best.b) > best.ll) best = { ...best, a, ll: denseRemlLogLik(y, v, outer, a, best.b) };
    const b = golden((x) => denseRemlLogLik(y, v, outer, best.a, x), 0, Math.max(best.b * 3, scale * 1e-6));
    if (denseRemlLogLik(y, v, outer, best.a, b) > best.ll) best = { ...best, b, ll: denseRemlLogLik(y, v, outer, best.a, b) };
  }
  return best.ll;
}

describe('multilevel: global maximum of the REML likelihood', () => {
  it('is never below a brute-force maximiser by more than 1e-8', () => {
    const rows = fc.array(
      fc.record({
        yi: fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -6, max: 6, noNaN: true })),
        logv: fc.double({ min: -3, max: 0.5, noNaN: true }),
        cluster: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 5, maxLength: 10 },
    );
    fc.assert(
      fc.property(rows, (data) => {
        const yi = data.map((d) => d.yi);
        const vi = data.map((d) => 10 ** d.logv);
        const outer = data.map((d) => `c${d.cluster}`);
        const inner = data.map((_, i) => `e${i}`);
        const nOuter = new Set(outer).size;
        if (nOuter < 2 || nOuter === data.length) return;
        const fit = multilevel({ yi, vi }, { outer, inner });
        const ours = denseRemlLogLik(yi, vi, outer, fit.sigma2[0], fit.sigma2[1]);
        expect(Math.abs(ours - fit.logLik)).toBeLessThan(1e-8 * (1 + Math.abs(ours)));
        expect(ours).toBeGreaterThanOrEqual(bruteMaximum(yi, vi, outer) - 1e-8);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});
