import type { ReplicationAssessment, ReplicationFinding } from '../evidence/assess-replication.ts';
import { describeComparison } from '../evidence/describe-comparison.ts';
import { replicationStatusLabel } from './replication-status-label.ts';

/** Options of `replicationMarkdown`. */
export interface ReplicationMarkdownOptions {
  /** Level of the top heading (`##` by default); findings go one level below. */
  readonly headingLevel?: number;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Study ids to labels, from the findings' results and pending studies. */
function labeller(findings: readonly ReplicationFinding[]): (id: string) => string {
  const labels = new Map<string, string>();
  for (const f of findings) {
    for (const r of f.results) labels.set(r.study, r.label);
    for (const p of f.pendingStudies) labels.set(p.study, p.label);
  }
  return (id) => labels.get(id) ?? id;
}

/**
 * Markdown report of a replication assessment: a summary table (comparison, status, studies,
 * independence clusters, pending studies), one section per finding with its reasons as a
 * bullet list, and the overlapping reports with their reasons.
 *
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * replicationMarkdown(assessReplication(seed)).split('\n')[0] // => '## Replication findings'
 */
export function replicationMarkdown(assessment: ReplicationAssessment, options: ReplicationMarkdownOptions = {}): string {
  const level = Math.min(Math.max(Math.trunc(options.headingLevel ?? 2), 1), 5);
  const h = '#'.repeat(level);
  const label = labeller(assessment.findings);
  const names = (ids: readonly string[]) => ids.map(label).join(', ');
  const lines: string[] = [`${h} Replication findings`, ''];
  lines.push('| Comparison | Status | Studies with results | Independence clusters | Pending studies |');
  lines.push('|---|---|---|---|---|');
  for (const f of assessment.findings) {
    const clusters = f.clusters.length === 0 ? '—' : f.clusters.map((c) => `{${names(c)}}`).join(' ');
    const pending = f.pendingStudies.length === 0 ? '—' : f.pendingStudies.map((p) => `${p.label} (${p.timing})`).join('; ');
    lines.push(
      `| ${cell(describeComparison(f))} | **${replicationStatusLabel(f.status)}** | ${cell(names(f.studies) || '—')} | ${cell(clusters)} | ${cell(pending)} |`,
    );
  }
  for (const f of assessment.findings) {
    lines.push('', `${h}# ${describeComparison(f)}`, '', `Status: **${replicationStatusLabel(f.status)}**.`, '');
    for (const reason of f.reasons) lines.push(`- ${reason}`);
  }
  lines.push('', `${h} Overlapping reports`, '');
  if (assessment.overlaps.length === 0) lines.push('No pair of studies appears to share participants.');
  for (const o of assessment.overlaps) {
    lines.push(`- **${names(o.studies)}** (${o.basis.join(', ')}): ${o.reasons.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
