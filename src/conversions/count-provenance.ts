import { denseArray } from '../dense-array.ts';
import { InputError } from '../errors.ts';
import type { Provenance, ProvenanceCounts } from '../types.ts';

const KINDS: readonly string[] = ['reported', 'derived', 'imputed', 'assumed'];

/**
 * Counts studies by the provenance of their variance (reported, derived, imputed, assumed).
 * A missing entry (`undefined` or `null`) counts as reported.
 *
 * @throws InputError `E_INVALID_TYPE` when `provenance` is not a dense array or an entry is not
 *   a provenance object; `E_INVALID_CHOICE` for an unknown `kind`.
 * @example
 * countProvenance([{ kind: 'reported' }, { kind: 'assumed', value: 10 }])
 * // => { reported: 1, derived: 0, imputed: 0, assumed: 1 }
 */
export function countProvenance(provenance: readonly (Provenance | undefined)[]): ProvenanceCounts {
  const list = denseArray<unknown>(provenance, 'provenance');
  const counts = { reported: 0, derived: 0, imputed: 0, assumed: 0 };
  for (let i = 0; i < list.length; i++) counts[kindOf(list[i], i)]++;
  return Object.freeze(counts);
}

function kindOf(p: unknown, i: number): Provenance['kind'] {
  if (p === undefined || p === null) return 'reported';
  if (typeof p !== 'object') throw new InputError('must be a provenance object ({ kind: ... })', { field: 'provenance', row: i + 1, value: p, code: 'E_INVALID_TYPE' });
  const kind = (p as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    throw new InputError(`unknown provenance kind; valid kinds are ${KINDS.join(', ')}`, { field: 'provenance.kind', row: i + 1, value: kind, code: 'E_INVALID_CHOICE' });
  }
  return kind as Provenance['kind'];
}
