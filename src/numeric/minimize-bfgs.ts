import { centralGradient } from './central-gradient.ts';

/** Options of {@link minimizeBfgs}. */
export interface BfgsOptions {
  /** Gradient tolerance of the stopping rule (default 1e-9; see `stopping`). */
  readonly gradientTolerance?: number;
  /**
   * When to stop (default 'relative'):
   * - 'relative' (the selection models): converged when every |∂f/∂xⱼ| ≤ tol·(1 + |f|), or when
   *   an accepted step lowers f by at most 1e-15 relative, twice in a row;
   * - 'absolute' (the variance components of `multivariate`, whose log-likelihoods are far from
   *   0): converged when every |∂f/∂xⱼ| < tol; on a flat ridge (ten steps in a row lowering f
   *   by at most 1e-13·max(1, |f|), or a step below 1e-12 that leaves f unchanged) it stops and
   *   reports convergence when the gradient is below 1e3·tol.
   */
  readonly stopping?: 'relative' | 'absolute';
  /** Most iterations (default 1000). */
  readonly maxIterations?: number;
  /** Largest step (max-norm) per iteration, so that a log or atanh scale cannot overflow (default ∞). */
  readonly maxStep?: number;
  /** Relative step h of the central differences, hⱼ = h·max(1, |xⱼ|) (default ε^⅓ ≈ 6.06e-6). */
  readonly gradientStep?: number;
  /**
   * The inverse-Hessian update and its safeguard when sᵀy shows no positive curvature (default
   * 'reset'): 'reset' computes H − ρ(Hysᵀ + syᵀH) + (ρ²yᵀHy + ρ)ssᵀ, ρ = 1/sᵀy, and resets H to I
   * when sᵀy ≤ 10⁻³⁰⁰; 'skip' computes H + (sᵀy + yᵀHy)ssᵀ/(sᵀy)² − (Hysᵀ + syᵀH)/sᵀy and keeps H
   * when sᵀy ≤ 10⁻¹⁶‖s‖‖y‖. The two forms are equal in exact arithmetic but round differently;
   * the selection models were validated with 'reset', `multivariate` with 'skip', and each keeps
   * its own so that no fitted number moves (on a flat ridge, where a boundary estimate lies,
   * rounding alone moves the point where the search stops).
   */
  readonly hessianUpdate?: 'reset' | 'skip';
}

/** Result of {@link minimizeBfgs}. */
export interface BfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  /** Central-difference gradient at x. */
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/** The stopping rule of {@link BfgsOptions.stopping}. */
interface StoppingRule {
  /** The gradient is small enough at f (times `factor`, 1e3 after a failed search or a flat ridge). */
  readonly small: (gradient: Float64Array, value: number, factor: number) => boolean;
  /** After an accepted step from `before` to `after` of length `step`: stop now. */
  readonly flat: (before: number, after: number, step: number) => boolean;
}

function stoppingRule(kind: 'relative' | 'absolute', tol: number): StoppingRule {
  let count = 0;
  if (kind === 'relative') {
    return {
      small: (g, f, factor) => maxAbs(g) <= factor * tol * (1 + Math.abs(f)),
      flat: (before, after) => (count = before - after <= 1e-15 * (Math.abs(after) + 1e-15) ? count + 1 : 0) >= 2,
    };
  }
  return {
    small: (g, _f, factor) => maxAbs(g) < factor * tol,
    flat: (before, after, step) => {
      count = before - after <= 1e-13 * Math.max(1, Math.abs(before)) ? count + 1 : 0;
      return count >= 10 || (Math.abs(before - after) <= 1e-16 * Math.max(1, Math.abs(before)) && step < 1e-12);
    },
  };
}

/**
 * Unconstrained minimisation of a smooth function of a few parameters by the BFGS quasi-Newton
 * method (Nocedal & Wright, 2006, Numerical Optimization, 2nd ed., Algorithm 6.1), shared by the
 * selection models and by `multivariate`'s variance components:
 *
 * - gradients by central differences, ∂f/∂xⱼ ≈ (f(x + hⱼeⱼ) − f(x − hⱼeⱼ))/2hⱼ with
 *   hⱼ = `gradientStep`·max(1, |xⱼ|) (error O(h²) + O(ε|f|/h); §8.1), one-sided where f is not
 *   finite on one side, 0 where on neither;
 * - a backtracking line search from the full step (shortened to `maxStep` in max-norm) under the
 *   Armijo condition f(x + αp) ≤ f(x) + 10⁻⁴·α·∇fᵀp; a non-finite f shortens the step, so `f`
 *   may return NaN or ∞ outside its domain (a covariance that is not positive definite);
 * - the inverse Hessian updated by H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, ρ = 1/sᵀy, in one of two
 *   forms with its safeguard against sᵀy ≤ 0 (`hessianUpdate`); when no step lowers f, H is
 *   reset to I once and the search retried along −∇f;
 * - the stopping rule of `stopping` ('relative' or 'absolute'); a non-finite f at the start
 *   returns at once, not converged.
 *
 * O(iterations · (2d + line search) · cost(f) + d²) for d parameters.
 *
 * @example
 * const r = minimizeBfgs((x) => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2, [0, 0]);
 * Math.round(r.x[0]! * 1e6) / 1e6 // => 1
 * Math.round(r.x[1]! * 1e6) / 1e6 // => -2
 */
export function minimizeBfgs(f: (x: Float64Array) => number, start: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const rule = stoppingRule(options.stopping ?? 'relative', options.gradientTolerance ?? 1e-9);
  const maxIterations = options.maxIterations ?? 1000;
  const maxStep = options.maxStep ?? Infinity;
  const step = options.gradientStep ?? Math.cbrt(Number.EPSILON);
  const d = start.length;
  let x = Float64Array.from(start);
  let value = f(x);
  if (!Number.isFinite(value)) return { x, value, gradient: new Float64Array(d), iterations: 0, converged: false };
  let gradient = centralGradient(f, x, { step, value });
  let h = identity(d);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (rule.small(gradient, value, 1)) return { x, value, gradient, iterations: iteration - 1, converged: true };
    let direction = multiply(h, gradient, d).map((v) => -v);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      h = identity(d);
      direction = gradient.map((v) => -v);
      slope = -dot(gradient, gradient);
    }
    const length = maxAbs(direction);
    const next = lineSearch(f, x, value, direction, slope, length > maxStep ? maxStep / length : 1);
    if (next === null) {
      if (!isIdentity(h)) { h = identity(d); continue; } // retry along the gradient with a fresh Hessian
      return { x, value, gradient, iterations: iteration, converged: rule.small(gradient, value, 1e3) };
    }
    const nextGradient = centralGradient(f, next.x, { step, value: next.value });
    const s = next.x.map((v, i) => v - x[i]!);
    const y = nextGradient.map((v, i) => v - gradient[i]!);
    h = updateInverse(h, s, y, d, options.hessianUpdate ?? 'reset');
    const flat = rule.flat(value, next.value, maxAbs(s));
    x = next.x;
    value = next.value;
    gradient = nextGradient;
    if (flat) return { x, value, gradient, iterations: iteration, converged: rule.small(gradient, value, 1e3) };
  }
  return { x, value, gradient, iterations: maxIterations, converged: rule.small(gradient, value, 1) };
}

function lineSearch(f: (x: Float64Array) => number, x: Float64Array, value: number, direction: Float64Array, slope: number, first: number) {
  let t = first;
  for (let tries = 0; tries < 60; tries++) {
    const trial = x.map((v, i) => v + t * direction[i]!);
    const trialValue = f(trial);
    if (Number.isFinite(trialValue) && trialValue <= value + 1e-4 * t * slope) return { x: trial, value: trialValue };
    t *= 0.5;
  }
  return null;
}

/** The BFGS update of the inverse Hessian in the form of {@link BfgsOptions.hessianUpdate}. */
function updateInverse(h: Float64Array, s: Float64Array, y: Float64Array, d: number, form: 'reset' | 'skip'): Float64Array {
  const sy = dot(s, y);
  if (form === 'reset' ? !(sy > 1e-300) : !(sy > 1e-16 * Math.sqrt(dot(s, s) * dot(y, y)))) return form === 'reset' ? identity(d) : h;
  const hy = multiply(h, y, d);
  const yhy = dot(y, hy);
  const rho = 1 / sy;
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const cross = hy[i]! * s[j]! + s[i]! * hy[j]!;
      out[i * d + j] = form === 'reset'
        ? h[i * d + j]! - rho * cross + (rho * rho * yhy + rho) * s[i]! * s[j]!
        : h[i * d + j]! + ((sy + yhy) * s[i]! * s[j]!) / (sy * sy) - cross / sy;
    }
  }
  return out;
}

function identity(d: number): Float64Array {
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) m[i * d + i] = 1;
  return m;
}

function isIdentity(m: Float64Array): boolean {
  const d = Math.round(Math.sqrt(m.length));
  return m.every((v, t) => v === (t % (d + 1) === 0 ? 1 : 0));
}

function multiply(m: Float64Array, v: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += m[i * d + j]! * v[j]!;
    out[i] = s;
  }
  return out;
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
