import { normalCdf } from '../distributions/normal.ts';
import type { EffectArrays, MeasureFamily } from './family.ts';
import type { VarianceType } from './options.ts';
import { TWO_GROUP_REQUIREMENTS, pooledSd, readTwoGroups, validateTwoGroups } from './two-group-means.ts';
import type { TwoGroupMeans } from './two-group-means.ts';

/**
 * AUC / common-language effect size of two independent groups under the binormal model, from
 * means and SDs (metafor `AUCN` and `CLESN`): y = Φ(d/√2) with d = (m1 − m2)/s, s = √((s1² + s2²)/2)
 * (or the pooled SD for `HO`). With v = s1²/(s1² + s2²) and e = exp(−d²/2)/(8π), variance:
 * `LS` e·(d²v²/(n1−1) + d²(1−v)²/(n2−1) + 4v/(n1−1) + 4(1−v)/(n2−1)) (the delta method on
 * SMDH); `LS2` the same with n1, n2 for n1 − 1, n2 − 1; `LS3` with n1, n2 in the last two terms
 * only; `HO` 2e·(1/n1 + 1/n2 + d²/(2(n1+n2))) (equal variances); `H0`
 * (4v/(n1−1) + 4(1−v)/(n2−1))/(8π) (under d = 0). Scale: probability, 0 to 1.
 *
 * @example
 * aucBinormal({ m1: Float64Array.of(0), sd1: Float64Array.of(1), n1: Float64Array.of(11),
 *   m2: Float64Array.of(0), sd2: Float64Array.of(1), n2: Float64Array.of(11) }).yi[0] // => 0.5
 */
export function aucBinormal(g: TwoGroupMeans, vtype: 'LS' | 'LS2' | 'LS3' | 'HO' | 'H0' = 'LS'): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const s1 = g.sd1[i]!, s2 = g.sd2[i]!, n1 = g.n1[i]!, n2 = g.n2[i]!;
    const sd = vtype === 'HO' ? pooledSd(s1, n1, s2, n2) : Math.sqrt((s1 * s1 + s2 * s2) / 2);
    const d = (g.m1[i]! - g.m2[i]!) / sd;
    const v = (s1 * s1) / (s1 * s1 + s2 * s2);
    const e = Math.exp((-d * d) / 2) / (8 * Math.PI);
    const a1 = vtype === 'LS2' ? n1 : n1 - 1, a2 = vtype === 'LS2' ? n2 : n2 - 1;
    const b1 = vtype === 'LS2' || vtype === 'LS3' ? n1 : n1 - 1, b2 = vtype === 'LS2' || vtype === 'LS3' ? n2 : n2 - 1;
    yi[i] = normalCdf(d / Math.SQRT2);
    if (vtype === 'HO') vi[i] = 2 * e * (1 / n1 + 1 / n2 + (d * d) / (2 * (n1 + n2)));
    else if (vtype === 'H0') vi[i] = (4 * v / (n1 - 1) + (4 * (1 - v)) / (n2 - 1)) / (8 * Math.PI);
    else vi[i] = e * ((d * d * v * v) / a1 + (d * d * (1 - v) ** 2) / a2 + (4 * v) / b1 + (4 * (1 - v)) / b2);
  }
  return { yi, vi };
}

type AucBinormalMeasure = 'AUCN' | 'CLESN';

/** AUC / common-language effect size from two groups' means and SDs (binormal model): AUCN, CLESN. */
export const aucBinormalFamily: MeasureFamily<AucBinormalMeasure> = {
  measures: ['AUCN', 'CLESN'],
  requirements: () => TWO_GROUP_REQUIREMENTS,
  vtypes: (): readonly VarianceType[] => ['LS', 'LS2', 'LS3', 'HO', 'H0'],
  validate(measure, table) {
    validateTwoGroups(table, measure, 2);
  },
  compute(_measure, table, options) {
    const g = readTwoGroups(table);
    return aucBinormal(g, options.vtype as 'LS' | 'LS2' | 'LS3' | 'HO' | 'H0');
  },
  undefinedReason: () => 'both standard deviations are zero',
};
