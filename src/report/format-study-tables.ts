import type { StudyTables } from '../effect-sizes/to-table.ts';
import { reshapeCell } from './format-long-format.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a `toTable` result as R prints metafor's `to.table` array: for each study a line
 * `, , study` and its table with metafor's row and column names, then the omitted rows.
 *
 * @example
 * formatStudyTables(toTable([{ study: 'AFASAK', x1i: 9, t1i: 413, x2i: 19, t2i: 398 }], 'IRR'))
 * // => 'Study Tables (measure IRR; 1 study)\n\n, , AFASAK\n\n      Events  Person-Time\nGrp1       9          413\nGrp2      19          398'
 */
export function formatStudyTables(t: StudyTables): string {
  const lines = [`Study Tables (measure ${t.measure}; ${t.studies.length} stud${t.studies.length === 1 ? 'y' : 'ies'})`];
  t.tables.forEach((table, s) => {
    lines.push('', `, , ${t.studies[s]}`, '', ...textTable(t.colNames, table.map((row) => row.map(reshapeCell)), { rowNames: t.rowNames }));
  });
  lines.push(...closingSections({ notes: [], warnings: t.warnings }));
  return lines.join('\n');
}
