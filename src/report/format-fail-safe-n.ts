import type { FailSafeNResult } from '../bias/fail-safe-n.ts';
import { formatFixed, formatPValue } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';

/**
 * Prints a `failSafeN` result as metafor's `print.fsn`: the approach, then for Rosenthal the
 * observed and target significance levels, for Orwin the average and target effect sizes, for
 * Rosenberg the average effect size and both significance levels, for Binomial the sign test's
 * significance levels, for General the estimate, τ² and p-value with and without the file drawer
 * and the target; then the fail-safe N (`>` when capped at 10⁷). The
 * effect sizes are on the analysis scale (no back-transformation applies to a target).
 *
 * @example
 * formatFailSafeN(failSafeN({ yi: [0.5, 0.4, 0.6], vi: [0.04, 0.04, 0.04] }), resolveFormatOptions({}))
 * // => 'Fail-safe N Calculation Using the Rosenthal Approach\n\n…\nFail-safe N: 18\n…' (metafor fsn: 18)
 */
export function formatFailSafeN(r: FailSafeNResult, o: ResolvedFormatOptions): string {
  const f = (x: number | null) => formatFixed(x, o.digits);
  const lines = [`Fail-safe N Calculation Using the ${r.type} Approach`, ''];
  if (r.type === 'Rosenthal' || r.type === 'Binomial') {
    lines.push(`Observed Significance Level: ${formatPValue(r.pValue)}`, `Target Significance Level:   ${r.alpha}`);
  } else if (r.type === 'General') {
    lines.push(...generalLines(r, f));
  } else if (r.type === 'Orwin') {
    lines.push(`Average Effect Size: ${f(r.meanEffect)}`, `Target Effect Size:  ${f(r.target)}`);
  } else {
    lines.push(
      `Average Effect Size:         ${f(r.meanEffect)}`,
      `Observed Significance Level: ${formatPValue(r.pValue)}`,
      `Target Significance Level:   ${r.alpha}`,
    );
  }
  // the result holds an infinite N as NaN (null after JSON); metafor prints it as Inf
  const n = typeof r.n === 'number' && Number.isFinite(r.n) ? String(r.n) : 'Inf';
  lines.push('', `Fail-safe N: ${r.capped === true ? '>' : ''}${n}`);
  const how = r.type === 'Rosenthal' && r.pool === 'fisher' ? " (Fisher's method of pooling p-values)" : r.type === 'General' && r.method ? ` (${r.method} model)` : '';
  lines.push(...closingSections({ notes: [`k = ${r.k} studies${how}.`], warnings: r.warnings }));
  return lines.join('\n');
}

/** The General type's lines: each quantity, and "with file drawer" after N > 0 added studies. */
function generalLines(r: FailSafeNResult, f: (x: number | null) => string): string[] {
  const added = typeof r.n === 'number' && r.n > 0;
  const drawer = (text: string) => (added ? ` (with file drawer: ${text})` : '');
  const lines = [`Average Effect Size:         ${f(r.meanEffect)}${drawer(f(r.estimateAfter))}`];
  if (r.method !== 'EE') lines.push(`Amount of Heterogeneity:     ${f(r.tau2)}${drawer(f(r.tau2After))}`);
  lines.push(`Observed Significance Level: ${formatPValue(r.pValue)}${drawer(formatPValue(r.pValueAfter))}`);
  lines.push(r.target === null ? `Target Significance Level:   ${r.alpha}` : `Target Effect Size:          ${f(r.target)}`);
  return lines;
}
