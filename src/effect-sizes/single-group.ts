import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireNonNegative, requireSampleSize } from './family.ts';
import type { Requirement } from './read-table.ts';

/**
 * Raw mean of one group (metafor `MN`): yᵢ = m, vᵢ = s²/n. Scale: the outcome's units.
 *
 * @example
 * rawMean(Float64Array.of(12.1), Float64Array.of(3.1), Float64Array.of(24)).vi[0] // => 0.400416666666667 (3.1²/24)
 */
export function rawMean(m: Float64Array, sd: Float64Array, n: Float64Array): EffectArrays {
  const k = m.length;
  const yi = Float64Array.from(m);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) vi[i] = (sd[i]! * sd[i]!) / n[i]!;
  return { yi, vi };
}

/**
 * Log-transformed mean (metafor `MNLN`): yᵢ = ln m, vᵢ = s²/(n·m²) (delta method).
 * NaN for m = 0. Scale: natural log.
 *
 * @example
 * logMean(Float64Array.of(12.1), Float64Array.of(3.1), Float64Array.of(24)).yi[0] // => 2.4932054526026954
 */
export function logMean(m: Float64Array, sd: Float64Array, n: Float64Array): EffectArrays {
  const k = m.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const mi = m[i]!;
    yi[i] = Math.log(mi);
    vi[i] = (sd[i]! * sd[i]!) / (n[i]! * mi * mi);
  }
  return { yi, vi };
}

type SingleGroupMeasure = 'MN' | 'MNLN';

/** The three inputs of one group: mean, SD and size. */
export const SINGLE_GROUP_REQUIREMENTS: readonly Requirement[] = [
  { roles: ['mi'], what: 'the mean' },
  { roles: ['sdi'], what: 'the standard deviation' },
  { roles: ['ni'], what: 'the sample size' },
];

/** One group summarized by mean, SD and size: MN, MNLN. */
export const singleGroupFamily: MeasureFamily<SingleGroupMeasure> = {
  measures: ['MN', 'MNLN'],
  requirements: () => SINGLE_GROUP_REQUIREMENTS,
  vtypes: () => ['LS'],
  validate(measure, table) {
    requireNonNegative(table, 'sdi');
    requireSampleSize(table, 'ni', 1, measure);
    if (measure === 'MNLN') requireEach(table, 'mi', (m) => m >= 0, 'must not be negative for measure MNLN (log of the mean)');
  },
  compute(measure, table) {
    const m = column(table, 'mi'), sd = column(table, 'sdi'), n = column(table, 'ni');
    return measure === 'MN' ? rawMean(m, sd, n) : logMean(m, sd, n);
  },
  undefinedReason: (measure) => (measure === 'MNLN' ? 'the log of a zero mean is undefined' : 'the mean is undefined'),
};
