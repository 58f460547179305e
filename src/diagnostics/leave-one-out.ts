import type { MetaAnalysisResult } from '../types.ts';
import { readResult } from '../read-result.ts';
import { readFitView } from '../models/read-fit.ts';
import { leaveOneOutColumns } from './leave-one-out-columns.ts';
import { subsetFitRow } from './subset-columns.ts';
import type { SubsetFit } from './subset-fit.ts';

/**
 * Leave-one-out analysis (metafor's `leave1out` for `rma.uni`; Viechtbauer & Cheung, 2010,
 * Res Synth Methods 1:112): for each study i, the model refitted to the other k − 1 studies,
 *
 *   μ̂₍₋ᵢ₎ = Σ_{j≠i} wⱼyⱼ / Σ_{j≠i} wⱼ,  wⱼ = 1/(vⱼ + τ̂²₍₋ᵢ₎),
 *
 * with τ̂²₍₋ᵢ₎ re-estimated by the fit's own `method`, and the fit's `test` and `level` (a refit
 * of a single study uses τ² = 0 and the z test, as rma.uni does). Each row also gives the
 * refit's Q, I², H² and τ². Rows follow the studies of the fit (omitted rows excluded); each row
 * is labelled with the study left out.
 *
 * Work: for EE, DL, ML and REML each refit is an O(k) update rather than a fit from scratch:
 * sums of the full data minus the study's terms (compensated), and for ML/REML a likelihood
 * scan on the full fit's grid from those sums plus Newton's method warm-started at the full
 * τ̂², on series of sums kept there (no pass over the studies while τ̂²₍₋ᵢ₎ is near τ̂², else
 * a pass per step); see `SubsetRefits`. At k = 4,000 (REML) the k refits take well under 0.1 s. Other methods, and
 * the rare refit whose likelihood has several local maxima, are refitted from scratch. Every
 * row agrees with `metaAnalysis` on the k − 1 studies (Q-profile intervals are not computed,
 * as metafor's leave1out does not).
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
    const columns = leaveOneOutColumns(f);
    return Object.freeze(f.labels.map((label, i) => subsetFitRow(columns, i, label)));
  });
}
