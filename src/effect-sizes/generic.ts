import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireNonNegative } from './family.ts';

/**
 * Generic effect sizes given directly (metafor `GEN`): yᵢ as given, vᵢ as given, or sei² where
 * a row has no variance but a standard error. Scale: whatever the inputs are on.
 *
 * @example
 * genericEffect(Float64Array.of(0.2, 0.1), Float64Array.of(0.04, NaN), Float64Array.of(NaN, 0.3)).vi
 * // => Float64Array [0.04, 0.09]
 */
export function genericEffect(yi: Float64Array, vi: Float64Array, sei: Float64Array): EffectArrays {
  const k = yi.length;
  const v = new Float64Array(k);
  for (let i = 0; i < k; i++) v[i] = Number.isNaN(vi[i]!) ? sei[i]! * sei[i]! : vi[i]!;
  return { yi: Float64Array.from(yi), vi: v };
}

/** Effect sizes with variances or standard errors already computed: GEN. */
export const genericFamily: MeasureFamily<'GEN'> = {
  measures: ['GEN'],
  requirements: () => [
    { roles: ['yi'], what: 'the effect size' },
    { roles: ['vi', 'sei'], what: 'the sampling variance (or the standard error sei)' },
  ],
  vtypes: () => ['LS'],
  validate(_measure, table) {
    requireNonNegative(table, 'vi');
    requireNonNegative(table, 'sei');
  },
  compute: (_measure, table) => genericEffect(column(table, 'yi'), column(table, 'vi'), column(table, 'sei')),
  undefinedReason: () => 'the effect size is undefined',
};
