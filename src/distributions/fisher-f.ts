import betainc from '@stdlib/math-base-special-betainc';
import betaincinv from '@stdlib/math-base-special-betaincinv';

/**
 * F distribution tail through the regularized incomplete beta function:
 * P(F ≤ x) = I_z(d₁/2, d₂/2) with z = d₁x/(d₁x + d₂) (Abramowitz & Stegun 26.6.2).
 * The upper tail uses I_{1−z}(d₂/2, d₁/2) with 1 − z = d₂/(d₁x + d₂) computed directly.
 */
function fTail(x: number, d1: number, d2: number, upper: boolean): number {
  if (Number.isNaN(x) || !(d1 > 0) || !(d2 > 0)) return NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  const denom = d1 * x + d2;
  return betainc(d2 / denom, d2 / 2, d1 / 2, true, !upper);
}

/**
 * F cumulative distribution function, R's `pf(x, df1, df2)`.
 *
 * @example
 * fisherFCdf(4.964602743730711, 1, 10) // => 0.95
 */
export function fisherFCdf(x: number, df1: number, df2: number): number {
  return fTail(x, df1, df2, false);
}

/**
 * F survival function, R's `pf(x, df1, df2, lower.tail = FALSE)`.
 *
 * @example
 * fisherFSf(4.964602743730711, 1, 10) // => 0.05
 */
export function fisherFSf(x: number, df1: number, df2: number): number {
  return fTail(x, df1, df2, true);
}

/**
 * F quantile, R's `qf(p, df1, df2)`; with `upper`, R's `qf(p, df1, df2, lower.tail = FALSE)`.
 * Solves I_w(d₂/2, d₁/2) = 1 − p for w = d₂/(d₁x + d₂), so x = d₂(1 − w)/(d₁w).
 *
 * @example
 * fisherFQuantile(0.95, 1, 10) // => 4.964602743730711
 */
export function fisherFQuantile(p: number, df1: number, df2: number, upper = false): number {
  if (!(p >= 0 && p <= 1) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (p === 0) return upper ? Infinity : 0;
  if (p === 1) return upper ? 0 : Infinity;
  // w = d2/(d1 x + d2) solves I_w(d2/2, d1/2) = P(F > x); when w is near 1 (x near 0), solve
  // instead for v = 1 - w = d1 x/(d1 x + d2), which satisfies I_v(d1/2, d2/2) = P(F <= x).
  const w = betaincinv(p, df2 / 2, df1 / 2, !upper);
  if (w <= 0.5) return (df2 * (1 - w)) / (df1 * w);
  const v = betaincinv(p, df1 / 2, df2 / 2, upper);
  return (df2 * v) / (df1 * (1 - v));
}
