/**
 * Lower tail of the exact null distribution of Kendall's statistic: P(T ≤ q), where T is the
 * number of concordant pairs among n untied observations when all n! orderings are equally
 * likely (Kendall, 1938, Biometrika 30:81). R's `pkendall` in `cor.test`.
 *
 * The distribution of T (the Mahonian numbers over n!) is built one observation at a time:
 * adding the m-th observation adds 0, 1, …, m − 1 concordant pairs with probability 1/m each,
 * so P_m(j) = (1/m)·Σ_{i=0}^{m−1} P_{m−1}(j − i). Only j ≤ q is kept, and each step is a
 * moving-window sum, so the cost is O(n·min(q, n²/2)). Probabilities are carried instead of
 * counts, so there is no overflow at n > 170 (where R's counts divided by n! give NaN).
 *
 * q is floored (R adds 1e-7 first); q < 0 gives 0, q ≥ n(n−1)/2 gives 1; NaN for n < 1.
 *
 * @example
 * kendallLowerTail(0, 3) // => 0.16666666666666666  (1 of 3! orderings has no concordant pair)
 * kendallLowerTail(2, 4) // => 0.375  (Mahonian numbers 1, 3, 5 of 24)
 */
export function kendallLowerTail(q: number, n: number): number {
  if (!(n >= 1) || !Number.isInteger(n) || Number.isNaN(q)) return NaN;
  const top = Math.floor(q + 1e-7);
  const max = (n * (n - 1)) / 2;
  if (top < 0) return 0;
  if (top >= max) return 1;
  let prev = new Float64Array(top + 1);
  let next = new Float64Array(top + 1);
  const prefix = new Float64Array(top + 2);
  prev[0] = 1; // one observation: T = 0
  for (let m = 2; m <= n; m++) {
    const last = Math.min(top, (m * (m - 1)) / 2);
    const lastPrev = Math.min(top, ((m - 1) * (m - 2)) / 2);
    prefix[0] = 0;
    for (let j = 0; j <= last; j++) prefix[j + 1] = prefix[j]! + (j <= lastPrev ? prev[j]! : 0);
    for (let j = 0; j <= last; j++) {
      const from = j - m + 1;
      next[j] = (prefix[j + 1]! - (from > 0 ? prefix[from]! : 0)) / m;
    }
    const t = prev;
    prev = next;
    next = t;
  }
  let p = 0;
  const last = Math.min(top, max);
  for (let j = 0; j <= last; j++) p += prev[j]!;
  return Math.min(1, p);
}
