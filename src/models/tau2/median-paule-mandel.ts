import { chiSquareQuantile } from '../../distributions/chi-square.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';
import { qEquationFit } from './paule-mandel.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Median-unbiased Paule–Mandel estimator (Viechtbauer et al., 2015, Res Synth Methods 6:25,
 * after Jackson et al.), metafor `method = "PMM"`: the τ² ≥ 0 solving
 *
 *   Q(τ²) = χ²_{k−p; 0.5}   (the median of the χ² distribution with k − p df),
 *
 * 0 when Q(0) is already below it. Found as the Paule–Mandel root (exact by default, metafor's
 * uniroot with `control.stopping = 'metafor'`). SE = √(2k²/(k−p)) / Σwᵢ (metafor).
 *
 * @example
 * tau2MedianPauleMandel(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), DEFAULT_TAU2_CONTROL).tau2
 * // => 4.77078016…  (8/(1 + τ²) = χ²₂;₀.₅ = 2·log 2, so τ² = 4/log 2 − 1)
 */
export function tau2MedianPauleMandel(model: WeightedModel, control: Tau2Control): Tau2Fit {
  return qEquationFit(model, control, chiSquareQuantile(0.5, model.k - model.p), 'PMM');
}
