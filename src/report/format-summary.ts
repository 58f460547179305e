import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { levelPercent } from './printout-sections.ts';
import type { ResultSummary } from './summarize.ts';
import { textTable } from './text-table.ts';

/**
 * Prints the result of `summarize` as metafor prints `predict(fit, transf = ...)`: the
 * estimate with its confidence and (where the fit has one) prediction interval on the
 * back-transformed scale, the sentence saying what was done, and the analysis-scale estimate
 * with its SE and p-value.
 *
 * @example
 * formatSummary(summarize(metaAnalysis({ yi: [Math.log(2), Math.log(2)], vi: [0.1, 0.1], measure: 'OR' })), resolveFormatOptions({})).split('\n')[3]
 * // => '  2.0000  1.2903  3.1000  1.2903  3.1000'
 */
export function formatSummary(s: ResultSummary, o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const pi = s.predictionInterval;
  const head = ['estimate', 'ci.lb', 'ci.ub', ...(pi ? ['pi.lb', 'pi.ub'] : [])];
  const cells = [f(s.estimate), f(s.ci?.lower), f(s.ci?.upper), ...(pi ? [f(pi.lower), f(pi.upper)] : [])];
  const k = typeof s.k === 'number' ? `k = ${s.k}; ` : '';
  return [
    `Summary of the ${s.kind} result (${k}${levelPercent(s.level)}% intervals; ${s.scale} scale):`,
    '',
    ...textTable(head, [cells]),
    '',
    s.description,
    `On the analysis scale (${s.analysis?.scale}): estimate ${f(s.analysis?.estimate)}, SE ${f(s.se)}, p-val ${formatPValue(s.pValue)}.`,
  ].join('\n');
}
