import type { WeightedModel } from '../engine/weighted-model.ts';
import { ML_EQUATION } from './fisher-scoring.ts';
import { maximizeLikelihood } from './likelihood-maximum.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Maximum-likelihood estimator of τ² (Hardy & Thompson, 1996; Viechtbauer, 2005, JEBS 30:261),
 * metafor `method = "ML"`: the global maximum over τ² ≥ 0 of
 * ℓ = −½[k·log 2π + Σlog(vᵢ+τ²) + yᵀPy] (see `maximizeLikelihood`), with score equation
 * yᵀPPy − Σwᵢ = 0. SE = √(2/Σwᵢ²) at the estimate.
 *
 * @example
 * tau2MaximumLikelihood(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), DEFAULT_TAU2_CONTROL).tau2
 * // => 1.6666666666666667  (ML for equal vᵢ: Σ(yᵢ−ȳ)²/k − v)
 */
export function tau2MaximumLikelihood(model: WeightedModel, control: Tau2Control): Tau2Fit {
  const max = maximizeLikelihood(model, ML_EQUATION, false, control);
  const fit = Number.isFinite(max.tau2) ? model.fitTau2(max.tau2) : null;
  return { ...max, se: fit === null ? NaN : Math.sqrt(2 / fit.sumW2) };
}
