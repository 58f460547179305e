import type { WeightedModel } from '../engine/weighted-model.ts';
import { REML_EQUATION } from './fisher-scoring.ts';
import { maximizeLikelihood } from './likelihood-maximum.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Restricted maximum-likelihood estimator of τ² (Raudenbush, 2009; Viechtbauer, 2005, JEBS
 * 30:261), metafor `method = "REML"` (its default): the global maximum over τ² ≥ 0 of
 * ℓ = −½[(k−p)·log 2π + Σlog(vᵢ+τ²) + log det(XᵀWX) + yᵀPy] (see `maximizeLikelihood`), with
 * score equation yᵀPPy − tr(P) = 0. SE = √(2/tr(PP)) at the estimate.
 *
 * @example
 * tau2RestrictedMaximumLikelihood(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), DEFAULT_TAU2_CONTROL).tau2
 * // => 3  (REML for equal vᵢ: Σ(yᵢ−ȳ)²/(k−1) − v = 3)
 */
export function tau2RestrictedMaximumLikelihood(model: WeightedModel, control: Tau2Control): Tau2Fit {
  const max = maximizeLikelihood(model, REML_EQUATION, true, control);
  const fit = Number.isFinite(max.tau2) ? model.fitTau2(max.tau2) : null;
  return { ...max, se: fit === null ? NaN : Math.sqrt(2 / fit.trPP) };
}
