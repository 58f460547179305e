/** Result of {@link zeroin}. */
export interface ZeroinResult {
  readonly root: number;
  /** Function evaluations after the two end points; -1 when `maxIterations` ran out. */
  readonly iterations: number;
  /** Length of the last step (0 when an end point was the root). */
  readonly change: number;
}

/**
 * Brent's root finder (Brent, 1973, Algorithms for Minimization without Derivatives, ch. 4),
 * step for step as R's `uniroot` runs it (its C routine `zeroin2`), so that a search stopped at
 * R's default tolerance ends on the same point as in R. Keeps a bracket [b, c] with f(b)·f(c) ≤ 0,
 * b the better end; each step tries inverse quadratic (or secant) interpolation and falls back to
 * bisection when the interpolated point leaves ¾ of the bracket or shrinks too slowly; a step is
 * never shorter than tol_act = 2ε|b| + tol/2, and the search stops when half the bracket is
 * within tol_act or f(b) = 0.
 *
 * @param f  a continuous function with f(lower)·f(upper) ≤ 0
 * @param fLower  f(lower), fUpper f(upper), already evaluated (as uniroot passes them)
 * @param tol  absolute tolerance (R's default ε^¼ ≈ 1.22e-4)
 * @param maxIterations  at most this many evaluations of f (R's `maxiter`)
 * @example
 * zeroin((x) => x * x - 2, 0, 2, -2, 2, 1e-12, 100).root // => 1.4142135623731364  (√2 within 1e-12)
 */
export function zeroin(
  f: (x: number) => number,
  lower: number,
  upper: number,
  fLower: number,
  fUpper: number,
  tol: number,
  maxIterations: number,
): ZeroinResult {
  let a = lower;
  let fa = fLower;
  let b = upper;
  let fb = fUpper;
  if (fa === 0) return { root: a, iterations: 0, change: 0 };
  if (fb === 0) return { root: b, iterations: 0, change: 0 };
  let c = a;
  let fc = fa;
  for (let evaluations = 0; evaluations <= maxIterations; evaluations++) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // make b the end with the smaller |f|
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let step = (c - b) / 2;
    if (Math.abs(step) <= tolAct || fb === 0) return { root: b, iterations: evaluations, change: Math.abs(b - a) };

    if (Math.abs(previousStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        // two distinct points: secant
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        // inverse quadratic interpolation through (a, fa), (b, fb), (c, fc)
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((previousStep * q) / 2)) step = p / q;
    }
    if (Math.abs(step) < tolAct) step = step > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += step;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: -1, change: Math.abs(b - a) };
}

/**
 * Root of f on a bracket [a, b] by Brent's method ({@link zeroin}), evaluating the end points
 * itself. Returns NaN when the interval does not bracket a root (f(a)·f(b) > 0 or NaN).
 *
 * @param tol  absolute tolerance on the root (a relative 2ε|x| term is always added)
 * @example
 * brentRoot((x) => x * x - 2, 0, 2) // => 1.414213562373095
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, tol = 1e-14, maxIterations = 500): number {
  const fa = f(a);
  const fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) return NaN;
  return zeroin(f, a, b, fa, fb, tol, maxIterations).root;
}

/**
 * Finds an upper end for a search on [lower, ∞) where a decreasing function crosses zero:
 * doubles `start` until f(x) ≤ 0. Returns NaN if none is found below 1e300.
 *
 * @example
 * expandUpper((x) => 10 - x, 1) // => 16
 */
export function expandUpper(f: (x: number) => number, start: number): number {
  let x = Math.max(start, Number.MIN_VALUE);
  while (x < 1e300) {
    if (f(x) <= 0) return x;
    x *= 2;
  }
  return NaN;
}
