import { leaveOneOut } from '../diagnostics/leave-one-out.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { subsetForest, type SubsetForestOptions, SUBSET_FOREST_OPTION_KEYS } from './subset-forest.ts';
import { checkOptions } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/**
 * Leave-one-out forest plot (metafor's `leave1out` drawn with `forest`; Viechtbauer & Cheung,
 * 2010, Res Synth Methods 1:112) as a standalone SVG string: row i shows the model refitted
 * without study i ({@link leaveOneOut}) as a square with its CI, with the number of studies and
 * I² of the refit and the estimate [CI] on the right; the full model follows as a diamond, and a
 * dotted line at its estimate shows at a glance which omission moves the result. The axis is
 * back-transformed where the measure calls for it; rows are labelled "− study" with the study
 * left out (long labels cut with …, full label in the tooltip). Same layout rules as
 * `forestPlot`: every row is drawn.
 *
 * @throws InputError when `fit` is not a `metaAnalysis` result or has k = 1, or for options that
 *   do not fit.
 * @example
 * import bcg from './datasets/bcg.json' with { type: 'json' };
 * const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' };
 * const svg = leaveOneOutPlot(metaAnalysis(effectSizes('RR', bcg.rows, { columns, label: 'author' })));
 * [...svg.matchAll(/class="label">([^<]*)/g)].map((m) => m[1])
 * // => ['− Aronson', '− Ferguson &amp; Simes', '− Rosenthal et al', '− Hart &amp; Sutherland', '− Frimodt-Moller et al',
 * //     '− Stein &amp; Aronson', '− Vandiviere et al', '− TPT Madras', '− Coetzee &amp; Berjak', '− Rosenthal et al',
 * //     '− Comstock et al', '− Comstock &amp; Webster', '− Comstock et al', 'All studies (REML)'] (13 rows and the full model)
 */
export function leaveOneOutPlot(fit: MetaAnalysisResult, options: SubsetForestOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, SUBSET_FOREST_OPTION_KEYS);
    const rows = leaveOneOut(fit);
    return subsetForest(fit, rows, {
      labelHeader: 'Study omitted', labels: rows.map((r) => `− ${r.label}`), overall: true, fullEstimateLine: true,
      title: `Leave-one-out analysis (${fit.k} studies)`,
      description: 'Leave-one-out forest plot: each row pools all studies but one',
    }, options);
  });
}
