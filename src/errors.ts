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

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
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
