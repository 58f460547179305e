import type { CertaintyAssessment } from '../evidence/assess-certainty.ts';
import { describeValid } from '../evidence/describe-comparison.ts';
import { checkOptions } from '../check-options.ts';
import { InputError } from '../errors.ts';
import { escapeMarkdown as md } from './escape-markdown.ts';
import { readCertainty } from './read-certainty.ts';
import { summaryOfFindings } from './summary-of-findings.ts';
import { readResult } from '../read-result.ts';

/**
 * Markdown report of a certainty assessment: the summary-of-findings table, then per finding
 * its certainty, where the rating started, and a table of the six domains with each judgement,
 * the levels rated down and the reasons. Names and sentences are escaped (`escapeMarkdown`).
 *
 * @param options `{ headingLevel = 2 }` (1 to 5; findings go one level below)
 * @throws {InputError} when `assessment` is not a certainty assessment, for an unknown option
 *   or a heading level that is not an integer from 1 to 5.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * certaintyMarkdown(assessCertainty(seed)).split('\n')[0] // => '## Certainty of the evidence'
 */
export function certaintyMarkdown(assessment: CertaintyAssessment, options: { readonly headingLevel?: number } = {}): string {
  return readResult(assessment, 'assessCertainty', 'assessment', () => {
    const a = readCertainty(assessment);
    const level = checkOptions<{ headingLevel?: number }>(options, ['headingLevel']).headingLevel ?? 2;
    if (!Number.isInteger(level) || level < 1 || level > 5) throw new InputError('must be an integer from 1 to 5', { field: 'options.headingLevel', value: level });
    const h = '#'.repeat(level);
    const sof = summaryOfFindings(a);
    const lines = [`${h} Certainty of the evidence`, '', `| ${sof.columns.join(' | ')} |`, `|${sof.columns.map(() => '---').join('|')}|`];
    for (const row of sof.rows) lines.push(`| ${row.map((c, j) => (j === 7 ? `**${md(c)}**` : md(c))).join(' | ')} |`);
    for (const f of a.findings) {
      lines.push('', `${h}# ${md(describeValid(f))}`, '', `Certainty: **${f.certainty ?? 'not rated'}**. ${f.reasons.map(md).join(' ')}`);
      if (f.domains.length === 0) continue;
      lines.push('', '| Domain | Judgement | Rated down | Reasons |', '|---|---|---|---|');
      for (const d of f.domains) lines.push(`| ${md(d.domain)} | ${md(d.judgement)} | ${d.downgrade === 0 ? '0' : `−${d.downgrade}`} | ${d.reasons.map(md).join(' ')} |`);
    }
    if (a.assumptions.length > 0) lines.push('', `${h}# Assumptions`, '', ...a.assumptions.map((s) => `- ${md(s)}`));
    return `${lines.join('\n')}\n`;
  });
}
