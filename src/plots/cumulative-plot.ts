import { cumulative, type CumulativeOptions } from '../diagnostics/cumulative.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { subsetForest, type SubsetForestOptions } from './subset-forest.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Options of {@link cumulativePlot}: the forest plot's display options plus the order of addition. */
export interface CumulativePlotOptions extends SubsetForestOptions, CumulativeOptions {
  /** One sort key per study of the fit (e.g. publication years); default the fit's order. */
  readonly order?: ArrayLike<number | null> | readonly (string | null)[];
}

/** The valid keys of {@link CumulativePlotOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const CUMULATIVE_PLOT_OPTION_KEYS = optionKeys<CumulativePlotOptions>()('transform', 'n', 'limits', 'digits', 'fontSize', 'width', 'height', 'labelWidth', 'title', 'axisTitle', 'referenceLine', 'decreasing', 'order', 'collapse');

/**
 * Cumulative forest plot (Lau et al., 1992, N Engl J Med 327:248; metafor's `forest.cumul.rma`)
 * as a standalone SVG string: row j shows the model refitted to the first j studies
 * ({@link cumulative}, in the fit's order or by `order` keys such as years), as a square with its
 * CI, the number of studies and I² of the refit, and the estimate [CI] on the right. The last row
 * is the full model. The axis is back-transformed where the measure calls for it (risk ratios on
 * a log axis for RR); a dotted line marks the full model's estimate and a dashed one no effect.
 * Rows are labelled "+ study" with the study added; long labels are cut with … (full label in the
 * tooltip). Same layout rules as `forestPlot`: every row is drawn, 500 studies make a tall plot.
 *
 * @throws InputError when `fit` is not a `metaAnalysis` result, for bad `order` keys, or options
 *   that do not fit.
 * @example
 * import bcg from './datasets/bcg.json' with { type: 'json' };
 * const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' };
 * const fit = metaAnalysis(effectSizes('RR', bcg.rows, { columns, label: 'author' }));
 * const svg = cumulativePlot(fit, { order: bcg.rows.map((r) => r.year) });
 * [...svg.matchAll(/class="label">([^<]*)/g)].map((m) => m[1]) // => ['Aronson', '+ Ferguson &amp; Simes', …] (by year)
 */
export function cumulativePlot(fit: MetaAnalysisResult, options: CumulativePlotOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, CUMULATIVE_PLOT_OPTION_KEYS);
    const { order, decreasing, collapse, ...display } = options;
    const rows = cumulative(fit, order, { ...(decreasing !== undefined && { decreasing }), ...(collapse !== undefined && { collapse }) });
    const labels = rows.map((r, i) => (i === 0 ? r.label : `+ ${r.label}`));
    return subsetForest(fit, rows, {
      labelHeader: 'Study added', labels, overall: false, fullEstimateLine: true,
      title: `Cumulative meta-analysis (${fit.k} ${fit.k === 1 ? 'study' : 'studies'})`,
      description: 'Cumulative forest plot: each row pools the studies up to that row',
    }, display);
  });
}
