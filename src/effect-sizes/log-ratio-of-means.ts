import type { EffectArrays } from './family.ts';
import { pooledSd } from './two-group-means.ts';
import type { TwoGroupMeans } from './two-group-means.ts';
import { weightedMean } from './weighted-mean.ts';

/** Sampling variances of ROM, with metafor's `vtype` codes. */
export type RomVariance = 'LS' | 'LS2' | 'HO' | 'AV' | 'AVHO';

/**
 * Log ratio of means, the response ratio (metafor `ROM`; Hedges, Gurevitch & Curtis, 1999).
 * With the coefficients of variation cᵍ = sᵍ/mᵍ:
 * - yᵢ = ln(m1/m2) + (c1²/n1 − c2²/n2)/2 when `correct` (the default, as in metafor ≥ 5.0):
 *   the second-order bias correction of Lajeunesse (2015, eq. 8);
 *   yᵢ = ln(m1/m2) with `correct = false` (metafor < 5.0).
 * Variances (the same whether or not yᵢ is corrected):
 * - `LS` c1²/n1 + c2²/n2 (Hedges et al., 1999, eq. 1);
 * - `LS2` c1²/n1 + c2²/n2 + c1⁴/(2n1²) + c2⁴/(2n2²), the second-order expansion (Lajeunesse,
 *   2015, eq. 9);
 * - `HO` the `LS` form with the pooled SD in both groups;
 * - `AV` c̄1²/n1 + c̄2²/n2 with c̄ᵍ the nᵍ-weighted mean of cᵍ over all rows;
 * - `AVHO` c̄²(1/n1 + 1/n2) with c̄ the coefficient of variation averaged over both groups.
 *
 * NaN when m1/m2 ≤ 0. Scale: natural log of the ratio.
 *
 * @example
 * logRatioOfMeans({ m1: Float64Array.of(55), sd1: Float64Array.of(47), n1: Float64Array.of(155),
 *   m2: Float64Array.of(75), sd2: Float64Array.of(64), n2: Float64Array.of(156) }).yi[0]
 * // => -0.310133192941 (metafor 5.1 escalc("ROM", ...) on dat.normand1999, study 1; log(55/75) = -0.310154928304)
 */
export function logRatioOfMeans(g: TwoGroupMeans, vtype: RomVariance = 'LS', correct = true): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const cv1 = new Float64Array(k);
  const cv2 = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    cv1[i] = g.sd1[i]! / g.m1[i]!;
    cv2[i] = g.sd2[i]! / g.m2[i]!;
  }
  const averages = averageCvs(g, cv1, cv2, vtype);
  for (let i = 0; i < k; i++) {
    const m1 = g.m1[i]!, m2 = g.m2[i]!, n1 = g.n1[i]!, n2 = g.n2[i]!;
    const a1 = (cv1[i]! * cv1[i]!) / n1, a2 = (cv2[i]! * cv2[i]!) / n2;
    yi[i] = Math.log(m1 / m2) + (correct ? (a1 - a2) / 2 : 0);
    if (vtype === 'HO') {
      const sp = pooledSd(g.sd1[i]!, n1, g.sd2[i]!, n2);
      vi[i] = (sp * sp) / (n1 * m1 * m1) + (sp * sp) / (n2 * m2 * m2);
    } else if (vtype === 'AV') {
      vi[i] = (averages.group1 * averages.group1) / n1 + (averages.group2 * averages.group2) / n2;
    } else if (vtype === 'AVHO') {
      vi[i] = averages.both * averages.both * (1 / n1 + 1 / n2);
    } else if (vtype === 'LS2') {
      vi[i] = a1 + a2 + (a1 * a1) / 2 + (a2 * a2) / 2;
    } else {
      vi[i] = a1 + a2;
    }
  }
  return { yi, vi };
}

/** The row-averaged coefficients of variation that `AV` and `AVHO` plug in (NaN otherwise). */
function averageCvs(g: TwoGroupMeans, cv1: Float64Array, cv2: Float64Array, vtype: RomVariance) {
  let group1 = NaN, group2 = NaN, both = NaN;
  if (vtype === 'AV') {
    group1 = weightedMean(cv1, g.n1);
    group2 = weightedMean(cv2, g.n2);
  } else if (vtype === 'AVHO') {
    let num = 0, den = 0;
    for (let i = 0; i < cv1.length; i++) {
      const a = cv1[i]!, b = cv2[i]!, n1 = g.n1[i]!, n2 = g.n2[i]!;
      if (![a, b, n1, n2].every(Number.isFinite)) continue;
      num += n1 * a + n2 * b;
      den += n1 + n2;
    }
    both = den === 0 ? NaN : num / den;
  }
  return { group1, group2, both };
}
