import { InputError } from '../errors.ts';
import type { MantelHaenszelResult } from '../models/mantel-haenszel.ts';
import type { PetoResult } from '../models/peto.ts';
import type { MetaAnalysisResult, ProvenanceCounts } from '../types.ts';
import { formatFixed, formatPValue, significanceStars } from './format-number.ts';
import { formatTablePooling } from './format-table-pooling.ts';

/**
 * Formats a fitted model the way metafor's `print.rma.uni` does (and `rma.mh` / `rma.peto`
 * results as `print.rma.mh` / `print.rma.peto` do): model line, heterogeneity
 * statistics with their Q-profile intervals, the Q test, and the coefficient table. Beside the
 * estimate it states how many studies rely on derived, imputed or assumed variances. Warnings
 * are listed at the end.
 *
 * @example
 * const lines = formatResult(metaAnalysis({ yi: [0.1, 0.3], vi: [0.01, 0.02] })).split('\n');
 * lines[0] // => 'Random-effects model (k = 2; tau^2 estimator: REML)'
 * lines.find((l) => l.startsWith('  0.1750')) // => '  0.1750  0.0968  1.8074  0.0707  -0.0148  0.3648  .'
 * //    (metafor 5.1 print(rma(c(0.1, 0.3), c(0.01, 0.02))) prints the same coefficient row)
 */
export function formatResult(result: MetaAnalysisResult | MantelHaenszelResult | PetoResult, digits = 4): string {
  if (result === null || typeof result !== 'object' || typeof (result as { method?: unknown }).method !== 'string') {
    throw new InputError('expected the result of metaAnalysis, mantelHaenszel or peto', { field: 'result' });
  }
  if (result.method === 'MH' || result.method === 'PETO') return formatTablePooling(result, digits);
  return formatModel(result, digits);
}

function formatModel(result: MetaAnalysisResult, digits: number): string {
  const f = (x: number | null) => formatFixed(x, digits);
  const lines: string[] = [];
  const random = result.method !== 'EE';
  lines.push(
    random
      ? `Random-effects model (k = ${result.k}; tau^2 estimator: ${result.method})`
      : `Equal-effects model (k = ${result.k})`,
    '',
  );
  if (random) {
    const ci = (c: { lower: number | null; upper: number | null } | undefined, d = digits) =>
      c ? ` [${formatFixed(c.lower, d)}, ${formatFixed(c.upper, d)}]` : '';
    lines.push(
      `tau^2 (estimated amount of total heterogeneity): ${f(result.tau2)} (SE = ${f(result.tau2Se)})${ci(result.tau2Ci)}`,
      `tau (square root of estimated tau^2 value):      ${f(result.tau)}`,
      `I^2 (total heterogeneity / total variability):   ${formatFixed(result.i2, 2)}%${ci(result.i2Ci, 2)}`,
      `H^2 (total variability / sampling variability):  ${formatFixed(result.h2, 2)}${ci(result.h2Ci, 2)}`,
    );
  } else {
    lines.push(
      `I^2 (total heterogeneity / total variability):   ${formatFixed(result.i2, 2)}%`,
      `H^2 (total variability / sampling variability):  ${formatFixed(result.h2, 2)}`,
    );
  }
  lines.push('', 'Test for Heterogeneity:', `Q(df = ${result.qDf}) = ${f(result.q)}, p-val = ${formatPValue(result.qPValue)}`, '');
  lines.push('Model Results:', '', ...coefficientTable(result, digits), `Variances: ${describeProvenance(result.provenance)}`, '');
  const level = Math.round(result.level * 1000) / 10;
  lines.push(`${level}% prediction interval: [${f(result.predictionInterval.lower)}, ${f(result.predictionInterval.upper)}]`);
  if (result.test === 'knha') lines.push(`Test: Knapp–Hartung adjustment, t with ${result.df} df.`);
  else if (result.test === 't') lines.push(`Test: t with ${result.df} df.`);
  if (result.warnings.length) lines.push('', 'Warnings:', ...result.warnings.map((w) => `- ${w}`));
  return lines.join('\n');
}

function coefficientTable(r: MetaAnalysisResult, digits: number): string[] {
  const stat = r.test === 'z' ? 'zval' : 'tval';
  const head = ['estimate', 'se', stat, ...(r.df !== null ? ['df'] : []), 'pval', 'ci.lb', 'ci.ub'];
  const cells = [
    formatFixed(r.estimate, digits),
    formatFixed(r.se, digits),
    formatFixed(r.statistic, digits),
    ...(r.df !== null ? [String(r.df)] : []),
    formatPValue(r.pValue),
    formatFixed(r.ci.lower, digits),
    formatFixed(r.ci.upper, digits),
  ];
  const widths = head.map((h, i) => Math.max(h.length, cells[i]!.length));
  const row = (xs: string[]) => xs.map((x, i) => x.padStart(widths[i]!)).join('  ');
  return [row(head), `${row(cells)}  ${significanceStars(r.pValue)}`.trimEnd()];
}

/**
 * "12 reported, 1 derived, 0 imputed, 2 assumed" — and a note when any are not reported.
 *
 * @example
 * describeProvenance({ reported: 2, derived: 0, imputed: 0, assumed: 1 })
 * // => "2 reported, 0 derived, 0 imputed, 1 assumed (1 of 3 studies rely on non-reported variances)"
 */
export function describeProvenance(p: ProvenanceCounts): string {
  const total = p.reported + p.derived + p.imputed + p.assumed;
  const other = total - p.reported;
  const base = `${p.reported} reported, ${p.derived} derived, ${p.imputed} imputed, ${p.assumed} assumed`;
  return other > 0 ? `${base} (${other} of ${total} studies rely on non-reported variances)` : base;
}
