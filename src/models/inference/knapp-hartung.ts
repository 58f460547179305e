/**
 * Knapp–Hartung variance factor (Knapp & Hartung, 2003, Stat Med 22:2693; Hartung, 1999):
 *
 *   s² = yᵀPy / (k − p) = Σwᵢ(yᵢ − xᵢᵀβ̂)² / (k − p),  wᵢ = 1/(vᵢ + τ̂²),
 *
 * which multiplies Var(β̂) before t(k − p) tests. As metafor, s² = 0 when the weighted residual
 * sum is ≤ machine ε (the residuals are all zero, e.g. identical estimates); `zero` says so, so
 * the caller can warn: the SE is then 0 and the test degenerate. yᵀPy is dimensionless, so the
 * rule does not depend on the units of y.
 *
 * @example
 * knappHartung(4, 2) // => { s2: 2, zero: false }
 */
export function knappHartung(rss: number, df: number): { s2: number; zero: boolean } {
  if (rss <= Number.EPSILON) return { s2: 0, zero: true };
  return { s2: rss / df, zero: false };
}

/** The warning for a Knapp–Hartung fit whose residuals are all zero. */
export const KNAPP_HARTUNG_ZERO_WARNING =
  'Knapp–Hartung: the weighted residuals are all zero (the estimates lie exactly on the fitted model), so the variance factor s² is 0 and the reported SE is 0, the CI a single point and p = 0 (as metafor); the test carries no information. Use test \'z\' or \'t\' for an SE from the sampling variances.';
