import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';

/**
 * Wald-type test for heterogeneity of metafor's `rma.glmm` (`QE.Wld`): the Wald statistic of
 * the extra coefficients of the saturated model, i.e. of H₀: ω ∈ span(X) for the per-study
 * effects ω̂ with covariance V,
 *
 *   Q_W = ω̂ᵀ(V⁻¹ − V⁻¹X(XᵀV⁻¹X)⁻¹XᵀV⁻¹)ω̂,
 *
 * invariant to how the saturated model is parametrised (metafor tests the non-aliased
 * study-by-group coefficients). Studies with an infinite ω̂ (a zero cell) are left out (their
 * coefficient's contribution vanishes in the limit). V is given by its inverse `precision`
 * (row-major m×m over the `kept` studies).
 *
 * @returns Q_W ≥ 0, or null when XᵀV⁻¹X of the kept studies is singular
 */
export function waldHeterogeneity(effects: Float64Array, precision: Float64Array, x: Float64Array, p: number, kept: readonly number[]): number | null {
  const m = kept.length;
  if (m === 0) return 0;
  // Wx = V⁻¹X (m×p), XᵀV⁻¹X (p×p), V⁻¹ω (m)
  const wx = new Float64Array(m * p);
  const wy = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) {
      const v = precision[r * m + c]!;
      if (v === 0) continue;
      wy[r] = wy[r]! + v * effects[kept[c]!]!;
      for (let j = 0; j < p; j++) wx[r * p + j] = wx[r * p + j]! + v * x[kept[c]! * p + j]!;
    }
  }
  const xwx = new Float64Array(p * p);
  const xwy = new Float64Array(p);
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < p; j++) {
      xwy[j] = xwy[j]! + x[kept[r]! * p + j]! * wy[r]!;
      for (let l = 0; l < p; l++) xwx[j * p + l] = xwx[j * p + l]! + x[kept[r]! * p + j]! * wx[r * p + l]!;
    }
  }
  const l = cholesky(xwx, p);
  if (l === null) return null;
  const inv = choleskyInverse(l, p);
  let q = 0;
  for (let r = 0; r < m; r++) q += effects[kept[r]!]! * wy[r]!;
  for (let j = 0; j < p; j++) for (let t = 0; t < p; t++) q -= xwy[j]! * inv[j * p + t]! * xwy[t]!;
  return Math.max(0, q);
}

/** The diagonal precision of independent effects with weights w over the studies with w > 0. */
export function diagonalPrecision(weights: Float64Array): { precision: Float64Array; kept: number[] } {
  const kept: number[] = [];
  weights.forEach((w, i) => { if (w > 0) kept.push(i); });
  const m = kept.length;
  const precision = new Float64Array(m * m);
  kept.forEach((i, r) => { precision[r * m + r] = weights[i]!; });
  return { precision, kept };
}
