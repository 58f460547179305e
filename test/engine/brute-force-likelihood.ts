// An independent (RE)ML likelihood for yᵢ = xᵢᵀβ + uᵢ + εᵢ and a brute-force maximiser over τ² ≥ 0,
// written from the textbook formulas (Viechtbauer, 2005, JEBS 30:261) with plain arrays and
// Gaussian elimination (test/dense-solve.ts), sharing no code with src/: the reference the engine is checked against.

import { denseSolve } from '../dense-solve.ts';

/** Log-likelihood at τ² of outcomes y, variances v and design rows x (intercept included by the caller). */
export function bruteLogLik(y: readonly number[], v: readonly number[], x: readonly (readonly number[])[], tau2: number, reml: boolean): number {
  const k = y.length;
  const p = x[0]!.length;
  const w = v.map((vi) => 1 / (vi + tau2));
  if (w.some((wi) => !Number.isFinite(wi))) return -Infinity;
  const g: number[][] = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  for (let i = 0; i < k; i++) {
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) g[a]![b]! += w[i]! * x[i]![a]! * x[i]![b]!;
      g[a]![p]! += w[i]! * x[i]![a]! * y[i]!;
    }
  }
  const { x: solution, logDet } = denseSolve(g.map((row) => row.slice(0, p)), g.map((row) => [row[p]!]));
  const beta = solution.map((row) => row[0]!);
  let rss = 0;
  let sumLog = 0;
  for (let i = 0; i < k; i++) {
    let fitted = 0;
    for (let a = 0; a < p; a++) fitted += x[i]![a]! * beta[a]!;
    rss += w[i]! * (y[i]! - fitted) ** 2;
    sumLog += Math.log(v[i]! + tau2);
  }
  const n = reml ? k - p : k;
  return -0.5 * (n * Math.log(2 * Math.PI) + sumLog + (reml ? logDet : 0) + rss);
}

/**
 * The maximum of `bruteLogLik` over τ² ≥ 0: τ² = 0 (when every vᵢ > 0), a dense geometric grid of
 * 3000 points over 14 decades around the data's scale, then golden-section search around the
 * best grid point. Slow and simple on purpose.
 */
export function bruteMaximum(y: readonly number[], v: readonly number[], x: readonly (readonly number[])[], reml: boolean): { tau2: number; ll: number } {
  const ll = (t: number) => bruteLogLik(y, v, x, t, reml);
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const spread = Math.max(y.reduce((a, b) => a + (b - mean) ** 2, 0), ...v);
  const lo = spread * 1e-10;
  const hi = spread * 1e4;
  let best = { tau2: 0, ll: v.every((vi) => vi > 0) ? ll(0) : -Infinity };
  const n = 3000;
  const grid: number[] = [];
  for (let j = 0; j <= n; j++) grid.push(lo * (hi / lo) ** (j / n));
  let bestJ = -1;
  grid.forEach((t, j) => {
    const l = ll(t);
    if (l > best.ll) {
      best = { tau2: t, ll: l };
      bestJ = j;
    }
  });
  if (bestJ >= 0) {
    const t = goldenMax(ll, bestJ > 0 ? grid[bestJ - 1]! : 0, grid[Math.min(n, bestJ + 1)]!);
    if (ll(t) > best.ll) best = { tau2: t, ll: ll(t) };
  }
  return best;
}

/** Golden-section search for the maximum of a unimodal f on [lo, hi]. */
export function goldenMax(f: (x: number) => number, lo: number, hi: number, iterations = 200): number {
  const r = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < iterations; it++) {
    const c = hi - r * (hi - lo);
    const d = lo + r * (hi - lo);
    if (f(c) > f(d)) hi = d;
    else lo = c;
  }
  return (lo + hi) / 2;
}
