import type { WeightedModel } from '../engine/weighted-model.ts';
import { generalizedQRoots } from '../tau2/generalized-q-root.ts';
import { cachedQuantile } from './cached-quantile.ts';

/**
 * Q-profile confidence interval for τ² (Viechtbauer, 2007, Stat Med 26:37): the set of τ²
 * where the generalised Q(τ²) = yᵀPy, P from wᵢ = 1/(vᵢ + τ²), lies between the χ²_{k−p}
 * quantiles:
 *
 *   lower: Q(τ²) = χ²_{k−p; 1−α/2},   upper: Q(τ²) = χ²_{k−p; α/2}.
 *
 * Q decreases in τ², so each bound is one root (both found together by {@link generalizedQRoots}), to machine
 * precision on an unbounded bracket; a bound whose Q(0) is already below its quantile is 0.
 * metafor searches [0, max(100, 10·τ̂²)] in the user's units only, so `lower` and `upper` are
 * cut at that limit as metafor reports them, and `exactLower`, `exactUpper` are the roots.
 * In the model's units (`tau2Hat` too).
 *
 * @example
 * qProfileTau2(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), 0.95, 3).lower
 * // => 0.084340122727267 (Q(τ²) = 8/(1+τ²) equals χ²₂;₀.₉₇₅ = 7.3778)
 */
export function qProfileTau2(model: WeightedModel, level: number, tau2Hat: number): QProfile {
  const df = model.k - model.p;
  const alpha = 1 - level;
  const [lowerRoot, upperRoot] = generalizedQRoots(model, cachedQuantile('chisq', alpha / 2, df, true), cachedQuantile('chisq', alpha / 2, df, false), tau2Hat);
  const exactLower = lowerRoot.tau2;
  const exactUpper = upperRoot.tau2;
  const limit = Math.max(100 / model.unit, 10 * tau2Hat);
  return {
    lower: Math.min(exactLower, limit),
    upper: Math.min(exactUpper, limit),
    exactLower,
    exactUpper,
    atLimit: exactUpper > limit,
  };
}

/** Q-profile bounds, at metafor's search limit and exact, in the model's units. */
export interface QProfile {
  /** The bounds as metafor reports them: at most its search limit max(100, 10·τ̂²) (user's units). */
  readonly lower: number;
  readonly upper: number;
  /** The roots themselves, however large. */
  readonly exactLower: number;
  readonly exactUpper: number;
  /** A bound lies beyond metafor's search limit. */
  readonly atLimit: boolean;
}
