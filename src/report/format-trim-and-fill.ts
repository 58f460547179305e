import type { TrimAndFillResult } from '../bias/trim-and-fill.ts';
import { coefficientTable } from './coefficient-table.ts';
import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { printoutTransform } from './printout-transform.ts';
import { textTable } from './text-table.ts';
import { transformedTable } from './transformed-table.ts';

/**
 * Prints a `trimAndFill` result as metafor prints `trimfill(fit)`: the estimated number of
 * missing studies and its SE (and for R0 the test of no missing studies), then the model of
 * the k + k₀ studies (model line, τ², model results), then the filled studies. With a
 * back-transformation (pass `measure` for the natural one, or `transform`) the estimate and CI
 * are also given on that scale.
 *
 * @example
 * formatTrimAndFill(trimAndFill(metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95], vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] })), resolveFormatOptions({})).split('\n')[0]
 * // => 'Estimated number of missing studies on the left side: 2 (SE = 1.8254)'
 */
export function formatTrimAndFill(r: TrimAndFillResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const total = r.k + r.k0;
  const random = r.method !== 'EE';
  const t = r.test !== 'z';
  const lines = [`Estimated number of missing studies on the ${r.side} side: ${r.k0} (SE = ${formatFixed(r.seK0, d)})`];
  if (r.estimator === 'R0') lines.push(`Test of H0: no missing studies on the ${r.side} side: p-val = ${formatPValue(r.pK0)}`);
  lines.push(
    '',
    random ? `Random-Effects Model (k = ${total}; tau^2 estimator: ${r.method})` : `Equal-Effects Model (k = ${total})`,
    '',
  );
  if (random) {
    lines.push(
      `tau^2 (estimated amount of total heterogeneity): ${formatFixed(r.tau2, d)}`,
      `tau (square root of estimated tau^2 value):      ${formatFixed(typeof r.tau2 === 'number' ? Math.sqrt(r.tau2) : null, d)}`,
      '',
    );
  }
  lines.push('Model Results:', '', ...coefficientTable([{ ...r, df: total - 1 }], { t, digits: d }));
  if (r.filled.length) {
    lines.push(
      '',
      `Filled studies (estimator ${r.estimator}):`,
      '',
      ...textTable(['yi', 'vi'], r.filled.map((s) => [formatFixed(s.yi, d), formatFixed(s.vi, d)]), { rowNames: r.filled.map((s) => String(s.label)) }),
    );
  }
  const { transform, note } = printoutTransform(o.measure, o.transform, o.n);
  if (transform) lines.push('', ...transformedTable([r], transform, d));
  lines.push(...closingSections({ notes: [note], warnings: r.warnings }));
  return lines.join('\n');
}
