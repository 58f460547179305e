import type { LongFormat } from '../effect-sizes/to-long.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/** A cell of a reshaped table as R prints it: numbers in their shortest form, NA for missing. */
export function reshapeCell(x: unknown): string {
  if (x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x))) return 'NA';
  return String(x);
}

/**
 * Prints a `toLong` result as R prints metafor's `to.long` data frame: a heading, then one line
 * per record with its row number and every field (in the order of the first record), then the
 * omitted rows.
 *
 * @example
 * formatLongFormat(toLong([{ study: 'A', ai: 4, bi: 119, ci: 11, di: 128 }], 'OR', { append: false }))
 * // => 'Long Format (measure OR; 2 records)\n\n   study  group  out1  out2\n1      A      1     4   119\n2      A      2    11   128'
 */
export function formatLongFormat(long: LongFormat): string {
  const head = long.rows.length > 0 ? Object.keys(long.rows[0]!) : [];
  const lines = [
    `Long Format (measure ${long.measure}; ${long.rows.length} record${long.rows.length === 1 ? '' : 's'})`,
    '',
    ...textTable(head, long.rows.map((r) => head.map((key) => reshapeCell(r[key]))), { rowNames: long.rows.map((_, i) => String(i + 1)) }),
  ];
  lines.push(...closingSections({ notes: [], warnings: long.warnings }));
  return lines.join('\n');
}
