import gammaln from '@stdlib/math-base-special-gammaln';
import { LN_SQRT_2PI, stirlingError } from './stirling-error.ts';

/**
 * Logarithm of the beta function, log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
 *
 * When a parameter is ≥ 10 the large log Γ terms are cancelled analytically through
 * Stirling's formula with its error term δ (see `stirlingError`): for a ≥ b,
 * log B = log √(2π) − ½·log n + (a − ½)·log1p(−b/n) + (b − ½)·log(b/n) + δ(a) + δ(b) − δ(n),
 * n = a + b, so log B(5e5, ½) keeps its full accuracy (a direct difference of log Γ values
 * of size 6e6 would keep only ~9 digits). a, b > 0; NaN otherwise.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * logBeta(0.5, 0.5) // => 1.1447298858494002 (log π)
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return NaN;
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 10) return gammaln(a) + gammaln(b) - gammaln(a + b);
  const n = big + small;
  if (small < 10) {
    // log Γ(big) − log Γ(n) through Stirling, log Γ(small) directly
    return (
      gammaln(small) +
      (big - 0.5) * Math.log1p(-small / n) +
      small -
      small * Math.log(n) +
      stirlingError(big) -
      stirlingError(n)
    );
  }
  return (
    LN_SQRT_2PI -
    0.5 * Math.log(n) +
    (big - 0.5) * Math.log1p(-small / n) +
    (small - 0.5) * Math.log(small / n) +
    stirlingError(big) +
    stirlingError(small) -
    stirlingError(n)
  );
}
