import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireSampleSize } from './family.ts';
import type { VarianceType } from './options.ts';

/**
 * Area under the curve, or common-language effect size P(X1 > X2) + ½P(X1 = X2), given as the
 * value `a` with the group sizes (metafor `AUC` and `CLES`, the same numbers): y = a. With
 * n̄ = (n1 + n2)/2, q0 = a(1 − a), q1 = a/(2 − a), q2 = 2a²/(1 + a), variance: `LS`
 * q0/((n1−1)(n2−1)) · (2n̄ − 1 − (3n̄ − 3)/((2 − a)(1 + a))) (Newcombe, 2006, with the
 * denominator of Cho et al., 2019); `LS2` (q0 − t/4 + (n1−1)(q1 − a²) + (n2−1)(q2 − a²))/((n1−1)(n2−1))
 * with t the proportion of ties (metafor's `mi`, 0 when not given; Hanley & McNeil, 1982);
 * `H0` (n1 + n2 + 1)/(12·n1·n2) (under a = ½); `MAX` q0/(min(n1, n2) − 1) (Bamber, 1975, eq. 7).
 * Scale: probability, 0 to 1.
 *
 * @example
 * areaUnderCurve(Float64Array.of(0.5), Float64Array.of(10), Float64Array.of(10), Float64Array.of(0), 'H0').vi[0] // => 0.0175 (21/1200)
 */
export function areaUnderCurve(
  a: Float64Array, n1: Float64Array, n2: Float64Array, ties: Float64Array, vtype: 'LS' | 'LS2' | 'H0' | 'MAX' = 'LS',
): EffectArrays {
  const k = a.length;
  const yi = Float64Array.from(a);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ai = a[i]!, g1 = n1[i]!, g2 = n2[i]!;
    const q0 = ai * (1 - ai);
    if (vtype === 'LS') {
      const mean = (g1 + g2) / 2;
      vi[i] = (q0 / ((g1 - 1) * (g2 - 1))) * (2 * mean - 1 - (3 * mean - 3) / ((2 - ai) * (1 + ai)));
    } else if (vtype === 'LS2') {
      const t = Number.isNaN(ties[i]!) ? 0 : ties[i]!;
      const q1 = ai / (2 - ai), q2 = (2 * ai * ai) / (1 + ai);
      vi[i] = (q0 - t / 4 + (g1 - 1) * (q1 - ai * ai) + (g2 - 1) * (q2 - ai * ai)) / ((g1 - 1) * (g2 - 1));
    } else if (vtype === 'H0') {
      vi[i] = (g1 + g2 + 1) / (12 * g1 * g2);
    } else {
      vi[i] = q0 / (Math.min(g1, g2) - 1);
    }
  }
  return { yi, vi };
}

type AucMeasure = 'AUC' | 'CLES';

/** AUC / common-language effect size given directly with the group sizes: AUC, CLES. */
export const aucFamily: MeasureFamily<AucMeasure> = {
  measures: ['AUC', 'CLES'],
  requirements: () => [
    { roles: ['ai'], what: 'the AUC (or common-language effect size), a probability' },
    { roles: ['n1i'], what: 'the size of group 1' },
    { roles: ['n2i'], what: 'the size of group 2' },
    { roles: ['mi'], what: 'the proportion of ties (vtype LS2)', optional: true },
  ],
  vtypes: (): readonly VarianceType[] => ['LS', 'LS2', 'H0', 'MAX'],
  validate(measure, table) {
    requireEach(table, 'ai', (a) => a >= 0 && a <= 1, `must be a probability between 0 and 1 for measure ${measure}`);
    requireEach(table, 'mi', (t) => t >= 0 && t <= 1, 'must be a proportion of ties between 0 and 1');
    // LS, LS2 and MAX divide by n − 1
    requireSampleSize(table, 'n1i', 2, measure);
    requireSampleSize(table, 'n2i', 2, measure);
  },
  compute: (_measure, table, options) =>
    areaUnderCurve(column(table, 'ai'), column(table, 'n1i'), column(table, 'n2i'), column(table, 'mi'), options.vtype as 'LS' | 'LS2' | 'H0' | 'MAX'),
  undefinedReason: () => 'the AUC variance is undefined for these values',
};
