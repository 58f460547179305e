import type { HenmiCopasResult } from '../bias/henmi-copas.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { printoutTransform, transformInterval, transformValue } from './printout-transform.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a `henmiCopas` result as metafor's `print.hc.rma.uni`: a two-row table, the fit
 * (`rma`, with its τ² method) and the Henmi–Copas interval (`hc`, DerSimonian–Laird τ²), each
 * with τ², estimate, SE and CI bounds. With a back-transformation (pass `measure` for the natural
 * one, or `transform`) estimates and bounds are transformed and the SEs left out, as metafor
 * does with `transf`.
 *
 * @example
 * const fit = metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95], vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] }, { method: 'DL' });
 * formatHenmiCopas(henmiCopas(fit), resolveFormatOptions({})).split('\n')[2]
 * // => 'hc       DL  0.0116    0.3501  0.0970  0.1536  0.5466'  (metafor hc(): 0.0116, 0.3501, 0.0970, 0.1536, 0.5466)
 */
export function formatHenmiCopas(r: HenmiCopasResult, o: ResolvedFormatOptions): string {
  const d = o.digits;
  const f = (x: number | null | undefined) => formatFixed(x, d);
  const { transform, note } = printoutTransform(o.measure, o.transform, o.n);
  const value = (x: number) => (transform ? transformValue(transform.apply, x) : x);
  const ci = (c: HenmiCopasResult['ci']) => (transform ? transformInterval(transform.apply, c) : c);
  const row = (method: string, tau2: number, estimate: number, se: number, interval: HenmiCopasResult['ci']) => {
    const bounds = ci(interval);
    return [method, f(tau2), f(value(estimate)), ...(transform ? [] : [f(se)]), f(bounds.lower), f(bounds.upper)];
  };
  const head = ['method', 'tau2', 'estimate', ...(transform ? [] : ['se']), 'ci.lb', 'ci.ub'];
  const lines = textTable(head, [
    row(r.fit.method, r.fit.tau2, r.fit.estimate, r.fit.se, r.fit.ci),
    row(r.method, r.tau2, r.estimate, r.se, r.ci),
  ], { rowNames: ['rma', 'hc'] });
  const notes = [transform ? transform.description : null, note, `k = ${r.k} studies; u0 = ${f(r.u0)}; level ${r.level * 100}%.`];
  return [...lines, ...closingSections({ notes, warnings: r.warnings })].join('\n');
}
