import type { NestedGroups } from './nested-groups.ts';

/**
 * Row sums of the inverse marginal covariance, gᵢ = (V⁻¹1)ᵢ, for the nested model
 * V = σ²₁·[same outer] + σ²₂·[same inner level] + diag(vᵢ), in O(k).
 *
 * Applying Sherman–Morrison twice (inner level l inside outer cluster j), with sₗ = Σᵢ∈ₗ 1/vᵢ,
 * cₗ = 1/(1 + σ²₂sₗ) and C_j = 1/(1 + σ²₁ Σₗ∈ⱼ cₗsₗ):  gᵢ = C_j·cₗ/vᵢ.
 * The GLS estimate is μ̂ = Σgᵢyᵢ/Σgᵢ with Var(μ̂) = 1/Σgᵢ, so 100·gᵢ/Σgᵢ are the rows' weights in
 * percent (metafor's `weights(fit, type = "rowsum")` for an intercept-only model).
 *
 * @param vi  sampling variances (> 0)
 * @param groups  the nesting from `nestedGroups`
 * @param sigma2Outer  σ²₁ ≥ 0; @param sigma2Inner σ²₂ ≥ 0
 * @example
 * rowWeights(new Float64Array([1, 1]), nestedGroups(['a', 'a'], ['x', 'y']), 1, 0) // => Float64Array [0.333333333333333, 0.333333333333333] (1/3 each)
 */
export function rowWeights(vi: Float64Array, groups: NestedGroups, sigma2Outer: number, sigma2Inner: number): Float64Array {
  const s = new Float64Array(groups.nInner);
  for (let i = 0; i < vi.length; i++) s[groups.innerOf[i]!]! += 1 / vi[i]!;
  const cInner = new Float64Array(groups.nInner);
  const outerSum = new Float64Array(groups.nOuter);
  for (let l = 0; l < groups.nInner; l++) {
    cInner[l] = 1 / (1 + sigma2Inner * s[l]!);
    outerSum[groups.innerOuter[l]!]! += cInner[l]! * s[l]!;
  }
  const g = new Float64Array(vi.length);
  for (let i = 0; i < vi.length; i++) {
    const j = groups.outerOf[i]!;
    g[i] = cInner[groups.innerOf[i]!]! / (1 + sigma2Outer * outerSum[j]!) / vi[i]!;
  }
  return g;
}
