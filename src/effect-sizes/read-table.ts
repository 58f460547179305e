import { InputError, numberCode } from '../errors.ts';
import { isMissing, labelText } from '../missing.ts';
import type { Role } from '../types.ts';

/** Where a value sits, for error messages and warnings. */
export interface Where {
  /** The field as the user knows it, e.g. `sd1i` or `sd1i ("sd_t")`. */
  readonly field: string;
  /** 1-based input row. */
  readonly row: number;
  /** Study label, when the data gave one. */
  readonly study?: string;
}

/**
 * One measure input need: any of `roles` (the first preferred), e.g. `['bi', 'n1i']`.
 * `what` says in words what the column holds, for the missing-column error.
 */
export interface Requirement {
  readonly roles: readonly Role[];
  readonly what: string;
  /** An input the measure can do without (e.g. AUC's proportion of ties): no error when absent, never missing. */
  readonly optional?: boolean;
}

/** Numeric columns read from the rows: NaN where a value is missing. */
export interface Table {
  readonly k: number;
  /** Values by role; a role absent from every row is absent here. */
  readonly values: Partial<Record<Role, Float64Array>>;
  /** Per row, the fields that were missing (empty when the row is complete). */
  readonly missing: readonly (readonly string[])[];
  /** Locates row `i`, role `role` for messages. */
  readonly where: (i: number, role: Role) => Where;
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads one cell as a number. Missing (`isMissing`: `undefined`, `null`, `NaN`, `''`, `'NA'`, …) gives NaN;
 * a numeric string such as `'12'` or `' 1.5e-3 '` gives its number. `where` locates the cell
 * for the error message (called only on error).
 * @throws InputError for other text (`'12a'`), booleans, objects and infinite values.
 */
export function readNumber(value: unknown, where: () => Where): number {
  if (isMissing(value)) return NaN;
  if (typeof value === 'number') {
    if (Number.isFinite(value) || Number.isNaN(value)) return value;
    throw new InputError('must be a finite number', { ...where(), value, code: numberCode(value) });
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (!NUMERIC.test(text)) throw new InputError('must be a number', { ...where(), value, code: 'E_INVALID_TYPE' });
    const x = Number(text);
    if (!Number.isFinite(x)) throw new InputError('is too large for a double-precision number (it overflows to Infinity)', { ...where(), value, code: 'E_NOT_FINITE' });
    return x;
  }
  throw new InputError('must be a number', { ...where(), value, code: 'E_INVALID_TYPE' });
}

/**
 * A study label cell as text: `null` when missing (see `isMissing`), numbers in decimal,
 * strings trimmed, anything else as `String(value)`.
 *
 * @example
 * studyLabel(' Smith 2001 '); // => 'Smith 2001'
 * studyLabel('NA');           // => null
 */
export function studyLabel(value: unknown): string | null {
  const text = labelText(value);
  return text === undefined ? String(value) : text;
}

/** The field name a user sees for `role` stored under `key`. */
export function fieldName(role: Role, key: string): string {
  return key === role ? role : `${role} ("${key}")`;
}

/** True when some row has a value other than `undefined` under `key`. */
export function hasKey(rows: readonly object[], key: string): boolean {
  return rows.some((row) => (row as Record<string, unknown>)[key] !== undefined);
}

/**
 * Reads the columns a measure needs from the rows into Float64Arrays.
 * @param rows the input rows (already checked to be objects)
 * @param requirements what the measure needs
 * @param keyOf the key of a role in the rows
 * @param where locator of a cell for messages
 * @param measure for the missing-column message
 * @param mapped roles the user mapped explicitly in `options.columns`. Of a requirement's
 *   alternatives (e.g. `bi` or `n1i`), the preferred role is read when some row has it, and the
 *   others only when they were mapped explicitly: as in metafor, a stray `n1i` column does not
 *   override the `bi` the user gave.
 * @throws InputError when a needed column is absent from every row, or a cell is not a number.
 */
export function readTable(
  rows: readonly object[],
  requirements: readonly Requirement[],
  keyOf: (role: Role) => string,
  where: (i: number, role: Role) => Where,
  measure: string,
  mapped: ReadonlySet<Role> = new Set(),
): Table {
  const k = rows.length;
  const values: Partial<Record<Role, Float64Array>> = {};
  const missing: string[][] = Array.from({ length: k }, () => []);
  for (const need of requirements) {
    const available = need.roles.filter((role) => hasKey(rows, keyOf(role)));
    const preferred = need.roles[0]!;
    const present = available.includes(preferred)
      ? available.filter((role) => role === preferred || mapped.has(role))
      : available;
    if (present.length === 0 && k > 0 && !need.optional) {
      const keys = need.roles.map((role) => `"${keyOf(role)}"`).join(' or ');
      const roles = need.roles.join(' or ');
      throw new InputError(
        `measure ${measure} needs ${need.what}, but no row has the key ${keys} (map another key with options.columns.${need.roles[0]})`,
        { field: roles, code: 'E_MISSING_COLUMN' },
      );
    }
    for (const role of present) {
      const key = keyOf(role);
      const column = new Float64Array(k);
      for (let i = 0; i < k; i++) {
        column[i] = readNumber((rows[i] as Record<string, unknown>)[key], () => where(i, role));
      }
      values[role] = column;
    }
    for (let i = 0; i < k && !need.optional; i++) {
      if (present.every((role) => Number.isNaN(values[role]![i]))) {
        const fields = need.roles.map((role) => where(i, role).field);
        missing[i]!.push(fields.join(' (or ') + ')'.repeat(fields.length - 1));
      }
    }
  }
  return { k, values, missing, where };
}

/** Throws an InputError located at row `i`, role `role` of `table`, showing the bad `value`. */
export function fail(table: Table, i: number, role: Role, problem: string, value: unknown): never {
  throw new InputError(problem, { ...table.where(i, role), value, code: numberCode(value) });
}
