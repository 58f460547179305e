/** Result of {@link minimizeBfgs}. */
export interface BfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  /** Central-difference gradient at x. */
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Options of {@link minimizeBfgs}. */
export interface BfgsOptions {
  /** Stop when every |∂f/∂x_i| is below this (default 1e-8). */
  readonly gradientTolerance?: number;
  readonly maxIterations?: number;
  /** Largest step (max-norm) per iteration, to keep a log or atanh scale from overflowing (default 4). */
  readonly maxStep?: number;
}

/**
 * The variance-component optimiser of `multivariate`: BFGS with a cap on the step (`maxStep`), so
 * that a log or atanh scale cannot overflow, and the gradient returned with the optimum. (The
 * selection models use `src/numeric/minimize-bfgs.ts`, whose stopping rule is relative to |f|;
 * the two should become one optimiser with both options.)
 *
 * Minimises a smooth function of a few unconstrained parameters by BFGS (Nocedal & Wright,
 * 2006, Numerical Optimization, 2nd ed., alg. 6.1) with central-difference gradients (step
 * 1e-5·max(1, |x_i|), error O(h²) + O(ε|f|/h)) and a backtracking Armijo line search.
 * `f` may return a non-finite value outside its domain (e.g. a covariance that is not positive
 * definite): the line search then shortens the step. Converged when the gradient is below the
 * tolerance, or — when no step lowers f, or ten steps in a row lower it by less than 1e-13
 * relative (a flat ridge, e.g. a correlation near ±1) — the gradient is below 1e3 times it.
 * O(iterations · (2d + line search) · cost(f)).
 *
 * @example
 * minimizeBfgs((x) => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2, [0, 0]).x // => Float64Array [1.0000000, -2.0000000]
 */
export function minimizeBfgs(f: (x: Float64Array) => number, start: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const d = start.length;
  const gtol = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 4;
  let x: Float64Array = Float64Array.from(start);
  let fx = f(x);
  if (!Number.isFinite(fx)) return { x, value: fx, gradient: new Float64Array(d), iterations: 0, converged: false };
  let g: Float64Array = gradient(f, x, fx);
  let h: Float64Array = identity(d);
  let stalled = 0; // consecutive iterations that lowered f by less than 1e-13 relative
  for (let iter = 1; iter <= maxIterations; iter++) {
    if (maxAbs(g) < gtol) return { x, value: fx, gradient: g, iterations: iter - 1, converged: true };
    let dir = matVec(h, g, d).map((v) => -v);
    let slope = dot(g, dir);
    if (!(slope < 0)) { h = identity(d); dir = g.map((v) => -v); slope = -dot(g, g); }
    const scale = Math.min(1, maxStep / maxAbs(dir));
    let t = scale;
    let xNew = x;
    let fNew = Infinity;
    for (let tries = 0; tries < 60; tries++) {
      xNew = x.map((v, i) => v + t * dir[i]!);
      fNew = f(xNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * t * slope) break;
      t *= 0.5;
    }
    if (!(Number.isFinite(fNew) && fNew <= fx)) {
      if (!isIdentity(h)) { h = identity(d); continue; } // retry along the gradient with a fresh Hessian
      return { x, value: fx, gradient: g, iterations: iter, converged: maxAbs(g) < 1e3 * gtol };
    }
    const gNew = gradient(f, xNew, fNew);
    const s = xNew.map((v, i) => v - x[i]!);
    const y = gNew.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-16 * Math.sqrt(dot(s, s) * dot(y, y))) h = bfgsUpdate(h, s, y, sy, d);
    const small = Math.abs(fx - fNew) <= 1e-16 * Math.max(1, Math.abs(fx)) && maxAbs(s) < 1e-12;
    stalled = fx - fNew <= 1e-13 * Math.max(1, Math.abs(fx)) ? stalled + 1 : 0;
    x = xNew; fx = fNew; g = gNew;
    if (small || stalled >= 10) return { x, value: fx, gradient: g, iterations: iter, converged: maxAbs(g) < 1e3 * gtol };
  }
  return { x, value: fx, gradient: g, iterations: maxIterations, converged: maxAbs(g) < gtol };
}

function gradient(f: (x: Float64Array) => number, x: Float64Array, fx: number): Float64Array {
  const g = new Float64Array(x.length);
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[i]!));
    probe[i] = x[i]! + h;
    const up = f(probe);
    probe[i] = x[i]! - h;
    const down = f(probe);
    probe[i] = x[i]!;
    if (Number.isFinite(up) && Number.isFinite(down)) g[i] = (up - down) / (2 * h);
    else if (Number.isFinite(up)) g[i] = (up - fx) / h;
    else if (Number.isFinite(down)) g[i] = (fx - down) / h;
    else g[i] = 0;
  }
  return g;
}

function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, sy: number, d: number): Float64Array {
  const hy = matVec(h, y, d);
  const yhy = dot(y, hy);
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      out[i * d + j] = h[i * d + j]! + ((sy + yhy) * s[i]! * s[j]!) / (sy * sy) - (hy[i]! * s[j]! + s[i]! * hy[j]!) / sy;
    }
  }
  return out;
}

const identity = (d: number) => { const m = new Float64Array(d * d); for (let i = 0; i < d; i++) m[i * d + i] = 1; return m; };
const isIdentity = (m: Float64Array) => { const d = Math.round(Math.sqrt(m.length)); return m.every((v, t) => v === (t % (d + 1) === 0 ? 1 : 0)); };
const matVec = (m: Float64Array, v: Float64Array, d: number) => { const out = new Float64Array(d); for (let i = 0; i < d; i++) { let s = 0; for (let j = 0; j < d; j++) s += m[i * d + j]! * v[j]!; out[i] = s; } return out; };
const dot = (a: Float64Array, b: Float64Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!; return s; };
const maxAbs = (a: Float64Array) => { let m = 0; for (const v of a) m = Math.max(m, Math.abs(v)); return m; };
