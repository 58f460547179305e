import { InputError } from '../errors.ts';
import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireNonNegative } from './family.ts';
import type { ResolvedOptions, VarianceType } from './options.ts';
import { fail } from './read-table.ts';
import type { Requirement, Table } from './read-table.ts';
import { weightedMean } from './weighted-mean.ts';
import { addToZeroCells } from './zero-cells.ts';

/**
 * A 2x2 table per row: group 1 has `a` events and `b` non-events, group 2 `c` events and `d`
 * non-events (metafor's ai, bi, ci, di), after any continuity correction.
 */
export interface TwoByTwo {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
}

/**
 * Log odds ratio (metafor `OR`): yᵢ = ln(a·d / (b·c)). Variance: `LS` Woolf's
 * vᵢ = 1/a + 1/b + 1/c + 1/d (Woolf, 1955); `AV` 1/(p̄1(1−p̄1)n1) + 1/(p̄2(1−p̄2)n2) with p̄g the
 * ng-weighted mean proportion of group g over all rows; `H0` (1/n1 + 1/n2)/(p(1−p)) with p the
 * pooled proportion (a+c)/(n1+n2) of the table (no association). NaN where a cell is zero
 * (`LS`). Scale: natural log.
 *
 * @example
 * logOddsRatio({ a: Float64Array.of(4), b: Float64Array.of(119), c: Float64Array.of(11),
 *   d: Float64Array.of(128) }).yi[0] // => -0.9386941408703922 (metafor escalc("OR") on dat.bcg, trial 1)
 */
export function logOddsRatio(t: TwoByTwo, vtype: 'LS' | 'AV' | 'H0' = 'LS'): EffectArrays {
  const k = t.a.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const { n1, n2, mean1, mean2 } = groupShape(t, vtype === 'AV');
  for (let i = 0; i < k; i++) {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const p1 = a / (a + b), p2 = c / (c + d);
    yi[i] = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
    if (vtype === 'AV') vi[i] = 1 / (mean1 * (1 - mean1) * n1[i]!) + 1 / (mean2 * (1 - mean2) * n2[i]!);
    else if (vtype === 'H0') {
      const p = (a + c) / (n1[i]! + n2[i]!);
      vi[i] = (1 / n1[i]! + 1 / n2[i]!) / (p * (1 - p));
    } else vi[i] = 1 / a + 1 / b + 1 / c + 1 / d;
  }
  return { yi, vi };
}

/** Group sizes of each table and, when `average`, the n-weighted mean proportion of each group. */
function groupShape(t: TwoByTwo, average: boolean) {
  const k = t.a.length;
  const n1 = new Float64Array(k), n2 = new Float64Array(k), p1 = new Float64Array(k), p2 = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    n1[i] = t.a[i]! + t.b[i]!;
    n2[i] = t.c[i]! + t.d[i]!;
    p1[i] = t.a[i]! / n1[i]!;
    p2[i] = t.c[i]! / n2[i]!;
  }
  return { n1, n2, p1, p2, mean1: average ? weightedMean(p1, n1) : NaN, mean2: average ? weightedMean(p2, n2) : NaN };
}

/**
 * Log risk ratio (metafor `RR`): yᵢ = ln((a/n1)/(c/n2)). Variance: `LS` 1/a − 1/n1 + 1/c − 1/n2
 * (Katz et al., 1978); `AV` (1−p̄1)/(p̄1n1) + (1−p̄2)/(p̄2n2) with p̄g the ng-weighted mean
 * proportion of group g over all rows; `H0` (1−p)/p·(1/n1 + 1/n2) with p = (a+c)/(n1+n2).
 * NaN where an event count is zero (`LS`). Scale: natural log.
 *
 * @example
 * logRiskRatio({ a: Float64Array.of(4), b: Float64Array.of(119), c: Float64Array.of(11),
 *   d: Float64Array.of(128) }).yi[0] // => -0.8893113339202054 (metafor escalc("RR") on dat.bcg, trial 1)
 */
export function logRiskRatio(t: TwoByTwo, vtype: 'LS' | 'AV' | 'H0' = 'LS'): EffectArrays {
  const k = t.a.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const { n1, n2, mean1, mean2 } = groupShape(t, vtype === 'AV');
  for (let i = 0; i < k; i++) {
    const a = t.a[i]!, c = t.c[i]!;
    yi[i] = Math.log(a / n1[i]!) - Math.log(c / n2[i]!);
    if (vtype === 'AV') vi[i] = (1 - mean1) / (mean1 * n1[i]!) + (1 - mean2) / (mean2 * n2[i]!);
    else if (vtype === 'H0') {
      const p = (a + c) / (n1[i]! + n2[i]!);
      vi[i] = ((1 - p) / p) * (1 / n1[i]! + 1 / n2[i]!);
    } else vi[i] = 1 / a - 1 / n1[i]! + 1 / c - 1 / n2[i]!;
  }
  return { yi, vi };
}

/**
 * Risk difference (metafor `RD`): yᵢ = a/n1 − c/n2. Variance: `LS` p1(1−p1)/n1 + p2(1−p2)/n2;
 * `UB` the same with n−1 in the denominators; `AV` with p̄g, the ng-weighted mean proportion of
 * group g over all rows; `H0` p(1−p)(1/n1 + 1/n2) with p = (a+c)/(n1+n2). Scale: proportion (−1 to 1).
 *
 * @example
 * riskDifference({ a: Float64Array.of(4), b: Float64Array.of(119), c: Float64Array.of(11),
 *   d: Float64Array.of(128) }).yi[0] // => -0.04661636544422997 (metafor escalc("RD") on dat.bcg, trial 1)
 */
export function riskDifference(t: TwoByTwo, vtype: 'LS' | 'UB' | 'AV' | 'H0' = 'LS'): EffectArrays {
  const k = t.a.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const { n1, n2, p1, p2, mean1, mean2 } = groupShape(t, vtype === 'AV');
  for (let i = 0; i < k; i++) {
    yi[i] = p1[i]! - p2[i]!;
    if (vtype === 'H0') {
      const p = (t.a[i]! + t.c[i]!) / (n1[i]! + n2[i]!);
      vi[i] = p * (1 - p) * (1 / n1[i]! + 1 / n2[i]!);
      continue;
    }
    const q1 = vtype === 'AV' ? mean1 : p1[i]!;
    const q2 = vtype === 'AV' ? mean2 : p2[i]!;
    const shift = vtype === 'UB' ? 1 : 0;
    vi[i] = (q1 * (1 - q1)) / (n1[i]! - shift) + (q2 * (1 - q2)) / (n2[i]! - shift);
  }
  return { yi, vi };
}

/**
 * Arcsine square-root risk difference (metafor `AS`, Rücker et al., 2009):
 * yᵢ = asin√p1 − asin√p2, vᵢ = 1/(4n1) + 1/(4n2). Scale: radians.
 *
 * @example
 * arcsineRiskDifference({ a: Float64Array.of(4), b: Float64Array.of(119), c: Float64Array.of(11),
 *   d: Float64Array.of(128) }).vi[0] // => 0.003831081476282389 (metafor escalc("AS") on dat.bcg, trial 1)
 */
export function arcsineRiskDifference(t: TwoByTwo): EffectArrays {
  const k = t.a.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n1 = t.a[i]! + t.b[i]!, n2 = t.c[i]! + t.d[i]!;
    yi[i] = Math.asin(Math.sqrt(t.a[i]! / n1)) - Math.asin(Math.sqrt(t.c[i]! / n2));
    vi[i] = 1 / (4 * n1) + 1 / (4 * n2);
  }
  return { yi, vi };
}

/**
 * Peto's one-step log odds ratio (metafor `PETO`, Yusuf et al., 1985): with N = n1 + n2,
 * E = (a+c)·n1/N and V = (a+c)(b+d)·n1·n2 / (N²(N−1)), yᵢ = (a − E)/V and vᵢ = 1/V.
 * NaN when the pooled table has no events or no non-events (V = 0). Scale: natural log.
 *
 * @example
 * petoLogOddsRatio({ a: Float64Array.of(4), b: Float64Array.of(119), c: Float64Array.of(11),
 *   d: Float64Array.of(128) }).yi[0] // => -0.8603833473164194 (metafor escalc("PETO") on dat.bcg, trial 1)
 */
export function petoLogOddsRatio(t: TwoByTwo): EffectArrays {
  const k = t.a.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const n1 = a + b, n2 = c + d, n = n1 + n2;
    const expected = ((a + c) * n1) / n;
    const v = ((a + c) * (b + d) * (n1 / n) * (n2 / n)) / (n - 1);
    yi[i] = (a - expected) / v;
    vi[i] = 1 / v;
  }
  return { yi, vi };
}

type TwoByTwoMeasure = 'OR' | 'RR' | 'RD' | 'AS' | 'PETO';

/** `vtype` codes of each measure, metafor 5.1's (the default first). */
const VTYPES: Record<TwoByTwoMeasure, readonly VarianceType[]> = {
  OR: ['LS', 'AV', 'H0'],
  RR: ['LS', 'AV', 'H0'],
  RD: ['LS', 'UB', 'AV', 'H0'],
  AS: ['LS'],
  PETO: ['LS'],
};

const REASONS: Record<TwoByTwoMeasure, string> = {
  OR: 'a zero cell makes the log odds ratio undefined (see options add and to)',
  RR: 'a zero event count makes the log risk ratio undefined (see options add and to)',
  RD: 'the variance of the risk difference is undefined for these counts',
  AS: 'the arcsine risk difference is undefined for these counts',
  PETO: 'the combined table has no events or no non-events, so the Peto variance is zero',
};

/**
 * Cells a, b, c, d of each row with b = n1i − ai and d = n2i − ci where b, d are not given
 * (metafor accepts n1i, n2i in place of bi, di).
 */
export function readTwoByTwo(table: Table): TwoByTwo {
  const ai = column(table, 'ai'), ci = column(table, 'ci');
  const bi = column(table, 'bi'), di = column(table, 'di');
  const n1 = column(table, 'n1i'), n2 = column(table, 'n2i');
  const b = new Float64Array(table.k), d = new Float64Array(table.k);
  for (let i = 0; i < table.k; i++) {
    b[i] = Number.isNaN(bi[i]!) ? n1[i]! - ai[i]! : bi[i]!;
    d[i] = Number.isNaN(di[i]!) ? n2[i]! - ci[i]! : di[i]!;
  }
  return { a: ai, b, c: ci, d };
}

/** Sets rows with no events, or only events, in both groups to NaN (metafor's `drop00`). */
export function dropDoubleZero(t: TwoByTwo): { table: TwoByTwo; dropped: (string | undefined)[] } {
  const k = t.a.length;
  const dropped: (string | undefined)[] = new Array(k).fill(undefined);
  const a = Float64Array.from(t.a), b = Float64Array.from(t.b), c = Float64Array.from(t.c), d = Float64Array.from(t.d);
  for (let i = 0; i < k; i++) {
    const none = a[i] === 0 && c[i] === 0;
    const all = b[i] === 0 && d[i] === 0;
    if (!none && !all) continue;
    dropped[i] = none ? 'no events in either group (drop00)' : 'only events in both groups (drop00)';
    a[i] = b[i] = c[i] = d[i] = NaN;
  }
  return { table: { a, b, c, d }, dropped };
}

/** The roles a 2x2 table is read from: ai, bi (or n1i), ci, di (or n2i). */
export const TWO_BY_TWO_REQUIREMENTS: readonly Requirement[] = [
  { roles: ['ai'], what: 'the events in group 1' },
  { roles: ['bi', 'n1i'], what: 'the non-events or the size of group 1' },
  { roles: ['ci'], what: 'the events in group 2' },
  { roles: ['di', 'n2i'], what: 'the non-events or the size of group 2' },
];

/**
 * Throws for impossible 2x2 tables: negative counts, n1i ≠ ai + bi (or n2i ≠ ci + di), events
 * above the group size, and a row total (n1 for `minGroup` 1: each group) below `minGroup`.
 * With `minGroup` 0 (tables of association or of matched pairs, where a margin may be empty)
 * the table as a whole must hold at least one count.
 */
export function validateTwoByTwo(table: Table, minGroup: 0 | 1 = 1): void {
  for (const role of ['ai', 'bi', 'ci', 'di', 'n1i', 'n2i'] as const) requireNonNegative(table, role);
  const groups = [
    ['ai', 'bi', 'n1i'],
    ['ci', 'di', 'n2i'],
  ] as const;
  const totals = new Float64Array(table.k);
  for (const [ev, non, size] of groups) {
    const e = column(table, ev), f = column(table, non), n = column(table, size);
    for (let i = 0; i < table.k; i++) {
      const x = e[i]!, y = f[i]!, m = n[i]!;
      if (!Number.isNaN(y) && !Number.isNaN(m) && !Number.isNaN(x) && x + y !== m) {
        fail(table, i, size, `must equal ${ev} + ${non} (${x} + ${y})`, m);
      }
      if (!Number.isNaN(x) && !Number.isNaN(m) && x > m) {
        fail(table, i, ev, `events exceed the group size ${table.where(i, size).field} = ${m}`, x);
      }
      const total = Number.isNaN(y) ? m : x + y;
      totals[i] = totals[i]! + total;
      if (minGroup === 1 && !Number.isNaN(total) && total < 1) {
        throw new InputError(`group size must be at least 1 (got ${total})`, { ...table.where(i, Number.isNaN(y) ? size : non), code: 'E_OUT_OF_RANGE' });
      }
    }
  }
  if (minGroup === 0) {
    for (let i = 0; i < table.k; i++) {
      if (totals[i] === 0) throw new InputError('the table holds no counts (all four cells are 0)', { ...table.where(i, 'ai'), value: 0, code: 'E_OUT_OF_RANGE' });
    }
  }
}

/** A 2x2 table before and after metafor's `drop00` and `add`/`to` steps. */
export interface PreparedTwoByTwo {
  /** The counts as given (after `drop00`). */
  readonly raw: TwoByTwo;
  /** The counts after the continuity correction. */
  readonly cells: TwoByTwo;
  readonly dropped: (string | undefined)[] | undefined;
}

/**
 * metafor's preparation of 2x2 tables in `escalc`: b = n1 − a, d = n2 − c where needed; `drop00`
 * sets tables with no events (or only events) in both groups to NaN; then `add` goes into the four
 * cells of the tables picked by `to`.
 */
export function prepareTwoByTwo(table: Table, options: ResolvedOptions): PreparedTwoByTwo {
  let raw = readTwoByTwo(table);
  let dropped: (string | undefined)[] | undefined;
  if (options.drop00) ({ table: raw, dropped } = dropDoubleZero(raw));
  const [a, b, c, d] = addToZeroCells([raw.a, raw.b, raw.c, raw.d], options.add, options.to) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  return { raw, cells: { a, b, c, d }, dropped };
}

/** 2x2 tables from two independent groups: OR, RR, RD, AS, PETO. */
export const twoByTwoFamily: MeasureFamily<TwoByTwoMeasure> = {
  measures: ['OR', 'RR', 'RD', 'AS', 'PETO'],
  requirements: () => TWO_BY_TWO_REQUIREMENTS,
  vtypes: (measure): readonly VarianceType[] => VTYPES[measure],
  validate(_measure, table) {
    validateTwoByTwo(table, 1);
  },
  compute(measure, table, options) {
    const { cells: t, dropped } = prepareTwoByTwo(table, options);
    const result = (() => {
      switch (measure) {
        case 'OR':
          return logOddsRatio(t, options.vtype as 'LS' | 'AV' | 'H0');
        case 'RR':
          return logRiskRatio(t, options.vtype as 'LS' | 'AV' | 'H0');
        case 'RD':
          return riskDifference(t, options.vtype as 'LS' | 'UB' | 'AV' | 'H0');
        case 'AS':
          return arcsineRiskDifference(t);
        case 'PETO':
          return petoLogOddsRatio(t);
      }
    })();
    return dropped ? { ...result, dropped } : result;
  },
  undefinedReason: (measure) => REASONS[measure],
};
