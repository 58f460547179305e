/**
 * Numerical rank of a set of vectors (columns or rows): modified Gram–Schmidt on the vectors in
 * turn, a vector counting when more than `tol` of its norm remains after removing its
 * projection on the earlier ones (Golub & Van Loan, 2013, §5.2.8).
 *
 * @param vectors vectors of equal length
 * @param tol relative tolerance (default 1e-9)
 * @example
 * matrixRank([[1, 10], [1, 30], [1, 50]]) // => 2
 */
export function matrixRank(vectors: readonly ArrayLike<number>[], tol = 1e-9): number {
  const basis: Float64Array[] = [];
  for (const c of vectors) {
    const v = Float64Array.from(c);
    const norm0 = Math.hypot(...v);
    if (!(norm0 > 0)) continue;
    for (const q of basis) {
      let d = 0;
      for (let i = 0; i < v.length; i++) d += v[i]! * q[i]!;
      for (let i = 0; i < v.length; i++) v[i] = v[i]! - d * q[i]!;
    }
    const norm = Math.hypot(...v);
    if (norm > tol * norm0) basis.push(v.map((x) => x / norm));
  }
  return basis.length;
}
