import { hunterSchmidtCore } from './hunter-schmidt.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Hunter–Schmidt estimator with the small-sample correction k/(k−1) on Q, metafor
 * `method = "HSk"` (Brannick et al., 2019, Res Synth Methods 10:1):
 *
 *   τ² = max(0, (k/(k−1)·Q − k)/Σwᵢ),  wᵢ = 1/vᵢ;  SE = k/(k−1) × the HS standard error.
 *
 * @example
 * tau2HunterSchmidtK(new Float64Array([0, 4]), new Float64Array([1, 1])).tau2 // => 7
 */
export function tau2HunterSchmidtK(yi: Float64Array, vi: Float64Array): Tau2Fit {
  const k = yi.length;
  const [tau2, se] = hunterSchmidtCore(yi, vi, k / (k - 1));
  return closedForm(tau2, se);
}
