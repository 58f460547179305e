import { expandUpper, zeroin } from '../../numeric/brent-root.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';

/** Root of Q(τ²) = target and how it was found. */
export interface QRoot {
  /** The root; 0 when Q(0) ≤ target; NaN when none was found. */
  readonly tau2: number;
  readonly iterations: number;
  readonly lastChange: number;
}

/**
 * Generalised Q statistic Q(τ²) = yᵀPy with P built from wᵢ = 1/(vᵢ + τ²) (Σwᵢ(yᵢ − μ̂)² without
 * moderators); decreasing in τ². +∞ at a τ² that makes a weight infinite.
 *
 * @example
 * generalizedQ(interceptModel(new Float64Array([0, 2]), new Float64Array([1, 1])), 1) // => 1
 */
export function generalizedQ(model: WeightedModel, tau2: number): number {
  const fit = model.fitTau2(tau2);
  return fit === null ? Infinity : fit.rss;
}

/**
 * The τ² ≥ 0 where the generalised Q statistic equals `target` (DerSimonian & Kacker, 2007;
 * Viechtbauer, 2007, Stat Med 26:37): 0 when Q(0) ≤ target, else Brent's method on a bracket
 * [lower, upper] whose upper end doubles from the data's variance unit until Q falls below the
 * target, to machine precision (relative 2ε). Q decreases in τ², so the root is unique. Used by
 * Paule–Mandel, empirical Bayes and both Q-profile bounds. With zero variances Q(0) is infinite
 * and the search starts just above 0.
 *
 * @example
 * generalizedQRoot(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), 2).tau2 // => 3
 */
export function generalizedQRoot(model: WeightedModel, target: number): QRoot {
  const f = (t: number) => generalizedQ(model, t) - target;
  let lower = 0;
  let fLower = f(0);
  if (Number.isNaN(fLower)) return { tau2: NaN, iterations: 0, lastChange: NaN };
  if (fLower <= 0) return { tau2: 0, iterations: 0, lastChange: 0 };
  if (fLower === Infinity) {
    lower = 1e-12;
    fLower = f(lower);
    if (!(fLower > 0) || fLower === Infinity) return { tau2: NaN, iterations: 0, lastChange: NaN };
  }
  const upper = expandUpper(f, 1);
  if (!Number.isFinite(upper)) return { tau2: NaN, iterations: 0, lastChange: NaN };
  const r = zeroin(f, lower, upper, fLower, f(upper), 0, 500);
  return { tau2: r.root, iterations: r.iterations, lastChange: r.change };
}
