import { cholesky } from '../../numeric/cholesky.ts';
import { inverseSqrtTimes } from './inverse-sqrt-times.ts';
import type { NestedGroups } from './nested-groups.ts';

/** The nested model's pieces that the CR2 sandwich needs. */
export interface Cr2Input {
  readonly vi: Float64Array;
  readonly residuals: Float64Array;
  readonly groups: NestedGroups;
  readonly sigma2Outer: number;
  readonly sigma2Inner: number;
  /** 1ᵀV⁻¹1 of the fit (inverse of the model-based Var(μ̂)). */
  readonly sumW: number;
  /** Cluster code of each row; every outer cluster lies inside one cluster. */
  readonly cluster: Int32Array;
  readonly nClusters: number;
}

/** CR2 variance of the intercept and its Satterthwaite degrees of freedom. */
export interface Cr2Result {
  readonly variance: number;
  readonly df: number;
}

/**
 * Bias-reduced linearization ("CR2") cluster-robust variance of the intercept with Satterthwaite
 * degrees of freedom (Bell & McCaffrey, 2002, Surv Methodol 28:169; Tipton, 2015, Psychol
 * Methods 20:375; Pustejovsky & Tipton, 2018, J Bus Econ Stat 36:672), as clubSandwich's
 * `vcovCR(type = "CR2")` and `coef_test(test = "Satterthwaite")` compute them for an `rma.mv` fit
 * whose working weights are the inverse marginal covariance (target = V).
 *
 * For cluster c with block V_c = L_cL_cᵀ (Cholesky), M = 1/1ᵀV⁻¹1 and X = 1:
 *   G_c = L_cᵀ(V_c − M11ᵀ)L_c,   A_c = L_c G_c^{−1/2} L_cᵀ,   E_c = 1ᵀV_c⁻¹A_c,
 *   Var_CR2(μ̂) = M² Σ_c (E_c r_c)².
 * With z_c = L_c⁻¹1 and ζ_c = G_c^{−1/2}z_c: E_c r_c = ζ_cᵀ(L_cᵀr_c). Satterthwaite:
 *   a_c = M²‖L_cᵀL_cζ_c‖²,  h_c = M^{3/2}ζ_cᵀL_cᵀ1,  P = diag(a) − hhᵀ,
 *   df = (tr P)² / ‖P‖²_F.
 * G_c^{−1/2}z_c comes from a symmetric eigen-decomposition (`inverseSqrtTimes`); eigenvalues below
 * 1e-12 × the largest are treated as 0 (a pseudo-inverse; clubSandwich uses an absolute 1e-12,
 * which depends on the data's scale). V_c is applied through its structure, so the work is about
 * (1/3 + 1/6 + 4/3)·n_c³ per cluster for the Cholesky factor, G_c and the tridiagonalization.
 *
 * @returns variance and df; NaN when a block is not positive definite or nClusters < 2
 * @example
 * // two clusters of two independent rows (σ² = 0, v = 1); each residual is scaled by √2 = (1 − ½)^{−1/2}
 * cr2Sandwich({ vi: new Float64Array([1, 1, 1, 1]), residuals: new Float64Array([1, 1, -1, -1]),
 *   groups: nestedGroups(['a', 'a', 'b', 'b'], ['1', '2', '1', '2']), sigma2Outer: 0, sigma2Inner: 0,
 *   sumW: 4, cluster: new Int32Array([0, 0, 1, 1]), nClusters: 2 }) // => { variance: 1, df: 1 } (to rounding; clubSandwich agrees)
 */
export function cr2Sandwich(input: Cr2Input): Cr2Result {
  const { vi, residuals, groups, sigma2Outer: a, sigma2Inner: b, sumW, cluster, nClusters } = input;
  if (!(nClusters >= 2)) return { variance: NaN, df: NaN };
  const members = clusterMembers(cluster, nClusters);
  const m = 1 / sumW;
  const outerSum = new Float64Array(groups.nOuter);
  const innerSum = new Float64Array(groups.nInner);
  let meat = 0;
  const aDiag = new Float64Array(nClusters);
  const h = new Float64Array(nClusters);
  for (let c = 0; c < nClusters; c++) {
    const rows = members[c]!;
    const n = rows.length;
    const l = cholesky(marginalBlock(rows, vi, groups, a, b), n);
    if (l === null) return { variance: NaN, df: NaN };
    // VL, one column at a time with the block's structure: (Vx)ᵢ = a·Σ_outer x + b·Σ_inner x + vᵢxᵢ
    const vl = new Float64Array(n * n);
    const col = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) col[i] = l[i * n + j]!;
      structuredProduct(rows, vi, groups, a, b, col, outerSum, innerSum, vl, j, n);
    }
    // G = Lᵀ(VL) − M uuᵀ with u = Lᵀ1;  ρ = Lᵀr;  z = L⁻¹1
    const u = new Float64Array(n);
    const rho = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let k = i; k < n; k++) {
        u[i]! += l[k * n + i]!;
        rho[i]! += l[k * n + i]! * residuals[rows[k]!]!;
      }
    }
    const gMat = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let x = 0;
        for (let k = i; k < n; k++) x += l[k * n + i]! * vl[k * n + j]!;
        x -= m * u[i]! * u[j]!;
        gMat[i * n + j] = x;
        gMat[j * n + i] = x;
      }
    }
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let x = 1;
      for (let k = 0; k < i; k++) x -= l[i * n + k]! * z[k]!;
      z[i] = x / l[i * n + i]!;
    }
    const zeta = inverseSqrtTimes(gMat, n, z);
    let comp = 0;
    let hc = 0;
    for (let i = 0; i < n; i++) {
      comp += zeta[i]! * rho[i]!;
      hc += zeta[i]! * u[i]!;
    }
    // ‖LᵀLζ‖²
    const lz = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let x = 0;
      for (let k = 0; k <= i; k++) x += l[i * n + k]! * zeta[k]!;
      lz[i] = x;
    }
    let bz2 = 0;
    for (let i = 0; i < n; i++) {
      let x = 0;
      for (let k = i; k < n; k++) x += l[k * n + i]! * lz[k]!;
      bz2 += x * x;
    }
    meat += comp * comp;
    aDiag[c] = m * m * bz2;
    h[c] = m * Math.sqrt(m) * hc;
  }
  return { variance: m * m * meat, df: satterthwaiteDf(aDiag, h) };
}

/** Dense block of V for the given rows: σ²₁[same outer] + σ²₂[same inner level] + diag(v). */
function marginalBlock(rows: readonly number[], vi: Float64Array, groups: NestedGroups, a: number, b: number): Float64Array {
  const n = rows.length;
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = rows[i]!;
    for (let j = 0; j <= i; j++) {
      const rj = rows[j]!;
      let x = groups.outerOf[ri] === groups.outerOf[rj] ? a : 0;
      if (groups.innerOf[ri] === groups.innerOf[rj]) x += b;
      if (i === j) x += vi[ri]!;
      v[i * n + j] = x;
      v[j * n + i] = x;
    }
  }
  return v;
}

/** Writes V·x (x over the block's rows) into column j of `out`, in O(n) via group sums. */
function structuredProduct(
  rows: readonly number[], vi: Float64Array, groups: NestedGroups, a: number, b: number,
  x: Float64Array, outerSum: Float64Array, innerSum: Float64Array, out: Float64Array, j: number, n: number,
): void {
  for (let i = 0; i < n; i++) {
    outerSum[groups.outerOf[rows[i]!]!] = 0;
    innerSum[groups.innerOf[rows[i]!]!] = 0;
  }
  for (let i = 0; i < n; i++) {
    outerSum[groups.outerOf[rows[i]!]!]! += x[i]!;
    innerSum[groups.innerOf[rows[i]!]!]! += x[i]!;
  }
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    out[i * n + j] = a * outerSum[groups.outerOf[r]!]! + b * innerSum[groups.innerOf[r]!]! + vi[r]! * x[i]!;
  }
}

/** df = (tr P)²/‖P‖²_F for P = diag(a) − hhᵀ, in O(n) without forming P. */
function satterthwaiteDf(aDiag: Float64Array, h: Float64Array): number {
  let trace = 0, diagSq = 0, h2 = 0, h4 = 0;
  for (let c = 0; c < aDiag.length; c++) {
    const hh = h[c]! * h[c]!;
    trace += aDiag[c]! - hh;
    diagSq += (aDiag[c]! - hh) ** 2;
    h2 += hh;
    h4 += hh * hh;
  }
  return (trace * trace) / (diagSq + h2 * h2 - h4);
}

function clusterMembers(cluster: Int32Array, nClusters: number): number[][] {
  const members: number[][] = Array.from({ length: nClusters }, () => []);
  for (let i = 0; i < cluster.length; i++) members[cluster[i]!]!.push(i);
  return members;
}
