import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireSampleSize } from './family.ts';

/**
 * Cronbach's alpha of a scale with m items given to n subjects, raw or transformed:
 * - `ARAW` (raw): y = α, v = 2m(1 − α)²/((m − 1)(n − 2)) (Feldt et al., 1987);
 * - `AHW` (Hakstian & Whalen, 1976, Psychometrika 41:219): y = 1 − (1 − α)^(1/3),
 *   v = 18m(n − 1)(1 − α)^(2/3)/((m − 1)(9n − 11)²);
 * - `ABT` (Bonett, 2002, Journal of Educational and Behavioral Statistics 27:335): y = −ln(1 − α),
 *   v = 2m/((m − 1)(n − 2)).
 * Both transforms are written so that y increases with α, as in metafor. NaN for α = 1 under ABT.
 * Scale: alpha, or its transform.
 *
 * @example
 * cronbachAlpha(Float64Array.of(0.93), Float64Array.of(20), Float64Array.of(103), 'ABT').yi[0] // => 2.65926003693278 (−ln 0.07)
 */
export function cronbachAlpha(
  alpha: Float64Array, m: Float64Array, n: Float64Array, transform: 'ARAW' | 'AHW' | 'ABT' = 'ARAW',
): EffectArrays {
  const k = alpha.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const a = alpha[i]!, mi = m[i]!, ni = n[i]!;
    if (transform === 'AHW') {
      yi[i] = 1 - Math.cbrt(1 - a);
      vi[i] = (18 * mi * (ni - 1) * Math.cbrt(1 - a) ** 2) / ((mi - 1) * (9 * ni - 11) ** 2);
    } else if (transform === 'ABT') {
      yi[i] = -Math.log(1 - a);
      vi[i] = (2 * mi) / ((mi - 1) * (ni - 2));
    } else {
      yi[i] = a;
      vi[i] = (2 * mi * (1 - a) ** 2) / ((mi - 1) * (ni - 2));
    }
  }
  return { yi, vi };
}

type ReliabilityMeasure = 'ARAW' | 'AHW' | 'ABT';

/** Cronbach's alpha with the number of items and subjects: ARAW, AHW, ABT. */
export const reliabilityFamily: MeasureFamily<ReliabilityMeasure> = {
  measures: ['ARAW', 'AHW', 'ABT'],
  requirements: () => [
    { roles: ['ai'], what: "Cronbach's alpha" },
    { roles: ['mi'], what: 'the number of items' },
    { roles: ['ni'], what: 'the sample size' },
  ],
  vtypes: () => ['LS'],
  validate(measure, table) {
    requireEach(table, 'ai', (a) => a <= 1, "must be a Cronbach's alpha of at most 1");
    requireEach(table, 'mi', (m) => m >= 2, 'must be at least 2 items');
    // ARAW and ABT divide by n − 2
    requireSampleSize(table, 'ni', 3, measure);
  },
  compute: (measure, table) => cronbachAlpha(column(table, 'ai'), column(table, 'mi'), column(table, 'ni'), measure),
  undefinedReason: () => 'the transform of alpha = 1 is infinite',
};
