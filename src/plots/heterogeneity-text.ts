import { formatPValue } from '../report/format-number.ts';
import { formatPlotNumber } from './format-number.ts';

/** The heterogeneity statistics a plot prints (a `metaAnalysis` result has them all). */
export interface HeterogeneityStatistics {
  readonly k: number;
  readonly tau2: number;
  readonly i2: number;
  readonly q: number;
  readonly qDf?: number;
  readonly qPValue?: number | null;
}

/**
 * One line of heterogeneity statistics: τ², I², Cochran's Q with its df and p-value (p printed
 * as it is down to 1e-300, e.g. 2.29e-26, never "< .0001"). With one study there is nothing to
 * say but that.
 *
 * @example
 * heterogeneityText({ k: 13, tau2: 0.3132, i2: 92.22, q: 152.233, qDf: 12, qPValue: 2.29e-26 });
 * // => 'Heterogeneity: τ² = 0.31, I² = 92.2%, Q(12) = 152.23, p = 2.29e-26'
 */
export function heterogeneityText(h: HeterogeneityStatistics, digits = 2, prefix = 'Heterogeneity: '): string {
  if (h.k < 2) return `${prefix}not estimable (one study)`;
  const df = h.qDf ?? h.k - 1;
  const p = h.qPValue === undefined || h.qPValue === null ? 'NA' : formatPValue(h.qPValue);
  return `${prefix}τ² = ${formatPlotNumber(h.tau2, digits)}, I² = ${formatPlotNumber(h.i2, 1)}%, Q(${df}) = ${formatPlotNumber(h.q, 2)}, p = ${p}`;
}
