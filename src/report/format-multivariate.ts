import type { MultivariateResult } from '../models/multivariate/multivariate.ts';
import type { VarianceComponentSummary } from '../models/multivariate/describe-components.ts';
import { coefficientTable } from './coefficient-table.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a `multivariate` fit as metafor's `print.rma.mv`: the model line and log-likelihood;
 * σ² of the nested levels; for each `~ inner | outer` term its factors, the τ² (γ² for the
 * second term) per inner level and the correlations; the tests for residual heterogeneity and of
 * the moderators (χ² or F); the coefficient table.
 *
 * @example
 * const fit = multivariate({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { random: { inner: ['x', 'y', 'x', 'y', 'x', 'y'], outer: ['a', 'a', 'b', 'b', 'c', 'c'], struct: 'CS' } });
 * formatMultivariate(fit, resolveFormatOptions({})).split('\n')[0]
 * // => 'Multivariate Meta-Analysis Model (k = 6; method: REML)'
 */
export function formatMultivariate(r: MultivariateResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const t = r.test === 't';
  const lines = [
    `Multivariate Meta-Analysis Model (k = ${r.k}; method: ${r.method})`, '',
    `logLik (${r.method === 'REML' ? 'restricted' : 'full'}): ${formatFixed(r.logLik, d)}`, '',
    'Variance Components:', '',
    ...componentLines(r.components, d),
    ...(r.profileIntervals && r.profileIntervals.length > 0 ? [
      `Profile-likelihood intervals (${Math.round(r.level * 1000) / 10}%):`, '',
      ...textTable(['estimate', 'ci.lb', 'ci.ub'], r.profileIntervals.map((c) => [formatFixed(c.estimate, d), formatFixed(c.lower, d), formatFixed(c.upper, d)]),
        { rowNames: r.profileIntervals.map((c) => `${c.parameter}.${c.index + 1}`) }), '',
    ] : []),
    'Test for Residual Heterogeneity:',
    formatTestStatistic('QE', r.qe, r.qeDf, r.qePValue, d), '',
  ];
  if (r.qmDf > 0) {
    const first = r.p - r.qmDf + 1;
    lines.push(
      `Test of Moderators (coefficient${r.qmDf === 1 ? '' : 's'} ${r.qmDf === 1 ? String(first) : `${first}:${r.p}`}):`,
      t ? formatTestStatistic('F', r.qm, [r.qmDf, r.df], r.qmPValue, d) : formatTestStatistic('QM', r.qm, r.qmDf, r.qmPValue, d), '',
    );
  }
  lines.push('Model Results:', '', ...coefficientTable(r.coefficients.map((c) => ({ ...c, df: r.df })), { t, digits: d }));
  lines.push(...closingSections({ notes: [], warnings: r.warnings }));
  return lines.join('\n');
}

function componentLines(components: readonly VarianceComponentSummary[], d: number): string[] {
  const lines: string[] = [];
  const nested = components.filter((c) => c.kind === 'nested');
  const sigma2 = nested.flatMap((c) => c.sigma2.map((s, l) => ({ s, groups: c.groups[l]!, factor: c.names.slice(0, l + 1).join('/') })));
  if (sigma2.length > 0) {
    lines.push(...textTable(['estim', 'sqrt', 'nlvls', 'fixed', 'factor'],
      sigma2.map((x) => [formatFixed(x.s, d), formatFixed(Math.sqrt(x.s), d), String(x.groups), x.groups === 1 ? 'yes' : 'no', x.factor]),
      { rowNames: sigma2.map((_, l) => `sigma^2.${l + 1}`) }), '');
  }
  components.filter((c) => c.kind === 'structured').forEach((c, j) => {
    if (c.kind !== 'structured') return;
    const [v, rho] = j === 0 ? ['tau^2', 'rho'] : ['gamma^2', 'phi'];
    const m = c.innerLevels.length;
    lines.push(`outer factor: ${c.outer} (nlvls = ${c.outerGroups})`, `inner factor: ${c.inner} (nlvls = ${m}; struct: ${c.struct})`, '');
    lines.push(...textTable(['estim', 'sqrt', 'level'],
      c.tau2.map((s, a) => [formatFixed(s, d), formatFixed(Math.sqrt(s), d), c.tau2.length === 1 ? 'all' : c.innerLevels[a]!]),
      { rowNames: c.tau2.map((_, a) => (c.tau2.length === 1 ? v : `${v}.${a + 1}`)) }));
    if (c.rho.length > 0) {
      lines.push(...textTable(['estim'], c.rho.map((x) => [formatFixed(x, d)]), { rowNames: c.rho.map((_, a) => (c.rho.length === 1 ? rho : `${rho}.${a + 1}`)) }));
    }
    lines.push('');
  });
  return lines;
}
