import type { EffectArrays } from './family.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import { rowwise } from './rowwise.ts';
import type { TwoGroupMeans } from './two-group-means.ts';

/**
 * Standardized mean difference standardized by the SD of group 2 (the control group), without
 * assuming equal variances (metafor `SMD1H`; Bonett, 2008):
 * g = J(n2−1)·(m1 − m2)/s2, with Hedges' J ({@link hedgesCorrection}; J = 1 when `correct` is
 * false), and
 * - metafor 5.x (Bonett, 2008, eq. 12): v = (s1²/s2²)/(n1−1) + 1/(n2−1) + g²/(2(n2−1));
 * - `metafor38`: v = (s1²/s2²)/n1 + 1/n2 + g²/(2n2), metafor 3.8-1 up to 4.4.
 *
 * Scale: units of the group-2 SD. NaN when s2 = 0 or J is undefined (n2 ≤ 2).
 *
 * @example
 * standardizedMeanDifferenceGroup2({ m1: Float64Array.of(27), sd1: Float64Array.of(7), n1: Float64Array.of(31),
 *   m2: Float64Array.of(29), sd2: Float64Array.of(4), n2: Float64Array.of(32) }).yi[0]
 * // => -0.487788248578 (metafor 5.1 escalc("SMD1H") on dat.normand1999, study 2)
 */
export function standardizedMeanDifferenceGroup2(g: TwoGroupMeans, correct = true, metafor38 = false): EffectArrays {
  return rowwise(g.m1.length, (i) => {
    const n1 = g.n1[i]!, n2 = g.n2[i]!, sd1 = g.sd1[i]!, sd2 = g.sd2[i]!;
    const j = correct ? hedgesCorrection(n2 - 1) : 1;
    const y = (j * (g.m1[i]! - g.m2[i]!)) / sd2;
    const ratio = (sd1 * sd1) / (sd2 * sd2);
    const m1 = metafor38 ? n1 : n1 - 1, m2 = metafor38 ? n2 : n2 - 1;
    return [y, ratio / m1 + 1 / m2 + (y * y) / (2 * m2)];
  });
}
