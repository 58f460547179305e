import type { ReplicationAssessment } from '../evidence/assess-replication.ts';
import { describeComparison } from '../evidence/describe-comparison.ts';
import { replicationStatusLabel } from './replication-status-label.ts';

/** Word-wraps one paragraph at `width`, prefixing the first line and indenting the rest. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const blank = line === first || line === rest;
    if (!blank && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (blank ? '' : ' ') + word;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Plain-text report of a replication assessment for a console: per finding, the comparison,
 * its status and its reasons as wrapped bullets; then the overlapping reports.
 *
 * @param width line width for wrapping (default 100)
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * replicationText(assessReplication(seed)).split('\n')[0]
 * // => 'ADSC conditioned medium vs placebo (additional hairs per cm², 6 months)'
 */
export function replicationText(assessment: ReplicationAssessment, width = 100): string {
  const lines: string[] = [];
  for (const f of assessment.findings) {
    lines.push(describeComparison(f), `  status: ${replicationStatusLabel(f.status)}`);
    for (const reason of f.reasons) lines.push(...wrap(reason, width, '  - ', '    '));
    lines.push('');
  }
  lines.push(assessment.overlaps.length === 0 ? 'Overlapping reports: none.' : 'Overlapping reports:');
  for (const o of assessment.overlaps) {
    lines.push(...wrap(`${o.studies.join(' & ')} (${o.basis.join(', ')}): ${o.reasons.join(' ')}`, width, '  - ', '    '));
  }
  return `${lines.join('\n')}\n`;
}
