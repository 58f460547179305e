import type { RobustResult } from '../models/multilevel/robust.ts';
import { coefficientTable } from './coefficient-table.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { printoutTransform } from './printout-transform.ts';
import { transformedTable } from './transformed-table.ts';

const DF_METHOD = { CR0: 'residual method', CR1: 'residual method', CR2: 'Satterthwaite approx' } as const;

/**
 * Prints a `robust` result as the cluster-robust parts of metafor's `print.robust.rma`: the
 * number of clusters, the model results with the t test, its df and the CI, and the legend
 * naming the variance estimator and the df method (residual n − 1 for CR1, Satterthwaite for
 * CR2). The result does not carry its measure: pass `measure` for its natural
 * back-transformation (or `transform`).
 *
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] }, { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '1', '2', '1', '2'] });
 * formatRobust(robust(fit, { cluster: ['a', 'a', 'b', 'b', 'c', 'c'], adjust: 'CR1' }), resolveFormatOptions({})).split('\n')[2]
 * // => 'Number of clusters: 3'
 */
export function formatRobust(r: RobustResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const lines = [
    `Cluster-Robust Inference (var-cov estimator: ${r.adjust})`,
    '',
    `Number of clusters: ${r.nClusters}`,
    '',
    'Model Results:',
    '',
    ...coefficientTable([r], { t: true, digits: d }),
  ];
  const { transform, note } = printoutTransform(o.measure, o.transform, o.n);
  if (transform) lines.push('', ...transformedTable([r], transform, d));
  const legend = `Results based on cluster-robust inference (var-cov estimator: ${r.adjust}, approx t-test and confidence interval, df: ${DF_METHOD[r.adjust] ?? 'unknown'}).`;
  lines.push(...closingSections({ notes: [legend, note], warnings: [] }));
  return lines.join('\n');
}
