import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireNonNegative, requireSampleSize } from './family.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import type { Table } from './read-table.ts';
import type { VarianceType } from './options.ts';
import { weightedMean } from './weighted-mean.ts';

/** Two-group summaries, index-aligned: means, SDs and sizes of group 1 and group 2. */
export interface TwoGroupMeans {
  readonly m1: Float64Array;
  readonly sd1: Float64Array;
  readonly n1: Float64Array;
  readonly m2: Float64Array;
  readonly sd2: Float64Array;
  readonly n2: Float64Array;
}

/** Pooled SD √(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2)). */
function pooledSd(sd1: number, n1: number, sd2: number, n2: number): number {
  return Math.sqrt(((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / (n1 + n2 - 2));
}

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
 * mean of g over all rows. With `correct = false`, J = 1 (Cohen's d). Scale: SD units.
 *
 * @example
 * standardizedMeanDifference({ m1: Float64Array.of(27), sd1: Float64Array.of(7), n1: Float64Array.of(31),
 *   m2: Float64Array.of(29), sd2: Float64Array.of(4), n2: Float64Array.of(32) }).yi[0]
 * // => -0.3479400227390936 (metafor escalc("SMD", ...) on dat.normand1999, study 2)
 */
export function standardizedMeanDifference(
  g: TwoGroupMeans,
  vtype: 'LS' | 'UB' | 'LS2' | 'AV' = 'LS',
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
    } else {
      vi[i] = inv + (y * y) / (2 * big);
    }
  }
  return { yi, vi };
}

/**
 * Standardized mean difference without assuming equal variances (metafor `SMDH`, Bonett, 2009):
 * g = J(n1+n2−2)·(m1 − m2)/s̄ with s̄ = √((s1² + s2²)/2), and
 * v = J²·[g²(s1⁴/(n1−1) + s2⁴/(n2−1)) / (2(s1² + s2²)²) + (s1²/(n1−1) + s2²/(n2−1)) / s̄²].
 * With `correct = false`, J = 1. Scale: SD units (average-variance standardizer).
 *
 * @example
 * standardizedMeanDifferenceHeteroscedastic({ m1: Float64Array.of(27), sd1: Float64Array.of(7),
 *   n1: Float64Array.of(31), m2: Float64Array.of(29), sd2: Float64Array.of(4), n2: Float64Array.of(32) }).yi[0]
 * // => -0.34648907552582725 (metafor escalc("SMDH", ...) on dat.normand1999, study 2)
 */
export function standardizedMeanDifferenceHeteroscedastic(g: TwoGroupMeans, correct = true): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n1 = g.n1[i]!, n2 = g.n2[i]!;
    const v1 = g.sd1[i]! * g.sd1[i]!, v2 = g.sd2[i]! * g.sd2[i]!;
    const j = correct ? hedgesCorrection(n1 + n2 - 2) : 1;
    const avg = (v1 + v2) / 2;
    const y = (j * (g.m1[i]! - g.m2[i]!)) / Math.sqrt(avg);
    yi[i] = y;
    const sum = v1 + v2;
    vi[i] = j * j * ((y * y * ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1))) / (2 * sum * sum) + (v1 / (n1 - 1) + v2 / (n2 - 1)) / avg);
  }
  return { yi, vi };
}

/**
 * Log ratio of means (metafor `ROM`, Hedges, Gurevitch & Curtis, 1999): yᵢ = ln(m1/m2).
 * Variance: `LS` s1²/(n1·m1²) + s2²/(n2·m2²) (eq. 1); `HO` the same with the pooled SD for both
 * groups; `AV` c̄1²/n1 + c̄2²/n2 with c̄g the ng-weighted mean coefficient of variation sg/mg of
 * group g over all rows; `AVHO` c̄²(1/n1 + 1/n2) with c̄ the coefficient of variation averaged
 * over both groups. NaN when m1/m2 ≤ 0. Scale: natural log.
 *
 * @example
 * logRatioOfMeans({ m1: Float64Array.of(55), sd1: Float64Array.of(47), n1: Float64Array.of(155),
 *   m2: Float64Array.of(75), sd2: Float64Array.of(64), n2: Float64Array.of(156) }).yi[0]
 * // => -0.3101549283038396 (= log(55/75))
 */
export function logRatioOfMeans(g: TwoGroupMeans, vtype: 'LS' | 'HO' | 'AV' | 'AVHO' = 'LS'): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const cv1 = new Float64Array(k);
  const cv2 = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    cv1[i] = g.sd1[i]! / g.m1[i]!;
    cv2[i] = g.sd2[i]! / g.m2[i]!;
  }
  let mean1 = NaN, mean2 = NaN, meanBoth = NaN;
  if (vtype === 'AV') {
    mean1 = weightedMean(cv1, g.n1);
    mean2 = weightedMean(cv2, g.n2);
  } else if (vtype === 'AVHO') {
    let num = 0, den = 0;
    for (let i = 0; i < k; i++) {
      const a = cv1[i]!, b = cv2[i]!, n1 = g.n1[i]!, n2 = g.n2[i]!;
      if (![a, b, n1, n2].every(Number.isFinite)) continue;
      num += n1 * a + n2 * b;
      den += n1 + n2;
    }
    meanBoth = den === 0 ? NaN : num / den;
  }
  for (let i = 0; i < k; i++) {
    const m1 = g.m1[i]!, m2 = g.m2[i]!, n1 = g.n1[i]!, n2 = g.n2[i]!;
    yi[i] = Math.log(m1 / m2);
    if (vtype === 'HO') {
      const sp = pooledSd(g.sd1[i]!, n1, g.sd2[i]!, n2);
      vi[i] = (sp * sp) / (n1 * m1 * m1) + (sp * sp) / (n2 * m2 * m2);
    } else if (vtype === 'AV') {
      vi[i] = (mean1 * mean1) / n1 + (mean2 * mean2) / n2;
    } else if (vtype === 'AVHO') {
      vi[i] = meanBoth * meanBoth * (1 / n1 + 1 / n2);
    } else {
      vi[i] = (cv1[i]! * cv1[i]!) / n1 + (cv2[i]! * cv2[i]!) / n2;
    }
  }
  return { yi, vi };
}

type MeansMeasure = 'MD' | 'SMD' | 'SMDH' | 'ROM';

const VTYPES: Record<MeansMeasure, readonly VarianceType[]> = {
  MD: ['LS', 'UB', 'HO'],
  SMD: ['LS', 'UB', 'LS2', 'AV'],
  SMDH: ['LS'],
  ROM: ['LS', 'HO', 'AV', 'AVHO'],
};

const REASONS: Record<MeansMeasure, string> = {
  MD: 'mean difference undefined for these values',
  SMD: 'the pooled standard deviation is zero',
  SMDH: 'both standard deviations are zero',
  ROM: 'the ratio of means m1i/m2i is not positive, so its log is undefined',
};

function groups(table: Table): TwoGroupMeans {
  return {
    m1: column(table, 'm1i'),
    sd1: column(table, 'sd1i'),
    n1: column(table, 'n1i'),
    m2: column(table, 'm2i'),
    sd2: column(table, 'sd2i'),
    n2: column(table, 'n2i'),
  };
}

/** Two independent groups summarized by means, SDs and sizes: MD, SMD, SMDH, ROM. */
export const meansFamily: MeasureFamily<MeansMeasure> = {
  measures: ['MD', 'SMD', 'SMDH', 'ROM'],
  requirements: () => [
    { roles: ['m1i'], what: 'the mean of group 1' },
    { roles: ['sd1i'], what: 'the standard deviation of group 1' },
    { roles: ['n1i'], what: 'the size of group 1' },
    { roles: ['m2i'], what: 'the mean of group 2' },
    { roles: ['sd2i'], what: 'the standard deviation of group 2' },
    { roles: ['n2i'], what: 'the size of group 2' },
  ],
  vtypes: (measure) => VTYPES[measure],
  validate(measure, table) {
    requireNonNegative(table, 'sd1i');
    requireNonNegative(table, 'sd2i');
    // An SD needs two observations per group when the SD standardizes (SMD, SMDH divide by n−1).
    const min = measure === 'SMD' || measure === 'SMDH' ? 2 : 1;
    requireSampleSize(table, 'n1i', min, measure);
    requireSampleSize(table, 'n2i', min, measure);
  },
  compute(measure, table, options) {
    const g = groups(table);
    switch (measure) {
      case 'MD':
        return meanDifference(g, options.vtype as 'LS' | 'UB' | 'HO');
      case 'SMD':
        return standardizedMeanDifference(g, options.vtype as 'LS' | 'UB' | 'LS2' | 'AV', options.correct);
      case 'SMDH':
        return standardizedMeanDifferenceHeteroscedastic(g, options.correct);
      case 'ROM':
        return logRatioOfMeans(g, options.vtype as 'LS' | 'HO' | 'AV' | 'AVHO');
    }
  },
  undefinedReason: (measure) => REASONS[measure],
};
