import type { MultilevelResult } from '../models/multilevel/multilevel.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { heterogeneityAndResults } from './heterogeneity-and-results.ts';
import { closingSections } from './printout-sections.ts';
import { printoutTransform } from './printout-transform.ts';
import { transformedTable } from './transformed-table.ts';
import { varianceComponentsHeader } from './variance-components-header.ts';

/**
 * Prints a `multilevel` result as metafor's `print.rma.mv` prints `rma.mv(yi, vi, random = ~ 1
 * | outer/inner)`: the model line, the variance components (σ², √σ², number of levels, whether
 * fixed, factor), the test for heterogeneity, and the model results with significance stars;
 * the log-likelihood under the model line (as `showfit = TRUE`). The result does not carry its measure: pass `measure` for its
 * natural back-transformation (or `transform`).
 *
 * @example
 * formatMultilevel(multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] }, { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '1', '2', '1', '2'] }), resolveFormatOptions({})).split('\n')[0]
 * // => 'Multivariate Meta-Analysis Model (k = 6; method: REML)'
 */
export function formatMultilevel(r: MultilevelResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const [outer, inner] = r.sigma2;
  const lines = [
    ...varianceComponentsHeader(r, [
      { sigma2: outer, levels: r.nOuter, fixed: r.nOuter === 1, factor: 'outer' },
      { sigma2: inner, levels: r.nInner, fixed: r.nInner === 1, factor: 'outer/inner' },
    ], d),
    ...heterogeneityAndResults(r, r, r.test === 't', d),
  ];
  const { transform, note } = printoutTransform(o.measure, o.transform, o.n);
  if (transform) lines.push('', ...transformedTable([r], transform, d));
  lines.push(...closingSections({ notes: [note], warnings: r.warnings }));
  return lines.join('\n');
}
