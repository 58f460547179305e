import { applyReflectors, householderTridiagonal } from './householder-tridiagonal.ts';
import { applyRotations, tridiagonalEigen } from './tridiagonal-eigen.ts';

/**
 * G^{−1/2}x for a symmetric positive semi-definite matrix G, through its eigen-decomposition
 * G = QΛQᵀ: G^{−1/2}x = QΛ^{−1/2}Qᵀx, with Q = H·S from a Householder tridiagonalization and
 * implicit QL on the tridiagonal (never forming Q). Eigenvalues ≤ 1e-12·λmax are treated as 0
 * (the Moore–Penrose inverse square root). (4/3)n³ + O(n²) work.
 *
 * @param g  row-major n×n symmetric matrix
 * @param n  order
 * @param x  the vector (not modified)
 * @returns G^{−1/2}x; NaN entries when the eigen-iteration fails
 * @example
 * inverseSqrtTimes(new Float64Array([4, 0, 0, 9]), 2, new Float64Array([2, 3])) // => Float64Array [1, 1]
 */
export function inverseSqrtTimes(g: Float64Array, n: number, x: Float64Array): Float64Array {
  const tri = householderTridiagonal(g, n);
  const eig = tridiagonalEigen(tri.diag, tri.off);
  const y = applyRotations(eig, applyReflectors(tri, x.slice(0, n), true), true);
  let lmax = 0;
  for (let k = 0; k < n; k++) lmax = Math.max(lmax, eig.values[k]!);
  for (let k = 0; k < n; k++) {
    const lambda = eig.values[k]!;
    y[k] = lambda > 1e-12 * lmax ? y[k]! / Math.sqrt(lambda) : Number.isNaN(lambda) ? NaN : 0;
  }
  return applyReflectors(tri, applyRotations(eig, y, false), false);
}
