import type { MetaRegressionResult } from '../models/regression/meta-regression.ts';
import { coefficientTable } from './coefficient-table.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { closingSections } from './printout-sections.ts';
import { printoutTransform } from './printout-transform.ts';
import { transformedTable } from './transformed-table.ts';

/**
 * Prints a `metaRegression` result as metafor's `print.rma.uni` prints a model with moderators:
 * the model line (mixed-effects, or fixed-effects with moderators for EE), residual τ², τ, I²,
 * H² and R², the test for residual heterogeneity (QE), the omnibus test of the moderators (QM,
 * or F for t / Knapp–Hartung tests), and the coefficient table with significance stars.
 *
 * Back-transformation: only `exp` applies to coefficients (exp(b) of the intercept is the
 * ratio at all moderators 0, of a moderator the multiplicative change per unit); the other
 * transforms have no meaning for a slope, so they are not applied and a note says so.
 *
 * @example
 * formatMetaRegression(metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] } }), resolveFormatOptions({})).split('\n')[0]
 * // => 'Mixed-Effects Model (k = 4; tau^2 estimator: REML)'
 */
export function formatMetaRegression(r: MetaRegressionResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const random = r.method !== 'EE';
  const t = r.test !== 'z';
  const m = r.qmDf;
  const first = r.intercept === false ? 1 : 2; // without intercept Q_M tests coefficients 1:p
  const lines = [
    random ? `Mixed-Effects Model (k = ${r.k}; tau^2 estimator: ${r.method})` : `Fixed-Effects with Moderators Model (k = ${r.k})`,
    '',
    ...heterogeneityLines(r, d, random),
    '',
    'Test for Residual Heterogeneity:',
    formatTestStatistic('QE', r.qe, r.qeDf, r.qePValue, d),
    '',
    `Test of Moderators (coefficient${m === 1 ? '' : 's'} ${m === 1 ? first : `${first}:${m + first - 1}`}):`,
    t ? formatTestStatistic('F', r.qm, [r.qmDf, r.df], r.qmPValue, d) : formatTestStatistic('QM', r.qm, r.qmDf, r.qmPValue, d),
    '',
    'Model Results:',
    '',
    ...coefficientTable(r.coefficients.map((c) => ({ ...c, df: r.df })), { t, digits: d }),
  ];
  const { transform, note } = printoutTransform(r.measure ?? o.measure, o.transform, o.n);
  let skipped: string | null = note;
  if (transform?.name === 'exp') {
    lines.push('', ...transformedTable(r.coefficients, transform, d));
    lines.push('For a moderator, exp(estimate) is the multiplicative change per unit increase.');
  } else if (transform) {
    skipped = `Coefficients are not back-transformed by ${transform.name}: a slope has no ${transform.scale.toLowerCase()} scale (back-transform predicted values instead).`;
  }
  lines.push(...closingSections({ notes: [skipped], warnings: r.warnings }));
  return lines.join('\n');
}

function heterogeneityLines(r: MetaRegressionResult, d: number, random: boolean): string[] {
  const lines: string[] = [];
  if (random) {
    const se = r.tau2Se === null ? '' : ` (SE = ${formatFixed(r.tau2Se, d)})`;
    lines.push(
      `tau^2 (estimated amount of residual heterogeneity):     ${formatFixed(r.tau2, d)}${se}`,
      `tau (square root of estimated tau^2 value):             ${formatFixed(r.tau, d)}`,
    );
  }
  if (r.i2 !== null) lines.push(`I^2 (residual heterogeneity / unaccounted variability): ${formatFixed(r.i2, 2)}%`);
  if (r.h2 !== null) lines.push(`H^2 (unaccounted variability / sampling variability):   ${formatFixed(r.h2, 2)}`);
  if (r.r2 !== null) lines.push(`R^2 (amount of heterogeneity accounted for):            ${formatFixed(r.r2, 2)}%`);
  return lines;
}
