import { isPlainObject } from '../check-options.ts';
import { InputError, numberCode } from '../errors.ts';
import type { ProvenanceCounts } from '../types.ts';

const COUNTS = ['reported', 'derived', 'imputed', 'assumed'] as const;

/**
 * "12 reported, 1 derived, 0 imputed, 2 assumed" — and a note when any are not reported.
 *
 * @throws InputError `E_INVALID_TYPE` when `p` is not an object of counts (as `countProvenance`
 *   returns), `E_OUT_OF_RANGE` / `E_NOT_FINITE` / `E_MISSING_VALUE` for a count that is not a
 *   non-negative integer.
 * @example
 * describeProvenance({ reported: 2, derived: 0, imputed: 0, assumed: 1 })
 * // => "2 reported, 0 derived, 0 imputed, 1 assumed (1 of 3 studies rely on non-reported variances)"
 */
export function describeProvenance(p: ProvenanceCounts): string {
  if (!isPlainObject(p)) throw new InputError('must be the counts of countProvenance ({ reported, derived, imputed, assumed })', { field: 'provenance', value: p, code: 'E_INVALID_TYPE' });
  for (const key of COUNTS) {
    const n: unknown = p[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new InputError('must be a count (an integer ≥ 0)', { field: `provenance.${key}`, value: n, code: numberCode(n) });
    }
  }
  const total = p.reported + p.derived + p.imputed + p.assumed;
  const other = total - p.reported;
  const base = `${p.reported} reported, ${p.derived} derived, ${p.imputed} imputed, ${p.assumed} assumed`;
  return other > 0 ? `${base} (${other} of ${total} studies rely on non-reported variances)` : base;
}
