const LOG_MAX = Math.log(Number.MAX_VALUE); // 709.78
const MAX_ITERATIONS = 300;
const MIN_NORMAL = 2.2250738585072014e-308;

/** log(T/p), through log1p when T is close to p so the residual keeps its relative size. */
function logRatio(tail: number, p: number): number {
  const diff = tail - p;
  return Math.abs(diff) < 0.5 * p ? Math.log1p(diff / p) : Math.log(tail) - Math.log(p);
}

/**
 * Solves T(x) = p for x > 0, where T is a monotone tail probability (a CDF, or a survival
 * function when `decreasing`) with density f = |T′|: the common last step of all quantile
 * functions here.
 *
 * Newton's method on u = log x for h(u) = ±log(T(eᵘ)/p), whose derivative is
 * x·f(x)/T(x) > 0, so the residual is relative (a quantile for p = 1e-300 is found as
 * accurately as one for p = 0.3) and power-law or Gaussian tails are nearly linear in u.
 * Each step keeps a bracket [lo, hi] of u; a Newton step leaving it is replaced by bisection,
 * or by a doubling step when one side is still open. Stops after a Newton step below 1e-9
 * (the error left is then of order step² ≈ 1e-18), so a start value good to 1e-9 needs one
 * CDF evaluation and one step. Returns 0 when the root lies below the smallest normal double
 * (2.2e-308; R's quantiles also return 0 there), Infinity when it lies beyond the largest
 * double, NaN when T gives NaN.
 *
 * Scale: p in (0, 1) is the tail probability on the side where it is ≤ ½ (callers pass the
 * smaller tail so the relative residual is meaningful); `logStart` is log of the start value.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * // exponential survival e^{-x} = 1e-300  =>  x = 300·log 10
 * invertTail((x) => Math.exp(-x), (x) => -x, true, 1e-300, 0) // => 690.7755278982137
 */
export function invertTail(
  tail: (x: number) => number,
  logDensity: (x: number) => number,
  decreasing: boolean,
  p: number,
  logStart: number,
): number {
  const direction = decreasing ? -1 : 1;
  let x = Math.min(Math.max(Math.exp(Math.min(logStart, LOG_MAX)), MIN_NORMAL), Number.MAX_VALUE);
  let lo = -Infinity; // bracket on log x: the root lies in (lo, hi)
  let hi = Infinity;
  let expand = 1;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const u = Math.log(x);
    const t = tail(x);
    if (Number.isNaN(t)) return NaN;
    const h = direction * logRatio(t, p);
    if (h === 0) return x;
    if (h > 0) {
      if (x <= MIN_NORMAL) return 0; // the root is in or below the subnormal range
      hi = u;
    } else {
      if (x >= Number.MAX_VALUE) return Infinity;
      lo = u;
    }
    const slope = Math.exp(u + logDensity(x) - Math.log(t));
    const step = -h / slope;
    let next: number;
    // x (not log x) is the state, so a step x·e^{step} is not rounded to ulp(log x), which
    // would cost 1e-13 relative at x = 1e-200
    if (Math.abs(step) <= 1e-9) return x * Math.exp(step);
    if (Number.isFinite(step) && u + step > lo && u + step < hi) {
      next = x * Math.exp(step);
    } else if (Number.isFinite(lo) && Number.isFinite(hi)) {
      if (hi - lo <= 1e-15 * Math.max(1, Math.abs(lo))) return Math.exp(0.5 * (lo + hi));
      next = Math.exp(0.5 * (lo + hi));
    } else {
      next = x * Math.exp(h > 0 ? -expand : expand);
      expand *= 2;
    }
    next = Math.min(Math.max(next, MIN_NORMAL), Number.MAX_VALUE);
    if (next === x) return x; // the bracket is down to adjacent doubles
    x = next;
  }
  return x;
}
