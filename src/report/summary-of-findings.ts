import type { CertaintyAssessment, CertaintyFinding } from '../evidence/assess-certainty.ts';
import { describeValid } from '../evidence/describe-comparison.ts';
import { replicationStatusLabel } from './replication-status-label.ts';
import { certaintyEffectText } from './certainty-effect-text.ts';
import { readCertainty } from './read-certainty.ts';
import { readResult } from '../read-result.ts';

/** A summary-of-findings table as columns and rows of text (an `htmlReport` table section's shape). */
export interface SummaryOfFindings {
  readonly kind: 'table';
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly caption: string;
}

/** The domains rated down, as `imprecision −2; replication −1`, or `none`. */
export function ratedDown(f: CertaintyFinding): string {
  const down = f.domains.filter((d) => d.downgrade > 0).map((d) => `${d.domain} −${d.downgrade}`);
  return down.length === 0 ? (f.certainty === null ? '—' : 'none') : down.join('; ');
}

/**
 * The summary-of-findings table of a certainty assessment (GRADE handbook 5.3; one row per
 * finding): the comparison, the effect with its CI, the number of studies, independent
 * clusters and cohorts, participants, the replication status, the certainty and the domains
 * rated down. The result is a `table` section that `htmlReport` renders as it is;
 * `certaintyMarkdown` prints the same rows as Markdown.
 *
 * @throws {InputError} when `assessment` is not a certainty assessment (also after JSON).
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * summaryOfFindings(assessCertainty(seed)).rows[0][7] // => 'very low'
 */
export function summaryOfFindings(assessment: CertaintyAssessment): SummaryOfFindings {
  return readResult(assessment, 'assessCertainty', 'assessment', () => {
    const a = readCertainty(assessment);
    const columns = ['Comparison', 'Effect', 'Studies', 'Independent clusters', 'Cohorts', 'Participants', 'Replication', 'Certainty', 'Rated down'];
    const rows = a.findings.map((f) => [
      describeValid(f),
      f.certainty === null ? 'no results yet' : certaintyEffectText(f.effect, a.level),
      String(f.studies.length),
      String(f.clusters),
      String(f.cohorts),
      f.participants === null ? (f.studies.length === 0 ? '—' : 'not reported') : String(f.participants),
      replicationStatusLabel(f.replicationStatus),
      f.certainty ?? 'not rated (no results)',
      ratedDown(f),
    ]);
    return { kind: 'table', columns, rows, caption: 'Summary of findings: certainty of the evidence (GRADE-style, with a replication domain)' };
  });
}
