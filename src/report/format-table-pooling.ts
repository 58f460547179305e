import type { MantelHaenszelResult } from '../models/mantel-haenszel.ts';
import type { PetoResult } from '../models/peto.ts';
import { formatFixed, formatPValue, significanceStars } from './format-number.ts';

/**
 * Formats a Mantel–Haenszel or Peto fit the way metafor prints `rma.mh` / `rma.peto`: the
 * model line, the heterogeneity test with I² and H², the estimate on the log scale and, for
 * ratio measures, on the ratio scale, then the CMH and Tarone tests where they exist.
 *
 * @example
 * const lines = formatTablePooling(peto([{ ai: 8, n1i: 50, ci: 15, n2i: 50 }])).split('\n');
 * lines.find((l) => l.startsWith('estimate'))
 * // => 'estimate  -0.7826  se 0.4729  zval -1.6550  pval 0.0979  ci [-1.7094, 0.1442]  .'
 * //    (metafor 5.1 rma.peto(ai=8, n1i=50, ci=15, n2i=50): -0.7826, 0.4729, -1.6550, 0.0979, -1.7094, 0.1442)
 */
export function formatTablePooling(r: MantelHaenszelResult | PetoResult, digits = 4): string {
  const f = (x: number | null) => formatFixed(x, digits);
  const name = r.method === 'MH' ? `Mantel-Haenszel method, measure ${r.measure}` : "Peto's method";
  const logScale = r.measure === 'OR' || r.measure === 'RR' || r.measure === 'PETO';
  const lines = [
    `Equal-effects model (k = ${r.k}; ${name})`,
    '',
    `I^2 (total heterogeneity / total variability):  ${formatFixed(r.i2, 2)}%`,
    `H^2 (total variability / sampling variability): ${formatFixed(r.h2, 2)}`,
    '',
    'Test for Heterogeneity:',
    `Q(df = ${r.qDf}) = ${f(r.q)}, p-val = ${formatPValue(r.qPValue)}`,
    '',
    `Model Results (${logScale ? 'log scale' : 'risk difference'}):`,
    '',
    `estimate  ${f(r.estimate)}  se ${f(r.se)}  zval ${f(r.statistic)}  pval ${formatPValue(r.pValue)}  ci [${f(r.ci.lower)}, ${f(r.ci.upper)}]  ${significanceStars(r.pValue)}`.trimEnd(),
  ];
  if (r.ratio) {
    lines.push(`exp(estimate) ${f(r.ratio.estimate)}  ci [${f(r.ratio.ci.lower)}, ${f(r.ratio.ci.upper)}]`);
  }
  if (r.method === 'MH' && r.cmh !== null) {
    lines.push('', `Cochran-Mantel-Haenszel Test: CMH = ${f(r.cmh)}, df = 1, p-val = ${formatPValue(r.cmhPValue)}`);
    if (r.tarone !== null) {
      lines.push(`Tarone's Test for Heterogeneity: X^2 = ${f(r.tarone)}, df = ${r.taroneDf}, p-val = ${formatPValue(r.taronePValue)}`);
    }
  }
  if (r.warnings.length) lines.push('', 'Warnings:', ...r.warnings.map((w) => `- ${w}`));
  return lines.join('\n');
}
