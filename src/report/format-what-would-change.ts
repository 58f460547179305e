import type { WhatWouldChange } from '../evidence/what-would-change.ts';
import { describeValid } from '../evidence/describe-comparison.ts';
import { fail, list, record } from '../evidence/read-fields.ts';
import { replicationStatusLabel } from './replication-status-label.ts';
import { readResult } from '../read-result.ts';

const KIND_LABEL: Record<string, string> = {
  'independent-study': 'Independent replication',
  'reported-statistics': 'Reported statistics',
  'overlap-confirmation': 'Confirmation of an overlap',
  'pending-study': 'A pending study',
  'indirect-pending-study': 'An indirect ongoing study',
  'risk-of-bias': 'A risk-of-bias judgement',
};

function readChange(value: unknown): WhatWouldChange {
  const obj = record(value, { field: 'whatWouldChange' });
  if (typeof obj.status !== 'string') fail('must be a replication status', { field: 'whatWouldChange.status' }, obj.status);
  list(obj.changes, { field: 'whatWouldChange.changes' }).forEach((c, i) => {
    const ch = record(c, { field: 'whatWouldChange.changes', row: i + 1 });
    if (typeof ch.kind !== 'string' || typeof ch.text !== 'string') fail('must have a kind and a text', { field: 'whatWouldChange.changes', row: i + 1 });
  });
  list(obj.assumptions, { field: 'whatWouldChange.assumptions' });
  return value as WhatWouldChange;
}

/** One change as a line: its kind in bold, what it moves, and the sentence. */
function line(c: WhatWouldChange['changes'][number], now: WhatWouldChange['certainty'], markdown: boolean): string {
  const certainty = c.certaintyIf === null ? null : c.certaintyIf === now ? `certainty stays ${now}` : `certainty up to ${c.certaintyIf}`;
  const moves = [c.statusIf === null ? null : `status → ${replicationStatusLabel(c.statusIf)}`, certainty].filter(Boolean).join('; ');
  const head = KIND_LABEL[c.kind] ?? c.kind;
  return `${markdown ? `**${head}**` : head}${moves === '' ? '' : ` (${moves})`}: ${c.text}`;
}

/**
 * Text of a `whatWouldChange` result (`formatResult` uses it; `markdown: true` for a Markdown
 * list): the finding, its status and certainty, then each piece of new evidence with what it
 * would move, then the assumptions used.
 *
 * @throws {InputError} when `result` is not a `whatWouldChange` result.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * formatWhatWouldChange(whatWouldChange(seed, seed.comparisons[3])).split('\n')[0]
 * // => 'What would change: exosome-based product vs a comparator not stated (outcome not stated, timepoint not stated)'
 */
export function formatWhatWouldChange(result: WhatWouldChange, options: { readonly markdown?: boolean } = {}): string {
  return readResult(result, 'whatWouldChange', 'result', () => {
    const r = readChange(result);
    const markdown = options.markdown === true;
    const lines = [
      `What would change: ${describeValid(r)}`,
      `Now: ${replicationStatusLabel(r.status)}; certainty ${r.certainty ?? 'not rated (no results)'}.`,
      ...r.changes.map((c) => `${markdown ? '- ' : '  - '}${line(c, r.certainty, markdown)}`),
    ];
    if (r.changes.length === 0) lines.push('  Nothing short of new studies: no piece of evidence is identified.');
    if (r.assumptions.length > 0) lines.push(...(markdown ? [''] : []), `Assumptions: ${r.assumptions.join(' ')}`);
    return `${lines.join('\n')}\n`;
  });
}
