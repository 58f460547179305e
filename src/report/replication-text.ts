import type { ReplicationAssessment } from '../evidence/assess-replication.ts';
import { describeValid } from '../evidence/describe-comparison.ts';
import { InputError, numberCode } from '../errors.ts';
import { singleLine } from './escape-markdown.ts';
import { readAssessment } from './read-assessment.ts';
import { replicationStatusLabel } from './replication-status-label.ts';
import { readResult } from '../read-result.ts';

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

/** Narrowest line `replicationText` wraps to. */
const MIN_WIDTH = 20;

/**
 * Plain-text report of a replication assessment for a console: per finding, the comparison,
 * its status and its reasons as wrapped bullets; then the overlapping reports, the spellings
 * merged as one name and the rows no finding uses. Names are put on one line (`singleLine`),
 * so a line break in a name cannot forge a line of the report. A word longer than the width
 * stays whole on its own line.
 *
 * @param width line width for wrapping: an integer of at least 20 (default 100)
 * @throws {InputError} when `assessment` is not a replication assessment or `width` is invalid.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * replicationText(assessReplication(seed)).split('\n')[0]
 * // => 'ADSC conditioned medium vs placebo (additional hairs per cm², 6 months)'
 */
export function replicationText(assessment: ReplicationAssessment, width = 100): string {
  return readResult(assessment, 'assessReplication', 'assessment', () => {
    const a = readAssessment(assessment);
    if (!Number.isInteger(width) || width < MIN_WIDTH) throw new InputError(`must be an integer of at least ${MIN_WIDTH}`, { field: 'width', value: width, code: numberCode(width) });
    const lines: string[] = [];
    for (const f of a.findings) {
      lines.push(singleLine(describeValid(f)), `  status: ${replicationStatusLabel(f.status)}`);
      for (const reason of f.reasons) lines.push(...wrap(reason, width, '  - ', '    '));
      lines.push('');
    }
    lines.push(a.overlaps.length === 0 ? 'Overlapping reports: none.' : 'Overlapping reports:');
    for (const o of a.overlaps) {
      lines.push(...wrap(`${o.studies.join(' & ')} (${o.basis.join(', ')}): ${o.reasons.join(' ')}`, width, '  - ', '    '));
    }
    for (const [title, items] of [['Spellings merged as one name:', a.mergedNames ?? []], ['Rows not used:', a.omitted ?? []]] as const) {
      if (items.length === 0) continue;
      lines.push('', title);
      for (const item of items) lines.push(...wrap(item.reason, width, '  - ', '    '));
    }
    return `${lines.join('\n')}\n`;
  });
}
