import { denseArray } from '../dense-array.ts';
import { InputError, numberCode } from '../errors.ts';

/** Kendall's rank correlation of two samples, with the tie counts its tests need. */
export interface KendallTau {
  /** Number of pairs. */
  readonly n: number;
  /** S = concordant − discordant pairs (pairs tied in x or y count as neither). */
  readonly s: number;
  /** τ_b = S / √((n₀ − n₁)(n₀ − n₂)), n₀ = n(n−1)/2; NaN when x or y is constant. */
  readonly tau: number;
  /** Whether any two x or any two y are equal (R's `TIES` in `cor.test`). */
  readonly ties: boolean;
  /** Sizes t of the groups of equal x values (only groups with t ≥ 2). */
  readonly xTies: readonly number[];
  /** Sizes t of the groups of equal y values (only groups with t ≥ 2). */
  readonly yTies: readonly number[];
}

/**
 * Kendall's τ_b (Kendall, 1945, Biometrika 33:239) between x and y, as R's
 * `cor(x, y, method = "kendall")`: τ_b = S / √((n₀ − n₁)(n₀ − n₂)) with S the number of
 * concordant minus discordant pairs, n₀ = n(n−1)/2 and n₁, n₂ the pairs tied in x, in y.
 *
 * Computed in O(n log n) with Knight's algorithm (1966, JASA 61:436): sort by (x, y), then
 * count the discordant pairs as the exchanges of a merge sort on y. Values are compared
 * exactly (R's `unique`). Inputs must be free of NaN. The division is rounded as R rounds it
 * (so a perfect correlation gives exactly ±1).
 *
 * @throws InputError when x or y is not a dense array of finite numbers (`E_SPARSE_ARRAY`, `E_NOT_FINITE`,
 *   `E_INVALID_TYPE`), or their lengths differ (`E_LENGTH_MISMATCH`).
 * @example
 * kendallTau([1, 2, 3, 4], [1, 3, 2, 4]).tau // => 0.6666666666666667  (S = 4, n₀ = 6; R gives the same bits)
 */
export function kendallTau(xIn: ArrayLike<number>, yIn: ArrayLike<number>): KendallTau {
  const x = numbers(xIn, 'x');
  const y = numbers(yIn, 'y');
  if (x.length !== y.length) throw new InputError(`length mismatch: x has ${x.length} values but y has ${y.length}`, { field: 'y', code: 'E_LENGTH_MISMATCH' });
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => compare(x[a] as number, x[b] as number) || compare(y[a] as number, y[b] as number));
  const n0 = (n * (n - 1)) / 2;

  // pairs tied in x (n1) and tied in both x and y (n3), from the (x, y)-sorted order
  const xTies = tieGroups(order.map((i) => x[i] as number));
  let n3 = 0;
  let run = 1;
  for (let j = 1; j <= n; j++) {
    const same = j < n && x[order[j]!] === x[order[j - 1]!] && y[order[j]!] === y[order[j - 1]!];
    if (same) run++;
    else {
      n3 += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  const ys = Float64Array.from(order, (i) => y[i] as number);
  const discordant = mergeSortExchanges(ys);
  const yTies = tieGroups(ys); // ys is now sorted
  const n1 = pairs(xTies);
  const n2 = pairs(yTies);
  const s = n0 - n1 - n2 + n3 - 2 * discordant;
  // R sums over ordered pairs (2S, 2(n₀ − n₁), 2(n₀ − n₂)) and clamps to [−1, 1]: same rounding here
  const ratio = (2 * s) / (Math.sqrt(2 * (n0 - n1)) * Math.sqrt(2 * (n0 - n2)));
  const tau = ratio >= 1 ? 1 : ratio <= -1 ? -1 : ratio;
  return { n, s, tau, ties: xTies.length > 0 || yTies.length > 0, xTies, yTies };
}

function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sizes of the runs of equal values (length ≥ 2) of a sorted sequence. */
function tieGroups(sorted: ArrayLike<number>): number[] {
  const groups: number[] = [];
  let run = 1;
  for (let j = 1; j <= sorted.length; j++) {
    if (j < sorted.length && sorted[j] === sorted[j - 1]) run++;
    else {
      if (run > 1) groups.push(run);
      run = 1;
    }
  }
  return groups;
}

function pairs(groups: readonly number[]): number {
  let total = 0;
  for (const t of groups) total += (t * (t - 1)) / 2;
  return total;
}

/**
 * Sorts `a` ascending in place (bottom-up merge sort) and returns the number of pairs i < j
 * with a[i] > a[j] (strict inversions; equal values are not counted).
 */
function mergeSortExchanges(a: Float64Array): number {
  const n = a.length;
  let src: Float64Array = a;
  let dst: Float64Array = new Float64Array(n);
  let exchanges = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (src[j]! < src[i]!) {
          exchanges += mid - i;
          dst[k++] = src[j++]!;
        } else dst[k++] = src[i++]!;
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) a.set(src);
  return exchanges;
}

/** A dense array of finite numbers, copied. @throws InputError naming the field and the row. */
function numbers(values: unknown, field: 'x' | 'y'): Float64Array {
  const list = denseArray<unknown>(values, field);
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError('must be a finite number', { field, row: i + 1, value: v, code: numberCode(v) });
    out[i] = v;
  }
  return out;
}
