/**
 * Brent's root finder (Brent, 1973, "Algorithms for Minimization without Derivatives", ch. 4):
 * bisection safeguarded inverse quadratic interpolation on a bracketing interval [a, b] with
 * f(a)·f(b) ≤ 0. Returns NaN when the interval does not bracket a root.
 *
 * @param f    continuous function
 * @param a    lower end of the bracket
 * @param b    upper end of the bracket
 * @param tol  absolute tolerance on the root (a relative 4ε term is always added)
 * @example
 * brentRoot((x) => x * x - 2, 0, 2) // => 1.414213562373095 (√2 to 1 ulp)
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, tol = 1e-14, maxIter = 500): number {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) return NaN;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < maxIter; iter++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tol1 = 4 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = d;
      }
    } else {
      d = m;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : m > 0 ? tol1 : -tol1;
    fb = f(b);
  }
  return b;
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
