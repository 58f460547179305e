import { formatFixed } from './format-number.ts';
import type { StudyTable } from './study-table.ts';
import { levelPercent } from './printout-sections.ts';
import { textTable } from './text-table.ts';
import { readResult } from '../read-result.ts';

/**
 * Prints a {@link StudyTable}: one line per study with its estimate, SE, CI bounds and weight
 * (as metafor's `summary(escalc)` next to `weights(fit)`), then the sentence saying on which
 * scale the numbers are.
 *
 * @example
 * formatStudyTable(studyTable(metaAnalysis({ yi: [0, 1], vi: [1, 1] }))).split('\n')[0]
 * // => 'Studies (95% CI; Observed Outcome):'
 */
export function formatStudyTable(table: StudyTable, digits = 4): string {
  return readResult(table, 'studyTable', 'table', () => {
    const f = (x: number | null) => formatFixed(x, digits);
    const weights = table.rows.some((r) => r.weight !== null);
    const head = ['estimate', 'se', 'ci.lb', 'ci.ub', ...(weights ? ['weight'] : [])];
    const cells = table.rows.map((r) => [
      f(r.estimate), f(r.se), f(r.ci?.lower), f(r.ci?.upper), ...(weights ? [`${formatFixed(r.weight, 2)}%`] : []),
    ]);
    return [
      `Studies (${levelPercent(table.level)}% CI; ${table.scale}):`,
      '',
      ...textTable(head, cells, { rowNames: table.rows.map((r) => String(r.label)) }),
      '',
      table.description,
    ].join('\n');
  });
}
