import type { RobustRegressionResult } from '../models/robust/robust-univariate.ts';
import { coefficientTable } from './coefficient-table.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';

const DF_METHOD = { CR0: 'residual method', CR1: 'residual method', CR2: 'Satterthwaite approx' } as const;

/**
 * Prints the `robust` result of a `metaRegression` fit as the cluster-robust parts of metafor's
 * `print.robust.rma`: the number of clusters, the omnibus F test of the moderators (F(m, n − p)
 * for CR0/CR1; the HTZ test with its fractional denominator df for CR2), the coefficient table
 * with t tests, their df and CIs, and the legend naming the estimator and the df method.
 *
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3, 4] } });
 * formatRobustRegression(robust(fit, { cluster: ['a', 'b', 'c', 'd', 'e'], adjust: 'CR1' }), resolveFormatOptions({})).split('\n')[2]
 * // => 'Number of clusters: 5'
 */
export function formatRobustRegression(r: RobustRegressionResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const m = r.p - 1;
  const lines = [
    `Cluster-Robust Inference (var-cov estimator: ${r.adjust})`,
    '',
    `Number of clusters: ${r.nClusters}`,
    '',
    `Test of Moderators (coefficient${m === 1 ? '' : 's'} ${m === 1 ? '2' : `2:${m + 1}`}):`,
    formatTestStatistic('F', r.qm, [r.qmDf[0], r.qmDf[1]], r.qmPValue, d),
    '',
    'Model Results:',
    '',
    ...coefficientTable(r.coefficients, { t: true, digits: d }),
  ];
  const legend = `Results based on cluster-robust inference (var-cov estimator: ${r.adjust}, approx t/F-tests and confidence intervals, df: ${DF_METHOD[r.adjust] ?? 'unknown'}).`;
  lines.push(...closingSections({ notes: [legend], warnings: r.warnings }));
  return lines.join('\n');
}
