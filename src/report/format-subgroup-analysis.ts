import type { SubgroupResult } from '../models/subgroup-analysis.ts';
import { SIGNIF_LEGEND_LINES } from './coefficient-table.ts';
import { formatFixed, formatPValue, significanceStars } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';
import { printoutTransform } from './printout-transform.ts';
import { textTable } from './text-table.ts';
import { transformedTable } from './transformed-table.ts';

/**
 * Prints a `subgroupAnalysis` result the way a metafor user reads one fit per subgroup
 * (`rma(..., subset = g == level)`) next to the test of subgroup differences: one line per
 * subgroup with k, the estimate, SE, p-value, CI, τ², I² and Q, then the Wald-type Q test on
 * the subgroup estimates. The result does not carry its measure: pass `measure` to get its
 * natural back-transformation (or `transform` to choose one).
 *
 * @example
 * formatSubgroupAnalysis(subgroupAnalysis({ yi: [0.1, 0.3, 0.8, 1.0], vi: [0.02, 0.03, 0.02, 0.04] }, ['a', 'a', 'b', 'b'], { method: 'DL' }), resolveFormatOptions({}))
 * // => 'Subgroup Analysis (2 subgroups; separate tau^2 per subgroup)\n…\nQ(df = 1) = 18.6123, p-val = 1.60e-5…'
 */
export function formatSubgroupAnalysis(r: SubgroupResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const f = (x: number | null) => formatFixed(x, d);
  const head = ['k', 'estimate', 'se', 'pval', 'ci.lb', 'ci.ub', 'tau2', 'I2', 'Q', ''];
  const cells = r.groups.map((g) => [
    String(g.k), f(g.estimate), f(g.se), formatPValue(g.pValue), f(g.ci?.lower), f(g.ci?.upper),
    f(g.tau2), `${formatFixed(g.i2, 2)}%`, f(g.q), significanceStars(g.pValue),
  ]);
  const between = r.between;
  const lines = [
    `Subgroup Analysis (${r.groups.length} subgroups; separate tau^2 per subgroup)`,
    '',
    'Subgroup Results:',
    '',
    ...textTable(head, cells, { rowNames: r.groups.map((g) => String(g.level)) }),
    ...SIGNIF_LEGEND_LINES,
    '',
    'Test for Subgroup Differences:',
    formatTestStatistic('Q', between.q, between.df, between.pValue, d),
  ];
  const { transform, note } = printoutTransform(o.measure, o.transform, o.n);
  if (transform) lines.push('', ...transformedTable(r.groups.map((g) => ({ ...g, name: String(g.level) })), transform, d));
  lines.push(...closingSections({ notes: [note], warnings: r.warnings }));
  return lines.join('\n');
}
