import { backTransform, type BackTransform, type BackTransformOptions, type TransformName } from '../../effect-sizes/back-transform.ts';
import { InputError } from '../../errors.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import type { Interval, Measure } from '../../types.ts';

/** One predicted value with its intervals, on the analysis scale or back-transformed. */
export interface PredictedValue {
  readonly label: string;
  readonly estimate: number | null;
  /** Standard error on the analysis scale; `null` when back-transformed (as metafor). */
  readonly se: number | null;
  readonly ci: Interval;
  /** Prediction interval (`predict`) or the BLUP's interval (`blup`). */
  readonly pi: Interval;
}

/**
 * Resolves the `transform` option of `predict` and `blup`: `'none'` (default, metafor's
 * `transf = FALSE`), `'auto'` for the measure's natural scale, or a transform name.
 *
 * @example
 * resolveTransform('RR', 'auto').name // => 'exp'
 */
export function resolveTransform(measure: Measure | null, choice: unknown, options: BackTransformOptions = {}): BackTransform {
  if (choice === undefined) return backTransform(measure, 'none');
  if (typeof choice !== 'string') throw new InputError('must be a transform name or "auto"', { field: 'transform', value: choice });
  return backTransform(measure, choice as TransformName | 'auto', options);
}

/**
 * A predicted value and its bounds, back-transformed by `t` (bounds sorted, SE dropped when a
 * transformation is applied), `null` where not finite.
 *
 * @example
 * predictedValue('', 0, 1, [-2, 2], [-3, 3], backTransform('RR', 'exp')).ci // => { lower: 0.1353352832366127, upper: 7.38905609893065 }
 */
export function predictedValue(
  label: string, estimate: number, se: number, ci: readonly [number, number], pi: readonly [number, number], t: BackTransform,
): PredictedValue {
  const apply = (x: number) => finiteOrNull(t.apply(x));
  const bounds = ([a, b]: readonly [number, number]): Interval => {
    const lo = apply(a);
    const hi = apply(b);
    return Object.freeze(lo !== null && hi !== null && lo > hi ? { lower: hi, upper: lo } : { lower: lo, upper: hi });
  };
  return Object.freeze({
    label,
    estimate: apply(estimate),
    se: t.name === 'none' ? finiteOrNull(se) : null,
    ci: bounds(ci),
    pi: bounds(pi),
  });
}
