/**
 * A test statistic as a result holds it: finite values as they are; when the standard error is 0
 * (identical effects under Knapp–Hartung, a cluster-robust variance of 0), θ̂/SE is ±Infinity,
 * which JSON cannot carry (`JSON.stringify` writes null and the sign is lost). It is then NaN
 * (null in JSON, as metafor's NA) and `warnings` says what happened: metafor reports `Inf` for
 * `rma(test = "knha")` and NA for `robust(clubSandwich = TRUE)`; the p-value (0) and the interval
 * (θ̂ to θ̂) stay as they are.
 *
 * @param statistic θ̂/SE
 * @param warnings  the result's warnings, to which the explanation is added
 * @example
 * const w: string[] = [];
 * jsonSafeStatistic(Infinity, w) // => NaN
 * w[0] // => 'The standard error is 0 (the effects agree exactly), so the test statistic is infinite (metafor: Inf); it is given as NaN (null in JSON), with p = 0.'
 */
export function jsonSafeStatistic(statistic: number, warnings: string[]): number {
  if (Number.isFinite(statistic) || Number.isNaN(statistic)) return statistic;
  warnings.push('The standard error is 0 (the effects agree exactly), so the test statistic is infinite (metafor: Inf); it is given as NaN (null in JSON), with p = 0.');
  return NaN;
}
