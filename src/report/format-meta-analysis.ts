import type { Interval, MetaAnalysisResult } from '../types.ts';
import { describeProvenance } from './describe-provenance.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { heterogeneityAndResults } from './heterogeneity-and-results.ts';
import { closingSections, levelPercent } from './printout-sections.ts';
import { printoutTransform } from './printout-transform.ts';
import { transformedTable } from './transformed-table.ts';

/**
 * Prints a `metaAnalysis` result as metafor's `print.rma.uni` prints an intercept-only model:
 * the model line, τ², τ, I² and H² (with their Q-profile intervals, which metafor prints with
 * `confint`), the Q test, the model results with significance stars, the prediction interval,
 * the provenance of the variances; then, when a back-transformation applies (by default the
 * measure's natural one), the estimate, CI and prediction interval on that scale with a
 * sentence saying what was done. p-values are printed as they are (2.00e-26, not <.0001).
 *
 * @example
 * formatMetaAnalysis(metaAnalysis({ yi: [0.1, 0.3], vi: [0.01, 0.02] }), resolveFormatOptions({})).split('\n')[0]
 * // => 'Random-Effects Model (k = 2; tau^2 estimator: REML)'
 */
export function formatMetaAnalysis(r: MetaAnalysisResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const random = r.method !== 'EE';
  const { transform, note } = printoutTransform(r.measure ?? o.measure, o.transform, o.n);
  const lines = [
    random ? `Random-Effects Model (k = ${r.k}; tau^2 estimator: ${r.method})` : `Equal-Effects Model (k = ${r.k})`,
    '',
    ...heterogeneityLines(r, d, random),
    '',
    ...heterogeneityAndResults(r, r, r.test !== 'z', d),
    '',
    `${levelPercent(r.level)}% prediction interval: [${formatFixed(r.predictionInterval?.lower, d)}, ${formatFixed(r.predictionInterval?.upper, d)}]`,
  ];
  if (r.test === 'knha') lines.push(`Test: Knapp-Hartung adjustment, t with ${r.df} df.`);
  else if (r.test === 't') lines.push(`Test: t with ${r.df} df.`);
  if (r.provenance) lines.push(`Variances: ${describeProvenance(r.provenance)}`);
  if (transform) lines.push('', ...transformedTable([r], transform, d));
  lines.push(...closingSections({ notes: [note], warnings: r.warnings }));
  return lines.join('\n');
}

function heterogeneityLines(r: MetaAnalysisResult, d: number, random: boolean): string[] {
  const ci = (c: Interval | undefined, digits: number) => (c ? ` [${formatFixed(c.lower, digits)}, ${formatFixed(c.upper, digits)}]` : '');
  const shares = [
    `I^2 (total heterogeneity / total variability):   ${formatFixed(r.i2, 2)}%${ci(r.i2Ci, 2)}`,
    `H^2 (total variability / sampling variability):  ${formatFixed(r.h2, 2)}${ci(r.h2Ci, 2)}`,
  ];
  if (!random) return shares;
  const se = r.tau2Se === null || r.tau2Se === undefined ? '' : ` (SE = ${formatFixed(r.tau2Se, d)})`;
  return [
    `tau^2 (estimated amount of total heterogeneity): ${formatFixed(r.tau2, d)}${se}${ci(r.tau2Ci, d)}`,
    `tau (square root of estimated tau^2 value):      ${formatFixed(r.tau, d)}`,
    ...shares,
  ];
}
