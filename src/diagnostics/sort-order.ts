import { InputError } from '../errors.ts';
import { isMissing } from '../missing.ts';
import { denseArray } from '../dense-array.ts';

/**
 * The permutation that sorts `keys` (stable; missing keys last), as R's `order(keys, decreasing)`.
 *
 * @throws InputError when `keys` is not an array of `k` numbers or strings, or mixes them.
 * @example
 * sortOrder([2003, 1999, null, 2001], 4, false) // => [1, 3, 0, 2]
 */
export function sortOrder(keys: ArrayLike<unknown>, k: number, decreasing: boolean): number[] {
  if (keys === null || typeof keys !== 'object' || typeof keys.length !== 'number') {
    throw new InputError(`must be an array of ${k} sort keys (numbers or strings), one per study of the fit`, { field: 'order', value: keys === null || typeof keys !== 'object' ? keys : 'not an array', code: 'E_INVALID_TYPE' });
  }
  denseArray(keys, 'order');
  if (keys.length !== k) {
    throw new InputError(
      `length mismatch: order has ${keys.length} keys but the fit has k = ${k} studies (give one key per study that entered the model, omitted rows excluded)`,
      { field: 'order', code: 'E_LENGTH_MISMATCH' },
    );
  }
  let kind: 'number' | 'string' | undefined;
  const missing = isMissing;
  for (let i = 0; i < k; i++) {
    const x = keys[i];
    if (missing(x)) continue;
    if (typeof x !== 'number' && typeof x !== 'string') {
      throw new InputError('sort key must be a number or a string', { field: 'order', row: i + 1, value: x, code: 'E_INVALID_TYPE' });
    }
    kind ??= typeof x as 'number' | 'string';
    if (typeof x !== kind) throw new InputError(`sort keys mix numbers and strings; this key is a ${typeof x}, earlier ones are ${kind}s`, { field: 'order', row: i + 1, value: x, code: 'E_INVALID_TYPE' });
  }
  const sign = decreasing ? -1 : 1;
  const index = Array.from({ length: k }, (_, i) => i);
  return index.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    const mx = missing(x);
    const my = missing(y);
    if (mx || my) return mx === my ? a - b : mx ? 1 : -1;
    const c = (x as number | string) < (y as number | string) ? -1 : (x as number | string) > (y as number | string) ? 1 : 0;
    return c === 0 ? a - b : sign * c;
  });
}
