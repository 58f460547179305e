import type { ClaimDirection, EvidenceClaim } from './evidence-base.ts';
import { readComparison } from './read-comparison.ts';
import { fail, id, list, numberOrNull, record, sourceQuote, text, type Where } from './read-fields.ts';

/** The fields of a claim. */
export const CLAIM_KEYS = ['study', 'comparison', 'text', 'significant', 'pValue', 'direction', 'source'] as const;

/** Claims arrays built by `loadEvidence` (valid already). */
export const loadedClaims = new WeakSet<object>();

/**
 * Validates one claim's own fields (not whether its study and arms exist: `loadEvidence` checks
 * that) and returns a fresh copy with optional fields filled in. Quotes must name one of
 * `sourceIds` when given. Internal helper.
 */
export function readClaim(item: unknown, row: number, sourceIds?: ReadonlySet<string>): EvidenceClaim {
  const obj = record(item, { field: 'claims', row }, CLAIM_KEYS);
  const study = id(obj.study, { field: 'claims.study', row });
  const at = (field: string): Where => ({ field: `claims.${field}`, row, study });
  const comparison = readComparison(obj.comparison, at('comparison'));
  if (comparison.comparator === null) fail('a claim compares two arms: comparator must be given', { ...at('comparison.comparator'), code: 'E_MISSING_VALUE' });
  const significant = obj.significant ?? null;
  if (significant !== null && typeof significant !== 'boolean') fail('must be true, false or null', { ...at('significant'), code: 'E_INVALID_TYPE' }, significant);
  const direction = obj.direction ?? null;
  if (direction !== null && direction !== 'positive' && direction !== 'negative') {
    fail('must be "positive" (intervention higher), "negative" or null', { ...at('direction'), code: 'E_INVALID_CHOICE' }, direction);
  }
  return {
    study,
    comparison,
    text: text(obj.text, at('text')),
    significant,
    pValue: numberOrNull(obj.pValue, at('pValue'), 'probability'),
    direction: direction as ClaimDirection | null,
    source: obj.source === undefined || obj.source === null ? null : sourceQuote(obj.source, at('source'), sourceIds),
  };
}

/** Validates an array of claims (as `claimsFor` receives them); the loader's own arrays pass as they are. */
export function readClaims(value: unknown): readonly EvidenceClaim[] {
  if (value !== null && typeof value === 'object' && loadedClaims.has(value)) return value as readonly EvidenceClaim[];
  return list(value, { field: 'claims' }).map((item, i) => readClaim(item, i + 1));
}
