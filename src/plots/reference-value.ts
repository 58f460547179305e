import type { BackTransform } from '../effect-sizes/back-transform.ts';
import type { Measure } from '../types.ts';
import { invertTransform } from './invert-transform.ts';

const SINGLE_GROUP: ReadonlySet<Measure> = new Set<Measure>(['PR', 'PLN', 'PLO', 'PAS', 'PFT', 'MN', 'MNLN',
  // single-group incidence rates (issue #13, part A)
  'IR', 'IRLN', 'IRS', 'IRFT']);

/**
 * The reference line on the analysis scale: the user's (given on the display scale), else no
 * effect (0) for comparative measures, none for single-group measures (proportions, means,
 * incidence rates).
 *
 * @example
 * referenceValue('OR', backTransform('OR'), undefined); // => 0 (an odds ratio of 1)
 * referenceValue('OR', backTransform('OR'), 2); // => 0.6931471805599453
 * referenceValue('PLO', backTransform('PLO'), undefined); // => null
 */
export function referenceValue(measure: Measure | null, transform: BackTransform, given: number | null | undefined): number | null {
  if (given === null) return null;
  if (given !== undefined) {
    const v = invertTransform(transform, given);
    return Number.isFinite(v) ? v : null;
  }
  return measure !== null && SINGLE_GROUP.has(measure) ? null : 0;
}
