import type { NestedGroups } from './nested-groups.ts';

/**
 * The data reduced to one "unit" per inner level, with the constants that restore the full
 * likelihood.
 */
export interface CollapsedUnits {
  /** Inverse-variance weighted mean ȳₗ = Σ yᵢ/vᵢ / Σ 1/vᵢ of each inner level. */
  readonly y: Float64Array;
  /** Its sampling variance v*ₗ = 1/Σ 1/vᵢ. */
  readonly v: Float64Array;
  /** Outer cluster of each unit. */
  readonly outerOf: Int32Array;
  readonly nOuter: number;
  /** Σᵢ (yᵢ − ȳₗ)²/vᵢ over all rows: the within-level residual sum, free of σ². */
  readonly withinSs: number;
  /** Σₗ [Σᵢ log vᵢ − log v*ₗ]: log|V| of the full data minus that of the units. */
  readonly logDetOffset: number;
}

/**
 * Collapses rows that share an inner level into their inverse-variance weighted mean.
 *
 * Within inner level l the rows share both random effects, so with Dₗ = diag(vᵢ) the contrasts
 * yᵢ − ȳₗ are independent of ȳₗ and their distribution does not involve μ, σ²_outer or σ²_inner.
 * The (RE)ML likelihood of the rows is therefore that of the units (ȳₗ, v*ₗ) under the same model
 * with one inner effect per unit, plus constants:
 *   log|V| = log|V*| + Σₗ(Σᵢ log vᵢ − log v*ₗ),   rᵀV⁻¹r = r*ᵀV*⁻¹r* + Σᵢ (yᵢ − ȳₗ)²/vᵢ
 * (the matrix-determinant lemma and Sherman–Morrison on Dₗ + σ²·11ᵀ). When every inner level holds
 * one row the units are the rows and both constants are 0. O(k).
 *
 * @param yi  effect sizes; @param vi sampling variances (> 0)
 * @param groups  the nesting from `nestedGroups`
 * @example
 * collapseInner(new Float64Array([1, 3]), new Float64Array([1, 1]), nestedGroups(['a', 'a'], ['x', 'x'])).y
 * // => Float64Array [2]   (v = [0.5], withinSs = 2)
 */
export function collapseInner(yi: Float64Array, vi: Float64Array, groups: NestedGroups): CollapsedUnits {
  const n = groups.nInner;
  const s = new Float64Array(n);
  const t = new Float64Array(n);
  const size = new Int32Array(n);
  const logV = new Float64Array(n);
  for (let i = 0; i < yi.length; i++) {
    const l = groups.innerOf[i]!;
    const w = 1 / vi[i]!;
    s[l]! += w;
    t[l]! += w * yi[i]!;
    size[l]! += 1;
    logV[l]! += Math.log(vi[i]!);
  }
  const y = new Float64Array(n);
  const v = new Float64Array(n);
  for (let l = 0; l < n; l++) {
    y[l] = t[l]! / s[l]!;
    v[l] = 1 / s[l]!;
  }
  let withinSs = 0;
  let logDetOffset = 0;
  for (let i = 0; i < yi.length; i++) {
    const l = groups.innerOf[i]!;
    if (size[l] === 1) {
      y[l] = yi[i]!; // exact, no rounding through the weighted mean
      v[l] = vi[i]!;
      continue;
    }
    const d = yi[i]! - y[l]!;
    withinSs += (d * d) / vi[i]!;
  }
  for (let l = 0; l < n; l++) if (size[l]! > 1) logDetOffset += logV[l]! + Math.log(s[l]!);
  return { y, v, outerOf: groups.innerOuter, nOuter: groups.nOuter, withinSs, logDetOffset };
}
