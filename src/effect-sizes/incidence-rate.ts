import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireNonNegative } from './family.ts';
import { addToZeroCells } from './zero-cells.ts';

/**
 * Raw incidence rate of one group (metafor `IR`): x events over person-time t, y = x/t,
 * v = x/t² (Poisson). Scale: events per unit of person-time. Also for standardized incidence
 * ratios, with t the expected number of events.
 *
 * @example
 * incidenceRate(Float64Array.of(10), Float64Array.of(20)).vi[0] // => 0.025
 */
export function incidenceRate(x: Float64Array, t: Float64Array): EffectArrays {
  const k = x.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ti = t[i]!;
    yi[i] = x[i]! / ti;
    vi[i] = yi[i]! / ti;
  }
  return { yi, vi };
}

/**
 * Events and person-time of one group: IR (the log, square-root and Freeman–Tukey transformed
 * rates IRLN, IRS, IRFT belong with it). Zero counts get `add` under `to`, as in metafor.
 */
export const incidenceRateFamily: MeasureFamily<'IR'> = {
  measures: ['IR'],
  requirements: () => [
    { roles: ['xi'], what: 'the number of events' },
    { roles: ['ti'], what: 'the person-time at risk' },
  ],
  vtypes: () => ['LS'],
  validate(_measure, table) {
    requireNonNegative(table, 'xi');
    requireEach(table, 'ti', (t) => t > 0, 'must be a positive person-time');
  },
  compute(_measure, table, options) {
    const [x] = addToZeroCells([column(table, 'xi')], options.add, options.to) as [Float64Array];
    return incidenceRate(x, column(table, 'ti'));
  },
  undefinedReason: () => 'the incidence rate is undefined for these values',
};
