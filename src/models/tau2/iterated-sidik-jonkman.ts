import type { WeightedModel } from '../engine/weighted-model.ts';
import { iteratedMoment } from './fixed-point-iteration.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Iterated Sidik–Jonkman estimator (Sidik & Jonkman, 2005, J Biopharm Stat 15:823; 2007, Stat Med
 * 26:1964), metafor `method = "SJIT"`: from the crude start τ₀² = Σ(yᵢ − ȳ)²/k (ȳ unweighted,
 * moderators ignored), repeat the SJ step with wᵢ = 1/(vᵢ + τ²),
 *
 *   τ² ← τ²·yᵀPy / (k − p),
 *
 * until it settles; the limit is the Paule–Mandel estimate (see `iteratedMoment`).
 * SE = √(2k²/(k−p)) / Σwᵢ (metafor).
 *
 * @example
 * tau2IteratedSidikJonkman(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), DEFAULT_TAU2_CONTROL).tau2
 * // => 3
 */
export function tau2IteratedSidikJonkman(model: WeightedModel, control: Tau2Control): Tau2Fit {
  const { k, p, y } = model;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += y[i]!;
  mean /= k;
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (y[i]! - mean) ** 2;
  return iteratedMoment(model, control, 'SJIT', ss / k, (fit, tau2) => (tau2 * fit.rss) / (k - p));
}
