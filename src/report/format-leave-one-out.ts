import type { SubsetFit } from '../diagnostics/subset-fit.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { subsetFitTable } from './subset-fit-table.ts';

/**
 * Prints the result of `leaveOneOut` as metafor's `print.list.rma` prints `leave1out(fit)`:
 * one row per study left out, with the refit's estimate, se, test, p-value, CI, Q, Qp, τ², I²
 * and H² (see `subsetFitTable` for the back-transformation).
 *
 * @example
 * formatLeaveOneOut(leaveOneOut(fit), resolveFormatOptions({})).split('\n')[0]
 * // => 'Leave-One-Out Analysis (each row: the model without that study)'
 */
export function formatLeaveOneOut(rows: readonly SubsetFit[], o: ResolvedFormatOptions): string {
  return subsetFitTable(rows, o, { title: 'Leave-One-Out Analysis (each row: the model without that study)', withK: false });
}
