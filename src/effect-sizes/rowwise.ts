import type { EffectArrays } from './family.ts';

/**
 * Effect sizes computed row by row: `row(i)` gives row i's [yᵢ, vᵢ]. For kernels whose rows do
 * not depend on each other (no `AV`-type averages over rows).
 *
 * @example
 * rowwise(2, (i) => [i, 2 * i]).vi // => Float64Array [0, 2]
 */
export function rowwise(k: number, row: (i: number) => readonly [number, number]): EffectArrays {
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  for (let i = 0; i < k; i++) [yi[i], vi[i]] = row(i);
  return { yi, vi };
}
