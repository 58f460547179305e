/** Eigenvalues of a symmetric tridiagonal T = S Λ Sᵀ, with S kept as the plane rotations that built it. */
export interface TridiagonalEigen {
  /** Eigenvalues (unsorted); all NaN when the iteration failed to converge. */
  readonly values: Float64Array;
  /** Rotation i acts on coordinates (index[i], index[i] + 1) with cosine c[i] and sine s[i]. */
  readonly index: readonly number[];
  readonly c: readonly number[];
  readonly s: readonly number[];
}

/**
 * Eigen-decomposition of a symmetric tridiagonal matrix by the implicit QL algorithm with
 * Wilkinson-type shifts (Bowdler, Martin, Reinsch & Wilkinson, 1968, Numer Math 11:293;
 * Golub & Van Loan, 2013, §8.3). Instead of accumulating the n×n eigenvector matrix (O(n³)) it
 * records the plane rotations, so that Sᵀx and Sx cost O(number of rotations) ≈ O(n²) per vector
 * (`applyRotations`). A negligible off-diagonal |eᵢ| ≤ ε(|dᵢ| + |dᵢ₊₁|) splits the matrix.
 *
 * @param diag  diagonal (length n)
 * @param off  sub-diagonal (length n − 1)
 * @example
 * tridiagonalEigen(new Float64Array([2, 2]), new Float64Array([1])).values // => Float64Array [1, 3] (in some order)
 */
export function tridiagonalEigen(diag: Float64Array, off: Float64Array): TridiagonalEigen {
  const n = diag.length;
  const d = diag.slice();
  const e = new Float64Array(n);
  e.set(off.subarray(0, Math.max(0, n - 1)));
  const index: number[] = [];
  const cs: number[] = [];
  const sn: number[] = [];
  for (let l = 0; l < n; l++) {
    for (let iter = 0; ; iter++) {
      let m = l;
      while (m < n - 1 && Math.abs(e[m]!) > Number.EPSILON * (Math.abs(d[m]!) + Math.abs(d[m + 1]!))) m++;
      if (m === l) break;
      if (iter === 100) return { values: new Float64Array(n).fill(NaN), index, c: cs, s: sn };
      // shift from the leading 2×2 block, then chase the bulge from m − 1 up to l
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let deflated = false;
      for (let i = m - 1; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] = d[i + 1]! - p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        index.push(i);
        cs.push(c);
        sn.push(s);
      }
      if (deflated) continue;
      d[l] = d[l]! - p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return { values: d, index, c: cs, s: sn };
}

/**
 * Applies the eigenvector matrix S of `tridiagonalEigen` to a vector in place: Sᵀx when
 * `transpose`, else Sx. With S = R₁R₂⋯R_K (rotation Rᵢ on coordinates (j, j + 1)),
 * Sᵀx applies R₁ᵀ first and Sx applies R_K first.
 *
 * @example
 * const eig = tridiagonalEigen(new Float64Array([2, 2]), new Float64Array([1]));
 * Math.hypot(...applyRotations(eig, Float64Array.of(3, 4), true)) // => 5.00000000000000 (Sᵀ keeps lengths)
 */
export function applyRotations(eig: TridiagonalEigen, x: Float64Array, transpose: boolean): Float64Array {
  const { index, c, s } = eig;
  const count = index.length;
  for (let t = 0; t < count; t++) {
    const q = transpose ? t : count - 1 - t;
    const j = index[q]!;
    const cq = c[q]!;
    const sq = s[q]!;
    const a = x[j]!;
    const b = x[j + 1]!;
    if (transpose) {
      x[j] = cq * a - sq * b;
      x[j + 1] = sq * a + cq * b;
    } else {
      x[j] = cq * a + sq * b;
      x[j + 1] = -sq * a + cq * b;
    }
  }
  return x;
}
