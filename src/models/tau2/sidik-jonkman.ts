import { weightedSums, varianceTraces, inverseWeights } from './weighted-sums.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Sidik–Jonkman estimator (Sidik & Jonkman, 2005, J Biopharm Stat 15:823), metafor
 * `method = "SJ"`. With the crude start τ₀² = Σ(yᵢ − ȳ)²/k and wᵢ = 1/(vᵢ + τ₀²):
 *
 *   τ² = τ₀² · Σwᵢ(yᵢ − μ̂_w)² / (k − 1)
 *
 * SE (metafor): τ₀²/(k−1) · √[2·tr(PVPV) + 4τ²·Σᵢⱼ Pᵢⱼ²vⱼ + 2τ⁴·tr(PP)].
 *
 * @example
 * tau2SidikJonkman(new Float64Array([0, 2]), new Float64Array([1, 1])).tau2 // => 1
 */
export function tau2SidikJonkman(yi: Float64Array, vi: Float64Array): Tau2Fit {
  const k = yi.length;
  const unweighted = weightedSums(yi, new Float64Array(k).fill(1));
  const tau20 = unweighted.rss / k;
  const wi = inverseWeights(vi, tau20);
  const s = weightedSums(yi, wi);
  const tau2 = Math.max(0, (tau20 * s.rss) / (k - 1));
  const t = varianceTraces(wi, vi, s.sumW, s.sumW2);
  const se = (tau20 / (k - 1)) * Math.sqrt(2 * t.trPVPV + 4 * tau2 * t.trPVP + 2 * tau2 * tau2 * s.trPP);
  return closedForm(tau2, se);
}
