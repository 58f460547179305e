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
  const search = newtonSearch(target, fit0 === null ? Infinity : fit0.rss, fit0?.rss2 ?? NaN);
  while (search.result === undefined) {
    const fit = model.fitTau2(search.t);
    search.take(fit === null ? NaN : fit.rss, fit === null ? NaN : fit.rss2);
  }
  return search.result ?? bracketedRoot(model, target);
}

/**
 * The roots of Q(τ²) = `lowTarget` and Q(τ²) = `highTarget` (see {@link generalizedQRoot}, the
 * same steps and stopping rule for each): where the model offers `qPair`, the two Newton
 * searches advance together and each of their steps costs one pass over the data for both.
 * The two Q-profile bounds of τ² are such a pair. With `start` > 0 (the estimate τ̂², near both
 * bounds at large k) both searches begin there instead of at 0, inside the bracket its Q gives.
 *
 * @example
 * generalizedQRoots(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), 4, 2).map((r) => r.tau2)
 * // => [1, 3] (Q(τ²) = 8/(1 + τ²))
 */
export function generalizedQRoots(model: WeightedModel, lowTarget: number, highTarget: number, start = 0): [QRoot, QRoot] {
  if (model.qPair === undefined) return [generalizedQRoot(model, lowTarget), generalizedQRoot(model, highTarget)];
  const fit0 = model.fitTau2(0);
  const q0 = fit0 === null ? Infinity : fit0.rss;
  const slope0 = fit0?.rss2 ?? NaN;
  let mean = fit0?.coef[0] ?? 0;
  // a start near the roots (the estimate τ̂²: at large k both bounds lie close to it) saves steps
  let from: NewtonStart | undefined;
  if (start > 0 && Number.isFinite(q0)) {
    const fit = model.fitTau2(start);
    if (fit !== null && fit.rss > 0 && fit.rss2 > 0) {
      from = { t: start, q: fit.rss, slope: fit.rss2 };
      mean = fit.coef[0]!;
    }
  }
  const a = newtonSearch(lowTarget, q0, slope0, from);
  const b = newtonSearch(highTarget, q0, slope0, from);
  // both searches start at the same point: their first sums are taken about the mean there
  const out = Float64Array.of(NaN, NaN, NaN, NaN, mean, mean);
  while (a.result === undefined || b.result === undefined) {
    if (a.result !== undefined || b.result !== undefined) {
      const open = a.result === undefined ? a : b;
      const fit = model.fitTau2(open.t);
      open.take(fit === null ? NaN : fit.rss, fit === null ? NaN : fit.rss2);
      continue;
    }
    model.qPair(a.t, b.t, out);
    a.take(out[0]!, out[1]!);
    b.take(out[2]!, out[3]!);
  }
  return [a.result ?? bracketedRoot(model, lowTarget), b.result ?? bracketedRoot(model, highTarget)];
}

/**
 * The state of one safeguarded Newton search for Q(τ²) = target: `t` is the next point to
 * evaluate; `take(Q(t), −dQ/dτ²(t))` moves on; `result` is the root once found, `null` when
 * the search must fall back to the bracketing method, `undefined` while it runs.
 */
interface NewtonSearch {
  readonly t: number;
  readonly result: QRoot | null | undefined;
  take(q: number, slope: number): void;
}

/** A point other than τ² = 0 to start a Newton search from, with Q and −dQ/dτ² there. */
interface NewtonStart {
  readonly t: number;
  readonly q: number;
  readonly slope: number;
}

function newtonSearch(target: number, q0: number, slope0: number, from?: NewtonStart): NewtonSearch {
  let lo = 0;
  let hi = Infinity;
  let t = 0;
  let q = q0;
  let slope = slope0;
  if (from !== undefined && from.q !== target) {
    t = from.t;
    q = from.q;
    slope = from.slope;
    if (q > target) lo = t;
    else hi = t;
  }
  let iter = 0;
  let change = 0;
  let result: QRoot | null | undefined;
  if (Number.isNaN(q0)) result = { tau2: NaN, iterations: 0, lastChange: NaN };
  else if (q0 <= target) result = { tau2: 0, iterations: 0, lastChange: 0 };
  else if (q0 === Infinity || !(target > 0)) result = null;
  // the next point from (t, q, slope), or the root when the step is below the stopping rule
  const advance = () => {
    if (++iter > MAX_NEWTON) {
      result = null;
      return;
    }
    let next = t + (q * (q - target)) / (target * slope);
    if (!(next > lo && next < hi)) next = t + (q - target) / slope;
    if (!(next > lo && next < hi)) next = hi < Infinity ? lo + (hi - lo) / 2 : 2 * Math.max(lo, 1);
    change = Math.abs(next - t);
    t = next;
    if (change <= NEWTON_STOP * t || (hi < Infinity && hi - lo <= 4 * Number.EPSILON * hi)) result = { tau2: t, iterations: iter, lastChange: change };
  };
  if (result === undefined) advance();
  return {
    get t() {
      return t;
    },
    get result() {
      return result;
    },
    take(qt: number, slopeT: number) {
      if (Number.isNaN(qt)) {
        result = null;
        return;
      }
      q = qt;
      slope = slopeT;
      if (q === target) {
        result = { tau2: t, iterations: iter, lastChange: change };
        return;
      }
      if (q > target) lo = t;
      else hi = t;
      if (!(slope > 0)) {
        result = null;
        return;
      }
      advance();
    },
  };
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
