import { zeroin } from '../../numeric/brent-root.ts';
import { chiSquareQuantile } from '../../distributions/chi-square.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';
import { logLikelihood } from '../tau2/log-likelihood.ts';

/** Bounds of a τ² interval in the model's units, with where the search stopped. */
export interface Tau2Bounds {
  readonly lower: number;
  readonly upper: number;
  /** The upper bound lies beyond the search limit and is reported at it (metafor's ">"). */
  readonly upperAtLimit: boolean;
}

/**
 * Profile-likelihood confidence interval for τ² (Hardy & Thompson, 1996, Stat Med 15:619;
 * Viechtbauer, 2007, Stat Med 26:37), metafor `confint(type = "PL")`: the τ² where the
 * likelihood-ratio statistic −2[ℓ(τ²) − ℓ(τ̂²)] equals χ²₁;level, ℓ the restricted likelihood
 * when `restricted` (method REML) and the ML likelihood otherwise (as metafor's `logLik`, also for
 * moment estimators, with ℓ(τ̂²) at the fit's own τ̂²). For the univariate model β is profiled
 * out exactly (ℓ is evaluated at β̂(τ²)). The lower bound is 0 when the statistic at 0 is below
 * the critical value; both bounds are found by Brent's method to machine precision, searched
 * in [0, τ̂²] and [τ̂², limit] with metafor's limit max(100, 10·τ̂²) (user's units), where the
 * upper bound is reported when it lies beyond (`upperAtLimit`). In the model's units.
 *
 * @example
 * profileLikelihoodTau2(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), 0.95, 3, true, 100).upper
 * // => 69.1029468…  (metafor 5.1 confint(rma(c(0, 2, 4), c(1, 1, 1)), type = "PL"): 0 to 69.102946869)
 */
export function profileLikelihoodTau2(model: WeightedModel, level: number, tau2Hat: number, restricted: boolean, limit: number): Tau2Bounds {
  const crit = chiSquareQuantile(level, 1);
  const llHat = logLikelihood(model, tau2Hat, restricted);
  const f = (t: number) => -2 * (logLikelihood(model, t, restricted) - llHat) - crit;
  let lower = NaN;
  const f0 = f(0);
  if (f0 < 0) lower = 0;
  else if (Number.isFinite(f0)) lower = zeroin(f, 0, tau2Hat, f0, f(tau2Hat), 0, 1000).root;
  const fLimit = f(limit);
  let upper = NaN;
  let upperAtLimit = false;
  if (fLimit < 0) {
    upper = limit;
    upperAtLimit = true;
  } else if (Number.isFinite(fLimit)) {
    upper = zeroin(f, tau2Hat, limit, f(tau2Hat), fLimit, 0, 1000).root;
  }
  return { lower, upper, upperAtLimit };
}
