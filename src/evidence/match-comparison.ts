import { frozenCopy } from './deep-freeze.ts';
import type { Comparison, EvidenceBase, EvidenceClaim } from './evidence-base.ts';
import { loadEvidence } from './load-evidence.ts';
import { claimsAbout, matchArms, type ComparisonMatch } from './match-arms.ts';
import { readClaims } from './read-claims.ts';
import { readComparison } from './read-comparison.ts';
import { id } from './read-fields.ts';

export type { ComparisonMatch, Contrast, PlannedMatch } from './match-arms.ts';

/**
 * Finds the arms that answer a comparison. A published study answers it with each pair of an
 * intervention arm and a comparator arm whose outcome and timepoint agree with the comparison
 * and with each other (`null` = not stated, matches anything). An ongoing study may answer it
 * when it plans an arm of the intervention (its comparator need not be listed). Names compare
 * by `nameKey` (case, spacing and Unicode form ignored). The evidence base is validated
 * (`loadEvidence`); the result is a deeply frozen copy.
 *
 * @param comparison a comparison, or a finding of `assessReplication`
 * @throws {InputError} for an invalid evidence base or comparison (e.g. `null`, `{}`).
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * const m = matchComparison(loadEvidence(seed), seed.comparisons[0]); // CM vs placebo at 6 months
 * m.contrasts.map((c) => [c.study.id, c.intervention.mean, c.comparator.mean])
 * // => [['snu-2022', 11.5, 2.8], ['snu-2024', 11.5, null]] (the 2024 report gives no placebo mean)
 * m.planned.length // => 0
 */
export function matchComparison(evidence: EvidenceBase | unknown, comparison: Comparison): ComparisonMatch {
  const base = loadEvidence(evidence);
  return frozenCopy(matchArms(base, readComparison(comparison, { field: 'comparison' }, true)));
}

/**
 * The claims a study makes about a contrast: same intervention and comparator, and an outcome
 * and timepoint compatible with the contrast's (`null` = not stated, matches anything), names
 * compared by `nameKey`. The claims are validated (each needs a `study` and a `comparison`);
 * the result is a deeply frozen copy.
 *
 * @throws {InputError} for claims that are not an array of claims, a study id that is not a
 *   string or number, or an invalid comparison.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * claimsFor(loadEvidence(seed).claims, 'snu-2022', seed.comparisons[0])
 * // => [{ study: 'snu-2022', text: 'a significant difference with a respectable effect size', significant: true, ... }]
 */
export function claimsFor(claims: readonly EvidenceClaim[], studyId: string, comparison: Comparison): readonly EvidenceClaim[] {
  const valid = readClaims(claims);
  const wanted = id(studyId, { field: 'studyId' });
  return frozenCopy(claimsAbout(valid, wanted, readComparison(comparison, { field: 'comparison' }, true)));
}
