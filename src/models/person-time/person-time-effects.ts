import { incidenceRateDifference, logIncidenceRateRatio } from '../../effect-sizes/person-time.ts';
import type { PersonTime } from '../../effect-sizes/person-time.ts';
import type { ZeroCellRule } from '../../effect-sizes/options.ts';
import { addToZeroCells } from '../../effect-sizes/zero-cells.ts';
import type { StudyEffects } from '../two-by-two/study-effects.ts';

/**
 * Per-study log incidence rate ratios (`IRR`) or rate differences (`IRD`) as metafor's `escalc`
 * gives them to `rma.mh` for the heterogeneity test: rows with no events in either group are left
 * out when `drop00` is set; then `add` goes into both event counts of the rows picked by `to`. A
 * study is left out (NaN, with its reason) when a value is missing, it was dropped, or its effect
 * or variance is not finite and positive.
 *
 * @example
 * personTimeEffects({ x1: Float64Array.of(0), t1: Float64Array.of(100), x2: Float64Array.of(4),
 *   t2: Float64Array.of(100) }, 'IRR', 0.5, 'only0', true).yi[0] // => -2.19722457734 (ln(0.5/4.5))
 */
export function personTimeEffects(p: PersonTime, measure: 'IRR' | 'IRD', add: number, to: ZeroCellRule, drop00: boolean): StudyEffects {
  const k = p.x1.length;
  const reasons: (string | undefined)[] = new Array(k).fill(undefined);
  const x1 = Float64Array.from(p.x1), x2 = Float64Array.from(p.x2);
  for (let i = 0; i < k; i++) {
    if ([x1[i]!, x2[i]!, p.t1[i]!, p.t2[i]!].some(Number.isNaN)) reasons[i] = 'a value is missing';
    else if (drop00 && x1[i] === 0 && x2[i] === 0) {
      reasons[i] = 'no events in either group (drop00)';
      x1[i] = x2[i] = NaN;
    }
  }
  const [a, b] = addToZeroCells([x1, x2], add, to) as [Float64Array, Float64Array];
  const data = { x1: a, t1: p.t1, x2: b, t2: p.t2 };
  const { yi, vi } = measure === 'IRR' ? logIncidenceRateRatio(data) : incidenceRateDifference(data);
  for (let i = 0; i < k; i++) {
    if (reasons[i] === undefined && !(Number.isFinite(yi[i]!) && Number.isFinite(vi[i]!) && vi[i]! > 0)) {
      reasons[i] = measure === 'IRR' ? 'a zero event count makes its log incidence rate ratio undefined (see options add and to)' : 'its rate difference has no positive variance';
    }
    if (reasons[i] !== undefined) yi[i] = vi[i] = NaN;
  }
  return { yi, vi, reasons };
}
