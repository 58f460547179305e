import type { WeightedModel } from '../engine/weighted-model.ts';
import { iteratedMoment } from './fixed-point-iteration.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Iterated DerSimonian–Laird estimator (DerSimonian & Kacker, 2007, Contemp Clin Trials 28:105),
 * metafor `method = "DLIT"`: from τ² = 0, repeat the DL step with wᵢ = 1/(vᵢ + τ²),
 *
 *   τ² ← max(0, (yᵀPy − tr(PV)) / tr(P)),
 *
 * until it settles; the limit is the Paule–Mandel estimate (see `iteratedMoment`, which also
 * says how the exact and metafor stopping rules differ). SE = √(2k²/(k−p)) / Σwᵢ (metafor).
 *
 * @example
 * tau2IteratedDerSimonianLaird(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), METAFOR_TAU2_CONTROL).tau2
 * // => 3  (the fixed point of Q(τ²) = 8/(1 + τ²) = 2)
 */
export function tau2IteratedDerSimonianLaird(model: WeightedModel, control: Tau2Control): Tau2Fit {
  const v = model.v;
  return iteratedMoment(model, control, 'DLIT', 0, (fit) => (fit.rss - fit.traceDiagonal(v)) / fit.trP);
}
