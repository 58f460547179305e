import type { MantelHaenszelResult } from '../models/mantel-haenszel.ts';
import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { tablePoolingSections } from './table-pooling-sections.ts';

/**
 * Prints a `mantelHaenszel` result as metafor's `print.rma.mh`: model line, I², H², the
 * heterogeneity test, the estimate on the log scale (OR, RR) or as a risk difference, the
 * back-transformed estimate and CI (by default the OR, RR or IRR scale), for OR the
 * Cochran–Mantel–Haenszel and Tarone tests, and for IRR the Mantel–Haenszel test of equal rates.
 * p-values are printed as they are.
 *
 * @example
 * const rows = [{ ai: 4, bi: 119, ci: 11, di: 128 }, { ai: 6, bi: 300, ci: 29, di: 274 }];
 * formatMantelHaenszel(mantelHaenszel(rows, { measure: 'OR' }), resolveFormatOptions({}))
 * // => '…Cochran-Mantel-Haenszel Test:    CMH = 16.9213, df = 1, p-val = 3.90e-5…'
 */
export function formatMantelHaenszel(r: MantelHaenszelResult, o: ResolvedFormatOptions): string {
  const { lines, note } = tablePoolingSections(r, o, `Mantel-Haenszel method, measure ${r.measure}`);
  if (r.measure === 'OR') {
    const d = o.digits;
    const cmh = r.cmh === null
      ? 'test value not computable for these data'
      : `CMH = ${formatFixed(r.cmh, d)}, df = 1, p-val = ${formatPValue(r.cmhPValue)}`;
    const tarone = r.tarone === null
      ? 'test value not computable for these data'
      : `X^2 = ${formatFixed(r.tarone, d)}, df = ${r.taroneDf}, p-val = ${formatPValue(r.taronePValue)}`;
    lines.push('', `Cochran-Mantel-Haenszel Test:    ${cmh}`, `Tarone's Test for Heterogeneity: ${tarone}`);
  }
  if (r.measure === 'IRR') {
    const mh = r.cmh === null
      ? 'test value not computable for these data'
      : `MH = ${formatFixed(r.cmh, o.digits)}, df = 1, p-val = ${formatPValue(r.cmhPValue)}`;
    lines.push('', `Mantel-Haenszel Test: ${mh}`);
  }
  lines.push(...closingSections({ notes: [note], warnings: r.warnings }));
  return lines.join('\n');
}
