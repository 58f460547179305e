import type { OmittedInputRow } from '../../omission-summary.ts';
import { personTimeFamily } from '../../effect-sizes/person-time.ts';
import type { PersonTime } from '../../effect-sizes/person-time.ts';
import { readTable } from '../../effect-sizes/read-table.ts';
import { summariseOmissions } from '../../omission-summary.ts';
import { completeRowsOf, locateRows } from '../two-by-two/read-tables.ts';
import type { ResolvedTwoByTwoOptions } from '../two-by-two/read-tables.ts';

/** The roles person-time data are read from (metafor's argument names). */
export const PERSON_TIME_ROLES = ['x1i', 't1i', 'x2i', 't2i'] as const;
/** One of {@link PERSON_TIME_ROLES}. */
export type PersonTimeRole = (typeof PERSON_TIME_ROLES)[number];

/** Two-group person-time data read from the rows. */
export interface PersonTimeTables {
  /** Every input row (NaN where a value is missing), index-aligned with the rows. */
  readonly all: PersonTime;
  /** The complete rows only: the ones that enter the pooled estimate. */
  readonly complete: PersonTime;
  /** Input row (0-based) of each complete row. */
  readonly completeRows: readonly number[];
  readonly labels: readonly string[];
  readonly describe: (i: number) => string;
  /** One entry per row omitted for a missing value. */
  readonly warnings: readonly string[];
  /** The rows omitted for a missing value, with the values missing. */
  readonly omitted: readonly OmittedInputRow[];
}

/**
 * Reads events and person-times of two groups per row (metafor's x1i, t1i, x2i, t2i). Rows with a
 * missing value stay in `all` (as NaN) but are left out of `complete`, each with a warning.
 *
 * @param what names the method in the missing-column message, e.g. `IRR (Mantel–Haenszel)`
 * @throws InputError naming the field and the row (and study) when `rows` is not an array of
 * objects, a needed column is absent from every row, a value is text, a count is negative, a
 * person-time is not positive; and when no row is complete.
 * @example
 * readPersonTime([{ x1i: 9, t1i: 413, x2i: 19, t2i: 398 }, { x1i: null, t1i: 263, x2i: 19, t2i: 245 }],
 *   resolveTwoByTwoOptions({}, [], PERSON_TIME_ROLES), 'IRR').warnings // => ['row 2 omitted: x1i missing']
 */
export function readPersonTime(rows: unknown, options: ResolvedTwoByTwoOptions, what: string): PersonTimeTables {
  const { records, keyOf, where, labels, describe } = locateRows(rows, options);
  const table = readTable(records, personTimeFamily.requirements('IRR'), keyOf, where, what);
  personTimeFamily.validate('IRR', table);
  const all: PersonTime = { x1: table.values.x1i!, t1: table.values.t1i!, x2: table.values.x2i!, t2: table.values.t2i! };
  const { completeRows, warnings, omitted } = completeRowsOf(table, describe, 'set of events and person-times', labels);
  const pick = (x: Float64Array) => Float64Array.from(completeRows, (i) => x[i]!);
  return {
    all,
    complete: { x1: pick(all.x1), t1: pick(all.t1), x2: pick(all.x2), t2: pick(all.t2) },
    omitted: Object.freeze(omitted),
    completeRows,
    labels,
    describe,
    warnings: summariseOmissions(warnings),
  };
}
