import { InputError } from '../errors.ts';
import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Hedges' small-sample bias correction factor J(m) for standardized mean differences and
 * standardized mean changes, exactly (Hedges, 1981, eq. 6e):
 * J(m) = Γ(m/2) / (√(m/2) · Γ((m−1)/2)), computed on the log scale as
 * exp(lnΓ(m/2) − ln√(m/2) − lnΓ((m−1)/2)) so that large m does not overflow.
 * m is the degrees of freedom: n1 + n2 − 2 for two groups (n2 − 1 for SMD1H), n − 1 for a change
 * score.
 *
 * Scale: dimensionless, 0 < J < 1, J → 1 as m grows (J ≈ 1 − 3/(4m − 1)).
 * NaN for m ≤ 1 or non-finite m, where the correction is undefined (as metafor's NA).
 * The log-gamma difference carries an absolute error near ε·m·ln m, ~3e-10 at m = 1e6, the
 * same rounding as metafor's `.cmicalc`, whose values it reproduces.
 *
 * @example
 * hedgesCorrection(18) // => 0.95764642702372 (metafor: .cmicalc(18))
 */
export function hedgesCorrection(m: number): number {
  if (typeof m !== 'number') throw new InputError('must be a number (the degrees of freedom)', { field: 'm', value: m, code: 'E_INVALID_TYPE' });
  if (!(m > 1) || !Number.isFinite(m)) return NaN;
  return Math.exp(gammaln(m / 2) - Math.log(Math.sqrt(m / 2)) - gammaln((m - 1) / 2));
}
