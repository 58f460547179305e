import type { PermutationTestResult } from '../models/permutation/permutation-test.ts';
import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a `permutationTest` result as metafor's `print.permutest.rma.uni`: the test of the
 * moderators (or of the intercept) with its permutation p-value, then the coefficients with
 * their statistics and permutation p-values (`pval*`).
 *
 * @example
 * formatPermutationTest(permutationTest(metaAnalysis({ yi: [0.2, 0.5, 0.3, 0.6, 0.4], vi: [0.04, 0.05, 0.03, 0.06, 0.05] }), { progress: false }), resolveFormatOptions({})).split('\n')[0]
 * // => 'Exact permutation test (32 sign flips; tau^2 estimator: REML)'
 */
export function formatPermutationTest(r: PermutationTestResult, o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const regression = r.coefficients.length > 1;
  const what = regression ? 'row permutations' : 'sign flips';
  const head = r.exact
    ? `Exact permutation test (${r.permutations} ${what}; tau^2 estimator: ${r.method})`
    : `Approximate permutation test (${r.permutations} random ${what}, seed ${r.seed}; tau^2 estimator: ${r.method})`;
  const statName = r.test === 'z' ? 'zval' : 'tval';
  const rows = r.coefficients.map((c) => [f(c.estimate), f(c.statistic), formatPValue(c.permutationPValue)]);
  const qmLabel = regression ? `Test of Moderators (coefficients 2:${r.coefficients.length})` : 'Test of the intercept';
  const qmStat = r.test === 'z' ? `QM(df = ${r.qmDf}) = ${f(r.qm)}` : `F(df1 = ${r.qmDf}) = ${f(r.qm)}`;
  return [
    head,
    '',
    `${qmLabel}:`,
    `${qmStat}, p-val* = ${formatPValue(r.qmPermutationPValue)}`,
    '',
    'Model Results:',
    '',
    ...textTable(['estimate', statName, 'pval*'], rows, { rowNames: r.coefficients.map((c) => c.name) }),
    ...closingSections({ notes: ['pval*: share of permutations at least as extreme as the data (two-sided).'], warnings: r.warnings }),
  ].join('\n');
}
