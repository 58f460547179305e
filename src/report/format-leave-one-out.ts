import type { SubsetFit } from '../diagnostics/subset-fit.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { subsetFitTable } from './subset-fit-table.ts';

/**
 * Prints the result of `leaveOneOut` as metafor's `print.list.rma` prints `leave1out(fit)`:
 * one row per study left out, with the refit's estimate, se, test, p-value, CI, Q, Qp, τ², I²
 * and H² (see `subsetFitTable` for the back-transformation).
 *
 * @example
 * formatLeaveOneOut(leaveOneOut(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' })), resolveFormatOptions({})).split('\n')[3]
 * // => 'row 1   0.4125 0.0992 4.1576 3.22e-5  0.2180 0.6070 1.1429 0.2850 0.0025 12.5000 1.1429'
 */
export function formatLeaveOneOut(rows: readonly SubsetFit[], o: ResolvedFormatOptions): string {
  return subsetFitTable(rows, o, { title: 'Leave-One-Out Analysis (each row: the model without that study)', withK: false });
}
