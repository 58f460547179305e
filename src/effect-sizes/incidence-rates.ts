import type { EffectArrays, MeasureFamily } from './family.ts';
import { column } from './family.ts';
import { validatePersonTime } from './person-time.ts';
import { rowwise } from './rowwise.ts';
import { addToZeroCells } from './zero-cells.ts';

/**
 * Raw incidence rate (metafor `IR`): y = x/t, v = x/t². Scale: events per unit of person-time.
 *
 * @example
 * incidenceRate(Float64Array.of(10), Float64Array.of(20)).vi[0] // => 0.025
 */
export function incidenceRate(x: Float64Array, t: Float64Array): EffectArrays {
  return rowwise(x.length, (i) => [x[i]! / t[i]!, x[i]! / (t[i]! * t[i]!)]);
}

/**
 * Log incidence rate (metafor `IRLN`): y = ln(x/t), v = 1/x. NaN for x = 0 without a continuity
 * correction. Also the log standardized incidence ratio when t holds the expected events. Scale:
 * natural log.
 *
 * @example
 * logIncidenceRate(Float64Array.of(10), Float64Array.of(20)).yi[0] // => -0.6931471805599453 (ln 0.5)
 */
export function logIncidenceRate(x: Float64Array, t: Float64Array): EffectArrays {
  return rowwise(x.length, (i) => [Math.log(x[i]! / t[i]!), 1 / x[i]!]);
}

/**
 * Square root transformed incidence rate (metafor `IRS`): y = √(x/t), v = 1/(4t). Scale: square
 * root of a rate.
 *
 * @example
 * sqrtIncidenceRate(Float64Array.of(10), Float64Array.of(20)).yi[0] // => 0.7071 (metafor's test of escalc("IRS"))
 */
export function sqrtIncidenceRate(x: Float64Array, t: Float64Array): EffectArrays {
  return rowwise(x.length, (i) => [Math.sqrt(x[i]! / t[i]!), 1 / (4 * t[i]!)]);
}

/**
 * Freeman–Tukey transformed incidence rate (metafor `IRFT`; Freeman & Tukey, 1950): with the rate
 * r = x/t, y = ½(√r + √(r + 1/t)), v = 1/(4t). Scale: square root of a rate.
 *
 * @example
 * freemanTukeyIncidenceRate(Float64Array.of(10), Float64Array.of(20)).yi[0] // => 0.7244 (metafor's test of escalc("IRFT"))
 */
export function freemanTukeyIncidenceRate(x: Float64Array, t: Float64Array): EffectArrays {
  return rowwise(x.length, (i) => {
    const r = x[i]! / t[i]!;
    return [0.5 * (Math.sqrt(r) + Math.sqrt(r + 1 / t[i]!)), 1 / (4 * t[i]!)];
  });
}

type IncidenceRateMeasure = 'IR' | 'IRLN' | 'IRS' | 'IRFT';

/** Single-group person-time (incidence) data: IR, IRLN, IRS, IRFT from xi and ti. */
export const incidenceRatesFamily: MeasureFamily<IncidenceRateMeasure> = {
  measures: ['IR', 'IRLN', 'IRS', 'IRFT'],
  requirements: () => [
    { roles: ['xi'], what: 'the number of events' },
    { roles: ['ti'], what: 'the person-time at risk' },
  ],
  vtypes: () => ['LS'],
  validate(_measure, table) {
    validatePersonTime(table, ['xi'], ['ti']);
  },
  compute(measure, table, options) {
    const [x] = addToZeroCells([column(table, 'xi')], options.add, options.to) as [Float64Array];
    const t = column(table, 'ti');
    switch (measure) {
      case 'IR':
        return incidenceRate(x, t);
      case 'IRLN':
        return logIncidenceRate(x, t);
      case 'IRS':
        return sqrtIncidenceRate(x, t);
      case 'IRFT':
        return freemanTukeyIncidenceRate(x, t);
    }
  },
  undefinedReason: (measure) =>
    measure === 'IRLN' ? 'zero events make the log incidence rate undefined (see options add and to)' : 'the incidence rate is undefined for these data',
};
