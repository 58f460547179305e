/**
 * The spread of outcomes and variances that bounds a search for variance components: the sum
 * of squared deviations Σ(yᵢ − ȳ)², the range of y, the smallest positive and the largest variance.
 *
 * @example
 * dataSpread(new Float64Array([0, 2]), new Float64Array([0, 3])) // => { ss: 2, range: 2, vMin: 3, vMax: 3 }
 */
export function dataSpread(y: ArrayLike<number>, v: ArrayLike<number>): { ss: number; range: number; vMin: number; vMax: number } {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i]!;
  mean /= n;
  let ss = 0;
  let vMin = Infinity;
  let vMax = 0;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    ss += (y[i]! - mean) ** 2;
    yMin = Math.min(yMin, y[i]!);
    yMax = Math.max(yMax, y[i]!);
    if (v[i]! > 0) vMin = Math.min(vMin, v[i]!);
    vMax = Math.max(vMax, v[i]!);
  }
  return { ss, range: yMax - yMin, vMin, vMax };
}
