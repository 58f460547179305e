import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireNonNegative, requireSampleSize } from './family.ts';
import { unbiasedCorrelation } from './correlations.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import type { Requirement } from './read-table.ts';
import type { VarianceType } from './options.ts';
import { changeSd } from './paired-means.ts';
import type { PairedMeans } from './paired-means.ts';
import { standardizedMeanChangeRawHeteroscedastic } from './standardized-mean-change-raw-heteroscedastic.ts';

/**
 * Raw mean change (metafor `MC`): yᵢ = m1 − m2, vᵢ = (s1² + s2² − 2·r·s1·s2)/n.
 * Scale: the outcome's units.
 *
 * @example
 * meanChange({ m1: Float64Array.of(12.1), m2: Float64Array.of(10), sd1: Float64Array.of(3.1),
 *   sd2: Float64Array.of(2.9), n: Float64Array.of(24), r: Float64Array.of(0.62) }).vi[0]
 * // => 0.28635 (metafor escalc("MC") on the prepost fixture, study 1)
 */
export function meanChange(g: PairedMeans): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const s = changeSd(g.sd1[i]!, g.sd2[i]!, g.r[i]!);
    yi[i] = g.m1[i]! - g.m2[i]!;
    vi[i] = (s * s) / g.n[i]!;
  }
  return { yi, vi };
}

/**
 * Standardized mean change with change-score standardization (metafor `SMCC`, Gibbons et al.,
 * 1993): d = (m1 − m2)/s_d with s_d the SD of the change scores, g = J(n−1)·d.
 * Variance: `LS` 1/n + g²/(2n); `LS2` J²(1/n + d²/(2n)); `UB` 1/n + (1 − (m−2)/(m·J²))·g²
 * (Viechtbauer, 2007, eq. 26; m = n − 1); `H0` J²/n · m/(m − 2) (under θ = 0; NaN for m ≤ 2).
 * With `correct = false`, J = 1. Scale: change-score SD units.
 *
 * @example
 * standardizedMeanChangeChange({ m1: Float64Array.of(12.1), m2: Float64Array.of(10), sd1: Float64Array.of(3.1),
 *   sd2: Float64Array.of(2.9), n: Float64Array.of(24), r: Float64Array.of(0.62) }).yi[0]
 * // => 0.7746027477706766 (metafor escalc("SMCC") on the prepost fixture, study 1)
 */
export function standardizedMeanChangeChange(
  g: PairedMeans,
  vtype: 'LS' | 'LS2' | 'UB' | 'H0' = 'LS',
  correct = true,
): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n = g.n[i]!;
    const j = correct ? hedgesCorrection(n - 1) : 1;
    const d = (g.m1[i]! - g.m2[i]!) / changeSd(g.sd1[i]!, g.sd2[i]!, g.r[i]!);
    const y = j * d;
    const m = n - 1;
    yi[i] = y;
    if (vtype === 'UB') vi[i] = 1 / n + (1 - (m - 2) / (m * j * j)) * y * y;
    else if (vtype === 'H0') vi[i] = m > 2 ? ((j * j) / n) * (m / (m - 2)) : NaN;
    else vi[i] = vtype === 'LS2' ? j * j * (1 / n + (d * d) / (2 * n)) : 1 / n + (y * y) / (2 * n);
  }
  return { yi, vi };
}

/**
 * Standardized mean change with raw-score standardization (metafor `SMCR`, Becker, 1988):
 * d = (m1 − m2)/s1, g = J(n−1)·d. Variance: `LS` 2(1 − r)/n + g²/(2n);
 * `LS2` J²(2(1 − r)/n + d²/(2n)); with r_u the bias-corrected correlation (metafor `UCOR`,
 * NaN for n ≤ 4) and m = n − 1, `UB` 2(1 − r_u)/n + (1 − (m−2)/(m·J²))·g² (Viechtbauer, 2007,
 * eq. 37) and `H0` J²·2(1 − r_u)/n · m/(m − 2) (under θ = 0). With `correct = false`, J = 1.
 * Only `sd1` is used.
 * Scale: raw-score SD units.
 *
 * @example
 * standardizedMeanChangeRaw({ m1: Float64Array.of(12.1), m2: Float64Array.of(10), sd1: Float64Array.of(3.1),
 *   sd2: Float64Array.of(NaN), n: Float64Array.of(24), r: Float64Array.of(0.62) }).yi[0]
 * // => 0.6550456304562894 (metafor escalc("SMCR") on the prepost fixture, study 1)
 */
export function standardizedMeanChangeRaw(g: PairedMeans, vtype: 'LS' | 'LS2' | 'UB' | 'H0' = 'LS', correct = true): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n = g.n[i]!, r = g.r[i]!;
    const j = correct ? hedgesCorrection(n - 1) : 1;
    const d = (g.m1[i]! - g.m2[i]!) / g.sd1[i]!;
    const y = j * d;
    const m = n - 1;
    yi[i] = y;
    if (vtype === 'UB' || vtype === 'H0') {
      // the unbiased correlation (Olkin & Pratt), undefined for n <= 4 as in metafor
      const ru = n > 4 ? unbiasedCorrelation(Float64Array.of(r), Float64Array.of(n)).yi[0]! : NaN;
      vi[i] = vtype === 'UB'
        ? (2 * (1 - ru)) / n + (1 - (m - 2) / (m * j * j)) * y * y
        : m > 2 ? ((j * j * 2 * (1 - ru)) / n) * (m / (m - 2)) : NaN;
    } else {
      vi[i] = vtype === 'LS2' ? j * j * ((2 * (1 - r)) / n + (d * d) / (2 * n)) : (2 * (1 - r)) / n + (y * y) / (2 * n);
    }
  }
  return { yi, vi };
}

type ChangeMeasure = 'MC' | 'SMCC' | 'SMCR' | 'SMCRH';

const BASE: readonly Requirement[] = [
  { roles: ['m1i'], what: 'the mean at occasion 1' },
  { roles: ['m2i'], what: 'the mean at occasion 2' },
  { roles: ['sd1i'], what: 'the standard deviation at occasion 1' },
];
const SD2: Requirement = { roles: ['sd2i'], what: 'the standard deviation at occasion 2' };
const TAIL: readonly Requirement[] = [
  { roles: ['ni'], what: 'the sample size' },
  { roles: ['ri'], what: 'the correlation between the occasions' },
];

const REASONS: Record<ChangeMeasure, string> = {
  MC: 'the mean change is undefined for these values',
  SMCC: 'the standard deviation of the change scores is zero',
  SMCR: 'the standard deviation sd1i is zero',
  SMCRH: 'the standard deviation sd1i is zero',
};

/** One group measured twice (or matched pairs): MC, SMCC, SMCR, SMCRH. */
export const changeScoresFamily: MeasureFamily<ChangeMeasure> = {
  measures: ['MC', 'SMCC', 'SMCR', 'SMCRH'],
  requirements: (measure) => (measure === 'SMCR' ? [...BASE, ...TAIL] : [...BASE, SD2, ...TAIL]),
  vtypes: (measure): readonly VarianceType[] =>
    measure === 'MC' ? ['LS'] : measure === 'SMCC' || measure === 'SMCR' ? ['LS', 'LS2', 'UB', 'H0'] : ['LS', 'LS2'],
  validate(measure, table) {
    requireNonNegative(table, 'sd1i');
    if (measure !== 'SMCR') requireNonNegative(table, 'sd2i');
    requireEach(table, 'ri', (r) => r >= -1 && r <= 1, 'must be a correlation between -1 and 1');
    // The correction J(n − 1) needs n − 1 > 1.
    requireSampleSize(table, 'ni', measure === 'MC' ? 1 : 3, measure);
  },
  compute(measure, table, options) {
    const g: PairedMeans = {
      m1: column(table, 'm1i'),
      m2: column(table, 'm2i'),
      sd1: column(table, 'sd1i'),
      sd2: column(table, 'sd2i'),
      n: column(table, 'ni'),
      r: column(table, 'ri'),
    };
    const vtype = options.vtype as 'LS' | 'LS2' | 'UB' | 'H0';
    if (measure === 'MC') return meanChange(g);
    if (measure === 'SMCC') return standardizedMeanChangeChange(g, vtype, options.correct);
    if (measure === 'SMCRH') {
      return standardizedMeanChangeRawHeteroscedastic(g, options.metaforVersion === '3.8' ? 'LS-3.8' : vtype as 'LS' | 'LS2', options.correct);
    }
    return standardizedMeanChangeRaw(g, vtype, options.correct);
  },
  undefinedReason: (measure) => REASONS[measure],
};
