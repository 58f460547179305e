import { checkOptions } from '../check-options.ts';
import type { ReplicationAssessment, ReplicationFinding } from '../evidence/assess-replication.ts';
import { describeValid } from '../evidence/describe-comparison.ts';
import { InputError, numberCode } from '../errors.ts';
import { escapeMarkdown as md } from './escape-markdown.ts';
import { readAssessment } from './read-assessment.ts';
import { replicationStatusLabel } from './replication-status-label.ts';
import { readResult } from '../read-result.ts';

/** Options of `replicationMarkdown`. */
export interface ReplicationMarkdownOptions {
  /** Level of the top heading, an integer from 1 to 5 (`2`, i.e. `##`, by default); findings go one level below. */
  readonly headingLevel?: number;
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

function headingLevel(options: unknown): number {
  const level = checkOptions<ReplicationMarkdownOptions>(options, ['headingLevel']).headingLevel ?? 2;
  if (!Number.isInteger(level) || level < 1 || level > 5) {
    throw new InputError('must be an integer from 1 to 5', { field: 'options.headingLevel', value: level, code: numberCode(level) });
  }
  return level;
}

/**
 * Markdown report of a replication assessment: a summary table (comparison, status, studies,
 * independence clusters, pending studies), one section per finding with its reasons as a
 * bullet list, the overlapping reports with their reasons, and, when there are any, the
 * spellings merged as one name and the rows no finding uses. Every name and sentence is
 * escaped (`escapeMarkdown`): on one line, with Markdown punctuation backslash-escaped, so a
 * name cannot add headings, links, HTML or table cells.
 *
 * @throws {InputError} when `assessment` is not a replication assessment (also after a JSON
 *   round trip), for an unknown option, or a heading level that is not an integer from 1 to 5.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * replicationMarkdown(assessReplication(seed)).split('\n')[0] // => '## Replication findings'
 */
export function replicationMarkdown(assessment: ReplicationAssessment, options: ReplicationMarkdownOptions = {}): string {
  return readResult(assessment, 'assessReplication', 'assessment', () => {
    const a = readAssessment(assessment);
    const h = '#'.repeat(headingLevel(options));
    const label = labeller(a.findings);
    const names = (ids: readonly string[]) => md(ids.map(label).join(', '));
    const lines: string[] = [`${h} Replication findings`, ''];
    lines.push('| Comparison | Status | Studies with results | Independence clusters | Pending studies |');
    lines.push('|---|---|---|---|---|');
    for (const f of a.findings) {
      const clusters = f.clusters.length === 0 ? '—' : f.clusters.map((c) => `{${names(c)}}`).join(' ');
      const pending = f.pendingStudies.length === 0 ? '—' : f.pendingStudies.map((p) => `${md(p.label)} (${md(p.timing)})`).join('; ');
      lines.push(`| ${md(describeValid(f))} | **${replicationStatusLabel(f.status)}** | ${names(f.studies) || '—'} | ${clusters} | ${pending} |`);
    }
    for (const f of a.findings) {
      lines.push('', `${h}# ${md(describeValid(f))}`, '', `Status: **${replicationStatusLabel(f.status)}**.`, '');
      for (const reason of f.reasons) lines.push(`- ${md(reason)}`);
    }
    lines.push('', `${h} Overlapping reports`, '');
    if (a.overlaps.length === 0) lines.push('No pair of studies appears to share participants.');
    for (const o of a.overlaps) lines.push(`- **${names(o.studies)}** (${md(o.basis.join(', '))}): ${md(o.reasons.join(' '))}`);
    if ((a.mergedNames ?? []).length > 0) {
      lines.push('', `${h} Spellings merged as one name`, '', ...a.mergedNames.map((m) => `- ${md(m.reason)}`));
    }
    if ((a.omitted ?? []).length > 0) {
      lines.push('', `${h} Rows not used`, '', ...a.omitted.map((o) => `- ${md(o.reason)}`));
    }
    return `${lines.join('\n')}\n`;
  });
}
