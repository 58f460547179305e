import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { matrixProduct } from '../../numeric/matrix-product.ts';
import type { ClusterTerms } from './cluster-sandwich.ts';

/**
 * Degrees of freedom ν of the CR2 covariance of Cβ̂ (C: q×p contrasts) under the working model,
 * as clubSandwich computes them: Satterthwaite's for one contrast (q = 1) and the "HTZ"
 * Hotelling-T² approximation for several (Tipton & Pustejovsky, 2015, J Educ Behav Stat 40:604;
 * Pustejovsky & Tipton, 2018, J Bus Econ Stat 36:672).
 *
 * With D_c = CE_cCᵀ and R_c = CK_c (see {@link clusterSandwich}), the covariance of the cluster
 * terms is P_cd = δ_cd D_c − R_cMR_dᵀ, Ω = Σ_c P_cc = E[V^CR2], Q_cd = Ω⁻¹P_cd, and
 *
 *   ν = q(q + 1) / Σ_c Σ_d [tr(Q_cdQ_cd) + (tr Q_cd)²],
 *
 * which for q = 1 is Ω²/Σ_cd P_cd². O(J²q³ + Jq²p) for J clusters.
 *
 * @param terms  per-cluster terms of a CR2 sandwich
 * @param bread  M = (XᵀV⁻¹X)⁻¹ (p×p)
 * @param contrasts  C, row-major q×p
 * @returns ν; NaN when Ω is singular
 * @example
 * // two clusters of one row each, X = 1, V = I: E_c = ½, K_c = √½, P = [[¼, −¼], [−¼, ¼]], ν = 1
 * satterthwaiteDf([{ e: Float64Array.of(0.5), k: Float64Array.of(Math.SQRT1_2) }, { e: Float64Array.of(0.5), k: Float64Array.of(Math.SQRT1_2) }],
 *   Float64Array.of(0.5), Float64Array.of(1), 1, 1) // => 1.00000000
 */
export function satterthwaiteDf(
  terms: readonly ClusterTerms[], bread: Float64Array, contrasts: Float64Array, q: number, p: number,
): number {
  const ct = transpose(contrasts, q, p);
  const d = terms.map((t) => matrixProduct(matrixProduct(contrasts, t.e, q, p, p), ct, q, p, q));
  const r = terms.map((t) => matrixProduct(contrasts, t.k, q, p, p));
  const rm = r.map((rc) => matrixProduct(rc, bread, q, p, p));
  const rt = r.map((rc) => transpose(rc, q, p));
  const cross = (c: number, e: number) => matrixProduct(rm[c]!, rt[e]!, q, p, q);
  const omega = new Float64Array(q * q);
  const j = terms.length;
  for (let c = 0; c < j; c++) {
    const rr = cross(c, c);
    for (let i = 0; i < q * q; i++) omega[i]! += d[c]![i]! - rr[i]!;
  }
  const l = cholesky(omega, q);
  if (l === null) return NaN;
  const omegaInv = choleskyInverse(l, q);
  let total = 0;
  for (let c = 0; c < j; c++) {
    for (let e = 0; e < j; e++) {
      const pcd = cross(c, e);
      for (let i = 0; i < q * q; i++) pcd[i] = (c === e ? d[c]![i]! : 0) - pcd[i]!;
      const qcd = matrixProduct(omegaInv, pcd, q, q, q);
      let trace = 0;
      let traceSq = 0;
      for (let a = 0; a < q; a++) {
        trace += qcd[a * q + a]!;
        for (let b = 0; b < q; b++) traceSq += qcd[a * q + b]! * qcd[b * q + a]!;
      }
      total += traceSq + trace * trace;
    }
  }
  return (q * (q + 1)) / total;
}

function transpose(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]!;
  return out;
}
