import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach } from './family.ts';
import type { Table } from './read-table.ts';
import { dropDoubleZero, logOddsRatio, readTwoByTwo, twoByTwoFamily } from './two-by-two.ts';
import type { TwoByTwo } from './two-by-two.ts';
import { addToZeroCells } from './zero-cells.ts';

/**
 * The correlation of the paired outcomes implied by the proportion π of pairs with the outcome
 * under both treatments, from the unadjusted marginal table (a, b: events and non-events under
 * treatment 1; c, d: under treatment 2): the paired table has cells πn, a − πn, c − πn and
 * b − c + πn (n = a + b pairs), whose phi coefficient is returned; NaN when π is not feasible.
 */
function phiFromBoth(a: number, b: number, c: number, p: number): number {
  const both = p * (a + b);
  const onlyFirst = a - both, onlySecond = c - both, neither = b - c + both;
  const r = (both * neither - onlyFirst * onlySecond)
    / Math.sqrt((both + onlyFirst) * (onlySecond + neither) * (both + onlySecond) * (onlyFirst + neither));
  return r >= -1 && r <= 1 ? r : NaN;
}

/**
 * Marginal log odds ratio of matched pairs from the two marginal tables (metafor `MPORM`;
 * Elbourne et al., 2002; Zou, 2007): y = ln(a·d/(b·c)) as for two independent groups, with the
 * Woolf variance corrected for the pairing: with N = round((a + b + c + d)/2) pairs (halves to even), the
 * correlation r of the paired outcomes (given, or from π, see above) and
 * s = (r·√(abcd) + ab)/N, δ = N²(N·s − ab)/(abcd), v = 1/a + 1/b + 1/c + 1/d − 2δ/N.
 * Zero cells get `add` under `to` first, as for OR. Scale: log odds ratio.
 *
 * @example
 * marginalLogOddsRatio({ a: Float64Array.of(30), b: Float64Array.of(20), c: Float64Array.of(20),
 *   d: Float64Array.of(30) }, Float64Array.of(0)).vi[0] // => 0.16666666666666669 (r = 0: the Woolf variance)
 */
export function marginalLogOddsRatio(t: TwoByTwo, r: Float64Array): EffectArrays {
  const { yi, vi } = logOddsRatio(t);
  for (let i = 0; i < yi.length; i++) {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const n = roundHalfEven((a + b + c + d) / 2);
    const product = a * b * c * d;
    const s = (r[i]! * Math.sqrt(product) + a * b) / n;
    const delta = (n * n * (n * s - a * b)) / product;
    vi[i] = vi[i]! - (2 * delta) / n;
  }
  return { yi, vi };
}

/** Rounds to the nearest integer, halves to even (as R's `round`: 50.5 → 50). */
function roundHalfEven(x: number): number {
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
}

/** The correlations: `ri` where given, else from `pi` on the unadjusted table. */
function correlations(table: Table, cells: TwoByTwo): Float64Array {
  const r = Float64Array.from(column(table, 'ri'));
  const p = table.values.pi;
  if (!p) return r;
  for (let i = 0; i < table.k; i++) {
    if (Number.isNaN(r[i]!)) r[i] = phiFromBoth(cells.a[i]!, cells.b[i]!, cells.c[i]!, p[i]!);
  }
  return r;
}

/** Marginal 2x2 tables of matched pairs with the correlation of the pairs: MPORM. */
export const marginalOddsRatioFamily: MeasureFamily<'MPORM'> = {
  measures: ['MPORM'],
  requirements: () => [
    ...twoByTwoFamily.requirements('OR'),
    { roles: ['ri', 'pi'], what: 'the correlation of the paired outcomes (or pi, the proportion of pairs with the outcome under both)' },
  ],
  vtypes: () => ['LS'],
  validate(_measure, table) {
    twoByTwoFamily.validate('OR', table);
    requireEach(table, 'ri', (r) => r >= -1 && r <= 1, 'must be a correlation between -1 and 1');
    requireEach(table, 'pi', (p) => p >= 0 && p <= 1, 'must be a proportion between 0 and 1');
  },
  compute(_measure, table, options) {
    let cells = readTwoByTwo(table);
    let dropped: (string | undefined)[] | undefined;
    if (options.drop00) ({ table: cells, dropped } = dropDoubleZero(cells));
    const r = correlations(table, cells);
    const [a, b, c, d] = addToZeroCells([cells.a, cells.b, cells.c, cells.d], options.add, options.to) as [
      Float64Array, Float64Array, Float64Array, Float64Array,
    ];
    const result = marginalLogOddsRatio({ a, b, c, d }, r);
    return dropped ? { ...result, dropped } : result;
  },
  undefinedReason: () => 'a zero cell (see options add and to), or a proportion pi that no paired table can have',
};
