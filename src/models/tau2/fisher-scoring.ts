import type { ApproximateSums, GridSums, WeightedFit, WeightedModel } from '../engine/weighted-model.ts';
import { firstNonPositiveVariance } from '../engine/data-summary.ts';
import { hedgesStart } from './hedges.ts';
import type { Tau2Control } from './tau2-fit.ts';

/**
 * One estimating equation for τ², solved by Fisher scoring: `step` is the scoring update Δτ²
 * from the weighted fit at the current τ², `score` the equation whose root is the estimate
 * (same sign as `step`; for ML and REML twice the derivative of the log-likelihood), `slope`
 * (optional) the derivative of `score` in τ², NaN where the fit lacks what it needs.
 */
export interface ScoringEquation {
  readonly name: 'ML' | 'REML' | 'EB';
  readonly step: (fit: ApproximateSums, k: number, p: number) => number;
  readonly score: (fit: GridSums, k: number, p: number) => number;
  readonly slope?: (fit: WeightedFit) => number;
}

/**
 * ML: yᵀPPy − Σwᵢ = 0, Δ = (yᵀPPy − Σwᵢ)/Σwᵢ² (Viechtbauer, 2005, JEBS 30:261, eq. 9); the
 * score's derivative is Σwᵢ² − 2yᵀPPPy (dP/dτ² = −PP, dwᵢ/dτ² = −wᵢ²).
 */
export const ML_EQUATION: ScoringEquation = Object.freeze({
  name: 'ML',
  step: (f: ApproximateSums) => (f.rss2 - f.sumW) / f.sumW2,
  score: (f: GridSums) => f.rss2 - f.sumW,
  slope: (f: WeightedFit) => f.sumW2 - 2 * (f.rss3 ?? NaN),
});

/**
 * REML: yᵀPPy − tr(P) = 0, Δ = (yᵀPPy − tr(P))/tr(PP) (Viechtbauer, 2005, eq. 10); the score's
 * derivative is tr(PP) − 2yᵀPPPy (dP/dτ² = −PP), whose expectation −tr(PP) is Fisher scoring's.
 */
export const REML_EQUATION: ScoringEquation = Object.freeze({
  name: 'REML',
  step: (f: ApproximateSums) => (f.rss2 - f.trP) / f.trPP,
  score: (f: GridSums) => f.rss2 - f.trP,
  slope: (f: WeightedFit) => f.trPP - 2 * (f.rss3 ?? NaN),
});

/** Empirical Bayes (Morris, 1983, JASA 78:47): k/(k−p)·yᵀPy − k = 0, Δ = (k/(k−p)·yᵀPy − k)/Σwᵢ. */
export const EB_EQUATION: ScoringEquation = Object.freeze({
  name: 'EB',
  step: (f: ApproximateSums, k: number, p: number) => ((f.rss * k) / (k - p) - k) / f.sumW,
  score: (f: GridSums, k: number, p: number) => (f.rss * k) / (k - p) - k,
});

/** Where Fisher scoring stopped. */
export interface ScoringResult {
  readonly tau2: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly lastChange: number;
  /** Set when a weight 1/(vᵢ + τ²) became infinite (a zero vᵢ at τ² = 0): metafor stops there with an error. */
  readonly infiniteWeight: boolean;
}

/**
 * Fisher scoring for τ² as metafor's rma.uni runs it (Viechtbauer, 2005, JEBS 30:261): start at
 * max(0, τ²_HE), update τ² ← τ² + stepadj·Δ, halving the step while τ² + Δ < 0. With
 * `control.stopping = 'metafor'` it stops when |Δ| ≤ threshold, at most `maxiter` steps, a NaN
 * step counting as 0 — metafor's rule and path to the letter. With `'exact'` it stops when
 * |Δ| ≤ threshold·max(1, τ²) (data scaled to unit variance, so the rule is relative), and where
 * the equation has a `slope` and the fit its sums, steps become safeguarded Newton steps near the
 * root ({@link exactStep}): quadratic instead of linear convergence, from the same start
 * (for the intercept-only model read from the data's summary, no pass), so `iterations` counts
 * these mixed steps, not metafor's (`positive`: every vᵢ > 0, see `exactStep`; computed if not
 * given). O(k·p²) per step (O(k) for the intercept-only model, without
 * allocation).
 * With the exact rule and a model that offers `approximateSums` (a large meta-regression), the
 * steps first run on those sums to within 1e-8 of the root, then on exact fits to convergence.
 *
 * @example
 * fisherScoring(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), REML_EQUATION, DEFAULT_TAU2_CONTROL).tau2
 * // => 3
 */
export function fisherScoring(model: WeightedModel, equation: ScoringEquation, control: Tau2Control, positive = firstNonPositiveVariance(model) < 0): ScoringResult {
  const { k, p } = model;
  const metafor = control.stopping === 'metafor';
  const start = hedgesStart(model);
  let tau2 = Number.isFinite(start) ? Math.max(0, start) : 0;
  // with the exact rule, cheap approximate sums (large k) bring τ² near the root first; the exact
  // iterations below then start there and decide convergence, so the result is theirs
  const approach = metafor ? null : approximateScoring(model, equation, control, tau2);
  if (approach !== null) tau2 = approach.tau2;
  const before = approach === null ? 0 : approach.iterations;
  let change = Infinity;
  const bracket = metafor ? null : newBracket();
  for (let iter = before + 1; iter <= control.maxIterations; iter++) {
    const fit = model.fitTau2(tau2);
    if (fit === null) return { tau2, iterations: iter, converged: false, lastChange: change, infiniteWeight: true };
    let adj = bracket === null ? equation.step(fit, k, p) * control.stepAdjustment : exactStep(equation, fit, k, p, tau2, control.stepAdjustment, bracket, positive);
    if (Number.isNaN(adj) && metafor) adj = 0;
    if (!Number.isFinite(adj)) break;
    if (tau2 === 0 && adj <= 0) return { tau2: 0, iterations: iter, converged: true, lastChange: 0, infiniteWeight: false };
    while (tau2 + adj < 0) adj /= 2;
    tau2 += adj;
    change = Math.abs(adj);
    const limit = metafor ? control.threshold : control.threshold * Math.max(1, tau2);
    if (change <= limit) return { tau2, iterations: iter, converged: true, lastChange: change, infiniteWeight: false };
  }
  return { tau2, iterations: control.maxIterations, converged: false, lastChange: change, infiniteWeight: false };
}

/** Newton steps start once the scoring step is below this (relative to max(1, τ²)), or inside a bracket. */
const NEWTON_FROM = 1e-2;

/**
 * The exact path's bracket of the root: `[lo, hi]`, the largest τ² seen with a positive score
 * and the smallest with a negative one (−1 and Infinity while none is known).
 *
 * @example
 * newBracket()[1] // => Infinity
 */
export function newBracket(): Float64Array {
  return Float64Array.of(-1, Infinity);
}

/**
 * One step of the exact path from the fit at τ²: Fisher scoring's stepadj·Δ, or Newton's
 * −S/S′ (S the score, S′ its `slope`) where that is safe. The signs of the scores seen so far
 * give a bracket [lo, hi] of a root (updated here). Newton's step is taken where S′ < 0 (a
 * maximum's side: it then has the sign of Fisher scoring's), it lands strictly inside the
 * bracket, and either the scoring step is small (|Δ| ≤ 1e-2·max(1, τ²): near the root, where
 * Newton converges quadratically and Fisher scoring only linearly, at the rate |1 + S′/I| with
 * I its expected information) or the root is bracketed (lo < hi known: scoring overshot and may
 * oscillate about the root for ever). Inside a bracket a step that would leave it is replaced
 * by bisection, and a step below τ² = 0 goes to 0 where every vᵢ > 0 (metafor's scoring halves
 * it until it is not negative: near a root at 0 each step only halves τ²). Shared by
 * `fisherScoring` and the batch kernel: the same path to the same root.
 *
 * @param bracket  from {@link newBracket}, carried from step to step (updated)
 * @param positive  every vᵢ > 0 (else a step to τ² = 0 could meet an infinite weight)
 * @example
 * const m = interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]));
 * exactStep(REML_EQUATION, m.fitTau2(2.99)!, 3, 1, 2.99, 1, newBracket(), true).toFixed(12)
 * // => '0.009950124688' (S = 8/u² − 2/u with u = 1 + τ²: Newton's step u(u − 4)/(u − 8); Fisher's is 0.01)
 */
export function exactStep(equation: ScoringEquation, fit: WeightedFit, k: number, p: number, tau2: number, stepAdjustment: number, bracket: Float64Array, positive: boolean): number {
  const fisher = equation.step(fit, k, p) * stepAdjustment;
  const score = equation.score(fit, k, p);
  if (score > 0) bracket[0] = Math.max(bracket[0]!, tau2);
  else if (score < 0) bracket[1] = Math.min(bracket[1]!, tau2);
  const lo = Math.max(bracket[0]!, 0);
  const hi = bracket[1]!;
  const bracketed = bracket[0]! >= 0 && hi < Infinity && lo < hi;
  const slope = equation.slope === undefined ? NaN : equation.slope(fit);
  if (slope < 0 && (bracketed || Math.abs(fisher) <= NEWTON_FROM * Math.max(1, tau2))) {
    const newton = -score / slope;
    const next = tau2 + newton;
    if (next > lo && next < hi) return newton;
  }
  // a step below 0 goes to 0 itself (metafor halves it instead, ~40 fits to reach 1e-13)
  if (tau2 + fisher < 0 && positive) return -tau2;
  if (!bracketed || (tau2 + fisher > lo && tau2 + fisher < hi)) return fisher;
  return lo + (hi - lo) / 2 - tau2;
}

/** The approximate phase stops when |Δτ²| ≤ this·max(1, τ²), well above the sums' error. */
const APPROXIMATE_STOP = 1e-8;

/**
 * Fisher scoring on `model.approximateSums` from `tau2` until the step is below
 * `APPROXIMATE_STOP` (relative): where τ² and the step count end, or `null` when the model has
 * no approximate sums (or they fail on the way; exact scoring then starts from the beginning).
 */
function approximateScoring(model: WeightedModel, equation: ScoringEquation, control: Tau2Control, tau2: number): { tau2: number; iterations: number } | null {
  if (model.approximateSums === undefined) return null;
  const { k, p } = model;
  let t = tau2;
  for (let iter = 1; iter < control.maxIterations; iter++) {
    const sums = model.approximateSums(t);
    if (sums === null) return null;
    let adj = equation.step(sums, k, p) * control.stepAdjustment;
    if (!Number.isFinite(adj)) return null;
    if (t === 0 && adj <= 0) return { tau2: 0, iterations: iter };
    while (t + adj < 0) adj /= 2;
    t += adj;
    if (Math.abs(adj) <= APPROXIMATE_STOP * Math.max(1, t)) return { tau2: t, iterations: iter };
  }
  return null;
}

/**
 * The warning for an estimator whose metafor counterpart would stop with "Division by zero":
 * Fisher scoring reached τ² = 0 with a zero sampling variance, while the estimate exists.
 *
 * @example
 * infiniteWeightWarning('EB', '0.00092') // => 'EB: metafor\'s Fisher scoring reaches tau² = 0, …'
 */
export function infiniteWeightWarning(name: string, estimate: string): string {
  return `${name}: metafor's Fisher scoring reaches tau² = 0, where a zero sampling variance makes a weight infinite, and stops with an error ("Division by zero"); the estimate exists: tau² = ${estimate}.`;
}
