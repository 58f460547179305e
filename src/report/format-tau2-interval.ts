import type { Tau2IntervalResult } from '../models/tau2-inference/tau2-interval.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections, levelPercent } from './printout-sections.ts';
import { textTable } from './text-table.ts';

const TYPE_NAMES = { QP: 'Q-profile', PL: 'profile likelihood', Wald: 'Wald-type' } as const;

/**
 * Prints a `tau2Interval` result as metafor's `print.confint.rma`: the estimates of τ², τ, I² (%)
 * and H² with their confidence bounds, and which interval it is.
 *
 * @example
 * formatTau2Interval(tau2Interval(metaAnalysis({ yi: [0.1, 0.3, 0.5, 0.9], vi: [0.01, 0.02, 0.015, 0.03] }), { type: 'PL' }), resolveFormatOptions({})).split('\n')[0]
 * // => '        estimate    ci.lb    ci.ub'
 */
export function formatTau2Interval(r: Tau2IntervalResult, o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const row = (est: number | null, ci: { lower: number | null; upper: number | null }) => [f(est), f(ci.lower), f(ci.upper)];
  const table = textTable(['estimate', 'ci.lb', 'ci.ub'], [
    row(r.tau2, r.tau2Ci), row(r.tau, r.tauCi), row(r.i2, r.i2Ci), row(r.h2, r.h2Ci),
  ], { rowNames: ['tau^2', 'tau', 'I^2(%)', 'H^2'] });
  const residual = r.p > 1 ? 'residual heterogeneity, ' : '';
  return [
    ...table,
    ...closingSections({
      notes: [`${levelPercent(r.level)} ${TYPE_NAMES[r.intervalType] ?? r.intervalType} confidence intervals (${residual}tau^2 estimator: ${r.method}; k = ${r.k}).`],
      warnings: r.warnings,
    }),
  ].join('\n');
}
