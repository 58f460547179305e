import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';

/**
 * Standard normal cumulative distribution function Φ(x) = ½·erfc(−x/√2), R's `pnorm(x)`.
 * Through erfc, the lower tail keeps full relative accuracy down to ~1e-300.
 *
 * @example
 * normalCdf(-1.959963984540054) // => 0.025
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Standard normal survival function 1 − Φ(x) = ½·erfc(x/√2), R's `pnorm(x, lower.tail = FALSE)`.
 * Never computed as `1 - cdf`, so `normalSf(10)` is 7.62e-24, not 0.
 *
 * @example
 * normalSf(1.959963984540054) // => 0.025
 */
export function normalSf(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

/**
 * Standard normal quantile Φ⁻¹(p) = −√2·erfcinv(2p), R's `qnorm(p)`; with `upper`, the value
 * whose survival probability is p, √2·erfcinv(2p) (R's `qnorm(p, lower.tail = FALSE)`).
 * NaN outside [0, 1].
 *
 * @example
 * normalQuantile(0.975) // => 1.959963984540054
 */
export function normalQuantile(p: number, upper = false): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  const z = Math.SQRT2 * erfcinv(2 * p);
  return upper ? z : -z;
}
