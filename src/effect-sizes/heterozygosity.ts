import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireNonNegative } from './family.ts';

/**
 * Relative excess heterozygosity from genotype counts (metafor `REH`): with the counts of the
 * two homozygous genotypes a, c and of the heterozygous genotype b, N = a + b + c and
 * p0 = a/N, p1 = b/N, p2 = c/N, y = ln p1 − ln(2√(p0·p2)) (log of observed over Hardy–Weinberg
 * expected heterozygotes), v = ((1 − p1)/(4p0p2) + 1/p1)/N. NaN when a count is zero.
 * Scale: log ratio.
 *
 * @example
 * relativeExcessHeterozygosity(Float64Array.of(25), Float64Array.of(50), Float64Array.of(25)).yi[0] // => 0 (Hardy–Weinberg proportions)
 */
export function relativeExcessHeterozygosity(a: Float64Array, b: Float64Array, c: Float64Array): EffectArrays {
  const k = a.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n = a[i]! + b[i]! + c[i]!;
    const p0 = a[i]! / n, p1 = b[i]! / n, p2 = c[i]! / n;
    yi[i] = Math.log(p1) - Math.log(2 * Math.sqrt(p0 * p2));
    vi[i] = ((1 - p1) / (4 * p0 * p2) + 1 / p1) / n;
  }
  return { yi, vi };
}

/** Genotype counts of one study: REH. */
export const heterozygosityFamily: MeasureFamily<'REH'> = {
  measures: ['REH'],
  requirements: () => [
    { roles: ['ai'], what: 'the count of the first homozygous genotype' },
    { roles: ['bi'], what: 'the count of the heterozygous genotype' },
    { roles: ['ci'], what: 'the count of the second homozygous genotype' },
  ],
  vtypes: () => ['LS'],
  validate(_measure, table) {
    requireNonNegative(table, 'ai');
    requireNonNegative(table, 'bi');
    requireNonNegative(table, 'ci');
  },
  compute: (_measure, table) => relativeExcessHeterozygosity(column(table, 'ai'), column(table, 'bi'), column(table, 'ci')),
  undefinedReason: () => 'a genotype count is zero, so the log ratio is infinite',
};
