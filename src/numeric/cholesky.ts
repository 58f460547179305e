/**
 * Cholesky factorisation A = LLᵀ of a small symmetric positive-definite p×p matrix stored
 * row-major in a Float64Array, with the triangular solves built on it (Golub & Van Loan, 2013,
 * Matrix Computations, 4th ed., §4.2). O(p³) for the factor, O(p²) per solve. Used on small
 * matrices only — XᵀWX of a meta-regression, one cluster's block of a multilevel covariance —
 * never on a k×k matrix.
 *
 * Returns `null` when a pivot is not positive, i.e. A is not (numerically) positive definite —
 * a total function, never a throw.
 *
 * @param a  row-major p×p matrix (only the lower triangle is read)
 * @param p  order of the matrix
 * @returns  row-major lower-triangular L (upper triangle zero), or `null`
 * @example
 * cholesky(new Float64Array([4, 2, 2, 5]), 2) // => Float64Array [2, 0, 1, 2]
 */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let t = 0; t < j; t++) d -= l[j * p + t]! * l[j * p + t]!;
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let t = 0; t < j; t++) s -= l[i * p + t]! * l[j * p + t]!;
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/**
 * Solves L z = b by forward substitution (L lower-triangular from {@link cholesky}).
 *
 * @param out  receives z (may be `b` itself); allocated when absent
 * @example
 * forwardSolve(new Float64Array([2, 0, 1, 2]), 2, new Float64Array([2, 3])) // => Float64Array [1, 1]
 */
export function forwardSolve(l: Float64Array, p: number, b: ArrayLike<number>, out?: Float64Array): Float64Array {
  const z = out ?? new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let t = 0; t < i; t++) s -= l[i * p + t]! * z[t]!;
    z[i] = s / l[i * p + i]!;
  }
  return z;
}

/**
 * Solves Lᵀ x = z by back substitution (L lower-triangular from {@link cholesky}).
 *
 * @param out  receives x (may be `z` itself); allocated when absent
 * @example
 * backSolve(new Float64Array([2, 0, 1, 2]), 2, new Float64Array([1, 1])) // => Float64Array [0.25, 0.5]
 */
export function backSolve(l: Float64Array, p: number, z: ArrayLike<number>, out?: Float64Array): Float64Array {
  const x = out ?? new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let t = i + 1; t < p; t++) s -= l[t * p + i]! * x[t]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

/**
 * Solves A x = b given the Cholesky factor L of A (forward then back substitution).
 *
 * @example
 * choleskySolve(new Float64Array([2, 0, 1, 2]), 2, new Float64Array([2, 3])) // => Float64Array [0.25, 0.5]
 */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  return backSolve(l, p, forwardSolve(l, p, b));
}

/**
 * A⁻¹ (row-major, symmetric) from the Cholesky factor L of A, column by column.
 *
 * @example
 * choleskyInverse(new Float64Array([2, 0, 1, 2]), 2) // => Float64Array [0.3125, -0.125, -0.125, 0.25]
 */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, p, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i]!;
  }
  // symmetrise: both triangles come from independent solves
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (inv[i * p + j]! + inv[j * p + i]!);
      inv[i * p + j] = m;
      inv[j * p + i] = m;
    }
  }
  return inv;
}

/**
 * log det A = 2·Σ log Lᵢᵢ from the Cholesky factor L of A.
 *
 * @example
 * choleskyLogDet(new Float64Array([2, 0, 1, 2]), 2) // => 2.772588722239781 (log 16)
 */
export function choleskyLogDet(l: Float64Array, p: number): number {
  let s = 0;
  for (let i = 0; i < p; i++) s += Math.log(l[i * p + i]!);
  return 2 * s;
}
