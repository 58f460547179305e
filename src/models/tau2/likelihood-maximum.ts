import { zeroin } from '../../numeric/brent-root.ts';
import { firstNonPositiveVariance, modelSummary } from '../engine/data-summary.ts';
import type { GridSums, WeightedModel } from '../engine/weighted-model.ts';
import { boundedScan, scanBuffers } from './bounded-scan.ts';
import { fisherScoring, infiniteWeightWarning, type ScoringEquation } from './fisher-scoring.ts';
import { logLikelihood } from './log-likelihood.ts';
import type { Tau2Control } from './tau2-fit.ts';

/** Grid points per decade of τ² in the coarse scan of the profile likelihood. */
const POINTS_PER_DECADE = 5;
/** Most grid points of one scan (the spacing widens beyond). */
const MAX_POINTS = 160;
/** Most sign changes of the score that are polished. */
const MAX_BRACKETS = 8;
/** A log-likelihood gain below this is rounding, not a better maximum. */
const LL_NOISE = 1e-8;

/**
 * The scan's work space, shared by every call (a scan runs to its end before another starts; a
 * typed array beyond 64 bytes costs an allocation outside the heap, noticeable at small k).
 */
let scratch = scanBuffers(MAX_POINTS + 2);

/** The maximizer of an (RE)ML likelihood over τ² ≥ 0 and how it was found. */
export interface LikelihoodMaximum {
  readonly tau2: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly lastChange: number;
  readonly warnings: string[];
}

/**
 * The global maximum of the ML or REML log-likelihood over τ² ≥ 0 (Viechtbauer, 2005, JEBS
 * 30:261; Hardy & Thompson, 1996), found so that a local maximum cannot pass for it:
 *
 * 1. Fisher scoring from max(0, τ²_HE), metafor's algorithm ({@link fisherScoring}), with
 *    safeguarded Newton steps near the root on the default exact path (`exactStep`: 4–6 fits
 *    where scoring to the exact rule takes 10–40, and converging where scoring oscillates);
 * 2. the boundary τ² = 0 and a coarse scan of the score ∂ℓ/∂τ² on a geometric grid (5 points a
 *    decade) from 10⁻²·min vᵢ to beyond the point where the score turns negative for good,
 *    O(k) per point for the intercept-only model, without logarithms, skipping the stretches
 *    that monotone bounds prove free of roots ({@link boundedScan});
 * 3. every sign change of the score from + to − (a local maximum) polished to machine
 *    precision by Brent's method within its grid bracket, and ℓ compared at these few points.
 *
 * The highest of these points is the estimate. `iterations` counts the steps of 1 (on the exact
 * path Newton's and bisection's among them, so fewer than metafor's) plus Brent's in 3;
 * `converged` is true whenever a maximum was found. When metafor's iteration would stop elsewhere —
 * scoring at another local maximum, or metafor's check of τ² = 0 (tolerance ε^¼) deciding
 * differently — a warning gives both points and the gap in log-likelihood. With
 * `control.stopping = 'metafor'` metafor's point itself is returned (its `ll0check` included).
 *
 * @example
 * maximizeLikelihood(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), REML_EQUATION, true, DEFAULT_TAU2_CONTROL).tau2
 * // => 3.0000000000 (REML for equal vᵢ: Σ(yᵢ−ȳ)²/(k−1) − v = 4 − 1)
 */
export function maximizeLikelihood(
  model: WeightedModel,
  equation: ScoringEquation,
  restricted: boolean,
  control: Tau2Control,
): LikelihoodMaximum {
  try {
    return maximum(model, equation, restricted, control);
  } finally {
    // the shared log-likelihood memory lets go of the model (and its data) once the fit is over
    LIKELIHOODS.reset(null, restricted);
  }
}

function maximum(model: WeightedModel, equation: ScoringEquation, restricted: boolean, control: Tau2Control): LikelihoodMaximum {
  const name = equation.name;
  const lik = LIKELIHOODS.reset(model, restricted);
  const ll = lik.at;
  const positive = firstNonPositiveVariance(model) < 0;
  const scoring = fisherScoring(model, equation, control, positive);
  const best = SCAN.run(model, equation, lik, scoring.converged ? scoring.tau2 : NaN, positive);
  // where scoring found the global maximum, ℓ(0) ≤ ℓ(τ̂²) and metafor's check keeps τ̂²: no
  // logarithms are needed (at k = 10⁶ each log-likelihood costs several passes over the data)
  const scoringIsBest = scoring.converged && best.tau2 === scoring.tau2;
  const metaforPoint = !scoring.converged ? NaN : scoringIsBest ? scoring.tau2 : metaforCheck(model, scoring.tau2, ll, positive);
  const warnings: string[] = [];
  const unit = model.unit;
  if (control.stopping === 'metafor') {
    if (Number.isFinite(metaforPoint)) {
      const gap = metaforPoint === best.tau2 ? 0 : lik.at(best.llAt) - ll(metaforPoint);
      // metafor stops within about `threshold` of a maximum; farther away is another maximum
      if (gap > LL_NOISE && Math.abs(metaforPoint - best.tau2) * unit > 100 * control.threshold) {
        warnings.push(`${name}: with metafor's stopping rule tau² = ${showTau2(metaforPoint, unit)}; the likelihood is highest at tau² = ${showTau2(best.tau2, unit)} (log-likelihood higher by ${gap.toPrecision(3)}).`);
      }
      return { tau2: metaforPoint, iterations: scoring.iterations, converged: true, lastChange: scoring.lastChange * unit, warnings };
    }
    if (scoring.infiniteWeight && best.tau2 > 0) warnings.push(infiniteWeightWarning(name, showTau2(best.tau2, unit)));
    else warnings.push(`${name}: Fisher scoring did not converge in ${control.maxIterations} iterations under metafor's control (metafor stops with an error here); the exact solution was used (the global maximum of the likelihood).`);
    return { tau2: best.tau2, iterations: scoring.iterations + best.iterations, converged: true, lastChange: best.lastChange * unit, warnings };
  }
  if (scoring.infiniteWeight && best.tau2 > 0) {
    warnings.push(infiniteWeightWarning(name, showTau2(best.tau2, unit)));
  } else if (!scoring.converged) {
    warnings.push(scoringNotConvergedWarning(name, control.maxIterations));
  } else if (!(scoringIsBest && metaforPoint === best.tau2)) {
    const gapScoring = lik.at(best.llAt) - ll(scoring.tau2);
    const gapMetafor = lik.at(best.llAt) - ll(metaforPoint);
    if (gapScoring > LL_NOISE || gapMetafor > LL_NOISE) {
      const metaforSays = gapMetafor > LL_NOISE
        ? `metafor reports tau² = ${showTau2(metaforPoint, unit)}`
        : `metafor's check of tau² = 0 finds the same answer`;
      warnings.push(`${name}: Fisher scoring from the Hedges start stops at a local maximum (tau² = ${showTau2(scoring.tau2, unit)}); the likelihood is highest at tau² = ${showTau2(best.tau2, unit)}, higher by ${Math.max(gapScoring, 0).toPrecision(3)} in log-likelihood; ${metaforSays}.`);
    }
  }
  return {
    tau2: best.tau2,
    iterations: scoring.iterations + best.iterations,
    converged: true,
    lastChange: best.lastChange * unit,
    warnings,
  };
}

/**
 * The warning of an (RE)ML fit whose Fisher scoring did not converge (exact stopping): the
 * estimate is the global maximum found by the scan.
 *
 * @example
 * scoringNotConvergedWarning('REML', 1000) // => 'REML: Fisher scoring did not converge in 1000 iterations; …'
 */
export function scoringNotConvergedWarning(name: string, maxIterations: number): string {
  return `${name}: Fisher scoring did not converge in ${maxIterations} iterations; tau² was found by a bracketing root search instead (the global maximum of the likelihood).`;
}

/**
 * metafor's `ll0check`: τ² = 0 replaces the scoring solution when ℓ(0) − ℓ(τ̂²) > ε^¼ and
 * τ̂² > 1e-5 (its defaults, in the user's units), only when every vᵢ > 0.
 */
function metaforCheck(model: WeightedModel, tau2: number, ll: (t: number) => number, positive: boolean): number {
  if (!positive || !(tau2 * model.unit > 1e-5)) return tau2;
  const gain = ll(0) - ll(tau2);
  return gain > Number.EPSILON ** 0.25 ? 0 : tau2;
}

/** The maximum found by {@link LikelihoodScan}: τ², where its ℓ is read, and how it was found. */
interface Candidate {
  tau2: number;
  /** The τ² at which ℓ of this candidate is evaluated (τ² itself, or the grid's first point for 0 without every vᵢ > 0). */
  llAt: number;
  iterations: number;
  lastChange: number;
}

/** Log-likelihoods remembered (it is asked for at the same few points): at most this many. */
const REMEMBERED = 16;

/**
 * ℓ(τ²) of one model, each value computed once per maximization (a few points); one object
 * reused by every call, its `at` bound once (no closure per call).
 */
class RememberedLikelihood {
  private model: WeightedModel | null = null;
  private restricted = true;
  private count = 0;
  private readonly points = new Float64Array(REMEMBERED);
  private readonly values = new Float64Array(REMEMBERED);
  readonly at = (t: number): number => this.value(t);

  reset(model: WeightedModel | null, restricted: boolean): this {
    this.model = model;
    this.restricted = restricted;
    this.count = 0;
    return this;
  }

  private value(t: number): number {
    // no maximum found: nothing to compare (as ℓ = −∞)
    if (Number.isNaN(t)) return -Infinity;
    for (let i = 0; i < this.count; i++) if (Object.is(this.points[i], t)) return this.values[i]!;
    const value = logLikelihood(this.model!, t, this.restricted);
    if (this.count < REMEMBERED) {
      this.points[this.count] = t;
      this.values[this.count++] = value;
    }
    return value;
  }
}

const LIKELIHOODS = new RememberedLikelihood();

/** The model a shared scan holds between maximizations: none (a stand-in never fitted). */
const NO_MODEL = null as unknown as WeightedModel;

/**
 * Steps 2 and 3 of {@link maximizeLikelihood}: every local maximum is where the score ∂ℓ/∂τ²
 * changes sign from + to − (or τ² = 0 with a score ≤ 0), so the scan evaluates the score only
 * (no logarithms) on the grid, skipping the stretches that the monotone bounds of
 * {@link boundedScan} prove free of roots (about 40 % of the points; every sign change between
 * neighbouring grid points is still seen), brackets each sign change between neighbouring grid
 * points and polishes it by Brent's method; ℓ is evaluated at the few candidates, `scoring`
 * among them, only when there are two or more (each candidate's ℓ is computed on request and
 * remembered). One object reused by every call, its callbacks bound once: a scan creates no
 * closure or candidate object (under tsx each closure also costs a `__name` call: together about
 * a seventh of a k = 20 call). Neither object keeps the model once a maximization is over.
 */
class LikelihoodScan {
  private model: WeightedModel = NO_MODEL;
  private equation!: ScoringEquation;
  private k = 0;
  private p = 0;
  private lower = 0;
  private ratio = 1;
  private off = 0;
  private fused = false;
  private count = 0;
  private readonly at: number[] = [];
  private readonly atTau2: number[] = [];
  private readonly candidates: Candidate[] = Array.from({ length: MAX_BRACKETS + 2 }, () => ({ tau2: NaN, llAt: NaN, iterations: 0, lastChange: 0 }));
  private readonly none: Candidate = { tau2: NaN, llAt: NaN, iterations: 0, lastChange: NaN };

  /** The exact score at τ² (an exact fit). */
  readonly score = (t: number): number => {
    const fit = this.model.fitTau2(t);
    return fit === null ? NaN : this.equation.score(fit, this.k, this.p);
  };

  /**
   * The sign of the score at the grid's upper end: approximate or the scan's own sums where
   * offered (an exact fit there would also move the model's centre far from τ̂²).
   */
  private readonly sign = (t: number): number => {
    const model = this.model;
    const sums = model.approximateSums?.(t) ?? model.gridSums?.([t])[0] ?? null;
    return sums === null ? this.score(t) : this.equation.score(sums, this.k, this.p);
  };

  /**
   * The evaluation of `boundedScan`: one fused pass per round of points where the model offers
   * it (see `gridSums`); the first point (τ² = 0 or the grid's lower end) exactly.
   */
  private readonly evaluate = (indices: Int32Array, count: number): void => {
    const { at, atTau2 } = this;
    at.length = 0;
    atTau2.length = 0;
    for (let c = 0; c < count; c++) {
      const i = indices[c]!;
      if (i === 0 || !this.fused) this.write(i, this.model.fitTau2(this.point(i)));
      else {
        at.push(i);
        atTau2.push(this.point(i));
      }
    }
    if (at.length === 0) return;
    const sums = this.model.gridSums!(atTau2);
    for (let c = 0; c < at.length; c++) this.write(at[c]!, sums[c]!);
  };

  /** Points computed in this search (`pointSearch[i] === generation`): each power is taken once. */
  private readonly points = new Float64Array(MAX_POINTS + 2);
  private readonly pointSearch = new Int32Array(MAX_POINTS + 2);
  private generation = 0;

  /** The i-th point of `scanGrid`, after τ² = 0 where every vᵢ > 0. */
  private point(i: number): number {
    if (this.pointSearch[i] === this.generation) return this.points[i]!;
    const t = i < this.off ? 0 : this.lower * this.ratio ** (i - this.off);
    if (i < this.points.length) {
      this.points[i] = t;
      this.pointSearch[i] = this.generation;
    }
    return t;
  }

  private write(i: number, sums: GridSums | null): void {
    const b = scratch;
    const s = sums === null ? NaN : this.equation.score(sums, this.k, this.p);
    b.score[i] = s;
    b.upper[i] = sums === null ? NaN : sums.rss2;
    b.lower[i] = sums === null ? NaN : sums.rss2 - s;
    b.weight[i] = sums === null ? NaN : sums.sumW;
  }

  /** The best maximum: the candidates' ℓ compared only when there are two or more. */
  run(model: WeightedModel, equation: ScoringEquation, lik: RememberedLikelihood, scoring: number, positive: boolean): Candidate {
    try {
      return this.search(model, equation, lik, scoring, positive);
    } finally {
      // the data of a large fit are not kept alive by this shared object
      this.model = NO_MODEL;
    }
  }

  private search(model: WeightedModel, equation: ScoringEquation, lik: RememberedLikelihood, scoring: number, positive: boolean): Candidate {
    this.model = model;
    this.equation = equation;
    this.k = model.k;
    this.p = model.p;
    const { yMin, yMax, vMinPositive: vMin, vMax } = modelSummary(model);
    const spacing = gridSpacing(yMax - yMin, vMin, vMax, this.sign);
    this.lower = spacing.lower;
    this.ratio = spacing.ratio;
    this.off = positive ? 1 : 0;
    this.generation = (this.generation + 1) | 0 || 1;
    const n = spacing.n + 1 + this.off;
    this.fused = model.gridSums !== undefined;
    if (scratch.score.length < n) scratch = scanBuffers(n);
    boundedScan(n, this.evaluate, scratch);
    const { score: scores, done } = scratch;
    this.count = 0;
    if (!(scores[0]! > 0)) this.add(0, positive ? 0 : this.point(0), 0, 0);
    let brackets = 0;
    for (let j = 0, next = 1; next < n && brackets < MAX_BRACKETS; next++) {
      if (done[next] === 0) continue;
      const i = j;
      j = next;
      // a sign change from + to − lies between neighbouring grid points (see `boundedScan`)
      if (!(scores[i]! > 0 && scores[j]! <= 0)) continue;
      brackets++;
      const a = this.point(i);
      const b = this.point(j);
      // Fisher scoring already stopped inside this bracket, to 1e-13·max(1, τ²) (data units):
      // at τ² ≥ 1e-2 that is 1e-11 relative, so no second search is needed
      if (scoring >= Math.max(1e-2, a) && scoring <= b) continue;
      const left = !this.fused || i === 0 ? scores[i]! : this.score(a);
      const right = !this.fused ? scores[j]! : this.score(b);
      // the fused sums may place the sign change a rounding error beyond a bracket's end
      if (!(left > 0)) this.add(a, a, 0, 0);
      else if (right > 0) this.add(b, b, 0, 0);
      else {
        const r = zeroin(this.score, a, b, left, right, 0, 200);
        this.add(r.root, r.root, r.iterations, r.change);
      }
    }
    if (Number.isFinite(scoring)) this.add(scoring, scoring, 0, 0);
    const { candidates, count } = this;
    if (count === 0) return this.none;
    let best = candidates[0]!;
    for (let c = 1; c < count; c++) {
      const candidate = candidates[c]!;
      const value = lik.at(candidate.llAt);
      const top = lik.at(best.llAt);
      if (value > top + 1e-13 * (1 + Math.abs(top))) best = candidate;
    }
    return best;
  }

  private add(tau2: number, llAt: number, iterations: number, lastChange: number): void {
    const c = this.candidates[this.count++]!;
    c.tau2 = tau2;
    c.llAt = llAt;
    c.iterations = iterations;
    c.lastChange = lastChange;
  }
}

const SCAN = new LikelihoodScan();

/** τ² in the user's units for a message. */
function showTau2(t: number, unit: number): string {
  return t === 0 ? '0' : (t * unit).toPrecision(6);
}

/**
 * The τ² grid of the scan: geometric from 10⁻²·min vᵢ (positive vᵢ) to an upper end where the
 * score is negative, at least 2·range(y)² + max vᵢ (for the intercept-only ML likelihood the
 * score is negative for every τ² above the squared range of y), widened by 4× until it is.
 * Exported for the diagnostics, which scan every subset of the studies on the grid of the full data.
 *
 * @example
 * scanGrid(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), () => -1).length
 * // => 19 (from 0.01 to 2·4² + 1 = 33, 5 points a decade)
 */
export function scanGrid(model: WeightedModel, score: (t: number) => number): number[] {
  const { yMin, yMax, vMinPositive: vMin, vMax } = modelSummary(model);
  const range = yMax - yMin;
  const { lower, ratio, n } = gridSpacing(range, vMin, vMax, score);
  const grid: number[] = [];
  for (let j = 0; j <= n; j++) grid.push(lower * ratio ** j);
  return grid;
}

/**
 * The spacing of {@link scanGrid} from the data's spread: the grid is lower·ratioʲ, j = 0 … n
 * (shared with the batch kernel, which writes the same points into its own buffer).
 *
 * @param range  max yᵢ − min yᵢ
 * @param vMin  the smallest positive vᵢ (Infinity if none)
 * @param vMax  the largest vᵢ
 * @example
 * gridSpacing(4, 1, 1, () => -1).n // => 18 (0.01 to 33: 3.5 decades at 5 points a decade)
 */
export function gridSpacing(range: number, vMin: number, vMax: number, score: (t: number) => number): { lower: number; ratio: number; n: number } {
  let upper = 2 * range * range + vMax;
  if (!(upper > 0)) upper = 1;
  for (let n = 0; n < 200 && score(upper) > 0; n++) upper *= 4;
  let lower = Number.isFinite(vMin) ? 1e-2 * vMin : upper * 1e-12;
  if (!(lower < upper)) lower = upper * 1e-6;
  const decades = Math.log10(upper / lower);
  const n = Math.min(MAX_POINTS, Math.max(8, Math.ceil(decades * POINTS_PER_DECADE)));
  return { lower, ratio: (upper / lower) ** (1 / n), n };
}
