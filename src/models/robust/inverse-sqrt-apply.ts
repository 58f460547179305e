import { applyReflectors, householderTridiagonal } from '../multilevel/householder-tridiagonal.ts';
import { applyRotations, tridiagonalEigen } from '../multilevel/tridiagonal-eigen.ts';

/**
 * G^{−1/2}x for several vectors x with one eigen-decomposition G = QΛQᵀ of a symmetric positive
 * semi-definite G (Householder tridiagonalization and implicit QL, Q never formed):
 * G^{−1/2}x = QΛ^{−1/2}Qᵀx. Eigenvalues ≤ 1e-12·λmax count as 0 (the Moore–Penrose inverse
 * square root, as clubSandwich's CR2 adjustment). (4/3)n³ + O(n²) per vector.
 *
 * @param g  row-major n×n symmetric matrix
 * @param n  order
 * @param xs  the vectors (not modified)
 * @returns G^{−1/2}x for each x; NaN entries when the eigen-iteration fails
 * @example
 * inverseSqrtApply(new Float64Array([4, 0, 0, 9]), 2, [new Float64Array([2, 3]), new Float64Array([4, 0])])
 * // => [Float64Array [1, 1], Float64Array [2, 0]]
 */
export function inverseSqrtApply(g: Float64Array, n: number, xs: readonly Float64Array[]): Float64Array[] {
  const tri = householderTridiagonal(g, n);
  const eig = tridiagonalEigen(tri.diag, tri.off);
  let lmax = 0;
  for (let k = 0; k < n; k++) lmax = Math.max(lmax, eig.values[k]!);
  return xs.map((x) => {
    const y = applyRotations(eig, applyReflectors(tri, x.slice(0, n), true), true);
    for (let k = 0; k < n; k++) {
      const lambda = eig.values[k]!;
      y[k] = lambda > 1e-12 * lmax ? y[k]! / Math.sqrt(lambda) : Number.isNaN(lambda) ? NaN : 0;
    }
    return applyReflectors(tri, applyRotations(eig, y, false), false);
  });
}
