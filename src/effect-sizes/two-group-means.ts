import { column, requireNonNegative, requireSampleSize } from './family.ts';
import type { Requirement, Table } from './read-table.ts';

/** Two-group summaries, index-aligned: means, SDs and sizes of group 1 and group 2. */
export interface TwoGroupMeans {
  readonly m1: Float64Array;
  readonly sd1: Float64Array;
  readonly n1: Float64Array;
  readonly m2: Float64Array;
  readonly sd2: Float64Array;
  readonly n2: Float64Array;
}

/**
 * Pooled standard deviation of two groups, √(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2))
 * (Borenstein et al., 2009, eq. 4.19). Scale: the outcome's units.
 *
 * @example
 * pooledSd(3, 10, 4, 10) // => 3.5355339059327378 (= √12.5)
 */
export function pooledSd(sd1: number, n1: number, sd2: number, n2: number): number {
  return Math.sqrt(((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / (n1 + n2 - 2));
}

/** The six inputs of two independent groups (means, SDs, sizes), in metafor's order. */
export const TWO_GROUP_REQUIREMENTS: readonly Requirement[] = [
  { roles: ['m1i'], what: 'the mean of group 1' },
  { roles: ['sd1i'], what: 'the standard deviation of group 1' },
  { roles: ['n1i'], what: 'the size of group 1' },
  { roles: ['m2i'], what: 'the mean of group 2' },
  { roles: ['sd2i'], what: 'the standard deviation of group 2' },
  { roles: ['n2i'], what: 'the size of group 2' },
];

/** The two-group columns of a table (all-NaN where the rows lack a role). */
export function readTwoGroups(table: Table): TwoGroupMeans {
  return {
    m1: column(table, 'm1i'), sd1: column(table, 'sd1i'), n1: column(table, 'n1i'),
    m2: column(table, 'm2i'), sd2: column(table, 'sd2i'), n2: column(table, 'n2i'),
  };
}

/** Throws for a negative SD or a group size below `min` (in either group). */
export function validateTwoGroups(table: Table, measure: string, min: number): void {
  requireNonNegative(table, 'sd1i');
  requireNonNegative(table, 'sd2i');
  requireSampleSize(table, 'n1i', min, measure);
  requireSampleSize(table, 'n2i', min, measure);
}
