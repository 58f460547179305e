/** Two-group summaries, index-aligned: means, SDs and sizes of group 1 and group 2. */
export interface TwoGroupMeans {
  readonly m1: Float64Array;
  readonly sd1: Float64Array;
  readonly n1: Float64Array;
  readonly m2: Float64Array;
  readonly sd2: Float64Array;
  readonly n2: Float64Array;
}

/**
 * Pooled standard deviation of two groups, √(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2))
 * (Borenstein et al., 2009, eq. 4.19). Scale: the outcome's units.
 *
 * @example
 * pooledSd(3, 10, 4, 10) // => 3.5355339059327378 (= √12.5)
 */
export function pooledSd(sd1: number, n1: number, sd2: number, n2: number): number {
  return Math.sqrt(((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / (n1 + n2 - 2));
}
