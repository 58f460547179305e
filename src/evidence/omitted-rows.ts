import { describeValid } from './describe-comparison.ts';
import { claimsAbout } from './match-arms.ts';
import type { EvidenceArm, EvidenceBase, EvidenceClaim } from './evidence-base.ts';

/** A row of the evidence base that no finding uses, and why. */
export interface OmittedRow {
  readonly field: 'arms' | 'claims';
  /** 1-based row in its array. */
  readonly row: number;
  readonly study: string;
  readonly reason: string;
}

/**
 * The rows of `arms` and `claims` that are not among `usedArms` / `usedClaims`, each with the
 * reason as a sentence, so that every input row is accounted for. Internal helper of
 * `assessReplication`.
 */
export function omittedRows(base: EvidenceBase, usedArms: ReadonlySet<EvidenceArm>, usedClaims: ReadonlySet<EvidenceClaim>): OmittedRow[] {
  const label = new Map(base.studies.map((s) => [s.id, s.label]));
  const rows: OmittedRow[] = [];
  base.arms.forEach((a, i) => {
    if (usedArms.has(a)) return;
    const at = `${a.outcome ?? 'outcome not stated'}, ${a.timepoint ?? 'timepoint not stated'}`;
    const reason = `arms row ${i + 1} (${label.get(a.study)}: ${a.arm}, ${at}) is not used: no comparison asks about this arm at this outcome and timepoint.`;
    rows.push({ field: 'arms', row: i + 1, study: a.study, reason });
  });
  base.claims.forEach((c, i) => {
    if (usedClaims.has(c)) return;
    const asked = base.comparisons.some((q) => q.comparator !== null && claimsAbout([c], c.study, { ...q, comparator: q.comparator }).length > 0);
    const why = asked
      ? 'its outcome or timepoint is not that of the study\'s arms that the comparisons use'
      : `no comparison of the evidence base asks about ${c.comparison.intervention} vs ${c.comparison.comparator}${c.comparison.outcome === null ? '' : ` on ${c.comparison.outcome}`}`;
    const reason = `claims row ${i + 1} (${label.get(c.study)}: ${describeValid(c.comparison)}) is not used: ${why}.`;
    rows.push({ field: 'claims', row: i + 1, study: c.study, reason });
  });
  return rows;
}
