import type { SubsetFit } from '../diagnostics/subset-fit.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { subsetFitTable } from './subset-fit-table.ts';

/**
 * Prints the result of `cumulative` as metafor's `print.list.rma` prints `cumul(fit)`: one row
 * per step, with k, the estimate, se, test, p-value, CI, Q, Qp, τ², I² and H² of the model of
 * the studies added so far (see `subsetFitTable` for the back-transformation).
 *
 * @example
 * formatCumulative(cumulative(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' })), resolveFormatOptions({})).split('\n')[0]
 * // => 'Cumulative Meta-Analysis (each row: the model of the studies up to and including that one)'
 */
export function formatCumulative(rows: readonly SubsetFit[], o: ResolvedFormatOptions): string {
  return subsetFitTable(rows, o, { title: 'Cumulative Meta-Analysis (each row: the model of the studies up to and including that one)', withK: true });
}
