import type { MetaAnalysisResult } from '../types.ts';
import { readFitView } from '../models/read-fit.ts';
import { refit } from './refit.ts';
import { subsetFit, type SubsetFit } from './subset-fit.ts';
import { withoutStudy } from './without-study.ts';
import { freezeResult } from '../freeze-result.ts';
import { readResult } from '../read-result.ts';

/**
 * Leave-one-out analysis (metafor's `leave1out` for `rma.uni`; Viechtbauer & Cheung, 2010,
 * Res Synth Methods 1:112): for each study i, the model refitted to the other k − 1 studies,
 *
 *   μ̂₍₋ᵢ₎ = Σ_{j≠i} wⱼyⱼ / Σ_{j≠i} wⱼ,  wⱼ = 1/(vⱼ + τ̂²₍₋ᵢ₎),
 *
 * with τ̂²₍₋ᵢ₎ re-estimated by the fit's own `method`, and the fit's `test` and `level` (a refit
 * of a single study uses τ² = 0 and the z test, as rma.uni does). Each row also gives the
 * refit's Q, I², H² and τ². Rows follow the studies of the fit (omitted rows excluded); each row
 * is labelled with the study left out. Work: k refits of O(k) per estimator iteration.
 *
 * Effects stay on the analysis scale of the fit (e.g. log risk ratios).
 *
 * @param fit a result of `metaAnalysis` with k ≥ 2 studies
 * @returns a frozen array of k frozen {@link SubsetFit} rows; a refit that rma.uni would refuse
 *   gives a row of `null`s with `error`.
 * @throws InputError when `fit` is not a `metaAnalysis` result (the message names the field)
 *   or has k = 1 (metafor: "Stopped because k = 1").
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' });
 * leaveOneOut(fit).map((r) => r.estimate) // => [0.4125, 0.29375, 0.175]
 */
export function leaveOneOut(fit: MetaAnalysisResult): readonly SubsetFit[] {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    const f = readFitView(fit, 'leaveOneOut', 2);
    const k = f.k;
    const yi = new Float64Array(k - 1);
    const vi = new Float64Array(k - 1);
    const rows: SubsetFit[] = [];
    for (let i = 0; i < k; i++) {
      withoutStudy(f.yi, i, yi);
      withoutStudy(f.vi, i, vi);
      rows.push(subsetFit(f.labels[i]!, refit(yi, vi, f.method, f.test, f.level)));
    }
    return freezeResult(rows);
  });
}

