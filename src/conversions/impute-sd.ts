import { freezeResult } from '../freeze-result.ts';
import { isMissing } from '../missing.ts';
import { InputError, assertOneOf, numberCode } from '../errors.ts';
import type { Provenance, Warnings } from '../types.ts';
import { show } from './check-number.ts';
import { checkKeys, isPlainObject, optionKeys } from '../check-options.ts';
import { denseArray } from '../dense-array.ts';

/**
 * How a missing SD is filled: borrowed from the studies that report one — `pooled`
 * (√(Σ(nᵢ − 1)·sᵢ² / Σ(nᵢ − 1))), `median` or `maximum` (the conservative choice) of their
 * SDs — or `assumed`, a value the analyst states.
 */
export type SdImputationMethod = 'pooled' | 'median' | 'maximum' | 'assumed';

export const SD_IMPUTATION_METHODS: readonly SdImputationMethod[] = Object.freeze(['pooled', 'median', 'maximum', 'assumed']);

/** SD roles (metafor's argument names) and the sample size that goes with each. */
export type SdRole = 'sd1i' | 'sd2i' | 'sdi';
const SIZE_OF: Readonly<Record<SdRole, 'n1i' | 'n2i' | 'ni'>> = { sd1i: 'n1i', sd2i: 'n2i', sdi: 'ni' };
const SD_ROLES: readonly SdRole[] = ['sd1i', 'sd2i', 'sdi'];

/** Options of {@link imputeSd}. */
export interface ImputeSdOptions {
  readonly method: SdImputationMethod;
  /** The stated SD for `method: 'assumed'` (> 0). */
  readonly value?: number;
  /** Role -> key in each row, as in `effectSizes`; default: the role name. */
  readonly columns?: Partial<Record<SdRole | 'n1i' | 'n2i' | 'ni', string>>;
  /** SD roles to fill; default every SD role whose key some row has. */
  readonly roles?: readonly SdRole[];
  /** Key of the study label; default `study`, else the label is `row N`. */
  readonly label?: string;
  /** Provenance the rows already have (e.g. from an earlier call), index-aligned. */
  readonly provenance?: readonly (Provenance | undefined)[];
}

/** The valid keys of {@link ImputeSdOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const IMPUTE_SD_OPTION_KEYS = optionKeys<ImputeSdOptions>()('method', 'value', 'columns', 'roles', 'label', 'provenance');

/** One filled cell. */
export interface ImputedCell {
  /** 1-based row. */
  readonly row: number;
  readonly study: string;
  /** The key that was filled. */
  readonly field: string;
  readonly value: number;
}

/** Result of {@link imputeSd}. */
export interface ImputeSdResult<T extends object> extends Warnings {
  /** Copies of the rows with the missing SDs filled in; other keys untouched. */
  readonly rows: readonly T[];
  /** Per row: `imputed`/`assumed` where an SD was filled, else the given (or `reported`) provenance. */
  readonly provenance: readonly Provenance[];
  readonly method: SdImputationMethod;
  /** The SD that filled every gap; null only when there were no rows. */
  readonly value: number | null;
  /** Labels of the studies the SD was borrowed from (empty for `assumed`). */
  readonly sources: readonly string[];
  readonly filled: readonly ImputedCell[];
  /** One line per filled cell, saying what was filled with what. */
  readonly warnings: readonly string[];
}

const RANK: Readonly<Record<Provenance['kind'], number>> = { reported: 0, derived: 1, imputed: 2, assumed: 3 };
const REPORTED: Provenance = Object.freeze({ kind: 'reported' });

interface Located {
  readonly field: string;
  readonly row: number;
  readonly study: string;
}

/** A cell as a number; NaN when missing (`isMissing`: undefined, null, NaN, '', 'NA', …). */
function readCell(value: unknown, at: Located): number {
  if (isMissing(value)) return NaN;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string') {
    const x = Number(value.trim());
    if (Number.isFinite(x)) return x;
  }
  throw new InputError('must be a finite number (or missing)', { ...at, value, code: numberCode(value) });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function checkOptions(options: unknown): ImputeSdOptions {
  if (!isPlainObject(options)) {
    throw new InputError('must be an object such as { method: "median" }', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
  }
  const o = options as unknown as ImputeSdOptions;
  assertOneOf(o.method, SD_IMPUTATION_METHODS, 'method');
  if (o.method === 'assumed') {
    if (typeof o.value !== 'number' || !(Number.isFinite(o.value) && o.value > 0)) {
      throw new InputError('method "assumed" needs a finite SD value greater than 0', { field: 'value', value: o.value, code: numberCode(o.value) });
    }
  } else if (o.value !== undefined) {
    throw new InputError(`is only used with method "assumed" (method is "${o.method}")`, { field: 'value', value: o.value });
  }
  if (o.label !== undefined && (typeof o.label !== 'string' || o.label === '')) {
    throw new InputError('must be a non-empty string', { field: 'label', value: o.label, code: 'E_INVALID_TYPE' });
  }
  if (o.columns !== undefined && (typeof o.columns !== 'object' || o.columns === null)) {
    throw new InputError('must be an object mapping roles to keys', { field: 'columns', value: o.columns, code: 'E_INVALID_TYPE' });
  }
  return o;
}

/**
 * Fills missing standard deviations of rows with no variance information, the same value in
 * every gap, and records where each came from:
 * - `pooled`: √(Σ(nᵢ − 1)·sᵢ² / Σ(nᵢ − 1)) over every reported SD of the chosen roles (its n
 *   from `n1i`/`n2i`/`ni`), the within-group SD a pooled analysis would use;
 * - `median` or `maximum` of the reported SDs (the maximum is conservative: it gives the
 *   imputed studies the least weight);
 * - `assumed`: `value`, stated by the analyst.
 * Borrowing SDs from other studies is discussed in the Cochrane Handbook, section 6.5.2.7
 * (Furukawa et al. 2006); vary the choice with `sensitivity`. The returned `provenance` is
 * ready for `effectSizes(measure, rows, { provenance })`: `{ kind: 'imputed', method, sources }`
 * or `{ kind: 'assumed', value }` where a cell was filled, else what `options.provenance`
 * said (default `reported`). A row with several kinds keeps the least sourced one.
 *
 * @throws InputError for an unknown method, a missing or bad `value` for `assumed`, a
 *   negative or non-numeric SD or n (naming row and study), a reported SD without its n under
 *   `pooled`, no reported SD to borrow from, or a `provenance` of the wrong length.
 * @example
 * imputeSd([{ study: 'A', sd1i: 2, n1i: 10 }, { study: 'B', sd1i: 4, n1i: 10 }, { study: 'C', n1i: 8 }],
 *   { method: 'median' }).rows[2]
 * // => { study: 'C', n1i: 8, sd1i: 3 }  (provenance[2]: { kind: 'imputed', method: 'median', sources: ['A', 'B'] })
 */
export function imputeSd<T extends object>(rows: readonly T[], options: ImputeSdOptions): ImputeSdResult<T> {
  checkKeys(options ?? {}, IMPUTE_SD_OPTION_KEYS, 'options', 'option');
  if (!Array.isArray(rows)) throw new InputError('must be an array of row objects', { field: 'rows', code: 'E_INVALID_TYPE' });
  const o = checkOptions(options);
  const k = rows.length;
  denseArray(rows, 'rows');
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) throw new InputError('must be an object', { field: 'rows', row: i + 1, value: row, code: 'E_INVALID_TYPE' });
  });
  const keyOf = (role: SdRole | 'n1i' | 'n2i' | 'ni'): string => {
    const key = o.columns?.[role];
    if (key === undefined) return role;
    if (typeof key !== 'string' || key === '') {
      throw new InputError('must be a non-empty string', { field: `columns.${role}`, value: key, code: 'E_INVALID_TYPE' });
    }
    return key;
  };
  const labelKey = o.label ?? 'study';
  const labels = rows.map((row, i) => {
    const value = (row as Record<string, unknown>)[labelKey];
    return (typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : `row ${i + 1}`;
  });
  if (o.provenance !== undefined && (!Array.isArray(o.provenance) || o.provenance.length !== k)) {
    throw new InputError(`must be an array with one entry per row (${k} rows)`, { field: 'provenance', code: 'E_LENGTH_MISMATCH' });
  }

  let roles: readonly SdRole[];
  if (o.roles !== undefined) {
    if (!Array.isArray(o.roles) || o.roles.length === 0) {
      throw new InputError('must be a non-empty array of SD roles', { field: 'roles', value: o.roles, code: 'E_INVALID_TYPE' });
    }
    for (const role of o.roles) assertOneOf(role, SD_ROLES, 'roles');
    roles = o.roles;
  } else {
    roles = SD_ROLES.filter((role) => rows.some((row) => keyOf(role) in row));
    if (roles.length === 0 && k > 0) {
      throw new InputError(`no row has an SD key (${SD_ROLES.map((r) => `"${keyOf(r)}"`).join(', ')}); map one with options.columns`, { field: 'columns', code: 'E_MISSING_COLUMN' });
    }
  }

  // Read every SD cell; collect the reported ones.
  const sds = roles.map((role) =>
    rows.map((row, i) => {
      const at = { field: keyOf(role), row: i + 1, study: labels[i]! };
      const sd = readCell((row as Record<string, unknown>)[at.field], at);
      if (sd < 0) throw new InputError('must not be negative', { ...at, value: sd, code: numberCode(sd) });
      return sd;
    }),
  );
  const reported: number[] = [];
  const weights: number[] = [];
  const sourceRows = new Set<number>();
  roles.forEach((role, r) => {
    sds[r]!.forEach((sd, i) => {
      if (Number.isNaN(sd)) return;
      reported.push(sd);
      sourceRows.add(i);
      if (o.method === 'pooled') {
        const at = { field: keyOf(SIZE_OF[role]), row: i + 1, study: labels[i]! };
        const n = readCell((rows[i] as Record<string, unknown>)[at.field], at);
        if (Number.isNaN(n)) {
          throw new InputError(`is needed to pool the reported ${keyOf(role)} (method "pooled")`, { ...at, code: 'E_MISSING_VALUE' });
        }
        if (!(n >= 2)) throw new InputError('must be at least 2 for the SD to enter the pooled SD', { ...at, value: n, code: numberCode(n) });
        weights.push(n - 1);
      }
    });
  });

  const missingCount = sds.reduce((count, column) => count + column.filter(Number.isNaN).length, 0);
  let value: number;
  let sources: readonly string[] = [];
  if (o.method === 'assumed') {
    value = o.value!;
  } else if (reported.length === 0) {
    if (missingCount === 0) value = NaN;
    else {
      throw new InputError(`no row reports an SD in ${roles.map(keyOf).join(', ')} to borrow from; state one with method "assumed"`, { field: roles.map(keyOf).join(', '), code: 'E_NOT_ESTIMABLE' });
    }
  } else {
    sources = Object.freeze([...sourceRows].sort((a, b) => a - b).map((i) => labels[i]!));
    if (o.method === 'median') value = median(reported);
    else if (o.method === 'maximum') value = Math.max(...reported);
    else {
      let num = 0;
      let den = 0;
      reported.forEach((sd, j) => {
        num += weights[j]! * sd * sd;
        den += weights[j]!;
      });
      value = Math.sqrt(num / den);
    }
  }

  const fill: Provenance =
    o.method === 'assumed'
      ? Object.freeze({ kind: 'assumed', value })
      : Object.freeze({ kind: 'imputed', method: o.method, sources });
  const filled: ImputedCell[] = [];
  const warnings: string[] = [];
  const provenance: Provenance[] = [];
  const out = rows.map((row, i) => {
    const given = o.provenance?.[i] === undefined ? REPORTED : copyProvenance(o.provenance[i], i);
    let copy: Record<string, unknown> | undefined;
    roles.forEach((role, r) => {
      if (!Number.isNaN(sds[r]![i]!)) return;
      copy ??= { ...(row as Record<string, unknown>) };
      const field = keyOf(role);
      copy[field] = value;
      filled.push(Object.freeze({ row: i + 1, study: labels[i]!, field, value }));
      warnings.push(
        o.method === 'assumed'
          ? `study "${labels[i]}" (row ${i + 1}): ${field} missing, assumed ${show(value)}`
          : `study "${labels[i]}" (row ${i + 1}): ${field} missing, imputed ${show(value)} (${o.method} of ${reported.length} reported SDs)`,
      );
    });
    provenance.push(copy === undefined || RANK[given.kind] > RANK[fill.kind] ? given : fill);
    return Object.freeze(copy ?? { ...(row as Record<string, unknown>) }) as T;
  });

  return Object.freeze({
    rows: Object.freeze(out),
    provenance: Object.freeze(provenance),
    method: o.method,
    value: Number.isNaN(value) ? null : value,
    sources,
    filled: Object.freeze(filled),
    warnings: Object.freeze(warnings),
  });
}

const PROVENANCE_KINDS: readonly string[] = ['reported', 'derived', 'imputed', 'assumed'];

/** A frozen copy of the caller's provenance entry (the result shares no object with the input). */
function copyProvenance(given: unknown, i: number): Provenance {
  if (!isPlainObject(given) || !PROVENANCE_KINDS.includes(given['kind'] as string)) {
    throw new InputError(`must be a provenance object with kind ${PROVENANCE_KINDS.join(', ')}`, { field: 'provenance', row: i + 1, value: given, code: 'E_INVALID_INPUT' });
  }
  try {
    return freezeResult(structuredClone(given)) as unknown as Provenance;
  } catch {
    throw new InputError('must be plain data (strings, numbers, arrays)', { field: 'provenance', row: i + 1, code: 'E_INVALID_TYPE' });
  }
}
