import { CompensatedAccumulator } from '../numeric/compensated-sum.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import { isInfluential } from './is-influential.ts';
import { readResult } from '../read-result.ts';
import { readFitView } from '../models/read-fit.ts';
import { leaveOneOutColumns } from './leave-one-out-columns.ts';
import type { SubsetColumns } from './subset-columns.ts';

/**
 * Case-deletion diagnostics of one study (one row of metafor's `influence(fit)$inf`, plus
 * `dfbetas` from `$dfbs`). Statistics that metafor reports as NA are `null`: all deletion
 * statistics when the model without the study could not be fitted (then `error` says why).
 */
export interface InfluenceRow {
  readonly label: string;
  /** Externally studentized residual (yᵢ − μ̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎(vᵢ + τ̂²₍₋ᵢ₎) + Var μ̂₍₋ᵢ₎). */
  readonly rstudent: number | null;
  /** DFFITS (μ̂ − μ̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎·hᵢ·(τ̂²₍₋ᵢ₎ + vᵢ)). */
  readonly dffits: number | null;
  /** Cook's distance (μ̂ − μ̂₍₋ᵢ₎)²/Var μ̂ (metafor's `cook.d`). */
  readonly cookD: number | null;
  /** Covariance ratio Var μ̂₍₋ᵢ₎/Var μ̂ (metafor's `cov.r`). */
  readonly covRatio: number | null;
  /** τ² of the model without the study (metafor's `tau2.del`). */
  readonly tau2Deleted: number | null;
  /** Cochran's Q of the model without the study (metafor's `QE.del`). */
  readonly qDeleted: number | null;
  /** Leverage hᵢ = wᵢ/Σwⱼ of the full model (diagonal of its hat matrix). */
  readonly hat: number;
  /** Weight of the study in the full model, in percent (100·hᵢ). */
  readonly weight: number;
  /** DFBETAS (μ̂ − μ̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎/Σⱼ 1/(vⱼ + τ̂²₍₋ᵢ₎)), sum over all k studies. */
  readonly dfbetas: number | null;
  /** metafor's flag (`inf` = "*"): see `isInfluential`. */
  readonly isInfluential: boolean;
  /** Present only when the model without the study could not be fitted. */
  readonly error?: string;
}

/**
 * Outlier and influence diagnostics of an intercept-only random-effects model (metafor's
 * `influence.rma.uni`; Viechtbauer & Cheung, 2010, Res Synth Methods 1:112). For each study i
 * the model is refitted without it, with the fit's own `method`, `test` and `level` (τ̂²₍₋ᵢ₎,
 * μ̂₍₋ᵢ₎, its variance Var μ̂₍₋ᵢ₎ and the Knapp–Hartung factor s²_w₍₋ᵢ₎, which is 1 unless
 * test = 'knha'), and compared with the full fit (μ̂, Var μ̂ = SE², weights wⱼ = 1/(vⱼ + τ̂²)):
 *
 * - rstudent = (yᵢ − μ̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎·(vᵢ + τ̂²₍₋ᵢ₎) + Var μ̂₍₋ᵢ₎), the residual set to 0 when
 *   |yᵢ − μ̂₍₋ᵢ₎| < 100ε (deleted-model prediction and variance);
 * - DFFITS = (μ̂ − μ̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎·hᵢ·(τ̂²₍₋ᵢ₎ + vᵢ)), hᵢ the full-model hat value
 *   (Belsley, Kuh & Welsch, 1980);
 * - Cook's D = (μ̂ − μ̂₍₋ᵢ₎)²/Var μ̂ (Cook, 1977), with the full-model variance;
 * - COVRATIO = Var μ̂₍₋ᵢ₎/Var μ̂;
 * - DFBETAS = (μ̂ − μ̂₍₋ᵢ₎)/√(s²_w₍₋ᵢ₎/Σⱼ 1/(vⱼ + τ̂²₍₋ᵢ₎)), the sum over all k studies;
 * - τ̂²₍₋ᵢ₎ and Q₍₋ᵢ₎ of the deleted model; hat hᵢ = wᵢ/Σwⱼ and weight 100·hᵢ (%) of the full
 *   model, so the hat values sum to 1;
 * - isInfluential: metafor's rule (|DFFITS| > 3√(1/(k−1)), P(χ²₁ ≤ D) > 0.5, hᵢ > 3/k or
 *   |DFBETAS| > 1).
 *
 * A deleted model of one study uses τ² = 0 and the z test (as rma.uni). Rows follow the
 * studies of the fit (omitted rows excluded). Work: the refits of `leaveOneOut` (an O(k)
 * update of the full data's sums per study for EE, DL, ML and REML); no k×k matrix is formed.
 *
 * @param fit a result of `metaAnalysis` with k ≥ 2 studies
 * @returns a frozen array of k frozen {@link InfluenceRow}s
 * @throws InputError when `fit` is not a `metaAnalysis` result (the message names the field)
 *   or has k = 1 (metafor: "Stopped because k = 1").
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' });
 * influence(fit).map((r) => r.cookD)         // => [0.92689990..., 0.00016091..., 0.87869315...]
 * influence(fit).map((r) => r.isInfluential) // => [true, false, true]
 */
export function influence(fit: MetaAnalysisResult): readonly InfluenceRow[] {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    const f = readFitView(fit, 'influence', 2);
    const { k, yi: y, vi: v } = f;
    const hat = leverages(v, f.tau2);
    const vbFull = f.se * f.se;
    const del = leaveOneOutColumns(f);
    const rows: InfluenceRow[] = [];
    for (let i = 0; i < k; i++) {
      const label = f.labels[i]!;
      const h = hat[i]!;
      const error = del.errors[i];
      if (error !== undefined) {
        rows.push(Object.freeze({
          label, rstudent: null, dffits: null, cookD: null, covRatio: null, tau2Deleted: null, qDeleted: null,
          hat: h, weight: 100 * h, dfbetas: null,
          isInfluential: isInfluential({ dffits: NaN, cookD: NaN, hat: h, dfbetas: NaN }, k),
          error,
        }));
      }
      const stats = deletionStatistics(y[i]!, v[i]!, h, f.estimate, vbFull, del, i);
      rows.push(Object.freeze({
        label,
        rstudent: finiteOrNull(stats.rstudent),
        dffits: finiteOrNull(stats.dffits),
        cookD: finiteOrNull(stats.cookD),
        covRatio: finiteOrNull(stats.covRatio),
        tau2Deleted: finiteOrNull(del.tau2[i]!),
        qDeleted: finiteOrNull(del.q[i]!),
        hat: h,
        weight: 100 * h,
        dfbetas: finiteOrNull(stats.dfbetas),
        isInfluential: isInfluential({ ...stats, hat: h }, k),
      }));
    }
    return Object.freeze(rows);
  });
}

/** Hat values hᵢ = wᵢ/Σwⱼ, wᵢ = 1/(vᵢ + τ²), of an intercept-only weighted model. */
function leverages(vi: Float64Array, tau2: number): Float64Array {
  const k = vi.length;
  const w = new Float64Array(k);
  const sum = new CompensatedAccumulator();
  for (let i = 0; i < k; i++) {
    w[i] = 1 / (vi[i]! + tau2);
    sum.add(w[i]!);
  }
  const total = sum.value();
  for (let i = 0; i < k; i++) w[i] = w[i]! / total;
  return w;
}

/**
 * The deletion statistics of study (yᵢ, vᵢ) with hat value `h`, given the refit without it
 * (entry i of the leave-one-out columns): Σⱼ 1/(vⱼ + τ̂²₍₋ᵢ₎) over all k studies is the refit's
 * own sum of weights plus study i's, O(1).
 */
function deletionStatistics(
  yi: number,
  vi: number,
  h: number,
  estimate: number,
  vbFull: number,
  del: SubsetColumns,
  i: number,
): { rstudent: number; dffits: number; cookD: number; covRatio: number; dfbetas: number } {
  const mu = del.estimate[i]!;
  const tau2 = del.tau2[i]!;
  const s2w = del.s2w[i]!;
  const vb = del.vb[i]!;
  const change = estimate - mu;
  let resid = yi - mu;
  if (Math.abs(resid) < 100 * Number.EPSILON) resid = 0;
  const vbDeletedTau2 = 1 / (del.sumW[i]! + 1 / (vi + tau2));
  return {
    rstudent: resid / Math.sqrt(vi * s2w + vb + tau2 * s2w),
    dffits: change / Math.sqrt(s2w * h * (tau2 + vi)),
    cookD: (change * change) / vbFull,
    covRatio: vb / vbFull,
    dfbetas: change / Math.sqrt(s2w * vbDeletedTau2),
  };
}
