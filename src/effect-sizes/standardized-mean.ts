import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireNonNegative, requireSampleSize } from './family.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import { SINGLE_GROUP_REQUIREMENTS } from './single-group.ts';

/**
 * Single-group standardized mean (metafor `SMN`): y = J(n−1)·m/s with Hedges' correction J
 * (`correct = false`: J = 1), v = 1/n + y²/(2n). The mean is measured from zero (subtract a
 * reference value from `mi` first). NaN for a zero SD. Scale: SD units.
 *
 * @example
 * standardizedMean(Float64Array.of(10), Float64Array.of(2), Float64Array.of(20)).yi[0] // => 4.79955176462127 (metafor 5.1 escalc("SMN"))
 */
export function standardizedMean(m: Float64Array, sd: Float64Array, n: Float64Array, correct = true): EffectArrays {
  const k = m.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ni = n[i]!;
    const y = (correct ? hedgesCorrection(ni - 1) : 1) * (m[i]! / sd[i]!);
    yi[i] = y;
    vi[i] = 1 / ni + (y * y) / (2 * ni);
  }
  return { yi, vi };
}

/** One group's mean in SD units: SMN. */
export const standardizedMeanFamily: MeasureFamily<'SMN'> = {
  measures: ['SMN'],
  requirements: () => SINGLE_GROUP_REQUIREMENTS,
  vtypes: () => ['LS'],
  validate(measure, table) {
    requireNonNegative(table, 'sdi');
    // J(n − 1) needs n − 1 > 1
    requireSampleSize(table, 'ni', 3, measure);
  },
  compute: (_measure, table, options) => standardizedMean(column(table, 'mi'), column(table, 'sdi'), column(table, 'ni'), options.correct),
  undefinedReason: () => 'the standard deviation is zero',
};
