import gammaln from '@stdlib/math-base-special-gammaln';

/** log √(2π) */
export const LN_SQRT_2PI = 0.9189385332046728;

/**
 * Error of Stirling's formula for log Γ: δ(z) = log Γ(z) − [(z − ½)·log z − z + log √(2π)].
 *
 * For z ≥ 10 it sums the Stirling series δ(z) = Σ B₂ₖ / (2k(2k − 1)·z^{2k−1}) with the
 * Bernoulli numbers B₂ … B₁₄ (Abramowitz & Stegun 6.1.40), truncation error < 4e-17; below
 * 10 it subtracts the closed part from log Γ(z) directly (the absolute error, ~1e-15, is what
 * matters where δ enters an exponent). Splitting log Γ this way lets callers cancel the large
 * (z − ½)·log z terms analytically instead of numerically. z > 0; NaN otherwise.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * stirlingError(10) // => 0.008330563433362899
 */
export function stirlingError(z: number): number {
  if (!(z > 0)) return NaN;
  if (z < 10) return gammaln(z) - (z - 0.5) * Math.log(z) + z - LN_SQRT_2PI;
  const w = 1 / (z * z);
  return (
    (1 / 12 -
      w * (1 / 360 - w * (1 / 1260 - w * (1 / 1680 - w * (1 / 1188 - w * (691 / 360360 - w / 156)))))) /
    z
  );
}
