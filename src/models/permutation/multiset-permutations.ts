/**
 * Every distinct rearrangement of `labels` (a multiset), in lexicographic order from the sorted
 * one, by the classic next-permutation step (Knuth, TAOCP 4A, Algorithm L): k!/∏nⱼ! arrangements
 * for label counts nⱼ. `visit` receives the same array each time (copy it to keep it).
 *
 * @example
 * const seen: string[] = [];
 * multisetPermutations([0, 1, 1], (a) => { seen.push(a.join('')); });
 * seen // => ['011', '101', '110']
 */
export function multisetPermutations(labels: readonly number[], visit: (arrangement: Int32Array) => void): void {
  const a = Int32Array.from(labels).sort();
  const n = a.length;
  for (;;) {
    visit(a);
    let j = n - 2;
    while (j >= 0 && a[j]! >= a[j + 1]!) j--;
    if (j < 0) return;
    let l = n - 1;
    while (a[l]! <= a[j]!) l--;
    [a[j], a[l]] = [a[l]!, a[j]!];
    for (let lo = j + 1, hi = n - 1; lo < hi; lo++, hi--) [a[lo], a[hi]] = [a[hi]!, a[lo]!];
  }
}

/**
 * The number of distinct rearrangements k!/∏nⱼ! of a multiset with label counts `counts`
 * (Infinity when it exceeds 2⁵³).
 *
 * @example
 * multisetCount([1, 2]) // => 3
 */
export function multisetCount(counts: readonly number[]): number {
  let result = 1;
  let n = 0;
  for (const c of counts) {
    for (let i = 1; i <= c; i++) {
      n++;
      result = (result * n) / i;
    }
  }
  return result > 2 ** 53 ? Infinity : Math.round(result);
}
