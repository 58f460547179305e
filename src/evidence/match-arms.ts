import type { Comparison, EvidenceArm, EvidenceBase, EvidenceClaim, EvidenceStudy } from './evidence-base.ts';
import { compatibleNames, sameName } from './name-key.ts';

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

function armMatches(arm: EvidenceArm, name: string | null, outcome: string | null, timepoint: string | null): boolean {
  return name !== null && sameName(arm.arm, name) && compatibleNames(arm.outcome, outcome) && compatibleNames(arm.timepoint, timepoint);
}

/**
 * The kernel of `matchComparison` on validated data (no checks, no copies): names compare
 * by `nameKey`, `null` matches anything. Internal helper.
 */
export function matchArms(evidence: Pick<EvidenceBase, 'studies' | 'arms'>, comparison: Comparison): ComparisonMatch {
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
        if (comparator === intervention) continue;
        if (!armMatches(comparator, comparison.comparator, comparison.outcome, comparison.timepoint)) continue;
        if (!compatibleNames(intervention.outcome, comparator.outcome)) continue;
        if (!compatibleNames(intervention.timepoint, comparator.timepoint)) continue;
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

/** The kernel of `claimsFor` on validated data (no checks, no copies). Internal helper. */
export function claimsAbout(claims: readonly EvidenceClaim[], studyId: string, comparison: Comparison): EvidenceClaim[] {
  return claims.filter(
    (claim) =>
      claim.study === studyId &&
      sameName(claim.comparison.intervention, comparison.intervention) &&
      claim.comparison.comparator !== null &&
      comparison.comparator !== null &&
      sameName(claim.comparison.comparator, comparison.comparator) &&
      compatibleNames(claim.comparison.outcome, comparison.outcome) &&
      compatibleNames(claim.comparison.timepoint, comparison.timepoint),
  );
}
