import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach } from './family.ts';
import type { VarianceType } from './options.ts';
import type { Requirement } from './read-table.ts';
import { rowwise } from './rowwise.ts';
import { TWO_BY_TWO_REQUIREMENTS, logOddsRatio, prepareTwoByTwo, validateTwoByTwo } from './two-by-two.ts';
import type { TwoByTwo } from './two-by-two.ts';

/**
 * The proportions of a paired 2x2 table with n = a + b + c + d pairs, a = outcome 1 under both
 * conditions (or at both times), b = outcome 1 under the first only, c = under the second only,
 * d = under neither: π12 = b/n, π21 = c/n and the marginal proportions π1. = (a+b)/n, π.1 = (a+c)/n.
 */
function pairedShape(t: TwoByTwo, i: number) {
  const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
  const n = a + b + c + d;
  return { n, p12: b / n, p21: c / n, p1: (a + b) / n, q1: (a + c) / n };
}

/**
 * Marginal risk difference of paired 2x2 tables (metafor `MPRD`; Newcombe, 1998; Zou, 2007):
 * y = π1. − π.1, v = [π12(1−π12) + π21(1−π21) + 2π12π21]/n (see the cells above). Scale:
 * proportion (−1 to 1).
 *
 * @example
 * matchedPairsRiskDifference({ a: Float64Array.of(20), b: Float64Array.of(10), c: Float64Array.of(5),
 *   d: Float64Array.of(20) }).yi[0] // => 0.0909 (metafor's test of escalc("MPRD"))
 */
export function matchedPairsRiskDifference(t: TwoByTwo): EffectArrays {
  return rowwise(t.a.length, (i) => {
    const { n, p12, p21, p1, q1 } = pairedShape(t, i);
    return [p1 - q1, (p12 * (1 - p12) + 2 * p12 * p21 + p21 * (1 - p21)) / n];
  });
}

/**
 * Marginal log risk ratio of paired 2x2 tables (metafor `MPRR`; May & Johnson, 1997;
 * Zou, 2007): y = ln π1. − ln π.1, v = (π12 + π21)/(n·π1.·π.1). Scale: natural log.
 *
 * @example
 * matchedPairsLogRiskRatio({ a: Float64Array.of(20), b: Float64Array.of(10), c: Float64Array.of(5),
 *   d: Float64Array.of(20) }).yi[0] // => 0.1823 (metafor's test of escalc("MPRR"))
 */
export function matchedPairsLogRiskRatio(t: TwoByTwo): EffectArrays {
  return rowwise(t.a.length, (i) => {
    const { n, p12, p21, p1, q1 } = pairedShape(t, i);
    return [Math.log(p1) - Math.log(q1), (p12 + p21) / (n * p1 * q1)];
  });
}

/**
 * Marginal log odds ratio of paired 2x2 tables (metafor `MPOR`; Becker & Balagtas, 1993;
 * Elbourne et al., 2002): y = logit π1. − logit π.1,
 * v = [π12(1−π12) + π21(1−π21) + 2π12π21] / (n·π1.(1−π1.)·π.1(1−π.1)). Scale: natural log.
 *
 * @example
 * matchedPairsLogOddsRatio({ a: Float64Array.of(20), b: Float64Array.of(10), c: Float64Array.of(5),
 *   d: Float64Array.of(20) }).vi[0] // => 0.0782 (metafor's test of escalc("MPOR"))
 */
export function matchedPairsLogOddsRatio(t: TwoByTwo): EffectArrays {
  return rowwise(t.a.length, (i) => {
    const { n, p12, p21, p1, q1 } = pairedShape(t, i);
    const logit = (p: number) => Math.log(p / (1 - p));
    return [
      logit(p1) - logit(q1),
      (p12 * (1 - p12) + p21 * (1 - p21) + 2 * p12 * p21) / (n * p1 * (1 - p1) * q1 * (1 - q1)),
    ];
  });
}

/**
 * Conditional log odds ratio of paired 2x2 tables (metafor `MPORC`; Curtin et al., 2002): the
 * discordant pairs only, y = ln(b/c), v = 1/b + 1/c. Scale: natural log.
 *
 * @example
 * conditionalLogOddsRatio({ a: Float64Array.of(20), b: Float64Array.of(10), c: Float64Array.of(5),
 *   d: Float64Array.of(20) }).yi[0] // => 0.6931 (metafor's test of escalc("MPORC"): ln 2)
 */
export function conditionalLogOddsRatio(t: TwoByTwo): EffectArrays {
  return rowwise(t.a.length, (i) => {
    const b = t.b[i]!, c = t.c[i]!;
    return [Math.log(b) - Math.log(c), 1 / b + 1 / c];
  });
}

/**
 * Conditional log odds ratio of paired 2x2 tables by Peto's method (metafor `MPPETO`; Zou,
 * 2007): with E = (b + c)/2 and V = (b + c)/4, y = (b − E)/V, v = 1/V. Scale: natural log.
 *
 * @example
 * conditionalPetoLogOddsRatio({ a: Float64Array.of(20), b: Float64Array.of(10), c: Float64Array.of(5),
 *   d: Float64Array.of(20) }).yi[0] // => 0.6667 (metafor's test of escalc("MPPETO"))
 */
export function conditionalPetoLogOddsRatio(t: TwoByTwo): EffectArrays {
  return rowwise(t.a.length, (i) => {
    const b = t.b[i]!, c = t.c[i]!;
    const v = (b + c) / 4;
    return [(b - (b + c) / 2) / v, 1 / v];
  });
}

/** R's `round`: to the nearest integer, halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The phi coefficient of the paired table implied by a marginal table (a, b: outcome 1 and 2
 * under the first condition; c: outcome 1 under the second) and π, the proportion of pairs with
 * outcome 1 under both (metafor's back-calculation for `MPORM`): the paired cells are
 * n·π, a − nπ, c − nπ and b − c + nπ with n = a + b. NaN when the result is not a correlation
 * (π infeasible for these margins).
 *
 * @example
 * pairedPhiFromProportion(30, 25, 25, 20 / 55) // => 0.4666666666666667 (the paired table 20, 10, 5, 20: 350/750)
 */
export function pairedPhiFromProportion(a: number, b: number, c: number, pi: number): number {
  const ap = pi * (a + b);
  const bp = a - ap, cp = c - ap, dp = b - c + ap;
  const r = (ap * dp - bp * cp) / Math.sqrt((ap + bp) * (cp + dp) * (ap + cp) * (bp + dp));
  return r >= -1 && r <= 1 ? r : NaN;
}

/**
 * Marginal log odds ratio from the two marginal tables of paired data (metafor `MPORM`): a, b
 * are the outcome-1 and outcome-2 counts under the first condition, c, d under the second, so
 * y = ln(ad/(bc)) as for two groups; the variance of `vtype` ({@link logOddsRatio}) is reduced for
 * the pairing through the phi coefficient r of the paired table: with n = round((a+b+c+d)/2)
 * pairs, s = (r·√(abcd) + ab)/n and δ = n²(n·s − ab)/(abcd), v = v_OR − 2δ/n. `r` comes from
 * `ri`, or where that is missing from `pi` (the proportion of pairs with outcome 1 under both,
 * see {@link pairedPhiFromProportion}). Scale: natural log.
 *
 * @param raw the marginal tables before the continuity correction (for the back-calculation from π)
 * @example
 * marginalPairedLogOddsRatio({ a: Float64Array.of(30), b: Float64Array.of(25), c: Float64Array.of(25),
 *   d: Float64Array.of(30) }, Float64Array.of(NaN), Float64Array.of(20 / 55)).vi[0]
 * // => 0.0782 (metafor escalc("MPORM", pi = 20/55); = escalc("MPOR") of the paired table 20, 10, 5, 20)
 */
export function marginalPairedLogOddsRatio(
  t: TwoByTwo,
  r: Float64Array,
  pi: Float64Array,
  vtype: 'LS' | 'AV' | 'H0' = 'LS',
  raw: TwoByTwo = t,
): EffectArrays {
  const or = logOddsRatio(t, vtype);
  return rowwise(t.a.length, (i) => {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const ri = Number.isNaN(r[i]!) ? pairedPhiFromProportion(raw.a[i]!, raw.b[i]!, raw.c[i]!, pi[i]!) : r[i]!;
    const n = roundHalfEven((a + b + c + d) / 2);
    const s = (ri * Math.sqrt(a * b * c * d) + a * b) / n;
    const delta = (n * n * (n * s - a * b)) / (a * b * c * d);
    return [or.yi[i]!, or.vi[i]! - (2 * delta) / n];
  });
}

type MatchedPairsMeasure = 'MPRD' | 'MPRR' | 'MPOR' | 'MPORC' | 'MPPETO' | 'MPORM';

const REASONS: Record<MatchedPairsMeasure, string> = {
  MPRD: 'the marginal risk difference is undefined for this table',
  MPRR: 'a marginal proportion of 0 makes the log risk ratio undefined (see options add and to)',
  MPOR: 'a marginal proportion of 0 or 1 makes the log odds ratio undefined (see options add and to)',
  MPORC: 'no discordant pairs of one kind (b or c is 0) make the conditional log odds ratio undefined (see options add and to)',
  MPPETO: 'there are no discordant pairs (b + c = 0), so the Peto variance is zero',
  MPORM: 'the marginal log odds ratio or its variance is undefined (a zero cell, or ri/pi infeasible for these margins)',
};

const MPORM_REQUIREMENTS: readonly Requirement[] = [
  ...TWO_BY_TWO_REQUIREMENTS,
  { roles: ['ri', 'pi'], what: 'the phi coefficient of the paired tables (or pi, the proportion of pairs with the outcome under both)' },
];

/**
 * Paired (matched or pre-post) 2x2 tables: MPRD, MPRR, MPOR, MPORC, MPPETO from the paired
 * table (ai: outcome 1 under both, bi: first only, ci: second only, di: neither), MPORM from the
 * marginal tables (ai, bi under the first condition, ci, di under the second) with ri or pi.
 */
export const matchedPairsFamily: MeasureFamily<MatchedPairsMeasure> = {
  measures: ['MPRD', 'MPRR', 'MPOR', 'MPORC', 'MPPETO', 'MPORM'],
  requirements: (measure) => (measure === 'MPORM' ? MPORM_REQUIREMENTS : TWO_BY_TWO_REQUIREMENTS),
  vtypes: (measure): readonly VarianceType[] => (measure === 'MPORM' ? ['LS', 'AV', 'H0'] : ['LS']),
  validate(measure, table) {
    validateTwoByTwo(table, measure === 'MPORM' ? 1 : 0);
    requireEach(table, 'ri', (r) => r >= -1 && r <= 1, 'must be a correlation between -1 and 1');
    requireEach(table, 'pi', (p) => p >= 0 && p <= 1, 'must be a proportion between 0 and 1');
  },
  compute(measure, table, options) {
    const { raw, cells: t, dropped } = prepareTwoByTwo(table, options);
    const result = (() => {
      switch (measure) {
        case 'MPRD':
          return matchedPairsRiskDifference(t);
        case 'MPRR':
          return matchedPairsLogRiskRatio(t);
        case 'MPOR':
          return matchedPairsLogOddsRatio(t);
        case 'MPORC':
          return conditionalLogOddsRatio(t);
        case 'MPPETO':
          return conditionalPetoLogOddsRatio(t);
        case 'MPORM':
          return marginalPairedLogOddsRatio(t, column(table, 'ri'), column(table, 'pi'), options.vtype as 'LS' | 'AV' | 'H0', raw);
      }
    })();
    return dropped ? { ...result, dropped } : result;
  },
  undefinedReason: (measure) => REASONS[measure],
};
