import { InputError, assertLevel, assertOneOf, numberCode } from '../../errors.ts';
import { ZERO_CELL_RULES } from '../../effect-sizes/options.ts';
import type { ZeroCellRule } from '../../effect-sizes/options.ts';
import { fieldName, hasKey, readTable, studyLabel } from '../../effect-sizes/read-table.ts';
import type { Table, Where } from '../../effect-sizes/read-table.ts';
import { readTwoByTwo, twoByTwoFamily } from '../../effect-sizes/two-by-two.ts';
import type { TwoByTwo } from '../../effect-sizes/two-by-two.ts';
import type { Role } from '../../types.ts';
import { checkOptionsByKey, optionKeys } from '../../check-options.ts';
import { denseArray } from '../../dense-array.ts';
import { omittedInputRow, type OmittedInputRow } from '../../omission-summary.ts';
import { summariseOmissions } from '../../omission-summary.ts';

/** The roles a 2x2 table is read from (metafor's argument names). */
export const TABLE_ROLES = ['ai', 'bi', 'ci', 'di', 'n1i', 'n2i'] as const;
/** One of {@link TABLE_ROLES}. */
export type TableRole = (typeof TABLE_ROLES)[number];

/** Options shared by `mantelHaenszel` and `peto`, as a user passes them. */
export interface TwoByTwoPoolingOptions {
  /**
   * Role -> key in each row: `ai`, `bi`, `ci`, `di`, or `ai`, `n1i`, `ci`, `n2i` (then
   * bi = n1i − ai, di = n2i − ci). A role left out is looked up under its own name.
   */
  readonly columns?: Partial<Record<TableRole, string>>;
  /** Key of the study label; default `study`, else the label is `row N`. */
  readonly label?: string;
  /** Confidence level as a proportion; default 0.95. */
  readonly level?: number;
  /**
   * Added to the cells of the per-study tables that enter the heterogeneity test (metafor's
   * `add`, first element); default 1/2. The pooled estimate always uses the raw counts.
   */
  readonly add?: number;
  /** Which per-study tables get `add` (metafor's `to`, first element); default `only0`. */
  readonly to?: ZeroCellRule;
  /**
   * Leave tables without events (or with only events) in both groups out of the heterogeneity
   * test (metafor's `drop00`, first element); default `true` as in `rma.mh` and `rma.peto`.
   */
  readonly drop00?: boolean;
}

/** The shared options after validation and defaults. */
/** The valid keys of {@link TwoByTwoPoolingOptions} (`mantelHaenszel` adds `measure`). */
export const TWO_BY_TWO_OPTION_KEYS = optionKeys<TwoByTwoPoolingOptions>()('columns', 'label', 'level', 'add', 'to', 'drop00');

export interface ResolvedTwoByTwoOptions {
  /** Role -> key, for every role the caller reads (the 2x2 roles unless it named others). */
  readonly columns: Readonly<Record<string, string>>;
  readonly label: string;
  readonly labelGiven: boolean;
  readonly level: number;
  readonly add: number;
  readonly to: ZeroCellRule;
  readonly drop00: boolean;
}

/** The 2x2 tables read from the rows. */
export interface ReadTables {
  /** Cells of every input row (NaN where a count is missing), index-aligned with the rows. */
  readonly all: TwoByTwo;
  /** Cells of the complete tables only: the tables that enter the pooled estimate. */
  readonly complete: TwoByTwo;
  /** Input row (0-based) of each complete table. */
  readonly completeRows: readonly number[];
  /** Label of every input row. */
  readonly labels: readonly string[];
  /** Describes input row `i` for warnings, e.g. `row 4 (Smith 2001)`. */
  readonly describe: (i: number) => string;
  /** One entry per row omitted for a missing count. */
  readonly warnings: readonly string[];
  /** The rows omitted for a missing count, with the counts missing. */
  readonly omitted: readonly OmittedInputRow[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Validates the options shared by `mantelHaenszel` and `peto` and fills in metafor's defaults.
 * `extra` lists the caller's own option keys, which are accepted here and checked by the caller.
 * @throws InputError for an unknown option, a role that is not a 2x2 role, an empty key, a level
 * outside (0, 1), a negative `add`, an unknown `to`, or a non-boolean `drop00`.
 * @example
 * resolveTwoByTwoOptions({ columns: { ai: 'tpos' } }, []).columns.ai // => 'tpos'
 */
export function resolveTwoByTwoOptions(
  options: unknown,
  extra: readonly string[],
  roles: readonly string[] = TABLE_ROLES,
): ResolvedTwoByTwoOptions {
  const o: TwoByTwoPoolingOptions = checkOptionsByKey(options, [...TWO_BY_TWO_OPTION_KEYS, ...extra] as (keyof TwoByTwoPoolingOptions)[]);

  const columns: Record<string, string> = Object.fromEntries(roles.map((r) => [r, r]));
  if (o.columns !== undefined && o.columns !== null) {
    if (!isRecord(o.columns)) throw new InputError('must be an object mapping roles to keys', { field: 'columns', value: o.columns, code: 'E_INVALID_TYPE' });
    for (const [role, key] of Object.entries(o.columns)) {
      if (key === undefined) continue;
      assertOneOf(role, roles, 'columns role');
      if (typeof key !== 'string' || key === '') throw new InputError('must be a non-empty string', { field: `columns.${role}`, value: key, code: 'E_INVALID_TYPE' });
      columns[role] = key;
    }
  }

  const labelGiven = o.label !== undefined;
  if (labelGiven && (typeof o.label !== 'string' || o.label === '')) {
    throw new InputError('must be a non-empty string', { field: 'label', value: o.label, code: 'E_INVALID_TYPE' });
  }
  const level = o.level ?? 0.95;
  assertLevel(level);
  const add = o.add ?? 0.5;
  if (typeof add !== 'number' || !Number.isFinite(add) || add < 0) {
    throw new InputError('must be a non-negative finite number', { field: 'add', value: add, code: numberCode(add) });
  }
  const to = o.to ?? 'only0';
  assertOneOf(to, ZERO_CELL_RULES, 'to');
  const drop00 = o.drop00 ?? true;
  if (typeof drop00 !== 'boolean') throw new InputError('must be true or false', { field: 'drop00', value: drop00, code: 'E_INVALID_TYPE' });
  return { columns, label: labelGiven ? (o.label as string) : 'study', labelGiven, level, add, to, drop00 };
}

/**
 * The rows of `table` without a missing value, and a warning for each other row.
 * @throws InputError when no row is complete (`what` names the data, e.g. `2x2 table`).
 */
export function completeRowsOf(
  table: Table, describe: (i: number) => string, what: string, labels: readonly string[],
): { completeRows: number[]; warnings: string[]; omitted: OmittedInputRow[] } {
  const warnings: string[] = [];
  const omitted: OmittedInputRow[] = [];
  const completeRows: number[] = [];
  for (let i = 0; i < table.k; i++) {
    const missing = table.missing[i]!;
    if (missing.length > 0) {
      warnings.push(`${describe(i)} omitted: ${missing.join(', ')} missing`);
      omitted.push(omittedInputRow(i, labels[i]!, missing.join(', '), `${missing.join(', ')} missing`));
    } else completeRows.push(i);
  }
  if (completeRows.length === 0) {
    throw new InputError(
      table.k === 0 ? 'no rows given; nothing to pool' : `no row has a complete ${what}; nothing to pool`,
      { field: 'rows', code: 'E_TOO_FEW_STUDIES' },
    );
  }
  return { completeRows, warnings, omitted };
}

/** The rows of a pooling method, checked to be objects, with their labels and cell locator. */
export interface LocatedRows {
  readonly records: readonly Record<string, unknown>[];
  readonly keyOf: (role: Role) => string;
  readonly where: (i: number, role: Role) => Where;
  readonly labels: readonly string[];
  /** Describes input row `i` for warnings, e.g. `row 4 (Smith 2001)`. */
  readonly describe: (i: number) => string;
}

/**
 * Checks that `rows` is an array of objects and locates its cells and labels (`options.label`,
 * else the `study` key, else `row N`), for `readTables` and the person-time reader.
 * @throws InputError when `rows` is not an array of objects or the label key is in no row.
 */
export function locateRows(rows: unknown, options: ResolvedTwoByTwoOptions): LocatedRows {
  if (!Array.isArray(rows)) {
    throw new InputError('must be an array of row objects', { field: 'rows', value: rows === null ? null : typeof rows, code: 'E_INVALID_TYPE' });
  }
  denseArray(rows, 'rows');
  rows.forEach((row, i) => {
    if (!isRecord(row)) throw new InputError('each row must be an object', { field: 'rows', row: i + 1, value: row, code: 'E_INVALID_TYPE' });
  });
  const records = rows as readonly Record<string, unknown>[];
  if (options.labelGiven && records.length > 0 && !hasKey(records, options.label)) {
    throw new InputError(`no row has the label key "${options.label}"`, { field: 'label', code: 'E_MISSING_COLUMN' });
  }
  const found = records.map((row) => studyLabel(row[options.label]));
  const keyOf = (role: Role) => options.columns[role] ?? role;
  return {
    records,
    keyOf,
    where: (i, role) => {
      const field = fieldName(role, keyOf(role));
      const study = found[i];
      return study === null || study === undefined ? { field, row: i + 1 } : { field, row: i + 1, study };
    },
    labels: found.map((l, i) => l ?? `row ${i + 1}`),
    describe: (i) => {
      const l = found[i];
      if (l === null || l === undefined) return `row ${i + 1}`;
      return `row ${i + 1} (${/^\d+$/.test(l) ? `study ${l}` : l})`;
    },
  };
}

/**
 * Reads one 2x2 table per row (metafor's ai, bi, ci, di, or ai, n1i, ci, n2i). Rows with a
 * missing count are kept in `all` (as NaN) but left out of `complete`, each with a warning.
 *
 * @param what names the method in the missing-column message, e.g. `OR (Mantel–Haenszel)`
 * @throws InputError naming the field and the row (and study) when `rows` is not an array of
 * objects, a needed column is absent from every row, a count is text, negative or infinite, events
 * exceed the group size, bi + ai ≠ n1i, or a group is empty; and when no row has a complete table.
 * @example
 * readTables([{ ai: 1, n1i: 10, ci: 2, n2i: 12 }, { ai: null, n1i: 5, ci: 0, n2i: 5 }],
 *   resolveTwoByTwoOptions({}, []), 'OR').warnings // => ['row 2 omitted: ai missing']
 */
export function readTables(rows: unknown, options: ResolvedTwoByTwoOptions, what: string): ReadTables {
  const { records, keyOf, where, labels, describe } = locateRows(rows, options);
  const table = readTable(records, twoByTwoFamily.requirements('OR'), keyOf, where, what);
  twoByTwoFamily.validate('OR', table);
  const all = readTwoByTwo(table);

  const { completeRows, warnings, omitted } = completeRowsOf(table, describe, '2x2 table', labels);
  const pick = (x: Float64Array) => Float64Array.from(completeRows, (i) => x[i]!);
  return {
    all,
    complete: { a: pick(all.a), b: pick(all.b), c: pick(all.c), d: pick(all.d) },
    omitted: Object.freeze(omitted),
    completeRows,
    labels,
    describe,
    warnings: summariseOmissions(warnings),
  };
}
