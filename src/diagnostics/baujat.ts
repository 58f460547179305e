import type { MetaAnalysisResult } from '../types.ts';
import { readFitView } from '../models/read-fit.ts';
import { refit } from './refit.ts';
import { withoutStudy } from './without-study.ts';
import type { MetaRegressionResult } from '../models/regression/meta-regression.ts';
import { baujatRegression } from './baujat-regression.ts';
import { freezeResult } from '../freeze-result.ts';
import { readResult } from '../read-result.ts';

/** One study's coordinates in a Baujat plot (metafor's `baujat` return value). */
export interface BaujatPoint {
  readonly label: string;
  /** Contribution to the overall heterogeneity: the squared Pearson residual (yᵢ − μ̂)²/(vᵢ + τ̂²). */
  readonly x: number;
  /**
   * Influence on the overall result: (μ̂₍₋ᵢ₎ − μ̂)²/Var μ̂₍₋ᵢ₎, the squared change of the estimate
   * when the study is left out, over the variance of the estimate without it; `null` when the
   * model without the study cannot be fitted (metafor: NA).
   */
  readonly y: number | null;
}

/**
 * Baujat diagnostics (Baujat et al., 2002, Stat Med 21:2641; metafor's `baujat.rma`): for each
 * study of an intercept-only model, its contribution to the heterogeneity statistic and its
 * influence on the pooled estimate,
 *
 *   xᵢ = (yᵢ − μ̂)² / (vᵢ + τ̂²),   yᵢ = (μ̂₍₋ᵢ₎ − μ̂)² / Var μ̂₍₋ᵢ₎,
 *
 * with μ̂, τ̂² of the full model and μ̂₍₋ᵢ₎, Var μ̂₍₋ᵢ₎ = SE₍₋ᵢ₎² of the model refitted without
 * study i with the fit's own method and test (Knapp–Hartung scaled for `knha`). For the
 * equal-effects model the xᵢ sum to Cochran's Q. Work: k refits.
 *
 * A `metaRegression` fit gives metafor's version for models with moderators (`baujatRegression`:
 * squared Pearson residuals and the influence on each study's fitted value).
 *
 * @param fit a result of `metaAnalysis` with k ≥ 2 studies, or of `metaRegression`
 * @returns a frozen array of k frozen {@link BaujatPoint}s, in the studies' order
 * @throws InputError when `fit` is not a `metaAnalysis` result or has k = 1
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'EE' });
 * baujat(fit).map((p) => p.x) // => [2.8639..., 0.0473..., 3.5502...] (sum 6.4615... = fit.q)
 */
export function baujat(fit: MetaAnalysisResult | MetaRegressionResult): readonly BaujatPoint[] {
  return readResult(fit, 'metaAnalysis/metaRegression', 'fit', () => {
    if (fit !== null && typeof fit === 'object' && 'coefficients' in fit) return baujatRegression(fit);
    const f = readFitView(fit, 'baujat', 2);
    const yDel = new Float64Array(f.k - 1);
    const vDel = new Float64Array(f.k - 1);
    const points: BaujatPoint[] = [];
    for (let i = 0; i < f.k; i++) {
      const resid = f.yi[i]! - f.estimate;
      const del = refit(withoutStudy(f.yi, i, yDel), withoutStudy(f.vi, i, vDel), f.method, f.test, f.level);
      const change = del.ok ? del.estimate - f.estimate : NaN;
      const y = del.ok ? (change * change) / del.vb : NaN;
      points.push(Object.freeze({
        label: f.labels[i]!,
        x: (resid * resid) / (f.vi[i]! + f.tau2),
        y: Number.isFinite(y) ? y : null,
      }));
    }
    return freezeResult(points);
  });
}
