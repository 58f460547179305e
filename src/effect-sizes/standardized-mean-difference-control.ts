import type { EffectArrays } from './family.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import type { TwoGroupMeans } from './two-group-means.ts';
import { weightedMean } from './weighted-mean.ts';

/**
 * Standardized mean difference standardized by the SD of group 2 (the control group; Glass's
 * Δ with Hedges' correction, metafor `SMD1`): d = (m1 − m2)/s2, g = J(n2 − 1)·d
 * (`correct = false`: J = 1). With ñ = 1/n1 + 1/n2 and m = n2 − 1, variance: `LS`
 * ñ + g²/(2n2); `LS2` J²(ñ + d²/(2n2)); `UB` ñ + (1 − (m − 2)/(m·J²))·g²; `AV` ñ + ḡ²/(2n2) with
 * ḡ the (n1 + n2)-weighted mean of g over all rows; `H0` J²·ñ·m/(m − 2) (under θ = 0; NaN for
 * m ≤ 2). `sd1` is not used. Scale: units of the group-2 SD.
 *
 * @example
 * standardizedMeanDifferenceControl({ m1: Float64Array.of(1), sd1: Float64Array.of(NaN), n1: Float64Array.of(10),
 *   m2: Float64Array.of(0), sd2: Float64Array.of(1), n2: Float64Array.of(10) }, 'LS', false).vi[0] // => 0.25
 */
export function standardizedMeanDifferenceControl(
  g: TwoGroupMeans, vtype: 'LS' | 'LS2' | 'UB' | 'AV' | 'H0' = 'LS', correct = true,
): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const j = new Float64Array(k);
  const d = new Float64Array(k);
  const total = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    j[i] = correct ? hedgesCorrection(g.n2[i]! - 1) : 1;
    total[i] = g.n1[i]! + g.n2[i]!;
    d[i] = (g.m1[i]! - g.m2[i]!) / g.sd2[i]!;
    yi[i] = j[i]! * d[i]!;
  }
  const mean = vtype === 'AV' ? weightedMean(yi, total) : NaN;
  for (let i = 0; i < k; i++) {
    const n2 = g.n2[i]!, y = yi[i]!, ji = j[i]!, m = n2 - 1;
    const inv = 1 / g.n1[i]! + 1 / n2;
    if (vtype === 'LS2') vi[i] = ji * ji * (inv + d[i]! ** 2 / (2 * n2));
    else if (vtype === 'UB') vi[i] = inv + (1 - (m - 2) / (m * ji * ji)) * y * y;
    else if (vtype === 'AV') vi[i] = inv + (mean * mean) / (2 * n2);
    else if (vtype === 'H0') vi[i] = m > 2 ? (ji * ji * inv * m) / (m - 2) : NaN;
    else vi[i] = inv + (y * y) / (2 * n2);
  }
  return { yi, vi };
}
