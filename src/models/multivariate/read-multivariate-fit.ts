import { InputError } from '../../errors.ts';
import { readResult } from '../../read-result.ts';
import type { MultivariateResult } from './multivariate.ts';

/**
 * Runs `work` on a `multivariate` result passed back as an argument (to `robustMultivariate`,
 * `ranefMultivariate`, `multivariateLikelihoodRatio`), through {@link readResult}: the value must
 * be an object with `model: 'multivariate'` and a coefficient count `p` from 1 to `k` (a spoiled
 * `p` of 1e308 would size the work), its array fields must be dense and of sane length, and a
 * `TypeError` or `RangeError` from reading a malformed field becomes an `E_INVALID_RESULT` error.
 *
 * @param field the argument's name in messages, e.g. `fit`
 * @throws InputError `E_INVALID_RESULT` (or `E_SPARSE_ARRAY`, `E_TOO_LARGE` for a lying array field).
 * @example
 * readMultivariateFit({ model: 'metaAnalysis' } as never, 'fit', () => 1) // => throws InputError 'fit: must be a result of multivariate()'
 */
export function readMultivariateFit<R>(fit: MultivariateResult, field: string, work: (fit: MultivariateResult) => R): R {
  if (fit === null || typeof fit !== 'object' || (fit as { model?: unknown }).model !== 'multivariate') {
    throw new InputError('must be a result of multivariate()', { field, code: 'E_INVALID_RESULT' });
  }
  return readResult(fit, 'multivariate', field, (f) => {
    const { k, p } = f as { k: unknown; p: unknown };
    if (!(typeof p === 'number' && Number.isSafeInteger(p) && p >= 1 && typeof k === 'number' && p <= k)) {
      throw new InputError('must be the number of coefficients of the fit (an integer from 1 to k)', { field: `${field}.p`, value: p, code: 'E_INVALID_RESULT' });
    }
    return work(f);
  });
}
