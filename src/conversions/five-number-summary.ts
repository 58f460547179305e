/**
 * A five-number summary as the quantile kernels see it: sample size and the reported
 * quantiles, NaN where one was not reported.
 */
export interface FiveNumbers {
  readonly n: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/**
 * The three reporting scenarios of Wan et al. (2014):
 * `S1` min, median, max; `S2` q1, median, q3; `S3` all five.
 */
export type FiveNumberScenario = 'S1' | 'S2' | 'S3';

/**
 * ξ(n) = 2·Φ⁻¹((n − 0.375)/(n + 0.25)), the expected range of n standard normal values in
 * Blom's approximation (Wan et al. 2014, eq. 7–9). NaN for n < 1.
 */
export function expectedRange(n: number, quantile: (p: number) => number): number {
  return n >= 1 ? 2 * quantile((n - 0.375) / (n + 0.25)) : NaN;
}

/**
 * η(n) = 2·Φ⁻¹((0.75n − 0.125)/(n + 0.25)), the expected interquartile range of n standard
 * normal values, n = 4Q + 1 (Wan et al. 2014, eq. 13–16). NaN for n < 1.
 */
export function expectedInterquartileRange(n: number, quantile: (p: number) => number): number {
  return n >= 1 ? 2 * quantile((0.75 * n - 0.125) / (n + 0.25)) : NaN;
}
