import type { EffectArrays, MeasureFamily } from './family.ts';
import { requireNonNegative, requireSampleSize } from './family.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import { logRatioOfMeans } from './log-ratio-of-means.ts';
import type { RomVariance } from './log-ratio-of-means.ts';
import type { ResolvedOptions, VarianceType } from './options.ts';
import { standardizedMeanDifferenceControl } from './standardized-mean-difference-control.ts';
import { standardizedMeanDifferenceGroup2 } from './standardized-mean-difference-group2.ts';
import { standardizedMeanDifferenceHeteroscedastic } from './standardized-mean-difference-heteroscedastic.ts';
import type { SmdhVariance } from './standardized-mean-difference-heteroscedastic.ts';
import { TWO_GROUP_REQUIREMENTS, pooledSd, readTwoGroups } from './two-group-means.ts';
import type { TwoGroupMeans } from './two-group-means.ts';
import { weightedMean } from './weighted-mean.ts';

/**
 * Raw mean difference (metafor `MD`): yᵢ = m1 − m2 (Borenstein, 2009, eq. 12.1).
 * Variance: `LS`/`UB` s1²/n1 + s2²/n2 (eq. 12.5); `HO` s_p²(1/n1 + 1/n2) with the pooled SD
 * (eq. 12.3). Scale: the outcome's units. NaN propagates from any NaN input.
 *
 * @example
 * meanDifference({ m1: Float64Array.of(55), sd1: Float64Array.of(47), n1: Float64Array.of(155),
 *   m2: Float64Array.of(75), sd2: Float64Array.of(64), n2: Float64Array.of(156) }).yi[0] // => -20
 */
export function meanDifference(g: TwoGroupMeans, vtype: 'LS' | 'UB' | 'HO' = 'LS'): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const sd1 = g.sd1[i]!, n1 = g.n1[i]!, sd2 = g.sd2[i]!, n2 = g.n2[i]!;
    yi[i] = g.m1[i]! - g.m2[i]!;
    if (vtype === 'HO') {
      const sp = pooledSd(sd1, n1, sd2, n2);
      vi[i] = sp * sp * (1 / n1 + 1 / n2);
    } else {
      vi[i] = (sd1 * sd1) / n1 + (sd2 * sd2) / n2;
    }
  }
  return { yi, vi };
}

/**
 * Standardized mean difference, Hedges' g (metafor `SMD`): d = (m1 − m2)/s_p with the pooled SD,
 * g = J(n1+n2−2)·d (Hedges, 1981; J exact, see {@link hedgesCorrection}).
 * Variance with ñ = 1/n1 + 1/n2, N = n1 + n2, m = N − 2:
 * `LS` ñ + g²/(2N) (Hedges, 1982, eq. 8); `UB` ñ + (1 − (m−2)/(m·J²))·g² (Hedges, 1983, eq. 9);
 * `LS2` J²(ñ + d²/(2N)) (Borenstein, 2009, eq. 12.17); `AV` ñ + ḡ²/(2N) with ḡ the N-weighted
 * mean of g over all rows; `H0` J²·ñ·m/(m − 2) (under θ = 0; NaN for m ≤ 2). With `correct = false`, J = 1 (Cohen's d). Scale: SD units.
 *
 * @example
 * standardizedMeanDifference({ m1: Float64Array.of(27), sd1: Float64Array.of(7), n1: Float64Array.of(31),
 *   m2: Float64Array.of(29), sd2: Float64Array.of(4), n2: Float64Array.of(32) }).yi[0]
 * // => -0.3479400227390936 (metafor escalc("SMD", ...) on dat.normand1999, study 2)
 */
export function standardizedMeanDifference(
  g: TwoGroupMeans,
  vtype: 'LS' | 'UB' | 'LS2' | 'AV' | 'H0' = 'LS',
  correct = true,
): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const d = new Float64Array(k);
  const j = new Float64Array(k);
  const total = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n1 = g.n1[i]!, n2 = g.n2[i]!;
    total[i] = n1 + n2;
    j[i] = correct ? hedgesCorrection(n1 + n2 - 2) : 1;
    d[i] = (g.m1[i]! - g.m2[i]!) / pooledSd(g.sd1[i]!, n1, g.sd2[i]!, n2);
    yi[i] = j[i]! * d[i]!;
  }
  const mean = vtype === 'AV' ? weightedMean(yi, total) : NaN;
  for (let i = 0; i < k; i++) {
    const n1 = g.n1[i]!, n2 = g.n2[i]!, big = total[i]!, y = yi[i]!, ji = j[i]!;
    const inv = 1 / n1 + 1 / n2;
    if (vtype === 'UB') {
      const m = big - 2;
      vi[i] = inv + (1 - (m - 2) / (m * ji * ji)) * y * y;
    } else if (vtype === 'LS2') {
      vi[i] = ji * ji * (inv + (d[i]! * d[i]!) / (2 * big));
    } else if (vtype === 'AV') {
      vi[i] = inv + (mean * mean) / (2 * big);
    } else if (vtype === 'H0') {
      const m = big - 2;
      vi[i] = m > 2 ? (ji * ji * inv * m) / (m - 2) : NaN;
    } else {
      vi[i] = inv + (y * y) / (2 * big);
    }
  }
  return { yi, vi };
}

type MeansMeasure = 'MD' | 'SMD' | 'SMDH' | 'SMD1H' | 'ROM' | 'SMD1';

const VTYPES: Record<MeansMeasure, readonly VarianceType[]> = {
  MD: ['LS', 'UB', 'HO'],
  SMD: ['LS', 'UB', 'LS2', 'AV', 'H0'],
  SMDH: ['LS', 'LS2', 'LS3'],
  SMD1H: ['LS'],
  ROM: ['LS', 'LS2', 'HO', 'AV', 'AVHO'],
  SMD1: ['LS', 'LS2', 'UB', 'AV', 'H0'],
};

const REASONS: Record<MeansMeasure, string> = {
  MD: 'mean difference undefined for these values',
  SMD: 'the pooled standard deviation is zero',
  SMDH: 'both standard deviations are zero',
  SMD1H: 'the standard deviation sd2i is zero',
  ROM: 'the ratio of means m1i/m2i is not positive, so its log is undefined',
  SMD1: 'the standard deviation sd2i is zero',
};

/** SMDH's variance: metafor 3.8-1's `LS` under `metaforVersion: '3.8'`, else the 5.x `vtype`. */
function smdhVariance(options: ResolvedOptions): SmdhVariance {
  if (options.metaforVersion === '3.8') return 'LS-3.8';
  return options.vtype as 'LS' | 'LS2' | 'LS3';
}

/** Two independent groups summarized by means, SDs and sizes: MD, SMD, SMDH, SMD1H, ROM, SMD1 (no sd1i). */
export const meansFamily: MeasureFamily<MeansMeasure> = {
  measures: ['MD', 'SMD', 'SMDH', 'SMD1H', 'ROM', 'SMD1'],
  requirements: (measure) =>
    measure === 'SMD1' ? TWO_GROUP_REQUIREMENTS.filter((r) => r.roles[0] !== 'sd1i') : TWO_GROUP_REQUIREMENTS,
  vtypes: (measure) => VTYPES[measure],
  validate(measure, table) {
    requireNonNegative(table, 'sd1i');
    requireNonNegative(table, 'sd2i');
    // An SD needs two observations per group when the SD standardizes (SMD, SMDH, SMD1H divide
    // by n−1); SMD1H's J(n2 − 1) needs n2 − 1 > 1.
    const min = measure === 'SMD' || measure === 'SMDH' || measure === 'SMD1H' ? 2 : 1;
    requireSampleSize(table, 'n1i', min, measure);
    requireSampleSize(table, 'n2i', measure === 'SMD1H' || measure === 'SMD1' ? 3 : min, measure);
  },
  compute(measure, table, options) {
    const g = readTwoGroups(table);
    switch (measure) {
      case 'MD':
        return meanDifference(g, options.vtype as 'LS' | 'UB' | 'HO');
      case 'SMD':
        return standardizedMeanDifference(g, options.vtype as 'LS' | 'UB' | 'LS2' | 'AV' | 'H0', options.correct);
      case 'SMDH':
        return standardizedMeanDifferenceHeteroscedastic(g, options.correct, smdhVariance(options));
      case 'SMD1H':
        return standardizedMeanDifferenceGroup2(g, options.correct, options.metaforVersion === '3.8');
      case 'ROM':
        return logRatioOfMeans(g, options.vtype as RomVariance, options.correct);
      case 'SMD1':
        return standardizedMeanDifferenceControl(g, options.vtype as 'LS' | 'LS2' | 'UB' | 'AV' | 'H0', options.correct);
    }
  },
  undefinedReason: (measure) => REASONS[measure],
};
