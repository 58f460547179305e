import { InputError, numberCode } from '../../errors.ts';
import { denseArray } from '../../dense-array.ts';
import { isPlainObject } from '../../check-options.ts';
import { summariseOmissions } from '../../omission-summary.ts';
import type { EffectInput, EffectSizes, Measure } from '../../types.ts';
import { resolveStudies } from '../resolve-input.ts';
import { withSeVariances } from '../se-variances.ts';
import { omittedInputRow, type OmittedInputRow } from '../../omission-summary.ts';
import { buildTerms, type ModelTerms } from './model-terms.ts';

/** Studies and moderator columns that enter a meta-regression, rows with a missing value removed. */
export interface ResolvedRegressionInput {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly labels: readonly string[];
  readonly measure: Measure | null;
  /** Column names in insertion order (a categorical moderator gives one per non-reference level). */
  readonly names: readonly string[];
  /** One column per moderator, index-aligned with yi. */
  readonly columns: readonly Float64Array[];
  /** 0-based indices of the input rows kept. */
  readonly rows: readonly number[];
  /** How the design columns were built from the variables (for `predict`). */
  readonly terms: ModelTerms;
  /** The rows left out for a missing yi, vi or moderator. */
  readonly omitted: readonly OmittedInputRow[];
  readonly warnings: readonly string[];
}

/** How the moderators are given beyond the `moderators` option itself (see `MetaRegressionOptions`). */
export interface RegressionTermOptions {
  /** The rows (e.g. from `readTable`) or columns that moderators named by string are read from. */
  readonly data?: readonly object[] | Readonly<Record<string, ArrayLike<unknown>>>;
  /** Extra terms, e.g. `'ablat:year'` or `'alloc*ablat'`. */
  readonly interactions?: readonly string[];
  readonly reference?: Readonly<Record<string, unknown>>;
  readonly levels?: Readonly<Record<string, readonly unknown[]>>;
  /** Whether the model has an intercept (default true). */
  readonly intercept?: boolean;
}

/**
 * Validates the input of `metaRegression` and selects the complete rows. yi and vi are checked
 * by `resolveStudies`; the moderators are terms (`buildTerms`): a record of name → values, or
 * term labels (`'ablat'`, `'ablat:year'`, `'alloc*ablat'`) whose variables are columns of `data`
 * (rows from `readTable`, or a record of columns), plus `interactions`. A categorical moderator
 * is dummy-coded as R's `model.matrix` (`alloc` → `allocrandom`, `allocsystematic`, against the
 * first level or `reference`). A value is missing when `isMissing` says so (null, undefined,
 * NaN, `'NA'`, `''`, …). A row with a missing yi, vi or moderator is omitted and named in
 * `warnings` with its reason (metafor's na.omit).
 *
 * @throws InputError when `moderators` is neither a record nor an array of names, is empty, a
 *   named moderator is not in `data`, a moderator is named `intercept`, is not array-like, has
 *   the wrong length, holds ±Infinity or mixes numbers and text (naming the moderator and the
 *   row), or is categorical with fewer than two levels; plus every error of `resolveStudies`.
 * @example
 * resolveRegressionInput({ yi: [0.1, 0.2, NaN], vi: [0.01, 0.02, 0.03] }, { dose: [1, 2, 3] }).rows
 * // => [0, 1]
 */
export function resolveRegressionInput(
  data: EffectInput | EffectSizes,
  moderators: unknown,
  options: RegressionTermOptions = {},
): ResolvedRegressionInput {
  const input = withSeVariances(data);
  const byName = Array.isArray(moderators);
  if (byName ? false : !isPlainObject(moderators)) {
    throw new InputError('must be an object mapping each moderator name to its values (e.g. { ablat: [...] }), or an array of column names of data', {
      field: 'moderators', value: moderators, code: 'E_INVALID_TYPE',
    });
  }
  const given = byName ? (moderators as unknown[]) : Object.keys(moderators as Record<string, unknown>);
  const interactions = options.interactions ?? [];
  if (!Array.isArray(interactions)) throw new InputError('must be an array of terms such as "ablat:year"', { field: 'interactions', value: interactions });
  if (given.length === 0) {
    throw new InputError('needs at least one moderator; for an intercept-only model use metaAnalysis', { field: 'moderators' });
  }
  const studies = resolveStudies(input); // validates yi, vi, labels and their lengths
  const n = input.yi.length;
  const labelsIn = input.labels;
  const intercept = options.intercept ?? true;
  if (typeof intercept !== 'boolean') throw new InputError('must be true or false', { field: 'intercept', value: intercept });
  const values = (name: string): ArrayLike<unknown> => {
    const own = byName ? undefined : (moderators as Record<string, unknown>)[name];
    const value = own !== undefined ? own : dataColumn(options.data, name, n);
    const field = `moderators.${name}`;
    if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number') {
      throw new InputError(`moderator "${name}" must be an array of numbers or labels`, { field, value, code: 'E_INVALID_TYPE' });
    }
    const arr = denseArray(value as ArrayLike<unknown>, field);
    if (arr.length !== n) throw new InputError(`length mismatch: moderator "${name}" has ${arr.length} values but yi has ${n}`, { field, code: 'E_LENGTH_MISMATCH' });
    const infinite = firstInfinite(arr);
    if (infinite >= 0) {
      const x = arr[infinite];
      throw new InputError(`moderator "${name}" must be finite`, { field, row: infinite + 1, study: labelsIn?.[infinite], value: x, code: numberCode(x) });
    }
    return arr;
  };
  const built = buildTerms({
    terms: [...(given as string[]), ...interactions], intercept, values,
    reference: options.reference, levels: options.levels, studies: labelsIn,
    atomic: new Set(byName ? [] : (given as string[])),
  });
  const names = built.terms.columns.map((c) => c.name);
  const variables = built.terms.variables.map((v) => v.name);

  const warnings = [...studies.warnings];
  const omitted = [...studies.omitted];
  const missingOf = variables.map((v) => built.missing.get(v)!);
  // every study kept by resolveStudies and no moderator missing (the large-k case): no row
  // bookkeeping, and the arrays of resolveStudies and buildTerms are the model's (no copy)
  if (studies.yi.length === n && missingOf.every((m) => m.indexOf(1) < 0)) {
    let rows: number[] | null = null;
    return {
      yi: studies.yi,
      vi: studies.vi,
      get labels() { return studies.labels; },
      measure: studies.measure,
      names,
      columns: built.columns,
      omitted: Object.freeze(omitted),
      get rows() { return (rows ??= Array.from({ length: n }, (_, i) => i)); },
      terms: built.terms,
      warnings: summariseOmissions(warnings),
    };
  }
  const rows: number[] = [];
  // the studies kept by resolveStudies, in order; a row is kept when no moderator is missing
  const kept = studies.rows;
  // positions (in the studies of resolveStudies) of the rows kept, listed once one is dropped
  let keptPositions: number[] | null = null;
  for (let n = 0; n < kept.length; n++) {
    const i = kept[n]!;
    let complete = true;
    for (const m of missingOf) if (m[i]) complete = false;
    if (!complete) {
      keptPositions ??= Array.from({ length: n }, (_, j) => j);
      const missing = variables.filter((_, c) => missingOf[c]![i]);
      const label = labelsIn?.[i];
      const where = label === undefined ? `Row ${i + 1}` : `Row ${i + 1} (${label})`;
      const what = missing.map((m) => `"${m}"`).join(', ');
      warnings.push(`${where} omitted: moderator${missing.length > 1 ? 's' : ''} ${what} missing.`);
      omitted.push(omittedInputRow(i, label ?? `row ${i + 1}`, missing.map((m) => `moderators.${m}`).join(', '), `moderator${missing.length > 1 ? 's' : ''} ${what} missing`));
      continue;
    }
    rows.push(i);
    keptPositions?.push(n);
  }
  const at = keptPositions;
  return {
    yi: at === null ? studies.yi : Float64Array.from(at, (n) => studies.yi[n]!),
    vi: at === null ? studies.vi : Float64Array.from(at, (n) => studies.vi[n]!),
    // built when read (10⁶ row names cost more than the fit; most callers never read them)
    get labels() {
      return at === null ? studies.labels : at.map((n) => studies.labels[n]!);
    },
    measure: studies.measure,
    names,
    columns: built.columns.map((col) => (rows.length === n ? col : Float64Array.from(rows, (i) => col[i]!))),
    omitted: Object.freeze(omitted),
    rows,
    terms: built.terms,
    warnings: summariseOmissions(warnings),
  };
}

/** The first index holding ±Infinity, or −1 (a typed loop for a Float64Array: 10⁶ rows). */
function firstInfinite(arr: ArrayLike<unknown>): number {
  if (arr instanceof Float64Array) {
    for (let i = 0; i < arr.length; i++) if (arr[i]! - arr[i]! !== 0 && arr[i] === arr[i]) return i;
    return -1;
  }
  for (let i = 0; i < arr.length; i++) if (arr[i] === Infinity || arr[i] === -Infinity) return i;
  return -1;
}

/** Column `name` of `data` (rows or a record of columns), or an error naming what is there. */
function dataColumn(data: RegressionTermOptions['data'], name: string, n: number): unknown {
  if (data === undefined) {
    throw new InputError(`moderator "${name}" has no values: give them in moderators ({ ${name}: [...] }) or pass the table as data`, { field: `moderators.${name}` });
  }
  if (Array.isArray(data)) {
    if (data.length !== n) throw new InputError(`data has ${data.length} rows but yi has ${n}; pass the rows the effect sizes were computed from`, { field: 'data' });
    const has = data.some((row) => row !== null && typeof row === 'object' && name in row);
    if (!has) throw new InputError(`no column "${name}" in data`, { field: `moderators.${name}` });
    return data.map((row) => (row as Record<string, unknown>)[name]);
  }
  if (data === null || typeof data !== 'object') throw new InputError('must be the rows of a table or a record of columns', { field: 'data', value: data });
  const col = (data as Record<string, unknown>)[name];
  if (col === undefined) throw new InputError(`no column "${name}" in data`, { field: `moderators.${name}` });
  return col;
}
