import type { EffectArrays, MeasureFamily } from './family.ts';
import { column } from './family.ts';
import type { VarianceType } from './options.ts';
import type { Requirement } from './read-table.ts';
import { validateTwoGroups } from './two-group-means.ts';
import type { TwoGroupMeans } from './two-group-means.ts';

/**
 * Log variability ratio of two independent groups (metafor `VR`; Nakagawa et al., 2015,
 * Methods in Ecology and Evolution 6:143, eq. 9; Senior et al., 2020, Research Synthesis
 * Methods 11:402): y = ln(s1/s2) + 1/(2(n1−1)) − 1/(2(n2−1)) (the bias correction;
 * `correct = false` drops it). Variance: `LS` 1/(2(n1−1)) + 1/(2(n2−1));
 * `LS2` ½(n1/(n1−1)² + n2/(n2−1)²) (Senior et al., 2020, eq. 15). Scale: log ratio of SDs.
 *
 * @example
 * logVariabilityRatio(Float64Array.of(47), Float64Array.of(155), Float64Array.of(64), Float64Array.of(156)).yi[0]
 * // => -0.308714534854473 (metafor 5.1 escalc("VR") on dat.normand1999, study 1)
 */
export function logVariabilityRatio(
  sd1: Float64Array, n1: Float64Array, sd2: Float64Array, n2: Float64Array,
  vtype: 'LS' | 'LS2' = 'LS', correct = true,
): EffectArrays {
  const k = sd1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const a = n1[i]!, b = n2[i]!;
    yi[i] = Math.log(sd1[i]! / sd2[i]!) + (correct ? 1 / (2 * (a - 1)) - 1 / (2 * (b - 1)) : 0);
    vi[i] = vtype === 'LS2' ? 0.5 * (a / (a - 1) ** 2 + b / (b - 1) ** 2) : 1 / (2 * (a - 1)) + 1 / (2 * (b - 1));
  }
  return { yi, vi };
}

/**
 * Log coefficient-of-variation ratio of two independent groups (metafor `CVR`; Nakagawa et al.,
 * 2015, eq. 12 without the correlation terms; Senior et al., 2020, eq. 6):
 * y = ln(s1/m1) − ln(s2/m2) + 1/(2(n1−1)) − 1/(2(n2−1)) + ½(s2²/(n2·m2²) − s1²/(n1·m1²))
 * (`correct = false` keeps only the log ratio). Variance: `LS`
 * Σ_g [1/(2(n_g−1)) + s_g²/(n_g·m_g²)]; `LS2` Σ_g [s_g²/(n_g m_g²) + s_g⁴/(2n_g² m_g⁴) + ½·n_g/(n_g−1)²]
 * (Senior et al., 2020, eq. 16). NaN unless both CVs s/m are positive. Scale: log ratio of CVs.
 *
 * @example
 * logCoefficientOfVariationRatio({ m1: Float64Array.of(55), sd1: Float64Array.of(47), n1: Float64Array.of(155),
 *   m2: Float64Array.of(75), sd2: Float64Array.of(64), n2: Float64Array.of(156) }).vi[0]
 * // => 0.0158516429589743 (metafor 5.1 escalc("CVR") on dat.normand1999, study 1)
 */
export function logCoefficientOfVariationRatio(g: TwoGroupMeans, vtype: 'LS' | 'LS2' = 'LS', correct = true): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const m1 = g.m1[i]!, s1 = g.sd1[i]!, n1 = g.n1[i]!, m2 = g.m2[i]!, s2 = g.sd2[i]!, n2 = g.n2[i]!;
    const c1 = (s1 * s1) / (n1 * m1 * m1), c2 = (s2 * s2) / (n2 * m2 * m2);
    const log = Math.log(s1 / m1) - Math.log(s2 / m2);
    yi[i] = correct ? log + 1 / (2 * (n1 - 1)) - 1 / (2 * (n2 - 1)) + 0.5 * (c2 - c1) : log;
    vi[i] = vtype === 'LS2'
      ? c1 + c2 + (c1 * c1) / 2 + (c2 * c2) / 2 + 0.5 * (n1 / (n1 - 1) ** 2 + n2 / (n2 - 1) ** 2)
      : 1 / (2 * (n1 - 1)) + c1 + 1 / (2 * (n2 - 1)) + c2;
  }
  return { yi, vi };
}

type VariabilityMeasure = 'VR' | 'CVR';

const SDS: readonly Requirement[] = [
  { roles: ['sd1i'], what: 'the standard deviation of group 1' },
  { roles: ['n1i'], what: 'the size of group 1' },
  { roles: ['sd2i'], what: 'the standard deviation of group 2' },
  { roles: ['n2i'], what: 'the size of group 2' },
];
const MEANS: readonly Requirement[] = [
  { roles: ['m1i'], what: 'the mean of group 1' },
  { roles: ['m2i'], what: 'the mean of group 2' },
];

/** Variability of two independent groups: VR (SDs only), CVR (SDs and means). */
export const variabilityFamily: MeasureFamily<VariabilityMeasure> = {
  measures: ['VR', 'CVR'],
  requirements: (measure) => (measure === 'VR' ? SDS : [...MEANS, ...SDS]),
  vtypes: (): readonly VarianceType[] => ['LS', 'LS2'],
  validate(measure, table) {
    // every formula divides by n − 1
    validateTwoGroups(table, measure, 2);
  },
  compute(measure, table, options) {
    const sd1 = column(table, 'sd1i'), n1 = column(table, 'n1i'), sd2 = column(table, 'sd2i'), n2 = column(table, 'n2i');
    const vtype = options.vtype as 'LS' | 'LS2';
    if (measure === 'VR') return logVariabilityRatio(sd1, n1, sd2, n2, vtype, options.correct);
    const g = { m1: column(table, 'm1i'), sd1, n1, m2: column(table, 'm2i'), sd2, n2 };
    return logCoefficientOfVariationRatio(g, vtype, options.correct);
  },
  undefinedReason: (measure) =>
    measure === 'VR'
      ? 'the log of the SD ratio is undefined (a zero standard deviation)'
      : 'the log of the CV ratio is undefined (a zero standard deviation or a non-positive mean)',
};
