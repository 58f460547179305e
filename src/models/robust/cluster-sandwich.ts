import { matrixProduct } from '../../numeric/matrix-product.ts';
import { cholesky, choleskyInverse, forwardSolve } from '../../numeric/cholesky.ts';
import { inverseSqrtApply } from './inverse-sqrt-apply.ts';

/** Cluster-robust variance estimators: metafor's `robust()` (CR0, CR1) and clubSandwich's CR2. */
export const SANDWICH_TYPES = Object.freeze(['CR0', 'CR1', 'CR2'] as const);
export type SandwichType = (typeof SANDWICH_TYPES)[number];

/** A GLS fit with block-diagonal working covariance, split by cluster. */
export interface SandwichInput {
  /** Row-major k×p design matrix. */
  readonly x: Float64Array;
  readonly p: number;
  /** Outcomes yᵢ. */
  readonly y: Float64Array;
  /** Cluster code (0 … nClusters − 1) of each row. */
  readonly cluster: Int32Array;
  readonly nClusters: number;
  /** Dense working covariance block V_c (row-major n_c×n_c) of the given rows of one cluster. */
  readonly block: (rows: readonly number[]) => Float64Array;
}

/** Pieces of cluster c that clubSandwich's Satterthwaite and HTZ approximations use. */
export interface ClusterTerms {
  /** E_c = M Hᵀ(LᵀVL)H M, p×p: the variance of cluster c's adjusted score mapped to β. */
  readonly e: Float64Array;
  /** K_c = M Hᵀ(LᵀX_c), p×p. */
  readonly k: Float64Array;
}

/** GLS estimate with its model-based and cluster-robust covariances. */
export interface Sandwich {
  readonly beta: Float64Array;
  /** M = (XᵀV⁻¹X)⁻¹, row-major p×p. */
  readonly bread: Float64Array;
  /** Cluster-robust covariance of β̂, row-major p×p. */
  readonly vcov: Float64Array;
  /** Per-cluster terms for the CR2 small-sample approximations (empty for CR0/CR1). */
  readonly terms: readonly ClusterTerms[];
}

/**
 * GLS estimate β̂ = MXᵀV⁻¹y, M = (XᵀV⁻¹X)⁻¹, and its cluster-robust ("sandwich") covariance
 * M(Σ_c X_cᵀW_cA_c e_c e_cᵀA_cᵀW_cX_c)M with W_c = V_c⁻¹ and e = y − Xβ̂ (Hedges, Tipton &
 * Johnson, 2010, Res Synth Methods 1:39):
 *
 * - CR0: A_c = I (metafor's `robust(fit, cluster, adjust = FALSE)`);
 * - CR1: CR0 × n/(n − p) for n clusters (metafor's default `adjust = TRUE`);
 * - CR2: bias-reduced linearization (Bell & McCaffrey, 2002, Surv Methodol 28:169; Pustejovsky &
 *   Tipton, 2018, J Bus Econ Stat 36:672) with target V, as clubSandwich's `vcovCR(type = "CR2")`:
 *   V_c = L_cL_cᵀ, B_c = L_cᵀ(V_c − X_cMX_cᵀ)L_c, A_c = L_cB_c^{−1/2}L_cᵀ (pseudo-inverse root).
 *
 * Whitened rows U_c = L_c⁻¹X_c make X_cᵀW_cA_c = U_cᵀB_c^{−1/2}L_cᵀ, so only p vectors are
 * multiplied by B_c^{−1/2}. Cost: O(Σ_c n_c³ + k·p²); no k×k matrix.
 *
 * @returns `null` when a block or XᵀV⁻¹X is not positive definite
 * @example
 * // one row per cluster, V = I, X = 1: CR0 = Σe²/k² = 2/9
 * const s = clusterSandwich({ x: Float64Array.of(1, 1, 1), p: 1, y: Float64Array.of(0, 1, 2),
 *   cluster: Int32Array.of(0, 1, 2), nClusters: 3, block: (rows) => identity(rows.length) }, 'CR0');
 * s.vcov[0] // => 0.2222222222
 */
export function clusterSandwich(input: SandwichInput, type: SandwichType): Sandwich | null {
  const { x, p, y, cluster, nClusters } = input;
  const members: number[][] = Array.from({ length: nClusters }, () => []);
  for (let i = 0; i < cluster.length; i++) members[cluster[i]!]!.push(i);
  const parts: ClusterPart[] = [];
  const xtwx = new Float64Array(p * p);
  const xtwy = new Float64Array(p);
  for (const rows of members) {
    const part = whiten(input, rows);
    if (part === null) return null;
    parts.push(part);
    addCrossProduct(xtwx, part.u, part.u, rows.length, p);
    for (let a = 0; a < p; a++) for (let i = 0; i < rows.length; i++) xtwy[a]! += part.u[i * p + a]! * part.wy[i]!;
  }
  const lx = cholesky(xtwx, p);
  if (lx === null) return null;
  const m = choleskyInverse(lx, p);
  const beta = matVec(m, xtwy, p);
  const meat = new Float64Array(p * p);
  const terms: ClusterTerms[] = [];
  for (let c = 0; c < nClusters; c++) {
    const part = parts[c]!;
    const n = members[c]!.length;
    // whitened residuals ρ = L⁻¹e = L⁻¹y − Uβ
    const rho = Float64Array.from(part.wy, (v, i) => v - dotRow(part.u, i, p, beta));
    let score: Float64Array;
    if (type === 'CR2') {
      const cr2 = cr2Cluster(part, rho, m, n, p);
      if (cr2 === null) return null;
      score = cr2.score;
      terms.push(cr2.terms);
    } else {
      score = new Float64Array(p);
      for (let a = 0; a < p; a++) for (let i = 0; i < n; i++) score[a]! += part.u[i * p + a]! * rho[i]!;
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a * p + b]! += score[a]! * score[b]!;
  }
  const vcov = sandwich(m, meat, p);
  if (type === 'CR1') vcov.forEach((v, i) => { vcov[i] = (v * nClusters) / (nClusters - p); });
  return { beta, bread: m, vcov, terms };
}

/** Identity matrix (row-major), the working covariance of unweighted rows. */
export function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

interface ClusterPart {
  readonly v: Float64Array;
  readonly l: Float64Array;
  /** U = L⁻¹X_c (n×p). */
  readonly u: Float64Array;
  /** L⁻¹y_c. */
  readonly wy: Float64Array;
  /** X_c (n×p). */
  readonly xc: Float64Array;
}

function whiten(input: SandwichInput, rows: readonly number[]): ClusterPart | null {
  const n = rows.length;
  const { p } = input;
  const v = input.block(rows);
  const l = cholesky(v, n);
  if (l === null) return null;
  const xc = new Float64Array(n * p);
  rows.forEach((r, i) => { for (let a = 0; a < p; a++) xc[i * p + a] = input.x[r * p + a]!; });
  const u = new Float64Array(n * p);
  const col = new Float64Array(n);
  for (let a = 0; a < p; a++) {
    for (let i = 0; i < n; i++) col[i] = xc[i * p + a]!;
    const z = forwardSolve(l, n, col);
    for (let i = 0; i < n; i++) u[i * p + a] = z[i]!;
  }
  const wy = forwardSolve(l, n, Float64Array.from(rows, (r) => input.y[r]!));
  return { v, l, u, wy, xc };
}

/** CR2 adjusted score Hᵀ(Lᵀe) with H = B^{−1/2}U, and the cluster's Satterthwaite terms. */
function cr2Cluster(part: ClusterPart, rho: Float64Array, m: Float64Array, n: number, p: number):
  { score: Float64Array; terms: ClusterTerms } | null {
  const { v, l, u, xc } = part;
  // LᵀVL (n×n), Z = LᵀX_c (n×p), Lᵀe = LᵀLρ
  const vl = matrixProduct(v, l, n, n, n);
  const ltvl = transposeTimes(l, vl, n, n, n);
  const z = transposeTimes(l, xc, n, n, p);
  const le = transposeTimes(l, matVec(l, rho, n), n, n, 1);
  const zm = matrixProduct(z, m, n, p, p);
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) b[i * n + j] = ltvl[i * n + j]! - dotRows(zm, i, z, j, p);
  }
  const columns = Array.from({ length: p }, (_, a) => Float64Array.from({ length: n }, (_, i) => u[i * p + a]!));
  const hCols = inverseSqrtApply(b, n, columns);
  const h = new Float64Array(n * p);
  hCols.forEach((col, a) => col.forEach((value, i) => { h[i * p + a] = value; }));
  if (h.some((value) => Number.isNaN(value))) return null;
  const score = transposeTimes(h, le, n, p, 1);
  const hVh = transposeTimes(h, matrixProduct(ltvl, h, n, n, p), n, p, p);
  const e = matrixProduct(matrixProduct(m, hVh, p, p, p), m, p, p, p);
  const k = matrixProduct(m, transposeTimes(h, z, n, p, p), p, p, p);
  return { score, terms: { e, k } };
}

function sandwich(m: Float64Array, meat: Float64Array, p: number): Float64Array {
  return matrixProduct(matrixProduct(m, meat, p, p, p), m, p, p, p);
}

/** Adds AᵀB (A, B row-major n×p) to out (p×p). */
function addCrossProduct(out: Float64Array, a: Float64Array, b: Float64Array, n: number, p: number): void {
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) out[r * p + c]! += a[i * p + r]! * b[i * p + c]!;
  }
}

/** Aᵀ (A is s×r) times B (s×t), row-major: r×t. */
function transposeTimes(a: Float64Array, b: Float64Array, s: number, r: number, t: number): Float64Array {
  const out = new Float64Array(r * t);
  for (let k = 0; k < s; k++) {
    for (let i = 0; i < r; i++) {
      const aki = a[k * r + i]!;
      if (aki === 0) continue;
      for (let j = 0; j < t; j++) out[i * t + j]! += aki * b[k * t + j]!;
    }
  }
  return out;
}

function matVec(a: Float64Array, x: Float64Array, n: number): Float64Array {
  const cols = x.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < cols; j++) out[i]! += a[i * cols + j]! * x[j]!;
  return out;
}

function dotRow(a: Float64Array, i: number, p: number, x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < p; j++) s += a[i * p + j]! * x[j]!;
  return s;
}

function dotRows(a: Float64Array, i: number, b: Float64Array, j: number, p: number): number {
  let s = 0;
  for (let c = 0; c < p; c++) s += a[i * p + c]! * b[j * p + c]!;
  return s;
}
