/**
 * Cluster-robust (sandwich) variance of the intercept of a GLS fit with the small-sample factor
 * n/(n − p), p = 1 — metafor's `robust(fit, cluster)` default ("CR1"; Hedges, Tipton & Johnson,
 * 2010, Res Synth Methods 1:39; Cameron & Miller, 2015, J Hum Resour 50:317):
 *
 *   Var_CR1(μ̂) = n/(n − 1) · Σ_c (Σᵢ∈c gᵢrᵢ)² / (Σᵢgᵢ)²,
 *
 * where gᵢ = (V⁻¹1)ᵢ are the model's working weights, rᵢ = yᵢ − μ̂ and n the number of clusters.
 * Clusters need not nest the random effects. O(k).
 *
 * @param g  working weights (V⁻¹1)ᵢ
 * @param residuals  yᵢ − μ̂
 * @param cluster  cluster code (0 … nClusters − 1) of each row
 * @param nClusters  number of clusters n (≥ 2)
 * @returns the variance; NaN when nClusters < 2
 * @example
 * cr1Variance(new Float64Array([1, 1, 1, 1]), new Float64Array([1, -1, 2, -2]), new Int32Array([0, 0, 1, 2]), 3) // => 0.75
 */
export function cr1Variance(g: Float64Array, residuals: Float64Array, cluster: Int32Array, nClusters: number): number {
  if (!(nClusters >= 2)) return NaN;
  const score = new Float64Array(nClusters);
  let sumG = 0;
  for (let i = 0; i < g.length; i++) {
    score[cluster[i]!]! += g[i]! * residuals[i]!;
    sumG += g[i]!;
  }
  let meat = 0;
  for (let c = 0; c < nClusters; c++) meat += score[c]! * score[c]!;
  return ((nClusters / (nClusters - 1)) * meat) / (sumG * sumG);
}
