import { denseArray, MAX_INPUT_LENGTH } from './dense-array.ts';
import { InputError } from './errors.ts';

/**
 * Runs `work` on a result of `pooled` passed back as an argument (a fit to a plot, an assessment
 * to a report), so that an altered or hand-made result fails as the project's own error:
 *
 * 1. a value that is not an object is left to `work`, whose own check names it;
 * 2. its study count `k`, where it has one, must be an integer from 0 to `MAX_INPUT_LENGTH`
 *    (a `k` of Infinity would make a plot lay out endless rows); each of the result's array-valued fields (yi, vi, weights, labels, coefficients, findings, ...) must
 *    be a dense array of at most `MAX_INPUT_LENGTH` entries, checked before any work, in O(1)
 *    for an array-like whose `length` lies (`E_SPARSE_ARRAY`, `E_TOO_LARGE`), so that a corrupt
 *    field fails at once instead of hanging;
 * 3. a `TypeError` or `RangeError` raised by `work` while reading a malformed field (`null` where
 *    an interval belongs, an object without prototype where a text belongs, a cycle) becomes an
 *    `E_INVALID_RESULT` error naming the result, as `formatResult` does.
 *
 * The results of `pooled` are validated when they are made and deeply frozen, so for them only
 * step 2's cheap checks run; the other functions' own arguments (options, data) are validated
 * field by field before this point.
 *
 * @param kind  what the argument should be, e.g. `metaAnalysis` (named in the message)
 * @param field the argument's name, e.g. `fit`
 * @throws InputError `E_INVALID_RESULT`, `E_SPARSE_ARRAY` or `E_TOO_LARGE` as above; errors
 *   that `work` throws itself (InputError) pass unchanged.
 * @example
 * readResult({ yi: [1] }, 'metaAnalysis', 'fit', (r) => r.yi.length)               // => 1
 * readResult({ yi: [1, , 2] }, 'metaAnalysis', 'fit', () => 0)                    // => throws InputError 'fit.yi, row 2: is a hole in a sparse array (entry 2 of 3 is missing; write null for a missing value)'
 * readResult({ ci: null }, 'metaAnalysis', 'fit', (r) => (r.ci as { lower: number }).lower) // => throws InputError "fit: malformed metaAnalysis result (Cannot read properties of null (reading 'lower')); pass the result as metaAnalysis() returned it"
 */
export function readResult<T, R>(result: T, kind: string, field: string, work: (result: T & object) => R): R {
  if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
    const k: unknown = (result as { k?: unknown }).k;
    if (k !== undefined && !(typeof k === 'number' && Number.isSafeInteger(k) && k >= 0 && k <= MAX_INPUT_LENGTH)) {
      throw new InputError('must be the number of studies of the result (an integer ≥ 0)', { field: `${field}.k`, value: k, code: 'E_INVALID_RESULT' });
    }
    for (const [key, value] of Object.entries(result)) {
      if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && 'length' in value) denseArray(value, `${field}.${key}`);
    }
  }
  try {
    return work(result as T & object);
  } catch (e) {
    if (e instanceof TypeError || e instanceof RangeError) {
      throw new InputError(`malformed ${kind} result (${e.message}); pass the result as ${kind}() returned it`, { field, code: 'E_INVALID_RESULT' });
    }
    throw e;
  }
}
