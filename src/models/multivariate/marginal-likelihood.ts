import { cholesky, choleskyInverse, choleskyLogDet, choleskySolve, forwardSolve } from '../../numeric/cholesky.ts';
import type { ResolvedTerm } from './random-terms.ts';

/** One independent block: its model rows and their sampling covariance (row-major n×n). */
export interface ModelBlock {
  readonly rows: readonly number[];
  readonly n: number;
  readonly v: Float64Array;
}

/** Everything the likelihood needs: outcomes, design (row-major k×p), blocks and random terms. */
export interface MarginalModel {
  readonly y: Float64Array;
  readonly x: Float64Array;
  readonly k: number;
  readonly p: number;
  readonly blocks: readonly ModelBlock[];
  readonly terms: readonly ResolvedTerm[];
  /** ½ log|XᵀX| (metafor's REML likelihood includes it). */
  readonly halfLogDetXtX: number;
}

/** Variance components: σ² per nested level (all nested terms in order), G (m×m) per structured term. */
export interface VarianceComponents {
  readonly sigma2: readonly number[];
  readonly g: readonly Float64Array[];
}

/** The GLS fit at given variance components. */
export interface MarginalEvaluation {
  readonly logLik: number;
  readonly beta: Float64Array;
  /** (XᵀM⁻¹X)⁻¹, row-major p×p. */
  readonly covariance: Float64Array;
  /** (y − Xβ̂)ᵀM⁻¹(y − Xβ̂). */
  readonly rss: number;
}

/**
 * The ML or REML log-likelihood of y ~ N(Xβ, M), M = V + Σ Z G Zᵀ, at given variance
 * components, profiled over β (the GLS β̂), as metafor's `rma.mv`:
 *
 *   ML:   −½ [k log 2π + log|M| + r'M⁻¹r]
 *   REML: −½ [(k − p) log 2π + log|M| + log|XᵀM⁻¹X| − log|XᵀX| + r'M⁻¹r].
 *
 * M is block-diagonal over `model.blocks`: each block is formed, factored (Cholesky) and its
 * whitened design accumulated, so the cost is O(Σ n_b³ + k p²). `components: null` uses M = V
 * (the equal-effects model behind Q_E). Returns `null` when a block of M or XᵀM⁻¹X is not
 * positive definite.
 */
export function evaluateMarginal(model: MarginalModel, components: VarianceComponents | null, reml: boolean): MarginalEvaluation | null {
  const { p, k } = model;
  const a = new Float64Array(p * p);
  const c = new Float64Array(p);
  let s = 0;
  let logDet = 0;
  for (const block of model.blocks) {
    const n = block.n;
    const m = components === null ? block.v : marginalBlock(model, block, components);
    const l = cholesky(m, n);
    if (l === null) return null;
    logDet += 2 * halfLogDet(l, n);
    const yb = forwardSolve(l, n, block.rows.map((r) => model.y[r]!));
    const xb = new Float64Array(n * p);
    const column = new Float64Array(n);
    for (let j = 0; j < p; j++) {
      block.rows.forEach((r, i) => { column[i] = model.x[r * p + j]!; });
      const z = forwardSolve(l, n, column);
      for (let i = 0; i < n; i++) xb[i * p + j] = z[i]!;
    }
    for (let i = 0; i < n; i++) {
      s += yb[i]! * yb[i]!;
      for (let j = 0; j < p; j++) {
        c[j]! += xb[i * p + j]! * yb[i]!;
        for (let t = 0; t <= j; t++) a[j * p + t]! += xb[i * p + j]! * xb[i * p + t]!;
      }
    }
  }
  for (let j = 0; j < p; j++) for (let t = 0; t < j; t++) a[t * p + j] = a[j * p + t]!;
  const la = cholesky(a, p);
  if (la === null) return null;
  const beta = choleskySolve(la, p, c);
  let fitted = 0;
  for (let j = 0; j < p; j++) fitted += c[j]! * beta[j]!;
  const rss = Math.max(0, s - fitted);
  const logLik = reml
    ? -0.5 * ((k - p) * Math.log(2 * Math.PI) + logDet + choleskyLogDet(la, p) + rss) + model.halfLogDetXtX
    : -0.5 * (k * Math.log(2 * Math.PI) + logDet + rss);
  return { logLik, beta, covariance: choleskyInverse(la, p), rss };
}

/** Σ log L_ii. */
function halfLogDet(l: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(l[i * n + i]!);
  return s;
}

/** M_b = V_b + Σ_l σ²_l [same group at level l] + Σ_t [same outer] G_t[inner_a, inner_b]. */
export function marginalBlock(model: MarginalModel, block: ModelBlock, comp: VarianceComponents): Float64Array {
  const n = block.n;
  const m = Float64Array.from(block.v);
  let level = 0;
  let structured = 0;
  for (const term of model.terms) {
    if (term.kind === 'nested') {
      term.codes.forEach((codes) => {
        const s2 = comp.sigma2[level++]!;
        if (s2 === 0) return;
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (codes[block.rows[a]!] === codes[block.rows[b]!]) m[a * n + b]! += s2;
      });
    } else {
      const g = comp.g[structured++]!;
      const size = term.innerLevels.length;
      for (let a = 0; a < n; a++) {
        const ra = block.rows[a]!;
        for (let b = 0; b < n; b++) {
          const rb = block.rows[b]!;
          if (term.outer[ra] === term.outer[rb]) m[a * n + b]! += g[term.inner[ra]! * size + term.inner[rb]!]!;
        }
      }
    }
  }
  return m;
}
