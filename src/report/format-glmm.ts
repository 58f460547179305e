import type { GlmmResult } from '../models/glmm/glmm.ts';
import { coefficientTable } from './coefficient-table.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';

const MODEL_TYPES: Readonly<Record<string, string>> = {
  'UM.FS': 'Unconditional Model with Fixed Study Effects',
  'UM.RS': 'Unconditional Model with Random Study Effects',
  'CM.AL': 'Conditional Model with Approximate Likelihood',
  'CM.EL': 'Conditional Model with Exact Likelihood',
};

/**
 * Prints a `glmm` fit as metafor's `print.rma.glmm`: the model line and type, τ², τ, I², H²
 * (and σ² for UM.RS), the Wald-type and likelihood-ratio tests for heterogeneity, the test of
 * moderators and the coefficient table (log odds / log rate scale), then convergence and warnings.
 *
 * @example
 * const fit = glmm([{ xi: 16, ni: 17 }, { xi: 10, ni: 12 }, { xi: 4, ni: 8 }], { measure: 'PLO', method: 'EE' });
 * formatGlmm(fit, resolveFormatOptions({})).split('\n')[0]
 * // => 'Equal-Effects Model (k = 3)'
 */
export function formatGlmm(r: GlmmResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const t = r.test === 't';
  const m = r.coefficients.length - 1;
  const ee = r.method === 'EE';
  const lines = [ee
    ? `${m > 0 ? 'Equal-Effects with Moderators Model' : 'Equal-Effects Model'} (k = ${r.k})`
    : `${m > 0 ? 'Mixed-Effects Model' : 'Random-Effects Model'} (k = ${r.k}; tau^2 estimator: ML)`];
  if (r.model !== null) lines.push(`Model Type: ${MODEL_TYPES[r.model]}`);
  lines.push('');
  if (!ee) {
    const what = m > 0 ? 'residual' : 'total';
    lines.push(
      `tau^2 (estimated amount of ${what} heterogeneity): ${formatFixed(r.tau2, d)}`,
      `tau (square root of estimated tau^2 value): ${formatFixed(r.tau, d)}`,
      `I^2 (${m > 0 ? 'residual heterogeneity / unaccounted variability' : 'total heterogeneity / total variability'}): ${formatFixed(r.i2, 2)}%`,
      `H^2 (${m > 0 ? 'unaccounted' : 'total'} variability / sampling variability): ${formatFixed(r.h2, 2)}`,
      '',
    );
  }
  if (r.sigma2 !== null) {
    lines.push(`sigma^2 (estimated amount of study level variability): ${formatFixed(r.sigma2, d)}`,
      `sigma (square root of estimated sigma^2 value): ${formatFixed(Math.sqrt(r.sigma2), d)}`, '');
  }
  if (r.qeDf !== null) {
    lines.push(m > 0 ? 'Tests for Residual Heterogeneity:' : 'Tests for Heterogeneity:',
      formatTestStatistic('Wld', r.qeWald, r.qeDf, r.qeWaldPValue, d),
      formatTestStatistic('LRT', r.qeLrt, r.qeDf, r.qeLrtPValue, d), '');
  }
  if (m > 0) {
    lines.push(`Test of Moderators (coefficient${m === 1 ? ' 2' : `s 2:${m + 1}`}):`,
      t ? formatTestStatistic('F', r.qm, r.qmDf, r.qmPValue, d) : formatTestStatistic('QM', r.qm, r.qmDf[0], r.qmPValue, d), '');
  }
  lines.push('Model Results:', '', ...coefficientTable(r.coefficients.map((c) => ({ ...c, df: r.df })), { t, digits: d }));
  lines.push('', `log-likelihood (as metafor): ${formatFixed(r.logLik, d)}; AIC: ${formatFixed(r.aic, d)}; ${r.converged ? `converged in ${r.iterations} Newton iterations` : 'DID NOT CONVERGE'}`);
  lines.push(...closingSections({ notes: [], warnings: r.warnings }));
  return lines.join('\n');
}
