/**
 * `x` when it is a finite number, else `null` (how metafor's NA, NaN and ±Inf appear in results).
 *
 * @example
 * finiteOrNull(Number.NaN) // => null
 */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
