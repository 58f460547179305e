import { formatResult } from '../report/format-result.ts';
import { analysisHeading } from './analysis-heading.ts';
import type { Analysis } from './run-analysis.ts';

/**
 * The text report of `pooled analyze`: what was analysed, then metafor-like printouts
 * (`formatResult`) of the model with its back-transformed estimate and per-study table, of the
 * subgroup analysis and of the meta-regression, each saying which back-transformation was
 * applied; and the effect-size notes (rows left out and why).
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * renderText(analysis) // => 'datasets/bcg.csv: 13 rows…Random-Effects Model (k = 13; tau^2 estimator: REML)…' (as metafor prints)
 */
export function renderText(a: Analysis): string {
  const options = { transform: a.request.transform, measure: a.request.measure, ...(a.n === undefined ? {} : { n: a.n }) };
  const out: string[] = [analysisHeading(a), '', formatResult(a.model, { ...options, studies: true })];
  if (a.summary.transform !== 'none') out.push('', transformHint(a));
  if (a.subgroups !== undefined) out.push('', `Subgroups by ${a.request.subgroup}:`, '', formatResult(a.subgroups, options));
  if (a.regression !== undefined) out.push('', `Meta-regression on ${a.request.moderators.join(', ')}:`, '', formatResult(a.regression, options));
  const notes = a.effects.warnings;
  if (notes.length > 0) out.push('', 'Notes on the effect sizes:', ...notes.map((w) => `- ${w}`));
  return `${out.join('\n')}\n`;
}

/**
 * How to change the back-transformation from the command line.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * transformHint(analysis); // => 'Back-transformation: exp (--transform none reports the log risk ratio scale only).'
 */
export function transformHint(a: Analysis): string {
  return `Back-transformation: ${a.summary.transform} (--transform none reports the ${a.summary.analysis.scale.toLowerCase()} scale only).`;
}
