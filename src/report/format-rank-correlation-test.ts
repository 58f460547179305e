import type { RankCorrelationResult } from '../bias/rank-correlation-test.ts';
import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';

/**
 * Prints a `rankCorrelationTest` result as metafor's `print.ranktest`: Kendall's τ and its
 * p-value (printed as it is), and how the p-value was computed (exact or normal approximation).
 *
 * @example
 * formatRankCorrelationTest(rankCorrelationTest(metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95], vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] })), resolveFormatOptions({})).split('\n')[2]
 * // => "Kendall's tau = 0.7143, p = 0.0302"  (metafor ranktest: tau = 0.7143, p = 0.0302)
 */
export function formatRankCorrelationTest(r: RankCorrelationResult, o: ResolvedFormatOptions): string {
  const how = r.pValueMethod === 'exact'
    ? 'exact permutation distribution'
    : r.pValueMethod === 'normal' ? 'normal approximation' : null;
  return [
    'Rank Correlation Test for Funnel Plot Asymmetry',
    '',
    `Kendall's tau = ${formatFixed(r.tau, o.digits)}, p = ${formatPValue(r.pValue)}`,
    ...closingSections({ notes: [how ? `p-value: ${how} (k = ${r.k}).` : null], warnings: r.warnings }),
  ].join('\n');
}
