import { weightedSums, inverseWeights } from './weighted-sums.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * DerSimonian–Laird method-of-moments estimator (DerSimonian & Laird, 1986, Control Clin
 * Trials 7:177), metafor `method = "DL"`:
 *
 *   τ² = max(0, (Q − (k − 1)) / tr(P)),  Q = Σwᵢ(yᵢ − μ̂)²,  wᵢ = 1/vᵢ,  tr(P) = Σw − Σw²/Σw.
 *
 * SE (metafor): √[(2(k−1) + 4τ²·tr(P) + 2τ⁴·tr(PP)) / tr(P)²].
 *
 * @example
 * tau2DerSimonianLaird(new Float64Array([0, 2]), new Float64Array([1, 1])).tau2 // => 1
 */
export function tau2DerSimonianLaird(yi: Float64Array, vi: Float64Array): Tau2Fit {
  const k = yi.length;
  const s = weightedSums(yi, inverseWeights(vi, 0));
  const tau2 = Math.max(0, (s.rss - (k - 1)) / s.trP);
  const se = Math.sqrt((2 * (k - 1) + 4 * tau2 * s.trP + 2 * tau2 * tau2 * s.trPP) / (s.trP * s.trP));
  return closedForm(tau2, se);
}
