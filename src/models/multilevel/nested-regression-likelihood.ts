import { cholesky, choleskyInverse, choleskyLogDet } from '../../numeric/cholesky.ts';
import type { NestedLevels } from './nested-levels.ts';

/** Data of a nested random-effects meta-regression. */
export interface NestedRegressionData {
  readonly y: Float64Array;
  readonly v: Float64Array;
  /** Row-major k×p design. */
  readonly x: Float64Array;
  readonly p: number;
  readonly levels: NestedLevels;
  /** ½·log|XᵀX| (metafor adds it to the restricted log-likelihood). */
  readonly halfLogDetXtX: number;
}

/** The model at given variance components. */
export interface NestedRegressionEvaluation {
  /** Restricted (REML) or full (ML) log-likelihood with metafor's constants; −∞ when XᵀV⁻¹X is singular. */
  readonly logLik: number;
  /** GLS estimate β̂ = (XᵀV⁻¹X)⁻¹XᵀV⁻¹y. */
  readonly beta: Float64Array;
  /** (XᵀV⁻¹X)⁻¹, row-major p×p. */
  readonly covariance: Float64Array;
}

/**
 * Log-likelihood of y ~ N(Xβ, V) with V = diag(v) + Σ_l σ²_l Z_lZ_lᵀ for nested grouping factors
 * (Z_l the indicator matrix of level l's groups), without forming V: within a group, V is the
 * block-diagonal matrix of its children plus σ²_l11ᵀ, so the sufficient statistics 1ᵀV⁻¹1,
 * XᵀV⁻¹1, XᵀV⁻¹X, XᵀV⁻¹y, 1ᵀV⁻¹y, yᵀV⁻¹y and log|V| of a group follow from its children's by
 * the Sherman–Morrison update (d = 1 + σ²·1ᵀB⁻¹1, log|V| = log|B| + log d), from the rows up.
 * O(k·p² + Σ_l n_l·p²).
 *
 *   ML:   ℓ = −½[k·log 2π + log|V| + rᵀV⁻¹r]
 *   REML: ℓ = −½[(k − p)·log 2π + log|V| + log|XᵀV⁻¹X| + rᵀV⁻¹r] + ½·log|XᵀX|
 *
 * with r = y − Xβ̂ (Harville, 1977, JASA 72:320; metafor's `rma.mv` constants).
 *
 * @example
 * const levels = nestedLevels([['a', 'a', 'b', 'b']]);
 * const data = { y: Float64Array.of(0, 2, 4, 6), v: Float64Array.of(1, 1, 1, 1), x: Float64Array.of(1, 1, 1, 1), p: 1, levels, halfLogDetXtX: 0.5 * Math.log(4) };
 * evaluateNestedRegression(data, [0], false).beta[0] // => 3
 */
export function evaluateNestedRegression(
  data: NestedRegressionData, sigma2: readonly number[], reml: boolean,
): NestedRegressionEvaluation {
  const { y, v, x, p, levels } = data;
  const k = y.length;
  const stride = 4 + 2 * p + p * p;
  const depth = levels.depth;
  let stats = new Float64Array(levels.counts[depth - 1]! * stride);
  for (let i = 0; i < k; i++) addRow(stats, levels.groupOf[depth - 1]![i]! * stride, x, i, p, y[i]!, v[i]!);
  for (let l = depth - 1; l >= 0; l--) {
    const n = levels.counts[l]!;
    for (let g = 0; g < n; g++) update(stats, g * stride, p, sigma2[l]!);
    const nParents = l === 0 ? 1 : levels.counts[l - 1]!;
    const parents = new Float64Array(nParents * stride);
    for (let g = 0; g < n; g++) {
      const to = (l === 0 ? 0 : levels.parentOf[l]![g]!) * stride;
      for (let s = 0; s < stride; s++) parents[to + s]! += stats[g * stride + s]!;
    }
    stats = parents;
  }
  const sxx = stats.subarray(4 + 2 * p, stride);
  const sxy = stats.subarray(4 + p, 4 + 2 * p);
  const l = cholesky(Float64Array.from(sxx), p);
  if (l === null) return { logLik: -Infinity, beta: new Float64Array(p).fill(NaN), covariance: new Float64Array(p * p).fill(NaN) };
  const covariance = choleskyInverse(l, p);
  const beta = new Float64Array(p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) beta[a]! += covariance[a * p + b]! * sxy[b]!;
  let rss = stats[2]!;
  for (let a = 0; a < p; a++) rss -= beta[a]! * sxy[a]!;
  const logDetV = stats[3]!;
  const logLik = reml
    ? -0.5 * ((k - p) * Math.log(2 * Math.PI) + logDetV + choleskyLogDet(l, p) + rss) + data.halfLogDetXtX
    : -0.5 * (k * Math.log(2 * Math.PI) + logDetV + rss);
  return { logLik, beta, covariance };
}

/** Layout of a group's statistics: [1ᵀV⁻¹1, 1ᵀV⁻¹y, yᵀV⁻¹y, log|V|, XᵀV⁻¹1 (p), XᵀV⁻¹y (p), XᵀV⁻¹X (p²)]. */
function addRow(stats: Float64Array, o: number, x: Float64Array, i: number, p: number, y: number, v: number): void {
  const w = 1 / v;
  stats[o]! += w;
  stats[o + 1]! += w * y;
  stats[o + 2]! += w * y * y;
  stats[o + 3]! += Math.log(v);
  for (let a = 0; a < p; a++) {
    const xa = x[i * p + a]!;
    stats[o + 4 + a]! += w * xa;
    stats[o + 4 + p + a]! += w * xa * y;
    for (let b = 0; b < p; b++) stats[o + 4 + 2 * p + a * p + b]! += w * xa * x[i * p + b]!;
  }
}

/** Adds σ²11ᵀ to a group's covariance: the Sherman–Morrison update of its statistics. */
function update(stats: Float64Array, o: number, p: number, s2: number): void {
  if (s2 === 0) return;
  const s11 = stats[o]!;
  const d = 1 + s2 * s11;
  const c = s2 / d;
  const s1y = stats[o + 1]!;
  stats[o + 2]! -= c * s1y * s1y;
  stats[o + 3]! += Math.log(d);
  for (let a = 0; a < p; a++) {
    const xa = stats[o + 4 + a]!;
    stats[o + 4 + p + a]! -= c * xa * s1y;
    for (let b = 0; b < p; b++) stats[o + 4 + 2 * p + a * p + b]! -= c * xa * stats[o + 4 + b]!;
  }
  for (let a = 0; a < p; a++) stats[o + 4 + a]! /= d;
  stats[o + 1] = s1y / d;
  stats[o] = s11 / d;
}
