import type { MantelHaenszelResult } from '../models/mantel-haenszel.ts';
import type { PetoResult } from '../models/peto.ts';
import { coefficientTable } from './coefficient-table.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { formatTestStatistic } from './format-test-statistic.ts';
import { printoutTransform } from './printout-transform.ts';
import { transformedTable } from './transformed-table.ts';

/**
 * The sections that metafor's `print.rma.mh` and `print.rma.peto` share: the model line, I²
 * and H², the heterogeneity test, the model results on the analysis scale ("log scale" for
 * ratio measures) and, when a back-transformation applies (by default `exp` for OR, RR and
 * Peto's OR), the estimate and CI on the ratio scale with a sentence saying what was done.
 * Returns the lines and the note of a skipped transformation.
 *
 * @example
 * tablePoolingSections(peto([{ ai: 8, n1i: 50, ci: 15, n2i: 50 }]), resolveFormatOptions({}), "Peto's method").lines[0]
 * // => "Equal-Effects Model (k = 1; Peto's method)"
 */
export function tablePoolingSections(
  r: MantelHaenszelResult | PetoResult,
  o: ResolvedFormatOptions,
  name: string,
): { lines: string[]; note: string | null } {
  const d = o.digits;
  const { transform, note } = printoutTransform(r.measure, o.transform, o.n);
  const logScale = r.measure !== 'RD' && r.measure !== 'IRD';
  const lines = [`Equal-Effects Model (k = ${r.k}; ${name})`, ''];
  if (r.i2 !== null) lines.push(`I^2 (total heterogeneity / total variability):  ${formatFixed(r.i2, 2)}%`);
  if (r.h2 !== null) lines.push(`H^2 (total variability / sampling variability): ${formatFixed(r.h2, 2)}`);
  if (r.q !== null) lines.push('', 'Test for Heterogeneity:', formatTestStatistic('Q', r.q, r.qDf, r.qPValue, d));
  lines.push(
    '',
    logScale ? 'Model Results (log scale):' : 'Model Results:',
    '',
    ...coefficientTable([r], { t: false, digits: d, stars: false }),
  );
  if (transform) lines.push('', ...transformedTable([r], transform, d));
  return { lines, note };
}
