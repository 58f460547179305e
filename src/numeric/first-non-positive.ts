/**
 * The first index i where xᵢ/scale + add is not > 0 (0, negative or NaN), or −1: a plain loop,
 * for checks that run once per fit over every study (at k = 10⁶ `findIndex` with a closure costs
 * more than a pass of the fit itself).
 *
 * @example
 * firstNonPositive([2, 1, 0, 3]) // => 2
 * firstNonPositive([2, 1, 0, 3], 0.5) // => -1 (every xᵢ + 0.5 > 0)
 */
export function firstNonPositive(x: ArrayLike<number>, add = 0, scale = 1): number {
  if (add === 0 && scale === 1) {
    for (let i = 0; i < x.length; i++) if (!(x[i]! > 0)) return i;
    return -1;
  }
  for (let i = 0; i < x.length; i++) if (!(x[i]! / scale + add > 0)) return i;
  return -1;
}
