import type { Provenance, ProvenanceCounts } from '../types.ts';

/**
 * Counts studies by the provenance of their variance (reported, derived, imputed, assumed).
 * A missing entry counts as reported.
 *
 * @example
 * countProvenance([{ kind: 'reported' }, { kind: 'assumed', value: 10 }])
 * // => { reported: 1, derived: 0, imputed: 0, assumed: 1 }
 */
export function countProvenance(provenance: readonly (Provenance | undefined)[]): ProvenanceCounts {
  const counts = { reported: 0, derived: 0, imputed: 0, assumed: 0 };
  for (const p of provenance) counts[p?.kind ?? 'reported']++;
  return Object.freeze(counts);
}
