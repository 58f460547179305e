// Validators of raw fields shared by `loadEvidence` and the evidence functions' arguments.
// Each throws an InputError naming the field, the row (1-based) and the study.
import { checkKeys, isPlainObject } from '../check-options.ts';
import { InputError, type ErrorCode } from '../errors.ts';
import { nameKey } from './name-key.ts';

/** Where a value sits: the field, and the row (1-based) and study when there are some. */
export type Where = { field: string; row?: number; study?: string; code?: ErrorCode };
export type Dict = Record<string, unknown>;

/** Throws an InputError at `where`, showing the offending value when one is passed. */
export function fail(problem: string, where: Where, ...value: [] | [unknown]): never {
  throw new InputError(problem, value.length > 0 ? { ...where, value: value[0] } : where);
}

/** Throws when `obj` has a key not in `keys`, suggesting the nearest (see `checkKeys`). */
export function checkFields(obj: object, keys: readonly string[], where: Where): void {
  checkKeys(obj, keys, where.field, 'field', { ...(where.row !== undefined && { row: where.row }), ...(where.study !== undefined && { study: where.study }) });
}

/** A plain object whose keys are all in `keys` (an unknown key is an error suggesting the nearest). */
export function record(value: unknown, where: Where, keys?: readonly string[]): Dict {
  if (!isPlainObject(value)) fail('must be an object', { ...where, code: 'E_INVALID_TYPE' }, value);
  if (keys) checkFields(value, keys, where);
  return value;
}

/** A dense array (a hole, as in `[a, , c]`, is an error naming its position). */
export function list(value: unknown, where: Where, optional = false): unknown[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) fail('must be an array', { ...where, code: 'E_INVALID_TYPE' }, value);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) fail(`entry ${i + 1} of ${value.length} is missing (a hole in a sparse array)`, { ...where, code: 'E_SPARSE_ARRAY' });
  }
  return value;
}

/** A string with at least one visible character. */
export function text(value: unknown, where: Where): string {
  if (typeof value !== 'string' || nameKey(value) === '') fail('must be a non-empty string', { ...where, code: 'E_INVALID_TYPE' }, value);
  return value;
}

export function textOrNull(value: unknown, where: Where): string | null {
  return value === undefined || value === null ? null : text(value, where);
}

/** An id: a non-empty string, or a finite number turned into its string. */
export function id(value: unknown, where: Where): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return text(value, where);
  return fail('must be a string (or a number) naming a study', { ...where, code: 'E_INVALID_TYPE' }, value);
}

/** A number of the given kind, or null (undefined counts as null). */
export function numberOrNull(value: unknown, where: Where, rule: 'finite' | 'positive' | 'count' | 'probability' | 'year'): number | null {
  if (value === undefined || value === null) return null;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule === 'finite' ||
      (rule === 'positive' && value > 0) ||
      (rule === 'count' && Number.isInteger(value) && value > 0) ||
      (rule === 'year' && Number.isInteger(value) && value >= 1 && value <= 9999) ||
      (rule === 'probability' && value >= 0 && value <= 1));
  if (!ok) {
    const what = {
      finite: 'a finite number',
      positive: 'a positive number',
      count: 'a positive integer',
      year: 'a year from 1 to 9999',
      probability: 'a number between 0 and 1',
    }[rule];
    fail(`must be ${what} or null`, where, value);
  }
  return value === 0 ? 0 : value; // -0 becomes 0, so that results survive JSON
}

/**
 * A verbatim passage `{ document, quote }`; `document` must be one of `sourceIds` when given.
 * `keys` are the fields allowed beside them (a note also has `about`).
 */
export function sourceQuote(value: unknown, where: Where, sourceIds?: ReadonlySet<string>, keys: readonly string[] = ['document', 'quote']): { document: string; quote: string } {
  const obj = record(value, where, keys);
  const docAt = { ...where, field: `${where.field}.document` };
  const document = id(obj.document, docAt);
  if (sourceIds && !sourceIds.has(document)) fail(`names no entry of sources (known: ${[...sourceIds].join(', ') || 'none'})`, { ...docAt, code: 'E_UNKNOWN_REFERENCE' }, document);
  const quote = text(obj.quote, { ...where, field: `${where.field}.quote` });
  return { document, quote };
}
