import { denseArray } from '../dense-array.ts';
import { InputError, numberCode } from '../errors.ts';
import { isMissing } from '../missing.ts';
import type { EffectInput, EffectSizes } from '../types.ts';

/**
 * Model input whose sampling variances are given as standard errors: when `vi` is absent and
 * `sei` is there, `vi = sei²` (as metafor's `rma(yi, sei = ...)` does); a missing `sei`
 * (`null`, `NaN`, `'NA'`) becomes a missing `vi`, so the row is omitted with a warning. With `vi`
 * present, `sei` is not read (metafor also prefers `vi`). Other input is returned as it is.
 *
 * @throws InputError naming `sei` and the row for a standard error that is not a number, is
 *   negative or infinite, or whose square overflows (`E_SPARSE_ARRAY`, `E_INVALID_TYPE`,
 *   `E_OUT_OF_RANGE`, `E_NOT_FINITE`).
 * @example
 * withSeVariances({ yi: [0.1, 0.2], sei: [0.5, null] }).vi // => [0.25, NaN]
 */
export function withSeVariances<T extends EffectInput | EffectSizes>(input: T): T {
  if (input === null || typeof input !== 'object') return input;
  const record = input as unknown as Record<string, unknown>;
  if (record.vi !== undefined || record.sei === undefined) return input;
  const sei = denseArray<unknown>(record.sei, 'sei');
  const vi = Array.from(sei, (s, i) => {
    if (isMissing(s)) return NaN;
    if (typeof s !== 'number' || !(s >= 0) || !Number.isFinite(s)) {
      throw new InputError('must be a standard error: a finite number ≥ 0', { field: 'sei', row: i + 1, value: s, code: numberCode(s) });
    }
    if (!Number.isFinite(s * s)) throw new InputError('the values are too large: vi = sei² overflows to Infinity', { field: 'sei', row: i + 1, value: s, code: 'E_NOT_FINITE' });
    return s * s;
  });
  return { ...input, vi };
}
