import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireNonNegative, requireSampleSize } from './family.ts';
import type { Requirement } from './read-table.ts';

/**
 * Log standard deviation of one group (metafor `SDLN`; Nakagawa et al., 2015, Methods in
 * Ecology and Evolution 6:143): y = ln s + 1/(2(n−1)) (the bias correction; `correct = false`
 * drops it), v = 1/(2(n−1)). Scale: log SD.
 *
 * @example
 * logSd(Float64Array.of(2), Float64Array.of(20)).yi[0] // => 0.719462970033629 (metafor 5.1 escalc("SDLN"))
 */
export function logSd(sd: Float64Array, n: Float64Array, correct = true): EffectArrays {
  const k = sd.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const half = 1 / (2 * (n[i]! - 1));
    yi[i] = Math.log(sd[i]!) + (correct ? half : 0);
    vi[i] = half;
  }
  return { yi, vi };
}

/**
 * Log coefficient of variation of one group (metafor `CVLN`; Nakagawa et al., 2015, without the
 * correlation term): y = ln(s/m) + 1/(2(n−1)) (`correct = false` drops the correction),
 * v = 1/(2(n−1)) + s²/(n·m²). NaN for a zero SD or mean. Scale: log CV.
 *
 * @example
 * logCoefficientOfVariation(Float64Array.of(10), Float64Array.of(2), Float64Array.of(20)).yi[0] // => -1.58312212296042 (metafor 5.1 escalc("CVLN"))
 */
export function logCoefficientOfVariation(m: Float64Array, sd: Float64Array, n: Float64Array, correct = true): EffectArrays {
  const k = m.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const mi = m[i]!, s = sd[i]!, ni = n[i]!;
    const half = 1 / (2 * (ni - 1));
    yi[i] = Math.log(s / mi) + (correct ? half : 0);
    vi[i] = half + (s * s) / (ni * mi * mi);
  }
  return { yi, vi };
}

type SingleGroupVariabilityMeasure = 'SDLN' | 'CVLN';

const SD: readonly Requirement[] = [
  { roles: ['sdi'], what: 'the standard deviation' },
  { roles: ['ni'], what: 'the sample size' },
];

/** Variability of one group: SDLN (SD and size), CVLN (mean, SD and size). */
export const singleGroupVariabilityFamily: MeasureFamily<SingleGroupVariabilityMeasure> = {
  measures: ['SDLN', 'CVLN'],
  requirements: (measure) => (measure === 'SDLN' ? SD : [{ roles: ['mi'], what: 'the mean' }, ...SD]),
  vtypes: () => ['LS'],
  validate(measure, table) {
    requireNonNegative(table, 'sdi');
    requireSampleSize(table, 'ni', 2, measure);
    if (measure === 'CVLN') requireEach(table, 'mi', (m) => m >= 0, 'must not be negative for measure CVLN (log of the coefficient of variation)');
  },
  compute(measure, table, options) {
    const sd = column(table, 'sdi'), n = column(table, 'ni');
    return measure === 'SDLN' ? logSd(sd, n, options.correct) : logCoefficientOfVariation(column(table, 'mi'), sd, n, options.correct);
  },
  undefinedReason: (measure) =>
    measure === 'SDLN' ? 'the log of a zero standard deviation is undefined' : 'the log of the coefficient of variation is undefined (a zero SD or mean)',
};
