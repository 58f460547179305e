import { InputError } from '../errors.ts';
import type { Provenance } from '../types.ts';

const RANK: Record<Provenance['kind'], number> = { reported: 0, derived: 1, imputed: 2, assumed: 3 };

/** The provenance every row has unless told otherwise. */
export const REPORTED: Provenance = Object.freeze({ kind: 'reported' });

/**
 * The weaker of two provenances, ranking assumed > imputed > derived > reported (an effect size
 * is only as well sourced as its least sourced input). Ties keep the first.
 *
 * @throws InputError `E_INVALID_TYPE` when a or b is not a provenance object of a known kind.
 *
 * @example
 * worstProvenance({ kind: 'reported' }, { kind: 'imputed', method: 'median SD', sources: ['A'] }).kind
 * // => 'imputed'
 */
export function worstProvenance(a: Provenance, b: Provenance): Provenance {
  for (const [field, p] of [['a', a], ['b', b]] as const) {
    const kind: unknown = p !== null && typeof p === 'object' ? (p as { kind?: unknown }).kind : undefined;
    if (typeof kind !== 'string' || !Object.hasOwn(RANK, kind)) {
      throw new InputError(`must be a provenance object; valid kinds are ${Object.keys(RANK).join(', ')}`, { field, value: kind === undefined ? p : kind, code: 'E_INVALID_TYPE' });
    }
  }
  return RANK[b.kind] > RANK[a.kind] ? b : a;
}

/**
 * Checks that `value` is a {@link Provenance} and returns a frozen copy.
 * @throws InputError naming `where` when the kind is unknown or a field is missing.
 */
export function checkProvenance(value: unknown, where: { field: string; row?: number; study?: string }): Provenance {
  const bad = (problem: string): never => {
    throw new InputError(problem, { ...where, value, code: 'E_INVALID_INPUT' });
  };
  if (typeof value !== 'object' || value === null) return bad('must be a provenance object such as { kind: "reported" }');
  const p = value as Record<string, unknown>;
  switch (p['kind']) {
    case 'reported':
      return REPORTED;
    case 'derived':
      if (typeof p['formula'] !== 'string') bad('a derived provenance needs a formula (string)');
      return Object.freeze({ kind: 'derived', formula: p['formula'] as string });
    case 'imputed': {
      const sources = p['sources'];
      if (typeof p['method'] !== 'string') bad('an imputed provenance needs a method (string)');
      if (!Array.isArray(sources) || !sources.every((s) => typeof s === 'string')) {
        bad('an imputed provenance needs sources (array of strings)');
      }
      return Object.freeze({
        kind: 'imputed',
        method: p['method'] as string,
        sources: Object.freeze([...(sources as string[])]),
      });
    }
    case 'assumed':
      if (typeof p['value'] !== 'number') bad('an assumed provenance needs a value (number)');
      return Object.freeze({ kind: 'assumed', value: p['value'] as number });
    default:
      return bad('kind must be one of reported, derived, imputed, assumed');
  }
}
