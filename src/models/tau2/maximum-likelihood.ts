import { fisherScoring, checkAgainstZero, scoringFit, type ScoringEquation } from './fisher-scoring.ts';
import { weightedSums, inverseWeights } from './weighted-sums.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * ML score equation yᵀPPy − Σwᵢ = 0 and its Fisher-scoring step Δ = (yᵀPPy − Σwᵢ)/Σwᵢ²
 * (Viechtbauer, 2005, JEBS 30:261, eq. 9), wᵢ = 1/(vᵢ + τ²).
 */
const ML: ScoringEquation = {
  name: 'ML',
  step: (s) => (s.rss2 - s.sumW) / s.sumW2,
  score: (s) => s.rss2 - s.sumW,
};

/**
 * Maximum-likelihood estimator of τ² (Hardy & Thompson, 1996; Viechtbauer, 2005), metafor
 * `method = "ML"`, by Fisher scoring. SE = √(2/Σwᵢ²) at the estimate.
 *
 * @example
 * tau2MaximumLikelihood(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), DEFAULT_TAU2_CONTROL).tau2
 * // => 1.6666666666666667  (ML for equal vᵢ: Σ(yᵢ−ȳ)²/k − v)
 */
export function tau2MaximumLikelihood(yi: Float64Array, vi: Float64Array, control: Tau2Control): Tau2Fit {
  const result = fisherScoring(yi, vi, control, ML);
  checkAgainstZero(yi, vi, result, false, 'ML');
  const s = weightedSums(yi, inverseWeights(vi, result.tau2));
  return scoringFit(result, Math.sqrt(2 / s.sumW2));
}
