import type { ProvenanceCounts } from '../types.ts';

/**
 * "12 reported, 1 derived, 0 imputed, 2 assumed" — and a note when any are not reported.
 *
 * @example
 * describeProvenance({ reported: 2, derived: 0, imputed: 0, assumed: 1 })
 * // => "2 reported, 0 derived, 0 imputed, 1 assumed (1 of 3 studies rely on non-reported variances)"
 */
export function describeProvenance(p: ProvenanceCounts): string {
  const total = p.reported + p.derived + p.imputed + p.assumed;
  const other = total - p.reported;
  const base = `${p.reported} reported, ${p.derived} derived, ${p.imputed} imputed, ${p.assumed} assumed`;
  return other > 0 ? `${base} (${other} of ${total} studies rely on non-reported variances)` : base;
}
