import { InputError } from '../../errors.ts';
import { readNumber, studyLabel } from '../../effect-sizes/read-table.ts';
import { isPlainObject } from '../../check-options.ts';

/** The measures of {@link glmm}. */
export const GLMM_MEASURES = Object.freeze(['PLO', 'IRLN', 'OR', 'IRR'] as const);
export type GlmmMeasure = (typeof GLMM_MEASURES)[number];

/** Column roles of each measure (metafor's argument names); `OR` takes `bi` or `n1i`, `di` or `n2i`. */
export const GLMM_ROLES = Object.freeze({
  PLO: ['xi', 'ni'],
  IRLN: ['xi', 'ti'],
  OR: ['ai', 'bi', 'ci', 'di', 'n1i', 'n2i'],
  IRR: ['x1i', 't1i', 'x2i', 't2i'],
} as const);
export type GlmmRole = (typeof GLMM_ROLES)[GlmmMeasure][number];

/** Counts of every input row (NaN where missing): a, b, c, d, t1, t2 as in `GlmmData`. */
export interface GlmmRows {
  readonly n: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  readonly t1: Float64Array;
  readonly t2: Float64Array;
  readonly labels: readonly string[];
}

/**
 * Reads the counts of `measure` from the rows: PLO xi of ni (b = ni − xi); IRLN xi events in
 * person-time ti (t1); OR the cells ai, bi (or n1i − ai), ci, di (or n2i − ci); IRR x1i, t1i,
 * x2i, t2i (a, t1, c, t2). Missing values stay NaN (the caller omits the row with a warning).
 *
 * @throws InputError naming the field and the row (and study) for a row that is not an object,
 *   a needed column absent from every row, text or ±Infinity in a cell, a negative or
 *   non-integer count, events above the group size, or a person-time that is not positive.
 */
export function readGlmmRows(rows: readonly object[], measure: GlmmMeasure, columns: Partial<Record<GlmmRole, string>>, label: string): GlmmRows {
  if (!Array.isArray(rows)) throw new InputError('must be an array of objects, one per study', { field: 'rows', value: rows, code: 'E_INVALID_TYPE' });
  const n = rows.length;
  rows.forEach((row, i) => {
    if (!isPlainObject(row)) throw new InputError('must be an object of counts', { field: 'rows', row: i + 1, value: row, code: 'E_INVALID_TYPE' });
  });
  const labels = rows.map((row, i) => studyLabel((row as Record<string, unknown>)[label]) ?? `row ${i + 1}`);
  const keyOf = (role: GlmmRole) => columns[role] ?? role;
  const has = (role: GlmmRole) => rows.some((row) => (row as Record<string, unknown>)[keyOf(role)] !== undefined);
  const read = (role: GlmmRole): Float64Array => {
    if (!has(role) && n > 0) {
      throw new InputError(`measure ${measure} needs the column "${keyOf(role)}" (map another key with options.columns.${role})`, { field: role, code: 'E_MISSING_COLUMN' });
    }
    return Float64Array.from(rows, (row, i) => readNumber((row as Record<string, unknown>)[keyOf(role)], () => place(role, i)));
  };
  const place = (role: GlmmRole, i: number) => ({ field: keyOf(role) === role ? role : `${role} ("${keyOf(role)}")`, row: i + 1, study: labels[i] });
  const empty = () => new Float64Array(n).fill(NaN);
  let r: GlmmRows;
  switch (measure) {
    case 'PLO': {
      const xi = read('xi');
      const ni = read('ni');
      r = { n, a: xi, b: xi.map((x, i) => ni[i]! - x), c: empty(), d: empty(), t1: empty(), t2: empty(), labels };
      checkCounts(xi, 'xi', place);
      checkCounts(ni, 'ni', place);
      checkAtMost(xi, ni, 'xi', 'ni', place);
      break;
    }
    case 'IRLN': {
      const xi = read('xi');
      const ti = read('ti');
      checkCounts(xi, 'xi', place);
      checkTimes(ti, 'ti', place);
      r = { n, a: xi, b: empty(), c: empty(), d: empty(), t1: ti, t2: empty(), labels };
      break;
    }
    case 'OR': {
      const ai = read('ai');
      const ci = read('ci');
      const bi = has('bi') || !has('n1i') ? read('bi') : cellsFrom(read('n1i'), ai, 'ai', 'n1i', place);
      const di = has('di') || !has('n2i') ? read('di') : cellsFrom(read('n2i'), ci, 'ci', 'n2i', place);
      for (const [v, role] of [[ai, 'ai'], [bi, 'bi'], [ci, 'ci'], [di, 'di']] as const) checkCounts(v, role, place);
      r = { n, a: ai, b: bi, c: ci, d: di, t1: empty(), t2: empty(), labels };
      break;
    }
    case 'IRR': {
      const x1 = read('x1i');
      const t1 = read('t1i');
      const x2 = read('x2i');
      const t2 = read('t2i');
      checkCounts(x1, 'x1i', place);
      checkCounts(x2, 'x2i', place);
      checkTimes(t1, 't1i', place);
      checkTimes(t2, 't2i', place);
      r = { n, a: x1, b: empty(), c: x2, d: empty(), t1, t2, labels };
      break;
    }
  }
  return r;
}

type Place = (role: GlmmRole, i: number) => { field: string; row: number; study: string | undefined };

function checkCounts(v: Float64Array, role: GlmmRole, place: Place): void {
  v.forEach((x, i) => {
    if (Number.isNaN(x)) return;
    if (x < 0 || !Number.isInteger(x)) throw new InputError('must be a count (a non-negative integer)', { ...place(role, i), value: x, code: 'E_OUT_OF_RANGE' });
  });
}

function checkTimes(v: Float64Array, role: GlmmRole, place: Place): void {
  v.forEach((x, i) => {
    if (!Number.isNaN(x) && !(x > 0)) throw new InputError('must be a positive person-time', { ...place(role, i), value: x, code: 'E_OUT_OF_RANGE' });
  });
}

function checkAtMost(x: Float64Array, n: Float64Array, role: GlmmRole, of: GlmmRole, place: Place): void {
  x.forEach((v, i) => {
    if (v > n[i]!) throw new InputError(`must not exceed ${of} (${n[i]})`, { ...place(role, i), value: v, code: 'E_OUT_OF_RANGE' });
  });
}

function cellsFrom(total: Float64Array, events: Float64Array, role: GlmmRole, of: GlmmRole, place: Place): Float64Array {
  checkCounts(total, of, place);
  checkAtMost(events, total, role, of, place);
  return total.map((t, i) => t - events[i]!);
}
