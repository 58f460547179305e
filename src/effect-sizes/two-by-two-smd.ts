import { normalQuantile } from '../distributions/normal.ts';
import type { EffectArrays, MeasureFamily } from './family.ts';
import type { VarianceType } from './options.ts';
import { rowwise } from './rowwise.ts';
import { TWO_BY_TWO_REQUIREMENTS, logOddsRatio, prepareTwoByTwo, validateTwoByTwo } from './two-by-two.ts';
import type { TwoByTwo } from './two-by-two.ts';

/**
 * Probit transformed risk difference (metafor `PBIT`), a standardized mean difference on the scale
 * of a normal variable dichotomized in both groups: with zg = Φ⁻¹(pg), y = z1 − z2 and
 * v = 2π·p1(1−p1)·e^{z1²}/n1 + 2π·p2(1−p2)·e^{z2²}/n2 (Sánchez-Meca et al., 2003, eq. 21;
 * Rosenthal, 1994). Scale: SD units.
 *
 * @example
 * probitRiskDifference({ a: Float64Array.of(135), b: Float64Array.of(15), c: Float64Array.of(40),
 *   d: Float64Array.of(10) }).yi[0] // => 0.4399 (metafor's test: Handbook of Research Synthesis, Table 13.4)
 */
export function probitRiskDifference(t: TwoByTwo): EffectArrays {
  return rowwise(t.a.length, (i) => {
    const n1 = t.a[i]! + t.b[i]!, n2 = t.c[i]! + t.d[i]!;
    const p1 = t.a[i]! / n1, p2 = t.c[i]! / n2;
    const z1 = normalQuantile(p1), z2 = normalQuantile(p2);
    const part = (p: number, z: number, n: number) => (2 * Math.PI * p * (1 - p) * Math.exp(z * z)) / n;
    return [z1 - z2, part(p1, z1, n1) + part(p2, z2, n2)];
  });
}

/**
 * A log odds ratio converted to a standardized mean difference (metafor `OR2DL`, alias `OR2D`,
 * and `OR2DN`; Hasselblad & Hedges, 1995; Chinn, 2000; Cox & Snell, 1989): assuming logistic
 * responses, d = (√3/π)·ln ψ with v_d = (3/π²)·v; assuming normal responses (Cox & Snell),
 * d = ln ψ / 1.65 with v_d = v/1.65². `v` is the log odds ratio's variance of `vtype` (see
 * {@link logOddsRatio}). Scale: SD units.
 *
 * @example
 * oddsRatioToSmd({ a: Float64Array.of(135), b: Float64Array.of(15), c: Float64Array.of(40),
 *   d: Float64Array.of(10) }, 'logistic').yi[0] // => 0.4471 (metafor's test: escalc("OR2D"), Handbook Table 13.4)
 */
export function oddsRatioToSmd(t: TwoByTwo, distribution: 'logistic' | 'normal', vtype: 'LS' | 'AV' | 'H0' = 'LS'): EffectArrays {
  const factor = distribution === 'logistic' ? Math.sqrt(3) / Math.PI : 1 / 1.65;
  const or = logOddsRatio(t, vtype);
  return rowwise(t.a.length, (i) => [factor * or.yi[i]!, factor * factor * or.vi[i]!]);
}

type TwoByTwoSmdMeasure = 'PBIT' | 'OR2D' | 'OR2DN' | 'OR2DL';

/** Standardized mean differences from 2x2 tables of two groups: PBIT, OR2D, OR2DN, OR2DL. */
export const twoByTwoSmdFamily: MeasureFamily<TwoByTwoSmdMeasure> = {
  measures: ['PBIT', 'OR2D', 'OR2DN', 'OR2DL'],
  requirements: () => TWO_BY_TWO_REQUIREMENTS,
  vtypes: (measure): readonly VarianceType[] => (measure === 'PBIT' ? ['LS'] : ['LS', 'AV', 'H0']),
  validate(_measure, table) {
    validateTwoByTwo(table, 1);
  },
  compute(measure, table, options) {
    const { cells: t, dropped } = prepareTwoByTwo(table, options);
    const vtype = options.vtype as 'LS' | 'AV' | 'H0';
    const result =
      measure === 'PBIT' ? probitRiskDifference(t) : oddsRatioToSmd(t, measure === 'OR2DN' ? 'normal' : 'logistic', vtype);
    return dropped ? { ...result, dropped } : result;
  },
  undefinedReason: (measure) =>
    measure === 'PBIT'
      ? 'a proportion of 0 or 1 makes the probit difference infinite (see options add and to)'
      : 'a zero cell makes the log odds ratio undefined (see options add and to)',
};
