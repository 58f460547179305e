/**
 * Cholesky factor L (lower triangular, A = LLᵀ) of a symmetric positive-definite n×n matrix
 * stored row-major (Golub & Van Loan, 2013, Matrix Computations, 4th ed., Alg. 4.2.1). O(n³/3).
 * Used on one cluster's block of the marginal covariance, never on the whole k×k matrix.
 *
 * @param a  row-major n×n matrix (only the lower triangle is read)
 * @param n  order
 * @returns row-major L with a zero upper triangle, or `null` when a pivot is not positive
 * @example
 * denseCholesky(new Float64Array([4, 2, 2, 5]), 2) // => Float64Array [2, 0, 1, 2]
 */
export function denseCholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let t = 0; t < j; t++) d -= l[j * n + t]! * l[j * n + t]!;
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let t = 0; t < j; t++) s -= l[i * n + t]! * l[j * n + t]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}
