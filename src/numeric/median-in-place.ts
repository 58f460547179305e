/**
 * The median of `s`, reordering `s` in place: the middle element, or the mean of the two middle
 * ones written as lower/2 + upper/2 (no overflow for values near ±1.8e308); NaN for no value.
 * Insertion sort up to 32 values, beyond Hoare's FIND with median-of-three pivots (O(n)
 * expected): the same value as sorting, without allocating.
 *
 * @example
 * medianInPlace(new Float64Array([5, 1, 4, 2])) // => 3
 */
export function medianInPlace(s: Float64Array): number {
  const n = s.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const x = s[i]!;
      let j = i - 1;
      while (j >= 0 && s[j]! > x) {
        s[j + 1] = s[j]!;
        j--;
      }
      s[j + 1] = x;
    }
    return n % 2 === 1 ? s[h]! : s[h - 1]! / 2 + s[h]! / 2;
  }
  const upper = select(s, h);
  if (n % 2 === 1) return upper;
  // after selecting h, every element left of h is ≤ s[h]: the lower middle is their maximum
  let lower = -Infinity;
  for (let i = 0; i < h; i++) if (s[i]! > lower) lower = s[i]!;
  return lower / 2 + upper / 2;
}

/** The m-th smallest element of `a` (0-based), partially reordering `a` in place. */
function select(a: Float64Array, m: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    const x = a[lo]!, y = a[mid]!, z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (m <= j) hi = j;
    else if (m >= i) lo = i;
    else return a[m]!;
  }
  return a[m]!;
}
