import type { SelectionModelResult } from '../bias/selection-model/selection-model.ts';
import { selectionSpec } from '../bias/selection-model/selection-spec.ts';

/** The selection function of a fitted selection model, as metafor's `plot(sel)` draws it. */
export interface SelectionFunctionData {
  /** p-values on the x axis (for a step function: the steps, drawn as stairs). */
  readonly p: readonly number[];
  /** Relative likelihood of selection w(p) at the estimates. */
  readonly w: readonly number[];
  /** w at the lower and upper Wald bounds of δ, or `null` when there is no such band (metafor's `ci = "wald"`). */
  readonly lower: readonly number[] | null;
  readonly upper: readonly number[] | null;
  readonly stairs: boolean;
}

/**
 * Points of the estimated selection function w(p) of a `selectionModel` result over
 * [pMin, 1 − pMin] (`n` points; a step function at its steps), with the Wald band of metafor's
 * `plot(sel, ci = "wald")`: w at the lower and at the upper confidence bounds of δ (fixed δ at
 * their value), available for step functions and for one estimated δ. With `prec` the function
 * is drawn for the largest precision (metafor's default `prec = "max"`, factor 1).
 *
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.35, 0.5, 0.62, 0.2, 0.8, 0.05], vi: [0.01, 0.02, 0.04, 0.05, 0.08, 0.03, 0.1, 0.015] });
 * selectionFunctionData(selectionModel(fit, { type: 'stepfun', steps: [0.05, 1] })).p // => [0, 0.05, 1]
 */
export function selectionFunctionData(sel: SelectionModelResult, n = 500): SelectionFunctionData {
  const spec = selectionSpec(sel.type, sel.steps);
  const stairs = sel.type === 'stepfun';
  const p = stairs ? [0, ...sel.steps] : Array.from({ length: n }, (_, i) => spec.pMin + ((1 - 2 * spec.pMin) * i) / (n - 1));
  const at = (delta: readonly number[]) => p.map((x) => Math.max(0, spec.weight(x, delta, 1)));
  const estimates = sel.delta.map((d) => d.estimate);
  const free = sel.delta.filter((d) => !d.fixed);
  const band = free.length > 0 && free.every((d) => d.ci.lower !== null && d.ci.upper !== null) && (stairs || free.length === 1);
  return {
    p, w: at(estimates), stairs,
    lower: band ? at(sel.delta.map((d) => (d.fixed ? d.estimate : d.ci.lower!))) : null,
    upper: band ? at(sel.delta.map((d) => (d.fixed ? d.estimate : d.ci.upper!))) : null,
  };
}
