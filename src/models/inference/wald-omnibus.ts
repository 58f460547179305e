import { chiSquareSf } from '../../distributions/chi-square.ts';
import { fisherFSf } from '../../distributions/fisher-f.ts';
import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';

/** The omnibus Wald test of a set of coefficients. */
export interface WaldOmnibus {
  /** Q_M = β̂_Sᵀ Cov(β̂_S)⁻¹ β̂_S (χ²), or Q_M/m for an F test; `null` when nothing is tested or Cov(β̂_S) is singular. */
  readonly qm: number | null;
  readonly qmDf: number;
  readonly qmPValue: number | null;
}

/**
 * Wald test that the coefficients `tested` (0-based) are all 0 (metafor's Q_M with `btt`):
 * χ²(m) when `df` is null, else F(m, df) = Q_M/m.
 *
 * @param cov  row-major p×p covariance of β̂
 * @example
 * waldOmnibus(Float64Array.from([1, 2]), Float64Array.from([1, 0, 0, 4]), 2, [1], null).qm // => 1
 */
export function waldOmnibus(beta: ArrayLike<number>, cov: ArrayLike<number>, p: number, tested: readonly number[], df: number | null): WaldOmnibus {
  const m = tested.length;
  if (m === 0) return { qm: null, qmDf: 0, qmPValue: null };
  const sub = new Float64Array(m * m);
  tested.forEach((a, i) => tested.forEach((b, j) => { sub[i * m + j] = cov[a * p + b]!; }));
  const l = cholesky(sub, m);
  if (l === null) return { qm: null, qmDf: m, qmPValue: null };
  const inv = choleskyInverse(l, m);
  let q = 0;
  tested.forEach((a, i) => tested.forEach((b, j) => { q += beta[a]! * inv[i * m + j]! * beta[b]!; }));
  if (df === null) return { qm: q, qmDf: m, qmPValue: chiSquareSf(q, m) };
  return { qm: q / m, qmDf: m, qmPValue: finiteOrNull(fisherFSf(q / m, m, df)) };
}
