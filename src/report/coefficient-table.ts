import type { Interval } from '../types.ts';
import { formatFixed, formatPValue, significanceStars } from './format-number.ts';
import { formatDf } from './format-test-statistic.ts';
import { textTable } from './text-table.ts';

/** One row of a model-results table. */
export interface CoefficientRow {
  readonly name?: string;
  readonly estimate: number | null;
  readonly se: number | null;
  readonly statistic: number | null;
  readonly pValue: number | null;
  readonly ci: Interval | null;
  /** Degrees of freedom of a t test; printed when `t` is set. */
  readonly df?: number | null;
}

/** R's legend of the significance stars. */
export const SIGNIF_LEGEND = "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1";

/** The legend block printed under a table with stars, as metafor prints it. */
export const SIGNIF_LEGEND_LINES: readonly string[] = Object.freeze(['', '---', SIGNIF_LEGEND]);

/**
 * The "Model Results" table of metafor's print methods: estimate, se, zval (or tval and df),
 * pval, ci.lb, ci.ub and the significance stars followed by R's legend of the stars; row names
 * when the rows have names (meta-regression), none for a single pooled estimate.
 *
 * @example
 * coefficientTable([{ estimate: -0.7145, se: 0.1798, statistic: -3.9744, pValue: 7.06e-5, ci: { lower: -1.0669, upper: -0.3622 } }], { t: false, digits: 4 })
 * // => ['estimate      se     zval     pval    ci.lb    ci.ub', ' -0.7145  0.1798  -3.9744  7.06e-5  -1.0669  -0.3622  ***', '', '---', "Signif. codes: …"]
 */
export function coefficientTable(
  rows: readonly CoefficientRow[],
  options: { readonly t: boolean; readonly digits: number; readonly stars?: boolean },
): string[] {
  const f = (x: number | null | undefined) => formatFixed(x, options.digits);
  const stars = options.stars ?? true;
  const head = ['estimate', 'se', options.t ? 'tval' : 'zval', ...(options.t ? ['df'] : []), 'pval', 'ci.lb', 'ci.ub', ...(stars ? [''] : [])];
  const cells = rows.map((r) => [
    f(r.estimate), f(r.se), f(r.statistic), ...(options.t ? [formatDf(r.df)] : []), formatPValue(r.pValue),
    f(r.ci?.lower), f(r.ci?.upper), ...(stars ? [significanceStars(r.pValue)] : []),
  ]);
  const named = rows.some((r) => r.name !== undefined);
  const table = textTable(head, cells, named ? { rowNames: rows.map((r) => r.name ?? '') } : {});
  return stars ? [...table, ...SIGNIF_LEGEND_LINES] : table;
}
