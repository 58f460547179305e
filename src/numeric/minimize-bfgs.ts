import { centralGradient } from './central-gradient.ts';

/** Options of {@link minimizeBfgs}. */
export interface BfgsOptions {
  /** Stop when every |∂f/∂xⱼ| ≤ gradientTolerance·(1 + |f|) (default 1e-9). */
  readonly gradientTolerance?: number;
  /** Stop when an accepted step lowers f by at most this relative amount, twice in a row (default 1e-15). */
  readonly relativeTolerance?: number;
  /** Most iterations (default 1000). */
  readonly maxIterations?: number;
}

/** Result of {@link minimizeBfgs}. */
export interface BfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Unconstrained minimisation by the BFGS quasi-Newton method (Nocedal & Wright, 2006, Numerical
 * Optimization, Algorithm 6.1) with central-difference gradients ({@link centralGradient}) and a
 * backtracking line search under the Armijo condition f(x + αp) ≤ f(x) + 10⁻⁴·α·∇fᵀp. The inverse
 * Hessian approximation H is updated by H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, ρ = 1/yᵀs, only when
 * yᵀs > 0 (otherwise reset to I). A non-finite f counts as +∞ (the line search backs off).
 *
 * @example
 * const r = minimizeBfgs((x) => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2, [0, 0]);
 * Math.round(r.x[0]! * 1e6) / 1e6 // => 1
 * Math.round(r.x[1]! * 1e6) / 1e6 // => -2
 */
export function minimizeBfgs(f: (x: Float64Array) => number, start: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const gradientTolerance = options.gradientTolerance ?? 1e-9;
  const relativeTolerance = options.relativeTolerance ?? 1e-15;
  const maxIterations = options.maxIterations ?? 1000;
  const n = start.length;
  const safe = (x: Float64Array) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let x = Float64Array.from(start);
  let value = safe(x);
  let gradient = centralGradient(safe, x);
  let h = identity(n);
  let flat = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (maxAbs(gradient) <= gradientTolerance * (1 + Math.abs(value))) return { x, value, iterations: iteration - 1, converged: true };
    let direction = multiply(h, gradient, -1);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      h = identity(n);
      direction = Float64Array.from(gradient, (g) => -g);
      slope = dot(gradient, direction);
    }
    const step = lineSearch(safe, x, value, direction, slope);
    if (step === null) {
      if (!isIdentity(h)) { h = identity(n); continue; }
      return { x, value, iterations: iteration, converged: maxAbs(gradient) <= 1e3 * gradientTolerance * (1 + Math.abs(value)) };
    }
    const nextGradient = centralGradient(safe, step.x);
    const s = Float64Array.from(step.x, (xi, j) => xi - x[j]!);
    const y = Float64Array.from(nextGradient, (gi, j) => gi - gradient[j]!);
    const change = value - step.value;
    x = step.x;
    value = step.value;
    gradient = nextGradient;
    flat = change <= relativeTolerance * (Math.abs(value) + relativeTolerance) ? flat + 1 : 0;
    if (flat >= 2) return { x, value, iterations: iteration, converged: true };
    const sy = dot(s, y);
    h = sy > 1e-300 ? updateInverse(h, s, y, 1 / sy) : identity(n);
  }
  return { x, value, iterations: maxIterations, converged: false };
}

function lineSearch(f: (x: Float64Array) => number, x: Float64Array, value: number, direction: Float64Array, slope: number) {
  let alpha = 1;
  for (let tries = 0; tries < 60; tries++) {
    const trial = Float64Array.from(x, (xi, j) => xi + alpha * direction[j]!);
    const trialValue = f(trial);
    if (trialValue <= value + 1e-4 * alpha * slope) return { x: trial, value: trialValue };
    alpha /= 2;
  }
  return null;
}

function updateInverse(h: Float64Array[], s: Float64Array, y: Float64Array, rho: number): Float64Array[] {
  const n = s.length;
  const hy = multiply(h, y, 1);
  const yhy = dot(y, hy);
  return h.map((row, i) => Float64Array.from(row, (hij, j) =>
    hij - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!)).slice(0, n);
}

function multiply(h: Float64Array[], v: Float64Array, sign: number): Float64Array {
  return Float64Array.from(h, (row) => sign * dot(row, v));
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return Number.isNaN(m) ? Infinity : m;
}

function identity(n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function isIdentity(h: Float64Array[]): boolean {
  return h.every((row, i) => row.every((v, j) => v === (i === j ? 1 : 0)));
}
