import type { EvidenceArm, EvidenceBase, EvidenceStudy } from './evidence-base.ts';
import { frozenCopy } from './deep-freeze.ts';
import { loadEvidence } from './load-evidence.ts';
import { sameName } from './name-key.ts';

/** Why two studies are thought to share participants. */
export type OverlapBasis = 'declared-cohort' | 'identical-arm-summaries';

/** An arm summary that two reports give identically. */
export interface IdenticalArmSummary {
  readonly arm: string;
  readonly outcome: string | null;
  readonly timepoint: string | null;
  readonly mean: number;
  readonly n: number | null;
}

/** A pair of studies that probably report on the same participants. */
export interface Overlap {
  readonly studies: readonly [string, string];
  readonly basis: readonly OverlapBasis[];
  /** The arm summaries found identical (empty when the basis is only a declared cohort). */
  readonly identical: readonly IdenticalArmSummary[];
  readonly reasons: readonly string[];
}


/** Equal when both are known; an unknown on either side does not contradict. */
function agree(x: number | null, y: number | null): boolean {
  return x === null || y === null || x === y;
}

function identicalSummaries(a: readonly EvidenceArm[], b: readonly EvidenceArm[]): IdenticalArmSummary[] {
  const found: IdenticalArmSummary[] = [];
  for (const x of a) {
    if (x.mean === null || x.outcome === null || x.timepoint === null) continue;
    const y = b.find(
      (arm) =>
        sameName(arm.arm, x.arm) && arm.outcome !== null && sameName(arm.outcome, x.outcome!) && arm.timepoint !== null && sameName(arm.timepoint, x.timepoint!) && arm.mean === x.mean &&
        agree(arm.n, x.n) && agree(arm.sd, x.sd) && agree(arm.se, x.se),
    );
    if (y) found.push({ arm: x.arm, outcome: x.outcome, timepoint: x.timepoint, mean: x.mean, n: x.n ?? y.n });
  }
  return found;
}

function describeSummary(s: IdenticalArmSummary): string {
  return `the ${s.arm} arm at ${s.timepoint} (${s.outcome}: mean ${s.mean}${s.n === null ? '' : `, n = ${s.n}`})`;
}

/** Earlier report first when both years are known. */
function ordered(a: EvidenceStudy, b: EvidenceStudy): [EvidenceStudy, EvidenceStudy] {
  return a.year !== null && b.year !== null && b.year < a.year ? [b, a] : [a, b];
}

/**
 * Finds pairs of studies that probably report on the same participants: studies that declare
 * the same cohort, and studies of the same research group that give an identical summary of an
 * arm (same arm, outcome, timepoint and mean, with no known n, SD or SE differing; groups and
 * names compared by `nameKey`). Identical
 * summaries from one group are the usual sign of a follow-up re-reporting earlier patients.
 * Each pair comes with its reasons as sentences; pooling must use one estimate per cohort.
 *
 * @throws {InputError} when `evidence` is not a valid evidence base (see `loadEvidence`).
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * detectOverlaps(seed)
 * // => [{ studies: ['snu-2022', 'snu-2024'], basis: ['identical-arm-summaries'],
 * //       identical: [{ arm: 'ADSC conditioned medium', timepoint: '6 months', mean: 11.5, ... }], reasons: [...] }]
 */
export function detectOverlaps(evidence: unknown): readonly Overlap[] {
  return frozenCopy(overlapsIn(loadEvidence(evidence)));
}

/** `detectOverlaps` on a loaded evidence base (no copy, not frozen). Internal helper. */
export function overlapsIn(base: EvidenceBase): Overlap[] {
  const armsOf = new Map(base.studies.map((s) => [s.id, base.arms.filter((a) => a.study === s.id)]));
  const overlaps: Overlap[] = [];
  base.studies.forEach((s1, i) => {
    for (const s2 of base.studies.slice(i + 1)) {
      const [a, b] = ordered(s1, s2);
      const basis: OverlapBasis[] = [];
      const reasons: string[] = [];
      if (a.cohort !== null && b.cohort !== null && sameName(a.cohort, b.cohort)) {
        basis.push('declared-cohort');
        reasons.push(`${a.label} and ${b.label} declare the same cohort (${a.cohort}), so they report on shared participants.`);
      }
      const identical = sameName(a.group, b.group) ? identicalSummaries(armsOf.get(a.id) ?? [], armsOf.get(b.id) ?? []) : [];
      if (identical.length > 0) {
        basis.push('identical-arm-summaries');
        const earlier = a.year !== null && b.year !== null && a.year < b.year;
        reasons.push(
          `${a.label} and ${b.label}, both from ${a.group}, report identical summaries of ${identical.map(describeSummary).join(' and ')}; ` +
            (earlier
              ? `identical numbers from the same group suggest that ${b.label} re-reports patients of ${a.label}.`
              : 'identical numbers from the same group suggest that one report re-reports the patients of the other.'),
        );
      }
      if (basis.length > 0) overlaps.push({ studies: [a.id, b.id], basis, identical, reasons });
    }
  });
  return overlaps;
}
