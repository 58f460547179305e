import type { WeightedModel } from '../engine/weighted-model.ts';

/**
 * Log-likelihood of the random-effects model at τ² (ML, or REML when `restricted`), as
 * metafor's rma.uni writes it (Viechtbauer, 2005, JEBS 30:261):
 *
 *   ℓ_ML   = −½[k·log 2π + Σlog(vᵢ+τ²) + yᵀPy]
 *   ℓ_REML = −½[(k−p)·log 2π + Σlog(vᵢ+τ²) + log det(XᵀWX) + yᵀPy]
 *
 * on the model's own data (a scaled design or scaled data shift it by a constant that does not
 * depend on τ²). −∞ where a weight is infinite (vᵢ + τ² = 0).
 *
 * @example
 * logLikelihood(interceptModel(new Float64Array([0, 2]), new Float64Array([1, 1])), 0, false)
 * // => -2.8378770664093453  (−½(2·log 2π + 2))
 */
export function logLikelihood(model: WeightedModel, tau2: number, restricted: boolean): number {
  const fit = model.fitTau2(tau2);
  if (fit === null) return -Infinity;
  const rss = fit.rss;
  const logDetGram = fit.logDetGram;
  const n = restricted ? model.k - model.p : model.k;
  return -0.5 * (n * Math.log(2 * Math.PI) + model.sumLogV(tau2) + (restricted ? logDetGram : 0) + rss);
}
