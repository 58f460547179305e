import type { BackTransform } from '../effect-sizes/back-transform.ts';
import type { Interval } from '../types.ts';
import { formatFixed } from './format-number.ts';
import { transformInterval, transformValue } from './printout-transform.ts';
import { textTable } from './text-table.ts';

/** One estimate to show back-transformed, with its CI and, where the model has one, its prediction interval. */
export interface TransformedRow {
  readonly name?: string;
  readonly estimate: number | null;
  readonly ci: Interval | null;
  readonly predictionInterval?: Interval | null;
}

/**
 * The back-transformed block of a printout, as metafor's `Model Results (OR scale):` or
 * `predict(fit, transf = exp)`: a heading naming the scale, the estimate, CI bounds and (when
 * given) prediction-interval bounds after the transformation, and the sentence saying what was
 * done. Standard errors are not shown here: they stay on the analysis scale.
 *
 * @example
 * transformedTable([{ estimate: 0, ci: { lower: -1, upper: 1 } }], backTransform('OR'), 4)[0]
 * // => 'Model Results (Odds Ratio scale):'
 */
export function transformedTable(rows: readonly TransformedRow[], bt: BackTransform, digits: number): string[] {
  const f = (x: number | null) => formatFixed(x, digits);
  const withPi = rows.some((r) => r.predictionInterval);
  const head = ['estimate', 'ci.lb', 'ci.ub', ...(withPi ? ['pi.lb', 'pi.ub'] : [])];
  const cells = rows.map((r) => {
    const ci = transformInterval(bt.apply, r.ci);
    const pi = transformInterval(bt.apply, r.predictionInterval);
    return [f(transformValue(bt.apply, r.estimate)), f(ci.lower), f(ci.upper), ...(withPi ? [f(pi.lower), f(pi.upper)] : [])];
  });
  const named = rows.some((r) => r.name !== undefined);
  return [
    `Model Results (${bt.scale} scale):`,
    '',
    ...textTable(head, cells, named ? { rowNames: rows.map((r) => r.name ?? '') } : {}),
    '',
    bt.description,
  ];
}
