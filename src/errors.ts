/**
 * The error every public function throws for bad input. Its message names the field and,
 * where there is one, the row (1-based, as a user counts) or the study.
 *
 * @example
 * new InputError('must not be negative', { field: 'sd1i', row: 3, value: -1 }).message
 * // => "sd1i, row 3: must not be negative (got -1)"
 */
export class InputError extends Error {
  readonly field: string | undefined;
  readonly row: number | undefined;
  readonly study: string | undefined;

  constructor(
    problem: string,
    where: { field?: string; row?: number; study?: string; value?: unknown } = {},
  ) {
    super(describe(problem, where));
    this.name = 'InputError';
    this.field = where.field;
    this.row = where.row;
    this.study = where.study;
  }
}

function describe(
  problem: string,
  where: { field?: string; row?: number; study?: string; value?: unknown },
): string {
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
      (typeof v === 'number' && !Number.isFinite(v)) || typeof v === 'bigint' ? `\u0000${v}${typeof v === 'bigint' ? 'n' : ''}\u0000` : v,
    );
    return cut((json ?? String(value)).replace(/"\\u0000(-?Infinity|NaN|-?\d+n)\\u0000"/g, '$1'));
  } catch {
    return Array.isArray(value) ? '[an array that contains itself]' : '[an object that contains itself]';
  }
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
    throw new InputError(`unknown ${field}; valid choices are ${valid.join(', ')}`, { field, value });
  }
}

/** Throws unless `level` is a proportion strictly between 0 and 1. */
export function assertLevel(level: unknown): asserts level is number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new InputError('must be a proportion strictly between 0 and 1 (e.g. 0.95)', {
      field: 'level',
      value: level,
    });
  }
}
