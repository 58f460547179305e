import type { WeightedModel } from '../engine/weighted-model.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Generalised Q-statistic estimator of τ² with user weights aᵢ (DerSimonian & Kacker, 2007,
 * Contemp Clin Trials 28:105; Jackson, 2013, Stat Med 32:2765), metafor `method = "GENQ"`:
 * with A = diag(aᵢ), P = A − AX(XᵀAX)⁻¹XᵀA and Q_a = yᵀPy, E[Q_a] = tr(PV) + τ²·tr(P), so
 *
 *   τ² = max(0, (Q_a − tr(PV)) / tr(P)),
 *
 *   SE = √[2·tr(PVPV) + 4τ²·tr(PVP) + 2τ⁴·tr(PP)] / tr(P)
 *
 * (metafor's formula). With aᵢ = 1/vᵢ it is DerSimonian–Laird; the estimate does not change
 * when every aᵢ is multiplied by the same constant. NaN when XᵀAX is singular.
 *
 * @param model  the weighted model (any design)
 * @param a      the user's weights, one per study of the model
 * @example
 * tau2GeneralizedQ(interceptModel(new Float64Array([0, 2, 7]), new Float64Array([1, 1, 1])), new Float64Array([1, 1, 1])).tau2
 * // => 12 (Q = 26 on 2 df, tr(P) = 2: (26 − 2)/2)
 */
export function tau2GeneralizedQ(model: WeightedModel, a: ArrayLike<number>): Tau2Fit {
  const fit = model.fitWeights(a);
  if (fit === null) return closedForm(NaN, null);
  const v = model.v;
  const tau2 = Math.max(0, (fit.rss - fit.traceDiagonal(v)) / fit.trP);
  const se = Math.sqrt(2 * fit.traceProduct(v, v) + 4 * tau2 * fit.traceProduct(null, v) + 2 * tau2 * tau2 * fit.trPP) / fit.trP;
  return closedForm(tau2, se);
}
