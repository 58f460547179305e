import { fisherScoring, checkAgainstZero, scoringFit, type ScoringEquation } from './fisher-scoring.ts';
import { weightedSums, inverseWeights } from './weighted-sums.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * REML score equation yᵀPPy − tr(P) = 0 and its Fisher-scoring step Δ = (yᵀPPy − tr(P))/tr(PP)
 * (Viechtbauer, 2005, JEBS 30:261, eq. 10), P = W − wwᵀ/Σw, wᵢ = 1/(vᵢ + τ²).
 */
const REML: ScoringEquation = {
  name: 'REML',
  step: (s) => (s.rss2 - s.trP) / s.trPP,
  score: (s) => s.rss2 - s.trP,
};

/**
 * Restricted maximum-likelihood estimator of τ² (Raudenbush, 2009; Viechtbauer, 2005), metafor
 * `method = "REML"` (its default), by Fisher scoring. SE = √(2/tr(PP)) at the estimate.
 *
 * @example
 * tau2RestrictedMaximumLikelihood(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), DEFAULT_TAU2_CONTROL).tau2
 * // => 3  (REML for equal vᵢ: Σ(yᵢ−ȳ)²/(k−1) − v)
 */
export function tau2RestrictedMaximumLikelihood(yi: Float64Array, vi: Float64Array, control: Tau2Control): Tau2Fit {
  const result = fisherScoring(yi, vi, control, REML);
  checkAgainstZero(yi, vi, result, true, 'REML');
  const s = weightedSums(yi, inverseWeights(vi, result.tau2));
  return scoringFit(result, Math.sqrt(2 / s.trPP));
}
