/**
 * Paired (pre-post) summaries, index-aligned: means and SDs at occasions 1 and 2, the sample
 * size and the correlation between occasions.
 */
export interface PairedMeans {
  readonly m1: Float64Array;
  readonly m2: Float64Array;
  readonly sd1: Float64Array;
  readonly sd2: Float64Array;
  readonly n: Float64Array;
  readonly r: Float64Array;
}

/**
 * SD of the change scores, √(s1² + s2² − 2·r·s1·s2): the SD of a difference of two variables
 * with SDs s1, s2 and correlation r.
 * Scale: the outcome's units.
 *
 * @example
 * changeSd(3, 4, 0.5) // => 3.60555127546399 (√13)
 */
export function changeSd(sd1: number, sd2: number, r: number): number {
  return Math.sqrt(sd1 * sd1 + sd2 * sd2 - 2 * r * sd1 * sd2);
}

