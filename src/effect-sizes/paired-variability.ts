import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireNonNegative, requireSampleSize } from './family.ts';
import type { VarianceType } from './options.ts';
import type { PairedMeans } from './paired-means.ts';
import type { Requirement } from './read-table.ts';

/**
 * Log ratio of means of one group measured twice, or of matched pairs (metafor `ROMC`;
 * Lajeunesse, 2011, eq. 6; Senior et al., 2020, Research Synthesis Methods 11:402, eq. 7):
 * y = ln(m1/m2) + ½(s1²/(n·m1²) − s2²/(n·m2²)) (`correct = false`: ln(m1/m2)). With
 * c_g = s_g²/(n·m_g²) and ρ = r·s1·s2/(n·m1·m2): variance `LS` c1 + c2 − 2ρ (eq. 18);
 * `LS2` c1 + c2 + c1²/2 + c2²/2 − 2ρ + ρ²·(m1⁴ + m2⁴)/(2·m1²·m2²) (eq. 19). Scale: log ratio.
 *
 * @example
 * logRatioOfMeansChange({ m1: Float64Array.of(26), m2: Float64Array.of(22), sd1: Float64Array.of(Math.sqrt(30)),
 *   sd2: Float64Array.of(Math.sqrt(20)), n: Float64Array.of(60), r: Float64Array.of(0.7) }).yi[0]
 * // => 0.167079554531293 (metafor 5.1 escalc("ROMC"))
 */
export function logRatioOfMeansChange(g: PairedMeans, vtype: 'LS' | 'LS2' = 'LS', correct = true): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const m1 = g.m1[i]!, m2 = g.m2[i]!, n = g.n[i]!;
    const c1 = (g.sd1[i]! ** 2) / (n * m1 * m1), c2 = (g.sd2[i]! ** 2) / (n * m2 * m2);
    yi[i] = Math.log(m1 / m2) + (correct ? 0.5 * (c1 - c2) : 0);
    vi[i] = meansPart(g, i, vtype);
  }
  return { yi, vi };
}

/** ROMC's variance (also the mean part of CVRC's). */
function meansPart(g: PairedMeans, i: number, vtype: 'LS' | 'LS2'): number {
  const m1 = g.m1[i]!, m2 = g.m2[i]!, s1 = g.sd1[i]!, s2 = g.sd2[i]!, n = g.n[i]!, r = g.r[i]!;
  const c1 = (s1 * s1) / (n * m1 * m1), c2 = (s2 * s2) / (n * m2 * m2);
  const rho = (r * s1 * s2) / (n * m1 * m2);
  if (vtype === 'LS') return c1 + c2 - 2 * rho;
  return c1 + c2 + (c1 * c1) / 2 + (c2 * c2) / 2 - 2 * rho + (rho * rho * (m1 ** 4 + m2 ** 4)) / (2 * m1 * m1 * m2 * m2);
}

/** VRC's variance (also the SD part of CVRC's). */
function sdPart(g: PairedMeans, i: number, vtype: 'LS' | 'LS2'): number {
  const n = g.n[i]!, r = g.r[i]!, s1 = g.sd1[i]!, s2 = g.sd2[i]!;
  if (vtype === 'LS') return (1 - r * r) / (n - 1);
  return n / (n - 1) ** 2 - (r * r) / (n - 1) + (r ** 4 * (s1 ** 8 + s2 ** 8)) / (2 * (n - 1) ** 2 * s1 ** 4 * s2 ** 4);
}

/**
 * Log variability ratio of one group measured twice (metafor `VRC`; Senior et al., 2020,
 * eq. 8): y = ln(s1/s2) (no bias correction: it cancels with equal n). Variance: `LS`
 * (1 − r²)/(n − 1) (eq. 21); `LS2` n/(n−1)² − r²/(n−1) + r⁴(s1⁸ + s2⁸)/(2(n−1)²s1⁴s2⁴) (eq. 22).
 * Scale: log ratio of SDs.
 *
 * @example
 * logVariabilityRatioChange({ m1: Float64Array.of(NaN), m2: Float64Array.of(NaN), sd1: Float64Array.of(3),
 *   sd2: Float64Array.of(3), n: Float64Array.of(11), r: Float64Array.of(0) }).vi[0] // => 0.1
 */
export function logVariabilityRatioChange(g: PairedMeans, vtype: 'LS' | 'LS2' = 'LS'): EffectArrays {
  const k = g.sd1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    yi[i] = Math.log(g.sd1[i]! / g.sd2[i]!);
    vi[i] = sdPart(g, i, vtype);
  }
  return { yi, vi };
}

/**
 * Log coefficient-of-variation ratio of one group measured twice (metafor `CVRC`; Senior et
 * al., 2020, eq. 9): y = ln(s1/m1) − ln(s2/m2) + ½(s2²/(n·m2²) − s1²/(n·m1²)) (`correct =
 * false` keeps the log ratio only). Variance: the ROMC variance plus the VRC variance of the
 * same `vtype` (eqs. 23, 24). Scale: log ratio of CVs.
 *
 * @example
 * logCoefficientOfVariationRatioChange({ m1: Float64Array.of(10), m2: Float64Array.of(10), sd1: Float64Array.of(2),
 *   sd2: Float64Array.of(2), n: Float64Array.of(11), r: Float64Array.of(0) }, 'LS', false).yi[0] // => 0
 */
export function logCoefficientOfVariationRatioChange(g: PairedMeans, vtype: 'LS' | 'LS2' = 'LS', correct = true): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const m1 = g.m1[i]!, m2 = g.m2[i]!, s1 = g.sd1[i]!, s2 = g.sd2[i]!, n = g.n[i]!;
    const log = Math.log(s1 / m1) - Math.log(s2 / m2);
    yi[i] = correct ? log + 0.5 * ((s2 * s2) / (n * m2 * m2) - (s1 * s1) / (n * m1 * m1)) : log;
    vi[i] = meansPart(g, i, vtype) + sdPart(g, i, vtype);
  }
  return { yi, vi };
}

type PairedVariabilityMeasure = 'ROMC' | 'VRC' | 'CVRC';

const MEANS: readonly Requirement[] = [
  { roles: ['m1i'], what: 'the mean at occasion 1' },
  { roles: ['m2i'], what: 'the mean at occasion 2' },
];
const REST: readonly Requirement[] = [
  { roles: ['sd1i'], what: 'the standard deviation at occasion 1' },
  { roles: ['sd2i'], what: 'the standard deviation at occasion 2' },
  { roles: ['ni'], what: 'the sample size' },
  { roles: ['ri'], what: 'the correlation between the occasions' },
];

/** Ratios of means, SDs and CVs of one group measured twice (or matched pairs): ROMC, VRC, CVRC. */
export const pairedVariabilityFamily: MeasureFamily<PairedVariabilityMeasure> = {
  measures: ['ROMC', 'VRC', 'CVRC'],
  requirements: (measure) => (measure === 'VRC' ? REST : [...MEANS, ...REST]),
  vtypes: (): readonly VarianceType[] => ['LS', 'LS2'],
  validate(measure, table) {
    requireNonNegative(table, 'sd1i');
    requireNonNegative(table, 'sd2i');
    requireEach(table, 'ri', (r) => r >= -1 && r <= 1, 'must be a correlation between -1 and 1');
    requireSampleSize(table, 'ni', measure === 'ROMC' ? 1 : 2, measure);
  },
  compute(measure, table, options) {
    const g: PairedMeans = {
      m1: column(table, 'm1i'), m2: column(table, 'm2i'), sd1: column(table, 'sd1i'),
      sd2: column(table, 'sd2i'), n: column(table, 'ni'), r: column(table, 'ri'),
    };
    const vtype = options.vtype as 'LS' | 'LS2';
    if (measure === 'ROMC') return logRatioOfMeansChange(g, vtype, options.correct);
    if (measure === 'VRC') return logVariabilityRatioChange(g, vtype);
    return logCoefficientOfVariationRatioChange(g, vtype, options.correct);
  },
  undefinedReason: (measure) =>
    measure === 'ROMC' ? 'the ratio of means m1i/m2i is not positive, so its log is undefined'
      : measure === 'VRC' ? 'the log of the SD ratio is undefined (a zero standard deviation)'
        : 'the log of the CV ratio is undefined (a zero standard deviation or a non-positive mean)',
};
