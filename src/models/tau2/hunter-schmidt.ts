import type { WeightedModel } from '../engine/weighted-model.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Hunter–Schmidt estimator (Hunter & Schmidt, 2004; Viechtbauer, 2005, JEBS 30:261), metafor
 * `method = "HS"`, wᵢ = 1/vᵢ:
 *
 *   τ² = max(0, (Q − k)/Σwᵢ),  Q = yᵀPy;  SE = √[2(k−p) + 4τ²·tr(P) + 2τ⁴·tr(PP)] / Σwᵢ.
 *
 * @example
 * tau2HunterSchmidt(interceptModel(new Float64Array([0, 4]), new Float64Array([1, 1]))).tau2 // => 3
 */
export function tau2HunterSchmidt(model: WeightedModel): Tau2Fit {
  return hunterSchmidt(model, 1);
}

/**
 * Hunter–Schmidt estimator with the small-sample factor k/(k − p) on Q (Brannick et al., 2019,
 * Res Synth Methods 10:1), metafor `method = "HSk"`: τ² = max(0, (k/(k−p)·Q − k)/Σwᵢ),
 * SE = k/(k − p) × the HS standard error.
 *
 * @example
 * tau2HunterSchmidtK(interceptModel(new Float64Array([0, 4]), new Float64Array([1, 1]))).tau2 // => 7
 */
export function tau2HunterSchmidtK(model: WeightedModel): Tau2Fit {
  return hunterSchmidt(model, model.k / (model.k - model.p));
}

function hunterSchmidt(model: WeightedModel, inflation: number): Tau2Fit {
  const { k, p } = model;
  const fit = model.fitTau2(0);
  if (fit === null) return closedForm(NaN, null);
  const tau2 = Math.max(0, (inflation * fit.rss - k) / fit.sumW);
  const se = (inflation * Math.sqrt(2 * (k - p) + 4 * tau2 * fit.trP + 2 * tau2 * tau2 * fit.trPP)) / fit.sumW;
  return closedForm(tau2, se);
}
