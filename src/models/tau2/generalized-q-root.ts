import { expandUpper, zeroin } from '../../numeric/brent-root.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';

/** Root of Q(τ²) = target and how it was found. */
export interface QRoot {
  /** The root; 0 when Q(0) ≤ target; NaN when none was found. */
  readonly tau2: number;
  readonly iterations: number;
  readonly lastChange: number;
}

/** Most Newton steps before the bracketing fallback takes over. */
const MAX_NEWTON = 100;
/** Newton stops when a step is below this fraction of τ² (quadratic convergence: the next would be ~1e-20). */
const NEWTON_STOP = 1e-10;

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
 * Viechtbauer, 2007, Stat Med 26:37): 0 when Q(0) ≤ target. Q decreases in τ² and is convex
 * (dQ/dτ² = −yᵀPPy, d²Q/dτ² = 2yᵀPPPy ≥ 0, since dP/dτ² = −PP), so the root is unique. It is
 * found by safeguarded Newton steps, each from one weighted fit that gives Q and its derivative
 * together: the step of Newton's method on 1/Q (exact when Q ∝ 1/(v + τ²), i.e. equal vᵢ),
 * else the plain Newton step on Q (on a convex decreasing function it never passes the root),
 * else bisection of the bracket kept from the signs of Q − target; it stops when a step is
 * below 1e-10·τ² (the next, quadratic, step would change nothing at double precision), in
 * about 4–7 fits. Used by Paule–Mandel, empirical Bayes and both Q-profile bounds. With zero
 * variances Q(0) is infinite and Brent's method on a doubling bracket is used instead.
 *
 * @example
 * generalizedQRoot(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), 2).tau2 // => 3
 */
export function generalizedQRoot(model: WeightedModel, target: number): QRoot {
  const fit0 = model.fitTau2(0);
  const q0 = fit0 === null ? Infinity : fit0.rss;
  if (Number.isNaN(q0)) return { tau2: NaN, iterations: 0, lastChange: NaN };
  if (q0 <= target) return { tau2: 0, iterations: 0, lastChange: 0 };
  if (q0 === Infinity || !(target > 0)) return bracketedRoot(model, target);
  let lo = 0;
  let hi = Infinity;
  let t = 0;
  let q = q0;
  let slope = fit0!.rss2;
  for (let iter = 1; iter <= MAX_NEWTON; iter++) {
    let next = t + (q * (q - target)) / (target * slope);
    if (!(next > lo && next < hi)) next = t + (q - target) / slope;
    if (!(next > lo && next < hi)) next = hi < Infinity ? lo + (hi - lo) / 2 : 2 * Math.max(lo, 1);
    const change = Math.abs(next - t);
    t = next;
    if (change <= NEWTON_STOP * t || (hi < Infinity && hi - lo <= 4 * Number.EPSILON * hi)) return { tau2: t, iterations: iter, lastChange: change };
    const fit = model.fitTau2(t);
    if (fit === null) break;
    q = fit.rss;
    slope = fit.rss2;
    if (q === target) return { tau2: t, iterations: iter, lastChange: change };
    if (q > target) lo = t;
    else hi = t;
    if (!(slope > 0)) break;
  }
  return bracketedRoot(model, target);
}

/** Brent's method on a bracket whose upper end doubles from 1 until Q falls below the target. */
function bracketedRoot(model: WeightedModel, target: number): QRoot {
  const f = (t: number) => generalizedQ(model, t) - target;
  let lower = 0;
  let fLower = f(0);
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
