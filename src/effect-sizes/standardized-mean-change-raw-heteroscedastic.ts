import type { EffectArrays } from './family.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import { changeSd } from './paired-means.ts';
import type { PairedMeans } from './paired-means.ts';
import { rowwise } from './rowwise.ts';

/** Sampling variances of SMCRH: metafor 5.x's `vtype` codes, plus `LS-3.8` (metafor ≤ 4.4). */
export type SmcrhVariance = 'LS' | 'LS2' | 'LS-3.8';

/**
 * Standardized mean change with raw-score standardization, allowing the SDs of the two
 * occasions to differ (metafor `SMCRH`; Bonett, 2008): g = J(n−1)·(m1 − m2)/s1, with Hedges' J
 * ({@link hedgesCorrection}; J = 1 when `correct` is false) and s_d² = s1² + s2² − 2·r·s1·s2 the
 * variance of the change scores. Variances, with the corrected g plugged in as metafor does:
 * - `LS` (default; Bonett, 2008, eq. 13): s_d²/(s1²(n−1)) + g²/(2(n−1));
 * - `LS2`: s_d²/(s1²·n) + g²/(2n);
 * - `LS-3.8`: J² times `LS`, the formula of metafor 3.8-1 up to 4.4 (dropped in 4.6).
 *
 * Scale: units of the occasion-1 SD. NaN when s1 = 0 or J is undefined (n ≤ 2).
 *
 * @example
 * standardizedMeanChangeRawHeteroscedastic({ m1: Float64Array.of(12.1), m2: Float64Array.of(10),
 *   sd1: Float64Array.of(3.1), sd2: Float64Array.of(2.9), n: Float64Array.of(24), r: Float64Array.of(0.62) }).vi[0]
 * // => 0.0404205418187 (metafor 5.1 escalc("SMCRH") on the prepost fixture, study 1)
 */
export function standardizedMeanChangeRawHeteroscedastic(
  g: PairedMeans,
  variance: SmcrhVariance = 'LS',
  correct = true,
): EffectArrays {
  return rowwise(g.m1.length, (i) => {
    const n = g.n[i]!, sd1 = g.sd1[i]!;
    const j = correct ? hedgesCorrection(n - 1) : 1;
    const y = (j * (g.m1[i]! - g.m2[i]!)) / sd1;
    const sdd = changeSd(sd1, g.sd2[i]!, g.r[i]!);
    const m = variance === 'LS2' ? n : n - 1;
    const ls = (sdd * sdd) / (sd1 * sd1 * m) + (y * y) / (2 * m);
    return [y, variance === 'LS-3.8' ? j * j * ls : ls];
  });
}
