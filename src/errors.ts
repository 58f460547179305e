/**
 * The stable codes of `pooled`'s errors: a script can branch on `error.code` without parsing
 * the message. Every `InputError` (and so every `TableError`) carries one of these; the CLI's
 * `UsageError` carries `E_USAGE`. Each key maps to its meaning.
 *
 * @example
 * ERROR_CODES.E_NOT_FINITE // => 'a number is NaN or ±Infinity, or overflows to it'
 */
export const ERROR_CODES = Object.freeze({
  /** A value is invalid in a way no more specific code describes (the default). */
  E_INVALID_INPUT: 'a value is invalid in a way no more specific code describes',
  /** A value has the wrong type: a string where a number is needed, a Map for an object, a function, ... */
  E_INVALID_TYPE: 'a value has the wrong type (e.g. a string where a number is needed, a Map where a plain object is needed)',
  /** A number is NaN, ±Infinity, or overflows (a text such as "1e999", a range whose width is Infinity). */
  E_NOT_FINITE: 'a number is NaN or ±Infinity, or overflows to it',
  /** A finite number outside the allowed range (negative, not a proportion, below a minimum, not an integer). */
  E_OUT_OF_RANGE: 'a finite number is outside the allowed range (negative, zero, not a proportion, not an integer)',
  /** A text is not one of the valid choices (method, measure, test, ...). */
  E_INVALID_CHOICE: 'a text is not one of the valid choices (method, measure, test, ...)',
  /** An options object has a key the function does not know (usually a misspelling). */
  E_UNKNOWN_OPTION: 'an options object has an unknown key; the message suggests the nearest valid one',
  /** A data record (evidence file, row mapping) has a key that is not a field of its kind. */
  E_UNKNOWN_FIELD: 'a data record has an unknown field; the message suggests the nearest valid one',
  /** A required value is missing (undefined, null, NA) where the analysis cannot skip it. */
  E_MISSING_VALUE: 'a required value is missing (undefined, null, NA)',
  /** No row has a key (column) that the measure or option needs. */
  E_MISSING_COLUMN: 'no row has a column (key) that the measure or option needs',
  /** Arrays that must be index-aligned (yi, vi, labels, moderators, groups, ...) differ in length. */
  E_LENGTH_MISMATCH: 'arrays that must line up (yi, vi, labels, moderators, groups, ...) differ in length',
  /** An array has holes (`[a, , c]`), or an array-like object lacks entries below its `length`. */
  E_SPARSE_ARRAY: 'an array has holes ([a, , c]) or an array-like lacks entries below its length',
  /** An input is larger than the documented maximum (e.g. an array-like with length 1e9). */
  E_TOO_LARGE: 'an input is larger than the documented maximum',
  /** Too few studies (or clusters, rows) for the method. */
  E_TOO_FEW_STUDIES: 'too few studies, clusters or rows for the method',
  /** The data are valid but the quantity cannot be estimated from them (constant predictor, no convergence). */
  E_NOT_ESTIMABLE: 'the input is valid but the quantity cannot be estimated from it (constant predictor, no convergence)',
  /** The argument should be a result of pooled (a fit) but is not, or was altered. */
  E_INVALID_RESULT: 'an argument that should be a result of pooled (a fit) is not one, or was altered',
  /** The fit or option is valid, but this function does not handle it (e.g. refitting a fit pooled with user weights). */
  E_UNSUPPORTED: 'the input is valid, but this function does not handle that kind of fit or option (the message says which)',
  /** Two records share an id that must be unique. */
  E_DUPLICATE: 'two records share an id or name that must be unique',
  /** A record refers to an id that does not exist (an arm to an unknown study, ...). */
  E_UNKNOWN_REFERENCE: 'a record refers to an id that does not exist',
  /** A file cannot be read: absent, a folder, empty, unreadable or unwritable. */
  E_FILE: 'a file cannot be read or written (absent, a folder, empty, no permission)',
  /** A file's text is malformed: CSV/TSV structure, JSON syntax, a typed column with a bad cell. */
  E_PARSE: 'a file is malformed (CSV/TSV structure, JSON syntax, a bad cell in a typed column)',
  /** The command line is wrong: unknown command or option, missing argument (CLI exit status 2). */
  E_USAGE: 'the command line is wrong: unknown command or option, a missing argument',
});

/** One of the {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Where a problem is, as an `InputError` reports it, plus its code (default `E_INVALID_INPUT`). */
export interface ErrorPlace {
  readonly field?: string;
  readonly row?: number;
  readonly study?: string;
  readonly value?: unknown;
  readonly code?: ErrorCode;
}

/**
 * The error every public function throws for bad input. Its message names the field and,
 * where there is one, the row (1-based, as a user counts) or the study.
 *
 * @example
 * new InputError('must not be negative', { field: 'sd1i', row: 3, value: -1 }).message
 * // => "sd1i, row 3: must not be negative (got -1)"
 * new InputError('must be finite', { field: 'yi', row: 2, value: Infinity, code: 'E_NOT_FINITE' }).code
 * // => 'E_NOT_FINITE'
 */
export class InputError extends Error {
  /** The stable code of the problem, one of {@link ERROR_CODES}. */
  readonly code: ErrorCode;
  /** The problem without the place (field, study, row), for a caller that re-locates it. */
  declare readonly problem: string;
  readonly field: string | undefined;
  readonly row: number | undefined;
  readonly study: string | undefined;

  constructor(
    problem: string,
    where: ErrorPlace = {},
  ) {
    super(describe(problem, where));
    this.name = 'InputError';
    this.code = where.code ?? 'E_INVALID_INPUT';
    Object.defineProperty(this, 'problem', { value: problem, enumerable: false });
    this.field = where.field;
    this.row = where.row;
    this.study = where.study;
  }
}

function describe(problem: string, where: ErrorPlace): string {
  const place: string[] = [];
  if (where.field !== undefined) place.push(where.field);
  if (where.study !== undefined) place.push(`study "${where.study}"`);
  if (where.row !== undefined) place.push(`row ${where.row}`);
  const got = 'value' in where ? ` (got ${show(where.value)})` : '';
  return `${place.length ? `${place.join(', ')}: ` : ''}${problem}${got}`;
}

/** Longest shown value: a huge string or array is cut, so that a message stays readable. */
const MAX_SHOWN = 200;

/**
 * A value as a message shows it: JSON where it can, but `Infinity`, `-Infinity` and `NaN` as
 * themselves (JSON would print them as `null`), and cyclic or exotic values by their tag.
 */
function show(value: unknown): string {
  if (typeof value === 'string') return cut(JSON.stringify(value));
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined || typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') {
    return typeof value === 'bigint' ? `${value}n` : String(value);
  }
  try {
    const json = JSON.stringify(value, (_key, v: unknown) =>
      (typeof v === 'number' && !Number.isFinite(v)) || typeof v === 'bigint' ? `\u0000${v}${typeof v === 'bigint' ? 'n' : ''}\u0000` : shortened(v),
    );
    return cut((json ?? String(value)).replace(/"\\u0000(-?Infinity|NaN|-?\d+n)\\u0000"/g, '$1'));
  } catch {
    return Array.isArray(value) ? '[an array that contains itself]' : '[an object that contains itself]';
  }
}

/** Entries of an array that a message shows: a long array (even a sparse one of length 1e7) costs O(1). */
const MAX_SHOWN_ENTRIES = 20;

/** An array or typed array cut to its first entries, a long string to its first characters. */
function shortened(v: unknown): unknown {
  if (typeof v === 'string') return v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v;
  if (!Array.isArray(v) && !ArrayBuffer.isView(v)) return v;
  const list = v as ArrayLike<unknown>;
  if (list.length <= MAX_SHOWN_ENTRIES && Array.isArray(v)) return v;
  const head = Array.from({ length: Math.min(list.length, MAX_SHOWN_ENTRIES) }, (_, i) => list[i]);
  return list.length > MAX_SHOWN_ENTRIES ? [...head, `… ${list.length - MAX_SHOWN_ENTRIES} more`] : head;
}

function cut(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** Throws an `InputError` listing the valid choices when `value` is not one of them. */
export function assertOneOf<T extends string>(
  value: unknown,
  valid: readonly T[],
  field: string,
): asserts value is T {
  if (typeof value !== 'string' || !(valid as readonly string[]).includes(value)) {
    throw new InputError(`unknown ${field}; valid choices are ${valid.join(', ')}`, { field, value, code: 'E_INVALID_CHOICE' });
  }
}

/** Throws unless `level` is a proportion strictly between 0 and 1. */
export function assertLevel(level: unknown): asserts level is number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new InputError('must be a proportion strictly between 0 and 1 (e.g. 0.95)', {
      field: 'level',
      value: level,
      code: typeof level === 'number' ? (Number.isFinite(level) ? 'E_OUT_OF_RANGE' : 'E_NOT_FINITE') : 'E_INVALID_TYPE',
    });
  }
}

/**
 * The code for a value that failed a numeric check: `E_MISSING_VALUE` for `undefined`/`null`,
 * `E_NOT_FINITE` for NaN or ±Infinity, `E_OUT_OF_RANGE` for another number, `E_INVALID_TYPE`
 * for anything that is not a number.
 *
 * @example
 * numberCode(Infinity); // => 'E_NOT_FINITE'
 * numberCode(-1);       // => 'E_OUT_OF_RANGE'
 * numberCode('3');      // => 'E_INVALID_TYPE'
 */
export function numberCode(value: unknown): ErrorCode {
  if (value === undefined || value === null) return 'E_MISSING_VALUE';
  if (typeof value !== 'number') return 'E_INVALID_TYPE';
  return Number.isFinite(value) ? 'E_OUT_OF_RANGE' : 'E_NOT_FINITE';
}

/**
 * Throws an `E_INVALID_TYPE` InputError naming `field` unless `value` is a string (a title, a
 * name, a path), and returns it.
 *
 * @example
 * assertText('Forest plot', 'title') // => 'Forest plot'
 * assertText(null, 'title')          // => throws InputError 'title: must be text (a string) (got null)'
 */
export function assertText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InputError('must be text (a string)', { field, value, code: 'E_INVALID_TYPE' });
  return value;
}
