import { fisherScoring, scoringFit, type ScoringEquation } from './fisher-scoring.ts';
import { weightedSums, inverseWeights } from './weighted-sums.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Empirical Bayes (Morris, 1983, JASA 78:47; Berkey et al., 1995) estimating equation
 * k/(k−1)·Σwᵢ(yᵢ − μ̂)² − k = 0 with update Δ = (k/(k−1)·Q(τ²) − k)/Σwᵢ, wᵢ = 1/(vᵢ + τ²).
 */
const EB: ScoringEquation = {
  name: 'EB',
  step: (s, k) => ((s.rss * k) / (k - 1) - k) / s.sumW,
  score: (s, k) => (s.rss * k) / (k - 1) - k,
};

/**
 * Empirical Bayes estimator of τ², metafor `method = "EB"`. Its root coincides with Paule–Mandel
 * for intercept-only models. SE = √(2k²/(k−1)) / Σwᵢ at the estimate (metafor).
 *
 * @example
 * tau2EmpiricalBayes(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), DEFAULT_TAU2_CONTROL).tau2
 * // => 3
 */
export function tau2EmpiricalBayes(yi: Float64Array, vi: Float64Array, control: Tau2Control): Tau2Fit {
  const k = yi.length;
  const result = fisherScoring(yi, vi, control, EB);
  const s = weightedSums(yi, inverseWeights(vi, result.tau2));
  return scoringFit(result, Math.sqrt((2 * k * k) / (k - 1)) / s.sumW);
}
