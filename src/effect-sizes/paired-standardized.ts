import { normalCdf } from '../distributions/normal.ts';
import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireNonNegative, requireSampleSize } from './family.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import type { VarianceType } from './options.ts';
import { changeSd } from './paired-means.ts';
import type { PairedMeans } from './paired-means.ts';

/** Average-variance SD √((s1² + s2²)/2), the change SD and the heteroscedastic variance term of row i. */
function parts(g: PairedMeans, i: number): { sd: number; change: number; spread: number } {
  const s1 = g.sd1[i]!, s2 = g.sd2[i]!, r = g.r[i]!;
  const sd = Math.sqrt((s1 * s1 + s2 * s2) / 2);
  const spread = (s1 ** 4 + s2 ** 4 + 2 * r * r * s1 * s1 * s2 * s2) / (8 * sd ** 4);
  return { sd, change: changeSd(s1, s2, r), spread };
}

/**
 * Standardized mean change of one group measured twice, standardized by the average-variance
 * SD s = √((s1² + s2²)/2) (metafor `SMCRP`, equal variances, and `SMCRPH`, heteroscedastic;
 * Cousineau, 2020; Bonett, 2008, eq. 10): y = J(m)·(m1 − m2)/s with m = 2(n − 1)/(1 + r²)
 * (`correct = false`: J = 1). Variance, with s_d the SD of the change scores and
 * w = (s1⁴ + s2⁴ + 2r²s1²s2²)/(8s⁴): SMCRP `LS` 2(1 − r)/n + y²(1 + r²)/(4n); SMCRPH `LS`
 * s_d²/(s²(n − 1)) + y²·w/(n − 1), `LS2` the same with n for n − 1. Scale: SD units.
 *
 * @example
 * standardizedMeanChangePooled({ m1: Float64Array.of(1), m2: Float64Array.of(0), sd1: Float64Array.of(1),
 *   sd2: Float64Array.of(1), n: Float64Array.of(20), r: Float64Array.of(0) }, false, 'LS', false).vi[0] // => 0.1125
 */
export function standardizedMeanChangePooled(
  g: PairedMeans, heteroscedastic: boolean, vtype: 'LS' | 'LS2' = 'LS', correct = true,
): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n = g.n[i]!, r = g.r[i]!;
    const { sd, change, spread } = parts(g, i);
    const y = (correct ? hedgesCorrection((2 * (n - 1)) / (1 + r * r)) : 1) * ((g.m1[i]! - g.m2[i]!) / sd);
    yi[i] = y;
    if (!heteroscedastic) {
      vi[i] = (2 * (1 - r)) / n + (y * y * (1 + r * r)) / (4 * n);
    } else {
      const m = vtype === 'LS2' ? n : n - 1;
      vi[i] = (change * change) / (sd * sd * m) + (y * y * spread) / m;
    }
  }
  return { yi, vi };
}

/**
 * AUC / common-language effect size of one group measured twice under the binormal model
 * (metafor `AUCCN` and `CLESCN`): y = Φ(d/√2) with d = (m1 − m2)/s, s = √((s1² + s2²)/2), and
 * variance exp(−d²/2)/(4π) · (s_d²/(s²(n − 1)) + d²·w/(n − 1)) (the delta method on SMCRPH,
 * notation there). Scale: probability, 0 to 1.
 *
 * @example
 * aucChange({ m1: Float64Array.of(0), m2: Float64Array.of(0), sd1: Float64Array.of(1),
 *   sd2: Float64Array.of(1), n: Float64Array.of(11), r: Float64Array.of(0.5) }).yi[0] // => 0.5
 */
export function aucChange(g: PairedMeans): EffectArrays {
  const k = g.m1.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n = g.n[i]!;
    const { sd, change, spread } = parts(g, i);
    const d = (g.m1[i]! - g.m2[i]!) / sd;
    yi[i] = normalCdf(d / Math.SQRT2);
    vi[i] = (Math.exp((-d * d) / 2) / (4 * Math.PI)) * ((change * change) / (sd * sd * (n - 1)) + (d * d * spread) / (n - 1));
  }
  return { yi, vi };
}

type PairedStandardizedMeasure = 'SMCRP' | 'SMCRPH' | 'AUCCN' | 'CLESCN';

/** One group measured twice, standardized by the average SD: SMCRP, SMCRPH, AUCCN, CLESCN. */
export const pairedStandardizedFamily: MeasureFamily<PairedStandardizedMeasure> = {
  measures: ['SMCRP', 'SMCRPH', 'AUCCN', 'CLESCN'],
  requirements: () => [
    { roles: ['m1i'], what: 'the mean at occasion 1' },
    { roles: ['m2i'], what: 'the mean at occasion 2' },
    { roles: ['sd1i'], what: 'the standard deviation at occasion 1' },
    { roles: ['sd2i'], what: 'the standard deviation at occasion 2' },
    { roles: ['ni'], what: 'the sample size' },
    { roles: ['ri'], what: 'the correlation between the occasions' },
  ],
  vtypes: (measure): readonly VarianceType[] => (measure === 'SMCRPH' ? ['LS', 'LS2'] : ['LS']),
  validate(measure, table) {
    requireNonNegative(table, 'sd1i');
    requireNonNegative(table, 'sd2i');
    requireEach(table, 'ri', (r) => r >= -1 && r <= 1, 'must be a correlation between -1 and 1');
    // J(2(n − 1)/(1 + r²)) needs its argument above 1 for every r: n ≥ 3; the variances divide by n − 1
    requireSampleSize(table, 'ni', measure === 'SMCRP' || measure === 'SMCRPH' ? 3 : 2, measure);
  },
  compute(measure, table, options) {
    const g: PairedMeans = {
      m1: column(table, 'm1i'), m2: column(table, 'm2i'), sd1: column(table, 'sd1i'),
      sd2: column(table, 'sd2i'), n: column(table, 'ni'), r: column(table, 'ri'),
    };
    if (measure === 'AUCCN' || measure === 'CLESCN') return aucChange(g);
    return standardizedMeanChangePooled(g, measure === 'SMCRPH', options.vtype as 'LS' | 'LS2', options.correct);
  },
  undefinedReason: () => 'both standard deviations are zero',
};
