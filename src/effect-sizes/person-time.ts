import type { EffectArrays, MeasureFamily } from './family.ts';
import { column, requireEach, requireNonNegative } from './family.ts';
import type { ResolvedOptions } from './options.ts';
import type { Table } from './read-table.ts';
import { rowwise } from './rowwise.ts';
import { addToZeroCells } from './zero-cells.ts';

/** Events x1, x2 and person-times t1, t2 of two groups per row (metafor's x1i, x2i, t1i, t2i). */
export interface PersonTime {
  readonly x1: Float64Array;
  readonly t1: Float64Array;
  readonly x2: Float64Array;
  readonly t2: Float64Array;
}

/**
 * Log incidence rate ratio (metafor `IRR`; Rothman et al., 2008): y = ln((x1/t1)/(x2/t2)),
 * v = 1/x1 + 1/x2. NaN where an event count is zero (see options `add` and `to`). Scale: natural log.
 *
 * @example
 * logIncidenceRateRatio({ x1: Float64Array.of(9), t1: Float64Array.of(413), x2: Float64Array.of(19),
 *   t2: Float64Array.of(398) }).yi[0] // => -0.784209989507 (metafor escalc("IRR") on dat.hart1999, AFASAK: -0.784209989506816)
 */
export function logIncidenceRateRatio(p: PersonTime): EffectArrays {
  return rowwise(p.x1.length, (i) => {
    const x1 = p.x1[i]!, x2 = p.x2[i]!;
    return [Math.log(x1 / p.t1[i]!) - Math.log(x2 / p.t2[i]!), 1 / x1 + 1 / x2];
  });
}

/**
 * Incidence rate difference (metafor `IRD`; Rothman et al., 2008): y = x1/t1 − x2/t2,
 * v = x1/t1² + x2/t2². Scale: events per unit of person-time.
 *
 * @example
 * incidenceRateDifference({ x1: Float64Array.of(10), t1: Float64Array.of(20), x2: Float64Array.of(6),
 *   t2: Float64Array.of(20) }).yi[0] // => 0.2
 */
export function incidenceRateDifference(p: PersonTime): EffectArrays {
  return rowwise(p.x1.length, (i) => {
    const r1 = p.x1[i]! / p.t1[i]!, r2 = p.x2[i]! / p.t2[i]!;
    return [r1 - r2, r1 / p.t1[i]! + r2 / p.t2[i]!];
  });
}

/**
 * Square root transformed incidence rate difference (metafor `IRSD`; Bagos & Nikolopoulos, 2009):
 * y = √(x1/t1) − √(x2/t2), v = 1/(4t1) + 1/(4t2). Scale: square root of a rate.
 *
 * @example
 * sqrtIncidenceRateDifference({ x1: Float64Array.of(10), t1: Float64Array.of(20), x2: Float64Array.of(6),
 *   t2: Float64Array.of(20) }).yi[0] // => 0.1594 (metafor's test of escalc("IRSD"))
 */
export function sqrtIncidenceRateDifference(p: PersonTime): EffectArrays {
  return rowwise(p.x1.length, (i) => {
    const t1 = p.t1[i]!, t2 = p.t2[i]!;
    return [Math.sqrt(p.x1[i]! / t1) - Math.sqrt(p.x2[i]! / t2), 1 / (4 * t1) + 1 / (4 * t2)];
  });
}

/** Throws for negative event counts and person-times that are not positive (as metafor). */
export function validatePersonTime(table: Table, events: readonly ('x1i' | 'x2i' | 'xi')[], times: readonly ('t1i' | 't2i' | 'ti')[]): void {
  for (const role of events) requireNonNegative(table, role);
  for (const role of times) requireEach(table, role, (t) => t > 0, 'person-time must be positive');
}

/**
 * metafor's preparation of two-group person-time data: `drop00` sets rows with no events in
 * either group to NaN, then `add` goes into both event counts of the rows picked by `to`.
 */
export function preparePersonTime(table: Table, options: ResolvedOptions): { data: PersonTime; dropped: (string | undefined)[] | undefined } {
  const x1 = Float64Array.from(column(table, 'x1i')), x2 = Float64Array.from(column(table, 'x2i'));
  let dropped: (string | undefined)[] | undefined;
  if (options.drop00) {
    dropped = new Array(table.k).fill(undefined);
    for (let i = 0; i < table.k; i++) {
      if (x1[i] === 0 && x2[i] === 0) {
        dropped[i] = 'no events in either group (drop00)';
        x1[i] = x2[i] = NaN;
      }
    }
  }
  const [a, b] = addToZeroCells([x1, x2], options.add, options.to) as [Float64Array, Float64Array];
  return { data: { x1: a, t1: column(table, 't1i'), x2: b, t2: column(table, 't2i') }, dropped };
}

type PersonTimeMeasure = 'IRR' | 'IRD' | 'IRSD';

const REASONS: Record<PersonTimeMeasure, string> = {
  IRR: 'a zero event count makes the log incidence rate ratio undefined (see options add and to)',
  IRD: 'the incidence rate difference is undefined for these data',
  IRSD: 'the square root incidence rate difference is undefined for these data',
};

/** Two-group person-time (incidence) data: IRR, IRD, IRSD from x1i, t1i, x2i, t2i. */
export const personTimeFamily: MeasureFamily<PersonTimeMeasure> = {
  measures: ['IRR', 'IRD', 'IRSD'],
  requirements: () => [
    { roles: ['x1i'], what: 'the events in group 1' },
    { roles: ['t1i'], what: 'the person-time of group 1' },
    { roles: ['x2i'], what: 'the events in group 2' },
    { roles: ['t2i'], what: 'the person-time of group 2' },
  ],
  vtypes: () => ['LS'],
  validate(_measure, table) {
    validatePersonTime(table, ['x1i', 'x2i'], ['t1i', 't2i']);
  },
  compute(measure, table, options) {
    const { data, dropped } = preparePersonTime(table, options);
    const result =
      measure === 'IRR' ? logIncidenceRateRatio(data) : measure === 'IRD' ? incidenceRateDifference(data) : sqrtIncidenceRateDifference(data);
    return dropped ? { ...result, dropped } : result;
  },
  undefinedReason: (measure) => REASONS[measure],
};
