/**
 * Helpers for the diagnostics tests: compare one column of result rows with a reference
 * column (metafor's NA = null), using the shared tolerances of test/tolerances.ts.
 */
import { mismatch } from '../tolerances.ts';

export type Column = readonly (number | null)[];

/** Messages for every row where `pick(row)` differs from `want[i]`, plus a length mismatch. */
export function columnMismatches<R>(
  rows: readonly R[],
  pick: (row: R) => unknown,
  want: Column | undefined,
  tol: number,
  label: string,
  floor?: number,
): string[] {
  if (want === undefined) return [`${label}: reference column missing`];
  if (rows.length !== want.length) return [`${label}: got ${rows.length} rows, want ${want.length}`];
  const out: string[] = [];
  rows.forEach((row, i) => {
    const m = mismatch(pick(row), want[i], tol, `${label}[${i}]`, floor);
    if (m !== null) out.push(m);
  });
  return out;
}

/** yi/vi as stored in JSON fixtures (NA = null) to numbers (NA = NaN, which metaAnalysis omits). */
export const toNumbers = (x: readonly (number | null)[]): number[] => x.map((v) => (v === null ? Number.NaN : v));
