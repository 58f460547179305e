/**
 * The product AB of row-major matrices, A (r × s) times B (s × t): an r × t Float64Array,
 * (AB)ᵢⱼ = Σₗ AᵢₗBₗⱼ summed in order of l. Zero entries of A are skipped (the sandwich
 * estimators multiply sparse cluster matrices).
 *
 * @example
 * matrixProduct(new Float64Array([1, 2, 3, 4]), new Float64Array([5, 6, 7, 8]), 2, 2, 2) // => Float64Array [19, 22, 43, 50]
 */
export function matrixProduct(a: Float64Array, b: Float64Array, r: number, s: number, t: number): Float64Array {
  const out = new Float64Array(r * t);
  for (let i = 0; i < r; i++) {
    for (let k = 0; k < s; k++) {
      const aik = a[i * s + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < t; j++) out[i * t + j]! += aik * b[k * t + j]!;
    }
  }
  return out;
}
