// The kernels behind multilevel() and robust(): the closed-form likelihood derivatives (checked
// against finite differences of the likelihood itself), the dense linear algebra used per
// cluster (checked by reconstruction), and the O(k) cost per iteration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multilevel, robust } from '../../../src/index.ts';
import { cholesky } from '../../../src/numeric/cholesky.ts';
import { applyReflectors, householderTridiagonal } from '../../../src/models/multilevel/householder-tridiagonal.ts';
import { inverseSqrtTimes } from '../../../src/models/multilevel/inverse-sqrt-times.ts';
import { rowWeights } from '../../../src/models/multilevel/marginal-weights.ts';
import { nestedGroups } from '../../../src/models/multilevel/nested-groups.ts';
import { evaluateNested } from '../../../src/models/multilevel/nested-likelihood.ts';
import { cr1Variance } from '../../../src/models/multilevel/robust-cr1.ts';
import { applyRotations, tridiagonalEigen } from '../../../src/models/multilevel/tridiagonal-eigen.ts';
import { denseSolve } from '../../dense-solve.ts';

const units = {
  y: new Float64Array([0.1, 0.3, 0.9, 1.1, -0.2, 0, 0.5, 0.42]),
  v: new Float64Array([0.01, 0.02, 0.03, 0.01, 0.02, 0.05, 0.01, 0.04]),
  outerOf: new Int32Array([0, 0, 1, 1, 2, 2, 2, 3]),
  nOuter: 4,
};

describe('evaluateNested', () => {
  it.each([[true], [false]])('score and observed information are the derivatives of the log-likelihood (REML %s)', (reml) => {
    const h = 1e-6;
    for (const [a, b] of [[0.2, 0.05], [0.01, 0.3], [0, 0.02], [0.05, 0]] as const) {
      const ll = (x: number, y: number) => evaluateNested(units, x, y, reml).logLik;
      const sc = (x: number, y: number) => evaluateNested(units, x, y, reml).score;
      const e = evaluateNested(units, a, b, reml);
      // second-order one-sided differences at a zero bound
      const da = a === 0 ? (4 * ll(h, b) - 3 * ll(0, b) - ll(2 * h, b)) / (2 * h) : (ll(a + h, b) - ll(a - h, b)) / (2 * h);
      const db = b === 0 ? (4 * ll(a, h) - 3 * ll(a, 0) - ll(a, 2 * h)) / (2 * h) : (ll(a, b + h) - ll(a, b - h)) / (2 * h);
      expect(e.score[0]).toBeCloseTo(da, 4);
      expect(e.score[1]).toBeCloseTo(db, 4);
      if (a > 0 && b > 0) {
        const j11 = -(sc(a + h, b)[0] - sc(a - h, b)[0]) / (2 * h);
        const j12 = -(sc(a, b + h)[0] - sc(a, b - h)[0]) / (2 * h);
        const j22 = -(sc(a, b + h)[1] - sc(a, b - h)[1]) / (2 * h);
        expect(e.observed[0]).toBeCloseTo(j11, 4);
        expect(e.observed[1]).toBeCloseTo(j12, 4);
        expect(e.observed[2]).toBeCloseTo(j22, 3);
      }
    }
  });

  it('with σ² = 0 it is the equal-effects model: μ̂ = Σy/v / Σ1/v', () => {
    const e = evaluateNested(units, 0, 0, false);
    let sw = 0;
    let swy = 0;
    units.v.forEach((v, i) => { sw += 1 / v; swy += units.y[i]! / v; });
    expect(e.estimate).toBeCloseTo(swy / sw, 14);
    expect(e.sumW).toBeCloseTo(sw, 10);
  });

  it('is NaN for a negative variance component', () => {
    expect(evaluateNested(units, -0.1, 0, true).logLik).toBeNaN();
  });

  it('row weights sum to 1ᵀV⁻¹1', () => {
    const g = nestedGroups(['a', 'a', 'a', 'b', 'b'], ['1', '1', '2', '1', '2']);
    const vi = new Float64Array([0.01, 0.02, 0.03, 0.02, 0.01]);
    // V for a = 0.1, b = 0.05 written out and inverted by hand-rolled Gauss–Jordan below
    const a = 0.1, b = 0.05;
    const n = 5;
    const V = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) =>
      (g.outerOf[i] === g.outerOf[j] ? a : 0) + (g.innerOf[i] === g.innerOf[j] ? b : 0) + (i === j ? vi[i]! : 0)));
    const rowSumsOfInverse = solve(V, Array(n).fill(1));
    const w = rowWeights(vi, g, a, b);
    w.forEach((x, i) => expect(x).toBeCloseTo(rowSumsOfInverse[i]!, 10));
  });
});

/** Solves A x = rhs (test helper, dense). */
function solve(A: number[][], rhs: number[]): number[] {
  return denseSolve(A, rhs.map((r) => [r])).x.map((row) => row[0]!);
}

const spd = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    x: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
    vec: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
    ridge: fc.double({ min: 0.05, max: 2, noNaN: true }),
  }),
).map(({ n, x, vec, ridge }) => {
  // G = XXᵀ + ridge·I
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? ridge : 0;
      for (let k = 0; k < n; k++) s += x[i * n + k]! * x[j * n + k]!;
      g[i * n + j] = s;
    }
  }
  return { n, g, vec: Float64Array.from(vec) };
});

function matVec(g: Float64Array, n: number, x: Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i]! += g[i * n + j]! * x[j]!;
  return out;
}
const norm = (x: Float64Array) => Math.hypot(...x);

describe('dense linear algebra', () => {
  it('cholesky: L Lᵀ = A, and null for an indefinite matrix', () => {
    fc.assert(fc.property(spd, ({ n, g }) => {
      const l = cholesky(g, n)!;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += l[i * n + k]! * l[j * n + k]!;
        expect(s).toBeCloseTo(g[i * n + j]!, 10);
      }
    }));
    expect(cholesky(new Float64Array([1, 2, 2, 1]), 2)).toBeNull();
  });

  it('Householder tridiagonalization: HᵀGH is tridiagonal with the same action (H T Hᵀx = Gx)', () => {
    fc.assert(fc.property(spd, ({ n, g, vec }) => {
      const t = householderTridiagonal(g, n);
      const y = applyReflectors(t, vec.slice(), true);
      const ty = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        ty[i] = t.diag[i]! * y[i]! + (i > 0 ? t.off[i - 1]! * y[i - 1]! : 0) + (i + 1 < n ? t.off[i]! * y[i + 1]! : 0);
      }
      const back = applyReflectors(t, ty, false);
      const want = matVec(g, n, vec);
      back.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 9));
      // H is orthogonal
      expect(norm(y)).toBeCloseTo(norm(vec), 10);
    }));
  });

  it('tridiagonal QL: S Λ Sᵀ x = T x', () => {
    fc.assert(fc.property(spd, ({ n, g, vec }) => {
      const t = householderTridiagonal(g, n);
      const eig = tridiagonalEigen(t.diag, t.off);
      const y = applyRotations(eig, vec.slice(), true);
      for (let k = 0; k < n; k++) y[k] = y[k]! * eig.values[k]!;
      const got = applyRotations(eig, y, false);
      got.forEach((v, i) => {
        const want = t.diag[i]! * vec[i]! + (i > 0 ? t.off[i - 1]! * vec[i - 1]! : 0) + (i + 1 < n ? t.off[i]! * vec[i + 1]! : 0);
        expect(v).toBeCloseTo(want, 9);
      });
    }));
  });

  it('inverseSqrtTimes: G·G^{−1/2}G^{−1/2}x = x, and G^{−1/2} preserves the quadratic form', () => {
    fc.assert(fc.property(spd, ({ n, g, vec }) => {
      const once = inverseSqrtTimes(g, n, vec);
      const twice = inverseSqrtTimes(g, n, once);
      const back = matVec(g, n, twice);
      back.forEach((v, i) => expect(v).toBeCloseTo(vec[i]!, 8));
      // ‖G^{−1/2}x‖² = xᵀG⁻¹x = xᵀ·twice
      const q = vec.reduce((s, v, i) => s + v * twice[i]!, 0);
      expect(once.reduce((s, v) => s + v * v, 0)).toBeCloseTo(q, 8);
    }));
  });

  it('inverseSqrtTimes handles repeated eigenvalues and drops a zero one (pseudo-inverse)', () => {
    // G = diag(4, 4, 9): G^{-1/2}(2, 4, 3) = (1, 2, 1)
    const d = inverseSqrtTimes(new Float64Array([4, 0, 0, 0, 4, 0, 0, 0, 9]), 3, new Float64Array([2, 4, 3]));
    expect(Array.from(d)).toEqual([1, 2, 1].map((x) => expect.closeTo(x, 14)));
    // G = 11ᵀ (eigenvalues 2, 0): G^{+1/2}(1, 1) = (1, 1)/√2, the null direction contributes nothing
    const p = inverseSqrtTimes(new Float64Array([1, 1, 1, 1]), 2, new Float64Array([1, 3]));
    expect(p[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(p[1]).toBeCloseTo(Math.SQRT2, 12);
  });
});

describe('cr1Variance', () => {
  it('is n/(n − 1)·Σ(cluster score)²/(Σg)² (worked example)', () => {
    // scores per cluster: 1·1 + 1·(−1) = 0, 2, −2; meat = 8; 3/2·8/4² = 0.75
    expect(cr1Variance(new Float64Array([1, 1, 1, 1]), new Float64Array([1, -1, 2, -2]), new Int32Array([0, 0, 1, 2]), 3)).toBeCloseTo(0.75, 15);
  });
});
