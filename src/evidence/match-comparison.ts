import type { Comparison, EvidenceArm, EvidenceBase, EvidenceClaim, EvidenceStudy } from './evidence-base.ts';

/** A published study's pair of arms that answers a comparison. */
export interface Contrast {
  readonly study: EvidenceStudy;
  readonly intervention: EvidenceArm;
  readonly comparator: EvidenceArm;
  /** The outcome and timepoint the pair is about (arm value, else the comparison's). */
  readonly outcome: string | null;
  readonly timepoint: string | null;
}

/** An ongoing study with a planned arm of the comparison's intervention. */
export interface PlannedMatch {
  readonly study: EvidenceStudy;
  readonly arm: EvidenceArm;
}

/** The studies that answer (published) or may answer (ongoing) a comparison. */
export interface ComparisonMatch {
  /** Every matching pair of arms of each published study, in the order of `studies`. */
  readonly contrasts: readonly Contrast[];
  /** One entry per ongoing study with a matching planned arm. */
  readonly planned: readonly PlannedMatch[];
}

/** `null` on either side matches anything ("not stated"). */
function compatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

function armMatches(arm: EvidenceArm, name: string | null, outcome: string | null, timepoint: string | null): boolean {
  return name !== null && arm.arm === name && compatible(arm.outcome, outcome) && compatible(arm.timepoint, timepoint);
}

/**
 * Finds the arms that answer a comparison. A published study answers it with each pair of an
 * intervention arm and a comparator arm whose outcome and timepoint agree with the comparison
 * and with each other (`null` = not stated, matches anything). An ongoing study may answer it
 * when it plans an arm of the intervention (its comparator need not be listed).
 * Does not validate; `loadEvidence` rejects a published study with several pairs.
 *
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * const m = matchComparison(loadEvidence(seed), seed.comparisons[0]); // CM vs placebo at 6 months
 * m.contrasts.map((c) => [c.study.id, c.intervention.mean, c.comparator.mean])
 * // => [['snu-2022', 11.5, 2.8], ['snu-2024', 11.5, null]] (the 2024 report gives no placebo mean)
 * m.planned.length // => 0
 */
export function matchComparison(
  evidence: Pick<EvidenceBase, 'studies' | 'arms'>,
  comparison: Comparison,
): ComparisonMatch {
  const contrasts: Contrast[] = [];
  const planned: PlannedMatch[] = [];
  for (const study of evidence.studies) {
    const arms = evidence.arms.filter((arm) => arm.study === study.id);
    if (study.status === 'ongoing') {
      const arm = arms.find((a) => armMatches(a, comparison.intervention, comparison.outcome, comparison.timepoint));
      if (arm) planned.push({ study, arm });
      continue;
    }
    for (const intervention of arms) {
      if (!armMatches(intervention, comparison.intervention, comparison.outcome, comparison.timepoint)) continue;
      for (const comparator of arms) {
        if (!armMatches(comparator, comparison.comparator, comparison.outcome, comparison.timepoint)) continue;
        if (!compatible(intervention.outcome, comparator.outcome)) continue;
        if (!compatible(intervention.timepoint, comparator.timepoint)) continue;
        contrasts.push({
          study,
          intervention,
          comparator,
          outcome: intervention.outcome ?? comparator.outcome ?? comparison.outcome,
          timepoint: intervention.timepoint ?? comparator.timepoint ?? comparison.timepoint,
        });
      }
    }
  }
  return { contrasts, planned };
}

/**
 * The claims a study makes about a contrast: same intervention and comparator, and an outcome
 * and timepoint compatible with the contrast's (`null` = not stated, matches anything).
 *
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * claimsFor(loadEvidence(seed).claims, 'snu-2022', seed.comparisons[0])
 * // => [{ study: 'snu-2022', text: 'a significant difference with a respectable effect size', significant: true, ... }]
 */
export function claimsFor(
  claims: readonly EvidenceClaim[],
  studyId: string,
  comparison: Comparison,
): EvidenceClaim[] {
  return claims.filter(
    (claim) =>
      claim.study === studyId &&
      claim.comparison.intervention === comparison.intervention &&
      claim.comparison.comparator === comparison.comparator &&
      compatible(claim.comparison.outcome, comparison.outcome) &&
      compatible(claim.comparison.timepoint, comparison.timepoint),
  );
}
