import { nice, ticks } from 'd3-array';

/**
 * Round, equally spaced breaks of a histogram covering `values` (finite numbers), as R's
 * `hist()` chooses them: about `bins` bins, by default Sturges' ⌈log₂ n + 1⌉ (Sturges, 1926,
 * JASA 21:65), on the 1–2–5 steps of d3-array's `nice` and `ticks` (R's `pretty`). A constant
 * sample gets one bin around its value.
 *
 * @example
 * histogramBreaks([0.12, 0.37, 0.5, 0.61, 0.95]) // => [0, 0.2, 0.4, 0.6, 0.8, 1]  (Sturges: 4 bins asked for)
 */
export function histogramBreaks(values: ArrayLike<number>, bins?: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const count = bins ?? Math.max(1, Math.ceil(Math.log2(values.length) + 1));
  if (!(hi > lo)) {
    const half = lo !== 0 ? 0.05 * Math.abs(lo) : 0.5;
    [lo, hi] = [lo - half, hi + half];
  }
  const [a, b] = nice(lo, hi, count);
  return ticks(a, b, count);
}

/**
 * Counts of `values` in the bins of `breaks` (ascending), right-closed as R's `hist()`: bin j
 * holds breaks[j] < v ≤ breaks[j + 1], and the first bin also its lower bound. Values outside
 * the breaks are not counted.
 *
 * @example
 * histogramCounts([0, 0.2, 0.3, 1], [0, 0.2, 0.4, 0.6, 0.8, 1]) // => [2, 1, 0, 0, 1]
 */
export function histogramCounts(values: ArrayLike<number>, breaks: readonly number[]): number[] {
  const m = breaks.length - 1;
  const counts = new Array<number>(Math.max(0, m)).fill(0);
  if (m < 1) return counts;
  const first = breaks[0]!;
  const width = (breaks[m]! - first) / m;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= first && v <= breaks[m]!)) continue;
    // the equal spacing gives the bin; the breaks themselves settle values on a boundary
    let j = Math.min(m - 1, Math.max(0, Math.ceil((v - first) / width) - 1));
    while (j < m - 1 && v > breaks[j + 1]!) j++;
    while (j > 0 && v <= breaks[j]!) j--;
    counts[j]!++;
  }
  return counts;
}
