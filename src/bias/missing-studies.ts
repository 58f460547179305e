/** Estimators of the number of missing studies in trim and fill, with metafor's names. */
export const TRIM_AND_FILL_ESTIMATORS = Object.freeze(['L0', 'R0', 'Q0'] as const);
export type TrimAndFillEstimator = (typeof TRIM_AND_FILL_ESTIMATORS)[number];

/** One estimate of the number of missing studies: k₀ before rounding and its standard error. */
export interface MissingStudies {
  /** The estimator's value before rounding and truncation at 0 (NaN when undefined). */
  readonly k0: number;
  /** Its standard error as metafor computes it (from the unrounded k₀). */
  readonly se: number;
}

/**
 * Number of studies missing on the left of a funnel, from the signed ranks of the deviations
 * dᵢ = yᵢ − β̂ (Duval & Tweedie, 2000, Biometrics 56:455; JASA 95:89), as metafor's
 * `trimfill`. Ranks of |dᵢ| are 1..k with ties broken by position (R's `ties.method =
 * "first"`); a deviation of exactly 0 has sign 0.
 *
 * - L0 = (4Sᵣ − k(k+1))/(2k − 1), Sᵣ the sum of the ranks of the positive deviations;
 *   Var(Sᵣ) = [k(k+1)(2k+1) + 10k₀³ + 27k₀² + 17k₀ − 18kk₀² − 18kk₀ + 6k²k₀]/24,
 *   SE = 4√Var(Sᵣ)/(2k − 1).
 * - R0 = γ* − 1, γ* = k − (largest rank of a negative deviation) (the rightmost run of
 *   positive deviations); SE = √(2·max(0, k₀) + 2). NaN when no deviation is negative.
 * - Q0 = k − ½ − √(2k² − 4Sᵣ + ¼); SE = 2√Var(Sᵣ)/√((k − ½)² − k₀(2k − k₀ − 1)).
 *
 * @param deviations  dᵢ, in the order of the studies sorted by yᵢ (ties in |dᵢ| are broken by this order)
 * @example
 * missingStudies(new Float64Array([-1, 2, 3]), 'L0').k0 // => 1.6  (Sᵣ = 2 + 3 = 5: (4·5 − 3·4)/5)
 */
export function missingStudies(deviations: Float64Array, estimator: TrimAndFillEstimator): MissingStudies {
  const k = deviations.length;
  const order = Array.from({ length: k }, (_, i) => i);
  order.sort((a, b) => Math.abs(deviations[a]!) - Math.abs(deviations[b]!)); // stable: ties by position
  let sumPositive = 0;
  let largestNegative = -Infinity;
  for (let r = 0; r < k; r++) {
    const d = deviations[order[r]!]!;
    if (d > 0) sumPositive += r + 1;
    else if (d < 0) largestNegative = Math.max(largestNegative, r + 1);
  }
  if (estimator === 'R0') {
    const k0 = k - largestNegative - 1;
    return { k0: Number.isFinite(k0) ? k0 : NaN, se: Math.sqrt(2 * Math.max(0, k0) + 2) };
  }
  const k0 = estimator === 'L0'
    ? (4 * sumPositive - k * (k + 1)) / (2 * k - 1)
    : k - 0.5 - Math.sqrt(2 * k * k - 4 * sumPositive + 0.25);
  const varSr = (k * (k + 1) * (2 * k + 1) + 10 * k0 ** 3 + 27 * k0 ** 2 + 17 * k0 - 18 * k * k0 ** 2 - 18 * k * k0 + 6 * k * k * k0) / 24;
  const se = estimator === 'L0'
    ? (4 * Math.sqrt(varSr)) / (2 * k - 1)
    : (2 * Math.sqrt(varSr)) / Math.sqrt((k - 0.5) ** 2 - k0 * (2 * k - k0 - 1));
  return { k0, se };
}
