import type { MultilevelModelResult } from '../models/multilevel/multilevel-model.ts';
import { coefficientTable } from './coefficient-table.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';
import { varianceComponentsHeader } from './variance-components-header.ts';

/**
 * Prints a `multilevel` fit with moderators or nested levels as metafor's `print.rma.mv`: the
 * model line and log-likelihood, one variance component per level (σ², √σ², number of groups,
 * whether fixed, the nesting), the test for residual heterogeneity, the test of moderators (χ² or
 * F), the coefficient table, and the prediction interval of an intercept-only model.
 *
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { levels: [['a', 'a', 'b', 'b', 'c', 'c'], ['1', '2', '1', '2', '1', '2']] });
 * formatMultilevelModel(fit, resolveFormatOptions({})).split('\n')[0]
 * // => 'Multivariate Meta-Analysis Model (k = 6; method: REML)'
 */
export function formatMultilevelModel(r: MultilevelModelResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const t = r.test === 't';
  const factors = r.sigma2.map((_, l) => Array.from({ length: l + 1 }, (_, j) => `level${j + 1}`).join('/'));
  const m = r.p - 1;
  const lines = [
    ...varianceComponentsHeader(
      r, r.sigma2.map((s, l) => ({ sigma2: s, levels: r.nGroups[l]!, fixed: r.fixed[l]!, factor: factors[l]! })), d,
    ),
    'Test for Residual Heterogeneity:',
    formatTestStatistic('QE', r.qe, r.qeDf, r.qePValue, d),
    '',
  ];
  if (m > 0) {
    lines.push(
      `Test of Moderators (coefficient${m === 1 ? '' : 's'} ${m === 1 ? '2' : `2:${m + 1}`}):`,
      t ? formatTestStatistic('F', r.qm, [r.qmDf, r.df], r.qmPValue, d) : formatTestStatistic('QM', r.qm, r.qmDf, r.qmPValue, d),
      '',
    );
  }
  lines.push('Model Results:', '', ...coefficientTable(r.coefficients.map((c) => ({ ...c, df: r.df })), { t, digits: d }));
  if (r.predictionInterval) {
    lines.push('', `Prediction interval: [${formatFixed(r.predictionInterval.lower, d)}, ${formatFixed(r.predictionInterval.upper, d)}]`);
  }
  lines.push(...closingSections({ notes: [], warnings: r.warnings }));
  return lines.join('\n');
}
