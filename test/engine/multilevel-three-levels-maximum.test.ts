// multilevel with three nested levels and a moderator returns the global maximum of its REML
// likelihood: checked against an independent dense-matrix likelihood (V formed in full, solved
// by Gaussian elimination) and a brute-force 3-D grid with coordinate-wise golden refinement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multilevel } from '../../src/index.ts';
import { goldenMax } from './brute-force-likelihood.ts';
import { denseSolve } from '../dense-solve.ts';

const SEED = 20261202;

/** REML log-likelihood (metafor's constants) of y ~ N(Xβ, diag(v) + Σ_l σ²_l [same label at level l]). */
function denseReml(y: number[], v: number[], xs: number[][], groups: string[][], s2: number[]): number {
  const n = y.length;
  const p = xs[0]!.length;
  const a = y.map((_, i) => y.map((__, j) => (i === j ? v[i]! : 0) + groups.reduce((s, g, l) => s + (g[i] === g[j] ? s2[l]! : 0), 0)));
  const { x: sol, logDet } = denseSolve(a, y.map((yi, i) => [yi, ...xs[i]!]));
  // XᵀV⁻¹X, XᵀV⁻¹y, yᵀV⁻¹y
  const xtvx = Array.from({ length: p }, (_, r) => Array.from({ length: p }, (__, c) => xs.reduce((s, row, i) => s + row[r]! * sol[i]![1 + c]!, 0)));
  const xtvy = Array.from({ length: p }, (_, r) => xs.reduce((s, row, i) => s + row[r]! * sol[i]![0]!, 0));
  const ytvy = y.reduce((s, yi, i) => s + yi * sol[i]![0]!, 0);
  const inner = denseSolve(xtvx, xtvy.map((t) => [t]));
  const beta = inner.x.map((r) => r[0]!);
  const rss = ytvy - beta.reduce((s, b, r) => s + b * xtvy[r]!, 0);
  const xtx = Array.from({ length: p }, (_, r) => Array.from({ length: p }, (__, c) => xs.reduce((s, row) => s + row[r]! * row[c]!, 0)));
  const logDetXtX = denseSolve(xtx, xtx.map(() => [0])).logDet;
  return -0.5 * ((n - p) * Math.log(2 * Math.PI) + logDet + inner.logDet + rss) + 0.5 * logDetXtX;
}

function bruteMaximum(f: (s: number[]) => number, scale: number): number {
  const axis = [0, ...Array.from({ length: 11 }, (_, j) => scale * 1e-5 * 1e6 ** (j / 10))];
  let best = { s: [0, 0, 0], ll: -Infinity };
  for (const a of axis) for (const b of axis) for (const c of axis) {
    const ll = f([a, b, c]);
    if (ll > best.ll) best = { s: [a, b, c], ll };
  }
  for (let round = 0; round < 15; round++) {
    for (let l = 0; l < 3; l++) {
      const at = (x: number) => f(best.s.map((s, j) => (j === l ? x : s)));
      const x = goldenMax(at, 0, Math.max(best.s[l]! * 3, scale * 1e-5), 60);
      const ll = at(x);
      if (ll > best.ll) best = { s: best.s.map((s, j) => (j === l ? x : s)), ll };
    }
  }
  return best.ll;
}

describe('multilevel with three nested levels and a moderator: global maximum of the REML likelihood', () => {
  it('matches the dense likelihood at its answer and is never below a brute-force maximiser', () => {
    const rows = fc.array(
      fc.record({
        yi: fc.double({ min: -3, max: 3, noNaN: true }),
        logv: fc.double({ min: -2, max: 0, noNaN: true }),
        x: fc.double({ min: 0, max: 5, noNaN: true }),
        a: fc.integer({ min: 0, max: 2 }),
        b: fc.integer({ min: 0, max: 1 }),
      }),
      { minLength: 8, maxLength: 11 },
    );
    fc.assert(
      fc.property(rows, (data) => {
        const yi = data.map((d) => d.yi);
        const vi = data.map((d) => 10 ** d.logv);
        const groups = [data.map((d) => `a${d.a}`), data.map((d) => `b${d.b}`), data.map((_, i) => `e${i}`)];
        const nested = groups.map((_, l) => new Set(data.map((d, i) => groups.slice(0, l + 1).map((g) => g[i]).join('/'))).size);
        if (nested[0]! < 2 || nested[0] === nested[1] || nested[1] === nested[2]) return;
        const x = data.map((d) => d.x);
        if (Math.max(...x) - Math.min(...x) < 0.5) return;
        const fit = multilevel({ yi, vi }, { levels: groups, moderators: { x } });
        const xs = x.map((xi) => [1, xi]);
        // a group of level l is the combination of the labels of levels 1 … l (metafor's a/b/c)
        const combined = groups.map((_, l) => data.map((__, i) => groups.slice(0, l + 1).map((g) => g[i]).join('/')));
        const f = (s: number[]) => denseReml(yi, vi, xs, combined, s);
        const ours = f([...fit.sigma2]);
        expect(Math.abs(ours - fit.logLik)).toBeLessThan(1e-8 * (1 + Math.abs(ours)));
        const scale = Math.max(...vi) + yi.reduce((p, q) => p + q * q, 0);
        expect(ours).toBeGreaterThanOrEqual(bruteMaximum(f, scale) - 1e-8);
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
