import type { CoefficientTestResult, ContrastTestResult } from '../models/compare/anova.ts';
import type { FitStatisticsResult } from '../models/compare/fit-statistics.ts';
import type { LikelihoodRatioResult } from '../models/compare/likelihood-ratio-test.ts';
import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a Wald test of coefficients as metafor's `print.anova.rma` (`btt`):
 * `Test of Moderators (coefficients ...):` then `QM(df = m) = …, p-val = …` or the F test.
 *
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3, 4] }, method: 'EE' });
 * formatCoefficientTest(anova(fit, { coefficients: ['x'] }), resolveFormatOptions({})).split('\n')[1]
 * // => 'QM(df = 1) = 8.1000, p-val = 0.0044'
 */
export function formatCoefficientTest(r: CoefficientTestResult, o: ResolvedFormatOptions): string {
  const stat = r.df === null
    ? formatTestStatistic('QM', r.qm, r.qmDf, r.pValue, o.digits)
    : formatTestStatistic('F', r.qm, [r.qmDf, r.df], r.pValue, o.digits);
  return [`Test of Moderators (coefficient${r.tested.length > 1 ? 's' : ''} ${r.tested.join(', ')}):`, stat].join('\n');
}

/**
 * Prints Wald tests of linear combinations as metafor's `print.anova.rma` (`X`): the
 * hypotheses, a table of estimate, se, z (or t) and p-value, and the omnibus test.
 *
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3, 4] }, method: 'EE' });
 * formatContrastTest(anova(fit, { contrasts: [[1, 2]] }), resolveFormatOptions({})).split('\n')[1]
 * // => '1: intercept + 2*x = 0'
 */
export function formatContrastTest(r: ContrastTestResult, o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const stat = r.df === null ? 'zval' : 'tval';
  const lines = ['Hypotheses:', ...r.contrasts.map((c, i) => `${i + 1}: ${c.hypothesis}`), '', 'Results:'];
  lines.push(...textTable(['estimate', 'se', stat, 'pval'], r.contrasts.map((c) => [f(c.estimate), f(c.se), f(c.statistic), formatPValue(c.pValue)]), { rowNames: r.contrasts.map((_, i) => `${i + 1}:`) }));
  if (r.contrasts.length > 1) {
    lines.push('', 'Omnibus Test of Hypotheses:', r.df === null
      ? formatTestStatistic('QM', r.qm, r.qmDf, r.qmPValue, o.digits)
      : formatTestStatistic('F', r.qm, [r.qmDf, r.df], r.qmPValue, o.digits));
  }
  return lines.join('\n');
}

/**
 * Prints a likelihood-ratio test as metafor's `print.anova.rma` (two models): df, AIC, BIC,
 * AICc, logLik, LRT, p-value, QE and τ² of the full and reduced model, and R².
 *
 * @example
 * const y = { yi: [0.1, 0.5, 0.3, 0.9, 0.7], vi: [0.02, 0.03, 0.02, 0.04, 0.03] };
 * const t = anova(metaRegression(y, { moderators: { x: [1, 2, 3, 4, 5] }, method: 'ML' }), metaAnalysis(y, { method: 'ML' }));
 * formatLikelihoodRatioTest(t, resolveFormatOptions({})).split('\n')[0]
 * // => '         df     AIC     BIC     AICc   logLik     LRT    pval       QE   tau^2'
 */
export function formatLikelihoodRatioTest(r: LikelihoodRatioResult, o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const row = (m: LikelihoodRatioResult['full'], test: boolean) => [
    String(m.parameters), f(m.aic), f(m.bic), f(m.aicc), f(m.logLik), test ? f(r.lrt) : '', test ? formatPValue(r.pValue) : '', f(m.qe), f(m.tau2),
  ];
  const lines = textTable(['df', 'AIC', 'BIC', 'AICc', 'logLik', 'LRT', 'pval', 'QE', 'tau^2'], [row(r.full, false), row(r.reduced, true)], { rowNames: ['Full', 'Reduced'] });
  if (r.r2 !== null) lines.push('', `Proportional reduction in tau² (R²): ${formatFixed(r.r2, 2)}%`);
  lines.push(...closingSections({ notes: [`Likelihood: ${r.likelihood}.`], warnings: r.warnings }));
  return lines.join('\n');
}

/**
 * Prints `fitStatistics` as metafor's `fitstats`: logLik, deviance, AIC, BIC and AICc under the
 * fit's likelihood (REML for a REML fit, else ML), and the other likelihood beside it.
 *
 * @example
 * formatFitStatistics(fitStatistics(metaAnalysis({ yi: [0, 1, 3], vi: [1, 1, 1] }, { method: 'ML' })), resolveFormatOptions({})).split('\n')[0]
 * // => '                ML     REML'
 */
export function formatFitStatistics(r: FitStatisticsResult, o: ResolvedFormatOptions): string {
  const f = (x: number) => formatFixed(x, o.digits);
  const keys = ['logLik', 'deviance', 'aic', 'bic', 'aicc'] as const;
  const lines = textTable(['ML', 'REML'], keys.map((key) => [f(r.ml[key]), f(r.reml[key])]), { rowNames: ['logLik:', 'deviance:', 'AIC:', 'BIC:', 'AICc:'] });
  lines.push('', `Parameters: ${r.parameters} (k = ${r.k}, p = ${r.p}); the fit's likelihood is ${r.likelihood}.`);
  return lines.join('\n');
}
