import type { WeightedModel } from '../engine/weighted-model.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * DerSimonian–Laird method-of-moments estimator (DerSimonian & Laird, 1986, Control Clin
 * Trials 7:177; for meta-regression Raudenbush, 2009, eq. 16.43), metafor `method = "DL"`:
 *
 *   τ² = max(0, (Q − (k − p)) / tr(P)),  Q = yᵀPy,  P built from wᵢ = 1/vᵢ.
 *
 * SE (metafor): √[2(k−p) + 4τ²·tr(P) + 2τ⁴·tr(PP)] / tr(P). NaN when a vᵢ is 0.
 *
 * @example
 * tau2DerSimonianLaird(interceptModel(new Float64Array([0, 2]), new Float64Array([1, 1]))).tau2 // => 1
 */
export function tau2DerSimonianLaird(model: WeightedModel): Tau2Fit {
  const df = model.k - model.p;
  const fit = model.fitTau2(0);
  if (fit === null) return closedForm(NaN, null);
  const tau2 = Math.max(0, (fit.rss - df) / fit.trP);
  const se = Math.sqrt(2 * df + 4 * tau2 * fit.trP + 2 * tau2 * tau2 * fit.trPP) / fit.trP;
  return closedForm(tau2, se);
}
