/** Householder reduction G = H T Hᵀ of a symmetric matrix to tridiagonal form. */
export interface Tridiagonal {
  readonly n: number;
  /** Diagonal of T. */
  readonly diag: Float64Array;
  /** Sub-diagonal of T: `off[i]` couples i and i + 1 (length n − 1, or 0 for n = 0). */
  readonly off: Float64Array;
  /** Householder vectors, row-major: reflector k acts on indices k + 1 … n − 1 as I − β vvᵀ. */
  readonly vectors: Float64Array;
  /** β of each reflector (0 for an identity reflector). */
  readonly betas: Float64Array;
}

/**
 * Reduces a symmetric matrix to tridiagonal form by n − 2 Householder reflections,
 * G = H T Hᵀ with H = P₀P₁⋯P_{n−3} (Golub & Van Loan, 2013, Matrix Computations, 4th ed.,
 * Alg. 8.3.1). (4/3)n³ flops; H is kept as its reflectors so that H x and Hᵀx cost O(n²).
 *
 * @param a  row-major n×n symmetric matrix (not modified)
 * @param n  order
 * @example
 * householderTridiagonal(new Float64Array([4, 1, 2, 1, 3, 0, 2, 0, 1]), 3).diag.length // => 3
 */
export function householderTridiagonal(a: Float64Array, n: number): Tridiagonal {
  const m = a.slice(0, n * n);
  const vectors = new Float64Array(n * n);
  const betas = new Float64Array(Math.max(0, n));
  const p = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    let scale = 0;
    for (let i = k + 1; i < n; i++) scale = Math.max(scale, Math.abs(m[i * n + k]!));
    if (scale === 0) continue;
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) {
      const x = m[i * n + k]! / scale;
      vectors[k * n + i] = x;
      norm2 += x * x;
    }
    const x0 = vectors[k * n + k + 1]!;
    const alpha = -(x0 >= 0 ? 1 : -1) * Math.sqrt(norm2);
    vectors[k * n + k + 1] = x0 - alpha;
    const vv = norm2 - 2 * x0 * alpha + alpha * alpha; // ‖x − αe₁‖²
    if (!(vv > 0)) continue;
    const beta = 2 / vv;
    betas[k] = beta;
    // p = β·A v ; w = p − (β/2)(vᵀp) v ; A ← A − v wᵀ − w vᵀ  (trailing block, scaled back)
    let vp = 0;
    for (let i = k + 1; i < n; i++) {
      let s = 0;
      for (let j = k + 1; j < n; j++) s += m[i * n + j]! * vectors[k * n + j]!;
      p[i] = beta * s;
      vp += vectors[k * n + i]! * p[i]!;
    }
    const half = 0.5 * beta * vp;
    for (let i = k + 1; i < n; i++) p[i] = p[i]! - half * vectors[k * n + i]!;
    for (let i = k + 1; i < n; i++) {
      const vi = vectors[k * n + i]!;
      const wi = p[i]!;
      for (let j = k + 1; j <= i; j++) {
        const x = m[i * n + j]! - vi * p[j]! - wi * vectors[k * n + j]!;
        m[i * n + j] = x;
        m[j * n + i] = x;
      }
    }
    const sub = alpha * scale;
    m[(k + 1) * n + k] = sub;
    m[k * n + k + 1] = sub;
    for (let i = k + 2; i < n; i++) {
      m[i * n + k] = 0;
      m[k * n + i] = 0;
    }
  }
  const diag = new Float64Array(n);
  const off = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n; i++) diag[i] = m[i * n + i]!;
  for (let i = 0; i + 1 < n; i++) off[i] = m[(i + 1) * n + i]!;
  return { n, diag, off, vectors, betas };
}

/**
 * Applies Hᵀ (`transpose` true) or H to a vector in place: Hᵀx = P_{n−3}⋯P₀x, Hx = P₀⋯P_{n−3}x.
 *
 * @example
 * const t = householderTridiagonal(new Float64Array([4, 1, 2, 1, 3, 0, 2, 0, 1]), 3);
 * Math.hypot(...applyReflectors(t, Float64Array.of(1, 2, 3), true)) // => 3.74165738677394 (√14: Hᵀ keeps lengths)
 */
export function applyReflectors(t: Tridiagonal, x: Float64Array, transpose: boolean): Float64Array {
  const { n, vectors, betas } = t;
  const steps = Math.max(0, n - 2);
  for (let s = 0; s < steps; s++) {
    const k = transpose ? s : steps - 1 - s;
    const beta = betas[k]!;
    if (beta === 0) continue;
    let dot = 0;
    for (let i = k + 1; i < n; i++) dot += vectors[k * n + i]! * x[i]!;
    const f = beta * dot;
    for (let i = k + 1; i < n; i++) x[i] = x[i]! - f * vectors[k * n + i]!;
  }
  return x;
}
