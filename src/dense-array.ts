import { InputError } from './errors.ts';

/**
 * The longest array `pooled` accepts as input (rows, yi, vi, labels, moderators, ...): 50
 * million entries, far beyond any meta-analysis, so that an array-like object with a corrupt
 * `length` (say 1e9) fails at once instead of hanging.
 */
export const MAX_INPUT_LENGTH = 50_000_000;

/**
 * Checks that `value` is an array, a typed array or an array-like object whose entries are all
 * there, and returns it. A hole (`[a, , c]`, which `forEach` and `map` skip, so that a later
 * read finds `undefined` and the rows shift) is an `E_SPARSE_ARRAY` error naming the row; so is
 * an array-like whose `length` exceeds its entries. Work: O(entries present), never O(length)
 * for a `length` that lies.
 *
 * @param field how the message names the array, e.g. `yi`
 * @throws {InputError} `E_MISSING_VALUE` for undefined, `E_INVALID_TYPE` for a non-array (a
 *   string, a Map, a number), `E_TOO_LARGE` beyond {@link MAX_INPUT_LENGTH}, `E_SPARSE_ARRAY`
 *   for a hole.
 * @example
 * denseArray([1, 2], 'yi')        // => [1, 2]
 * denseArray([1, , 3], 'yi')      // => throws InputError 'yi, row 2: is a hole in a sparse array (entry 2 of 3 is missing; write null for a missing value)'
 * denseArray({ length: 1e9, 0: 1 }, 'vi') // => throws InputError 'vi: has 1000000000 entries, more than the 50000000 pooled accepts'
 * denseArray({ length: 3, 0: 1 }, 'vi')   // => throws InputError 'vi: has length 3 but only 1 entries (an array-like object whose length does not match its entries)'
 */
export function denseArray<T = unknown>(value: unknown, field: string): ArrayLike<T> {
  if (value === undefined) throw new InputError('missing: pass an array', { field, code: 'E_MISSING_VALUE' });
  if (value === null || typeof value !== 'object' || value instanceof Map || value instanceof Set) {
    throw new InputError('must be an array', { field, value: describeType(value), code: 'E_INVALID_TYPE' });
  }
  const length = (value as { length?: unknown }).length;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new InputError('must be an array', { field, value: describeType(value), code: 'E_INVALID_TYPE' });
  }
  if (length > MAX_INPUT_LENGTH) {
    throw new InputError(`has ${length} entries, more than the ${MAX_INPUT_LENGTH} pooled accepts`, { field, code: 'E_TOO_LARGE' });
  }
  if (ArrayBuffer.isView(value)) return value as unknown as ArrayLike<T>;
  if (!Array.isArray(value)) {
    const entries = Object.keys(value).length - 1;
    if (entries < length) {
      throw new InputError(`has length ${length} but only ${Math.max(0, entries)} entries (an array-like object whose length does not match its entries)`, { field, code: 'E_SPARSE_ARRAY' });
    }
  }
  for (let i = 0; i < length; i++) {
    if (!(i in value)) {
      throw new InputError(`is a hole in a sparse array (entry ${i + 1} of ${length} is missing; write null for a missing value)`, { field, row: i + 1, code: 'E_SPARSE_ARRAY' });
    }
  }
  return value as ArrayLike<T>;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Map) return 'a Map';
  if (value instanceof Set) return 'a Set';
  return typeof value;
}
