import gammainc from '@stdlib/math-base-special-gammainc';
import gammaincinv from '@stdlib/math-base-special-gammaincinv';

/**
 * Chi-square cumulative distribution function, P(X ≤ x) = P(ν/2, x/2) (regularized lower
 * incomplete gamma), R's `pchisq(x, df)`.
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1) // => 0.95
 */
export function chiSquareCdf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 0;
  return gammainc(x / 2, df / 2, true, false);
}

/**
 * Chi-square survival function, P(X > x) = Q(ν/2, x/2) (regularized upper incomplete gamma),
 * R's `pchisq(x, df, lower.tail = FALSE)`. Keeps relative accuracy for p-values near 1e-300.
 *
 * @example
 * chiSquareSf(3.841458820694124, 1) // => 0.05
 */
export function chiSquareSf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * Chi-square quantile, R's `qchisq(p, df)`; with `upper`, R's `qchisq(p, df, lower.tail = FALSE)`:
 * x = 2·P⁻¹(ν/2, p) (or 2·Q⁻¹(ν/2, p)).
 *
 * @example
 * chiSquareQuantile(0.95, 1) // => 3.841458820694124
 */
export function chiSquareQuantile(p: number, df: number, upper = false): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
  if (p === 0) return upper ? Infinity : 0;
  if (p === 1) return upper ? 0 : Infinity;
  return 2 * gammaincinv(p, df / 2, upper);
}
