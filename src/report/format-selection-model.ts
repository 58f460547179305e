import type { SelectionModelResult } from '../bias/selection-model/selection-model.ts';
import { coefficientTable, SIGNIF_LEGEND_LINES } from './coefficient-table.ts';
import { formatFixed, formatPValue, significanceStars } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a `selectionModel` result as metafor prints `selmodel(fit, …)`: the model line, τ²
 * with its SE and the likelihood-ratio test for heterogeneity (random effects), the adjusted
 * model results, the likelihood-ratio test of the selection parameters and their table (for a
 * step function one row per p-value interval with its number of studies; a fixed δ shows `---`).
 *
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.35, 0.5, 0.62, 0.2, 0.8, 0.05], vi: [0.01, 0.02, 0.04, 0.05, 0.08, 0.03, 0.1, 0.015] });
 * formatSelectionModel(selectionModel(fit, { type: 'stepfun', steps: [0.05, 1] }), resolveFormatOptions({})).split('\n')[1]
 * // => 'Random-Effects Model (k = 8; tau^2 estimator: ML)'
 */
export function formatSelectionModel(r: SelectionModelResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const random = r.method !== 'EE';
  const lines = ['', random ? `Random-Effects Model (k = ${r.k}; tau^2 estimator: ML)` : `Equal-Effects Model (k = ${r.k})`, ''];
  if (random) {
    const what = r.tau2Fixed ? 'specified' : 'estimated';
    lines.push(
      `tau^2 (${what} amount of total heterogeneity): ${formatFixed(r.tau2, d)}${r.tau2Se === null ? '' : ` (SE = ${formatFixed(r.tau2Se, d)})`}`,
      `tau (square root of ${what} tau^2 value):      ${formatFixed(r.tau, d)}`,
      '',
    );
  }
  if (r.heterogeneityTest) {
    const h = r.heterogeneityTest;
    lines.push('Test for Heterogeneity:', formatTestStatistic('LRT', h.statistic, h.df, h.pValue, d), '');
  }
  lines.push('Model Results:', '', ...coefficientTable([r], { t: false, digits: d, stars: true }).slice(0, 2), '');
  const s = r.selectionTest;
  if (s.df > 0) lines.push('Test for Selection Model Parameters:', formatTestStatistic('LRT', s.statistic, s.df, s.pValue, d), '');
  lines.push('Selection Model Results:', '', ...deltaTable(r, d), ...SIGNIF_LEGEND_LINES);
  if (!r.converged) lines.push('', 'Note: the optimiser did not converge.');
  lines.push(...closingSections({ notes: [], warnings: r.warnings }));
  return lines.join('\n');
}

function deltaTable(r: SelectionModelResult, d: number): string[] {
  const step = r.type === 'stepfun' && r.intervals !== null;
  const rows = r.delta.map((p, j) => {
    const na = (x: string) => (p.fixed && x === 'NA' ? '---' : x);
    return [
      ...(step ? [String(r.intervals![j]!.k)] : []),
      formatFixed(p.estimate, d), na(formatFixed(p.se, d)), na(formatFixed(p.statistic, d)), na(formatPValue(p.pValue)),
      na(formatFixed(p.ci.lower, d)), na(formatFixed(p.ci.upper, d)), p.fixed ? '' : significanceStars(p.pValue),
    ];
  });
  const head = [...(step ? ['k'] : []), 'estimate', 'se', 'zval', 'pval', 'ci.lb', 'ci.ub', ''];
  if (r.delta.length === 1 && !step) return textTable(head, rows);
  return textTable(head, rows, { rowNames: step ? intervalLabels(r.intervals!.map((s) => [s.lower, s.upper])) : r.delta.map((p) => p.name) });
}

/** metafor's interval names: `0    < p <= 0.05`, left bounds padded to one width. */
function intervalLabels(bounds: readonly (readonly [number, number])[]): string[] {
  const left = bounds.map(([a]) => String(a));
  const width = Math.max(...left.map((s) => s.length));
  return bounds.map(([, b], j) => `${left[j]!.padEnd(width)} < p <= ${b}`);
}
