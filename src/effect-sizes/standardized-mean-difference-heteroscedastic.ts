import type { EffectArrays } from './family.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import { rowwise } from './rowwise.ts';
import type { TwoGroupMeans } from './two-group-means.ts';

/**
 * Sampling variances of SMDH: metafor 5.x's `vtype` codes, plus `LS-3.8`, the `LS` form of
 * metafor ≤ 4.4 (3.8-1 is Debian's), which multiplied the 4.6+ value by J².
 */
export type SmdhVariance = 'LS' | 'LS2' | 'LS3' | 'LS-3.8';

/**
 * Standardized mean difference without assuming equal variances (metafor `SMDH`; Bonett, 2008,
 * 2009): g = J(n1+n2−2)·(m1 − m2)/s̄ with the average-variance standardizer
 * s̄ = √((s1² + s2²)/2) and Hedges' J ({@link hedgesCorrection}; J = 1 when `correct` is false).
 *
 * Variances, with the corrected g plugged in as metafor does:
 * - `LS` (default; Bonett, 2008, eq. 8; Bonett, 2009, eq. 5):
 *   g²(s1⁴/(n1−1) + s2⁴/(n2−1))/(8s̄⁴) + (s1²/(n1−1) + s2²/(n2−1))/s̄²;
 * - `LS2`: s1²/(n1·s̄²) + s2²/(n2·s̄²) + g²(s1⁴/n1 + s2⁴/n2)/(8s̄⁴);
 * - `LS3` (the delta method): s1²/(n1·s̄²) + s2²/(n2·s̄²) + g²(s1⁴/(n1−1) + s2⁴/(n2−1))/(8s̄⁴);
 * - `LS-3.8`: J² times `LS`, the formula of metafor 3.8-1 up to 4.4 (metafor 4.6 dropped the J²
 *   "for consistency", NEWS 4.6-0).
 *
 * Scale: SD units. NaN when both SDs are zero or J is undefined (n1 + n2 ≤ 3).
 *
 * @example
 * standardizedMeanDifferenceHeteroscedastic({ m1: Float64Array.of(27), sd1: Float64Array.of(7),
 *   n1: Float64Array.of(31), m2: Float64Array.of(29), sd2: Float64Array.of(4), n2: Float64Array.of(32) }).vi[0]
 * // => 0.067391717221 (metafor 5.1 escalc("SMDH", ...) on dat.normand1999, study 2)
 */
export function standardizedMeanDifferenceHeteroscedastic(
  g: TwoGroupMeans,
  correct = true,
  variance: SmdhVariance = 'LS',
): EffectArrays {
  return rowwise(g.m1.length, (i) => {
    const n1 = g.n1[i]!, n2 = g.n2[i]!;
    const v1 = g.sd1[i]! * g.sd1[i]!, v2 = g.sd2[i]! * g.sd2[i]!;
    const j = correct ? hedgesCorrection(n1 + n2 - 2) : 1;
    const avg = (v1 + v2) / 2;
    const y = (j * (g.m1[i]! - g.m2[i]!)) / Math.sqrt(avg);
    return [y, smdhVariance(y, v1, n1, v2, n2, avg, variance, j)];
  });
}

/** One row's SMDH variance; `avg` is s̄² and `j` Hedges' J (used by `LS-3.8` only). */
function smdhVariance(y: number, v1: number, n1: number, v2: number, n2: number, avg: number, variance: SmdhVariance, j: number): number {
  const scale = (y * y) / (8 * avg * avg);
  if (variance === 'LS2') return v1 / (n1 * avg) + v2 / (n2 * avg) + scale * ((v1 * v1) / n1 + (v2 * v2) / n2);
  const fourth = (v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1);
  if (variance === 'LS3') return v1 / (n1 * avg) + v2 / (n2 * avg) + scale * fourth;
  const ls = scale * fourth + (v1 / (n1 - 1) + v2 / (n2 - 1)) / avg;
  return variance === 'LS-3.8' ? j * j * ls : ls;
}
