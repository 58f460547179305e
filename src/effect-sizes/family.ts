import type { Measure, Role } from '../types.ts';
import type { ResolvedOptions, VarianceType } from './options.ts';
import { fail } from './read-table.ts';
import type { Requirement, Table } from './read-table.ts';

/** Effect sizes and sampling variances of one computation, index-aligned with the rows. */
export interface EffectArrays {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  /** Per row, why the family set it to NaN on purpose (e.g. `drop00`); else undefined. */
  readonly dropped?: readonly (string | undefined)[];
}

/**
 * A family of measures sharing inputs (two-group means, 2x2 tables, ...). The dispatcher reads
 * `requirements`, lets `validate` throw on impossible values, then calls the pure kernels
 * through `compute`.
 */
export interface MeasureFamily<M extends Measure = Measure> {
  readonly measures: readonly M[];
  /** Inputs the measure needs. */
  requirements(measure: M): readonly Requirement[];
  /** `vtype` values the measure accepts, the default first. */
  vtypes(measure: M): readonly VarianceType[];
  /** Throws InputError for impossible values (negative SDs, events above n, ...). */
  validate(measure: M, table: Table): void;
  /** Effect sizes and variances; NaN where undefined. */
  compute(measure: M, table: Table, options: ResolvedOptions): EffectArrays;
  /** Why a complete row can give NaN under this measure. */
  undefinedReason(measure: M): string;
}

/** The column of `role`, or an all-NaN column when the rows lack it. */
export function column(table: Table, role: Role): Float64Array {
  return table.values[role] ?? new Float64Array(table.k).fill(NaN);
}

/** Throws for every present value of `role` that breaks `ok`. NaN (missing) values pass. */
export function requireEach(table: Table, role: Role, ok: (x: number) => boolean, problem: string): void {
  const values = table.values[role];
  if (!values) return;
  for (let i = 0; i < table.k; i++) {
    const x = values[i]!;
    if (!Number.isNaN(x) && !ok(x)) fail(table, i, role, problem, x);
  }
}

/** Throws when a present sample size of `role` is below `min`. */
export function requireSampleSize(table: Table, role: Role, min: number, measure: string): void {
  requireEach(table, role, (n) => n >= min, `must be at least ${min} for measure ${measure}`);
}

/** Throws for a negative standard deviation (or other non-negative quantity). */
export function requireNonNegative(table: Table, role: Role): void {
  requireEach(table, role, (x) => x >= 0, 'must not be negative');
}
