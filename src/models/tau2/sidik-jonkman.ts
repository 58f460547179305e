import type { WeightedModel } from '../engine/weighted-model.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Sidik–Jonkman estimator (Sidik & Jonkman, 2005, J Biopharm Stat 15:823), metafor
 * `method = "SJ"`. With the crude start τ₀² = Σ(yᵢ − ȳ)²/k (ȳ the unweighted mean, ignoring any
 * moderators, as metafor) and wᵢ = 1/(vᵢ + τ₀²):
 *
 *   τ² = max(0, τ₀²·yᵀPy/(k − p));
 *   SE = τ₀²/(k−p) · √[2·tr(PVPV) + 4τ²·Σᵢⱼ Pᵢⱼ²vⱼ + 2τ⁴·tr(PP)].
 *
 * @example
 * tau2SidikJonkman(interceptModel(new Float64Array([0, 2]), new Float64Array([1, 1]))).tau2 // => 1
 */
export function tau2SidikJonkman(model: WeightedModel): Tau2Fit {
  const { k, p, y, v } = model;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += y[i]!;
  mean /= k;
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (y[i]! - mean) ** 2;
  const tau20 = ss / k;
  const fit = model.fitTau2(tau20);
  if (fit === null) return closedForm(NaN, null);
  const tau2 = Math.max(0, (tau20 * fit.rss) / (k - p));
  const se = (tau20 / (k - p)) *
    Math.sqrt(2 * fit.traceProduct(v, v) + 4 * tau2 * fit.traceProduct(null, v) + 2 * tau2 * tau2 * fit.trPP);
  return closedForm(tau2, se);
}
