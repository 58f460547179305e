import type { ZeroCellRule } from './options.ts';

/**
 * Adds `add` to the cells of the rows picked by `to` (metafor's `add`/`to` continuity rule):
 * `only0` rows with a zero in any cell, `all` every row, `if0all` every row when any row has a
 * zero cell, `none` no row. Rows with a missing (NaN) cell only count as zero-rows through
 * their present cells. Returns new arrays; the inputs are not changed.
 *
 * @example
 * addToZeroCells([Float64Array.of(0, 4), Float64Array.of(10, 6)], 0.5, 'only0')
 * // => [Float64Array [0.5, 4], Float64Array [10.5, 6]]  (only the first row has a zero)
 */
export function addToZeroCells(cells: readonly Float64Array[], add: number, to: ZeroCellRule): Float64Array[] {
  const out = cells.map((c) => Float64Array.from(c));
  if (to === 'none' || add === 0 || cells.length === 0) return out;
  const k = cells[0]!.length;
  const hasZero = (i: number) => cells.some((c) => c[i] === 0);
  const everyRow = to === 'all' || (to === 'if0all' && Array.from({ length: k }, (_, i) => i).some(hasZero));
  for (let i = 0; i < k; i++) {
    if (everyRow || (to === 'only0' && hasZero(i))) for (const c of out) c[i] = c[i]! + add;
  }
  return out;
}
