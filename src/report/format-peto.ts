import type { PetoResult } from '../models/peto.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { tablePoolingSections } from './table-pooling-sections.ts';

/**
 * Prints a `peto` result as metafor's `print.rma.peto`: model line, I², H², the heterogeneity
 * test, the pooled log odds ratio with its test and CI, and (by default) the odds ratio and
 * its CI. p-values are printed as they are.
 *
 * @example
 * formatPeto(peto([{ ai: 8, n1i: 50, ci: 15, n2i: 50 }]), resolveFormatOptions({})).split('\n')[0]
 * // => "Equal-Effects Model (k = 1; Peto's method)"
 */
export function formatPeto(r: PetoResult, o: ResolvedFormatOptions): string {
  const { lines, note } = tablePoolingSections(r, o, "Peto's method");
  lines.push(...closingSections({ notes: [note], warnings: r.warnings }));
  return lines.join('\n');
}
