import { backTransform, naturalTransform, type BackTransform, type TransformName } from '../effect-sizes/back-transform.ts';
import type { Interval, Measure } from '../types.ts';

/** The back-transformation a printout applies (`null`: analysis scale only), and a note when one was skipped. */
export interface PrintoutTransform {
  readonly transform: BackTransform | null;
  readonly note: string | null;
}

/**
 * Chooses the back-transformation of a printout with `backTransform`: the one asked for, or
 * with `'auto'` the natural one of `measure`. With `'auto'`, a measure whose inverse needs the
 * sample sizes (PFT) or the person-times (IRFT, passed as `n`) and no `n` stays on the analysis
 * scale, and the note says why.
 *
 * @throws InputError (from `backTransform`) when `ipft` is asked for without sample sizes.
 * @example
 * printoutTransform('OR', 'auto').transform?.name // => 'exp'
 * printoutTransform('MD', 'auto').transform       // => null
 */
export function printoutTransform(
  measure: Measure | null | undefined,
  choice: TransformName | 'auto',
  n?: ArrayLike<number>,
): PrintoutTransform {
  if (choice === 'auto' && naturalTransform(measure) === 'ipft' && n === undefined) {
    return {
      transform: null,
      note: 'Estimates stay on the Freeman-Tukey scale: pass n (the sample sizes) to back-transform them to proportions.',
    };
  }
  if (choice === 'auto' && naturalTransform(measure) === 'iirft' && n === undefined) {
    return {
      transform: null,
      note: 'Estimates stay on the Freeman-Tukey scale: pass n (the person-times) to back-transform them to incidence rates.',
    };
  }
  const bt = backTransform(measure, choice, { n });
  return { transform: bt.name === 'none' ? null : bt, note: null };
}

/**
 * Applies a back-transformation to a value, `null` staying `null`.
 *
 * @example
 * transformValue(Math.exp, 0) // => 1
 */
export function transformValue(f: (x: number) => number, x: number | null | undefined): number | null {
  return x === null || x === undefined || Number.isNaN(x) ? null : f(x);
}

/**
 * Applies a (monotone increasing) back-transformation to both bounds of an interval.
 *
 * @example
 * transformInterval(Math.exp, { lower: 0, upper: null }) // => { lower: 1, upper: null }
 */
export function transformInterval(f: (x: number) => number, ci: Interval | null | undefined): Interval {
  return { lower: transformValue(f, ci?.lower), upper: transformValue(f, ci?.upper) };
}
