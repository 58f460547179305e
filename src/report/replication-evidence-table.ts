import type { EvidenceBase } from '../evidence/evidence-base.ts';
import { loadEvidence } from '../evidence/load-evidence.ts';
import { escapeMarkdown } from './escape-markdown.ts';

function cell(value: string | number | null): string {
  return value === null ? '—' : escapeMarkdown(String(value));
}

/**
 * Markdown tables of what an evidence base holds: its studies (year, group, design, status, n,
 * expected results, quote) and its arms (outcome, timepoint, n, mean, SD, quote), each value
 * with the verbatim quote it rests on; unknowns print as `—`. Every value is escaped
 * (`escapeMarkdown`), so a name or quote cannot break the table or add markup.
 *
 * @throws {InputError} when `evidence` is not a valid evidence base.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * replicationEvidenceTable(seed).split('\n')[0] // => '| Study | Year | Group | Design | Status | n | Results expected | Source quote |'
 */
export function replicationEvidenceTable(evidence: unknown): string {
  const base: EvidenceBase = loadEvidence(evidence);
  const label = new Map(base.studies.map((s) => [s.id, s.label]));
  const lines = [
    '| Study | Year | Group | Design | Status | n | Results expected | Source quote |',
    '|---|---|---|---|---|---|---|---|',
    ...base.studies.map(
      (s) =>
        `| ${cell(s.label)} | ${cell(s.year)} | ${cell(s.group)} | ${cell(s.design)} | ${s.status} | ${cell(s.n)} | ${cell(s.resultsExpected)} | "${cell(s.source.quote)}" [${cell(s.source.document)}] |`,
    ),
    '',
    '| Study | Arm | Outcome | Timepoint | n | Mean | SD | Source quote |',
    '|---|---|---|---|---|---|---|---|',
    ...base.arms.map(
      (a) =>
        `| ${cell(label.get(a.study) ?? a.study)} | ${cell(a.arm)} | ${cell(a.outcome)} | ${cell(a.timepoint)} | ${cell(a.n)} | ${cell(a.mean)} | ${cell(a.sd)} | "${cell(a.source.quote)}" [${cell(a.source.document)}] |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
