import { zeroin } from '../../numeric/brent-root.ts';
import { GRID_SUMS_STRIDE, interceptGridSums } from '../engine/intercept-grid-sums.ts';
import type { GridSums, WeightedModel } from '../engine/weighted-model.ts';
import { exactStep, type ScoringEquation } from '../tau2/fisher-scoring.ts';
import { boundedScan, scanBuffers } from '../tau2/bounded-scan.ts';
import { hedgesStart } from '../tau2/hedges.ts';
import { gridSpacing, scoringNotConvergedWarning } from '../tau2/likelihood-maximum.ts';
import type { Tau2Control } from '../tau2/tau2-fit.ts';
import type { BatchWorkspace } from './batch-workspace.ts';

/** The engine's scan settings (see `maximizeLikelihood`; the grid itself is its `gridSpacing`): most brackets, noise in ℓ. */
const MAX_BRACKETS = 8;
const LL_NOISE = 1e-8;
/** What {@link LikelihoodMaximumInPlace}'s scoring returns when it stops at an infinite weight, or does not converge. */
const FAILED = -1;
const NOT_CONVERGED = -2;
/** Most log-likelihood values remembered per analysis (ℓ is asked for at 0, the scoring point and a few candidates). */
const MEMORY = 12;
/** Most points of the scan (the engine's `gridSpacing` gives at most 161). */
const GRID_POINTS = 161;

/**
 * `maximizeLikelihood` (the global maximum of the ML or REML likelihood over τ² ≥ 0, exact
 * stopping) for the analysis loaded in a {@link BatchWorkspace}, step for step — Fisher scoring
 * from the Hedges start (its `exactStep`), metafor's check of τ² = 0, the score at 0 and on the
 * same geometric grid (the same `boundedScan` and `interceptGridSums`), every + → − sign change
 * polished by Brent's method, ℓ compared at the candidates — so it returns the same τ² (model units), but without allocating: the grid,
 * sums, scores, candidates and remembered ℓ live in the workspace and in this object.
 *
 * Scoring that does not converge in `maxIterations` steps leaves the scan's maximum and the
 * engine's warning in `warning`. Returns NaN where the engine would add another warning
 * (scoring at an infinite weight; scoring or metafor's point at a lower maximum than the global
 * one) or finds no maximum: the caller then fits that analysis with the engine itself.
 *
 * @example
 * const ws = new BatchWorkspace(3, { method: 'REML', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL });
 * ws.load(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), 0);
 * new LikelihoodMaximumInPlace().find(ws, REML_EQUATION, true, DEFAULT_TAU2_CONTROL) // => 3.0000000000 (Σ(yᵢ−ȳ)²/(k−1) − v)
 */
export class LikelihoodMaximumInPlace {
  private model!: WeightedModel;
  private equation!: ScoringEquation;
  private restricted = true;
  private readonly memoT = new Float64Array(MEMORY);
  private readonly memoLl = new Float64Array(MEMORY);
  private remembered = 0;
  private readonly candT = new Float64Array(MAX_BRACKETS + 2);
  private candidates = 0;
  /** The engine's warning for the last analysis, if any. */
  warning: string | null = null;
  private ws!: BatchWorkspace;
  /** The grid's sums (see `interceptGridSums`), the τ² of one round of the scan, and the scan's buffers. */
  private readonly gridBuffer = new Float64Array(GRID_SUMS_STRIDE * GRID_POINTS);
  private readonly gridAt = new Float64Array(GRID_POINTS);
  private readonly scan = scanBuffers(GRID_POINTS + 1);
  private readonly sums: { sumW: number; sumW2: number; rss: number; rss2: number; trP: number } = { sumW: 0, sumW2: 0, rss: 0, rss2: 0, trP: 0 };
  /** The exact score at τ² (NaN where a weight is infinite), for Brent's method. */
  private readonly score = (t: number): number => {
    const fit = this.model.fitTau2(t);
    return fit === null ? NaN : this.equation.score(fit, this.model.k, 1);
  };

  /** τ̂² of the loaded analysis (model units), or NaN: fit it with the engine. */
  find(ws: BatchWorkspace, equation: ScoringEquation, restricted: boolean, control: Tau2Control): number {
    this.ws = ws;
    this.model = ws.model;
    this.equation = equation;
    this.restricted = restricted;
    this.remembered = 0;
    this.candidates = 0;
    this.warning = null;
    const scoring = this.fisherScoring(ws, control);
    if (scoring === FAILED) return NaN;
    if (scoring === NOT_CONVERGED) {
      const best = this.scanAndPolish(ws, NaN);
      if (best < 0) return NaN;
      this.warning = scoringNotConvergedWarning(equation.name, control.maxIterations);
      return this.candT[best]!;
    }
    const best = this.scanAndPolish(ws, scoring);
    // scoring at the global maximum: ℓ(0) ≤ ℓ(τ̂²), metafor's check keeps τ̂² (as the engine, no ℓ needed)
    if (this.candT[best] === scoring) return scoring;
    const metaforPoint = this.metaforCheck(scoring);
    const bestLl = this.ll(this.candT[best]!);
    if (bestLl - this.ll(scoring) > LL_NOISE || bestLl - this.ll(metaforPoint) > LL_NOISE) return NaN;
    return this.candT[best]!;
  }

  /** The bracket of `exactStep`, reused. */
  private readonly bracket = new Float64Array(2);

  /** `fisherScoring` with the exact stopping rule (its `exactStep`); {@link FAILED} at an infinite weight or a step that is not finite. */
  private fisherScoring(ws: BatchWorkspace, control: Tau2Control): number {
    const { model, equation } = this;
    const k = model.k;
    const start = hedgesStart(model);
    let tau2 = Number.isFinite(start) ? Math.max(0, start) : 0;
    const bracket = this.bracket;
    bracket[0] = -1;
    bracket[1] = Infinity;
    for (let iter = 1; iter <= control.maxIterations; iter++) {
      const fit = model.fitTau2(tau2);
      if (fit === null) return FAILED;
      let adj = exactStep(equation, fit, k, 1, tau2, control.stepAdjustment, bracket, true);
      if (!Number.isFinite(adj)) return FAILED;
      if (tau2 === 0 && adj <= 0) return 0;
      while (tau2 + adj < 0) adj /= 2;
      tau2 += adj;
      if (Math.abs(adj) <= control.threshold * Math.max(1, tau2)) return tau2;
    }
    return NOT_CONVERGED;
  }

  /** metafor's `ll0check` (every vᵢ > 0 here): 0 replaces τ̂² when ℓ(0) − ℓ(τ̂²) > ε^¼ and τ̂² > 1e-5. */
  private metaforCheck(tau2: number): number {
    if (!(tau2 * this.model.unit > 1e-5)) return tau2;
    return this.ll(0) - this.ll(tau2) > Number.EPSILON ** 0.25 ? 0 : tau2;
  }

  /**
   * ℓ at τ², remembered: `logLikelihood`'s formula, at 0 from the workspace's fit, elsewhere from a
   * fit the workspace also keeps (the last one is usually τ̂², which the kernel then need not refit).
   */
  private ll(t: number): number {
    for (let i = 0; i < this.remembered; i++) if (this.memoT[i] === t) return this.memoLl[i]!;
    const { model, restricted, ws } = this;
    let rss: number;
    let logDetGram: number;
    if (t === 0) {
      const zero = ws.atZero();
      if (zero === null) return -Infinity;
      rss = zero.rss;
      logDetGram = zero.logDetGram;
    } else {
      const fit = model.fitTau2(t);
      if (fit === null) return -Infinity;
      rss = fit.rss;
      logDetGram = fit.logDetGram;
      ws.remember(t, fit);
    }
    const n = restricted ? model.k - 1 : model.k;
    const value = -0.5 * (n * Math.log(2 * Math.PI) + model.sumLogV(t) + (restricted ? logDetGram : 0) + rss);
    if (this.remembered < MEMORY) {
      this.memoT[this.remembered] = t;
      this.memoLl[this.remembered++] = value;
    }
    return value;
  }

  private candidate(t: number): void {
    this.candT[this.candidates++] = t;
  }

  /**
   * The score, F = yᵀPPy, G = F − S and Σwᵢ at the points `indices` of the scan (0: τ² = 0 from the
   * workspace's fit; i ≥ 1: `grid[i − 1]` from `interceptGridSums`), for `boundedScan`.
   */
  private readonly evaluate = (indices: Int32Array, count: number): void => {
    const { ws, equation, scan, gridBuffer, sums } = this;
    const at = this.gridAt;
    let m = 0;
    for (let c = 0; c < count; c++) {
      const i = indices[c]!;
      if (i === 0) {
        const zero = ws.atZero();
        const s = zero === null ? NaN : equation.score(zero, ws.k, 1);
        scan.score[0] = s;
        scan.upper[0] = zero === null ? NaN : zero.rss2;
        scan.lower[0] = zero === null ? NaN : zero.rss2 - s;
        scan.weight[0] = zero === null ? NaN : zero.sumW;
      } else {
        at[m++] = ws.grid[i - 1]!;
      }
    }
    if (m === 0) return;
    interceptGridSums(ws.y, ws.v, at, m, gridBuffer);
    for (let c = 0, b = 0; c < count; c++) {
      const i = indices[c]!;
      if (i === 0) continue;
      const s = equation.score(readSums(gridBuffer, b, sums), ws.k, 1);
      scan.score[i] = s;
      scan.upper[i] = sums.rss2;
      scan.lower[i] = sums.rss2 - s;
      scan.weight[i] = sums.sumW;
      b += GRID_SUMS_STRIDE;
    }
  };

  /** The score at τ² from the scan's sums (`interceptGridSums`), for the sign at the grid's upper end (as the engine). */
  private readonly sign = (t: number): number => {
    const { ws, gridAt, gridBuffer, sums } = this;
    gridAt[0] = t;
    interceptGridSums(ws.y, ws.v, gridAt, 1, gridBuffer);
    return this.equation.score(readSums(gridBuffer, 0, sums), ws.k, 1);
  };

  /** `scanAndPolish` of the engine (every vᵢ > 0): the index of the best candidate, −1 if none. */
  private scanAndPolish(ws: BatchWorkspace, scoring: number): number {
    // the scan's points: τ² = 0, then the grid
    const n = scanGrid(ws, this.sign) + 1;
    const grid = ws.grid;
    const scan = this.scan;
    boundedScan(n, this.evaluate, scan);
    const { score: scores, done } = scan;
    if (!(scores[0]! > 0)) this.candidate(0);
    let brackets = 0;
    for (let j = 0, next = 1; next < n && brackets < MAX_BRACKETS; next++) {
      if (done[next] === 0) continue;
      const i = j;
      j = next;
      if (!(scores[i]! > 0 && scores[j]! <= 0)) continue;
      brackets++;
      const a = i === 0 ? 0 : grid[i - 1]!;
      const b = grid[j - 1]!;
      if (scoring >= Math.max(1e-2, a) && scoring <= b) continue;
      const left = i === 0 ? scores[i]! : this.score(a);
      const right = this.score(b);
      if (!(left > 0)) this.candidate(a);
      else if (right > 0) this.candidate(b);
      else this.candidate(zeroin(this.score, a, b, left, right, 0, 200).root);
    }
    if (Number.isFinite(scoring)) this.candidate(scoring);
    if (this.candidates === 0) return -1;
    // ℓ only where there are two or more candidates (as the engine)
    let best = 0;
    for (let c = 1; c < this.candidates; c++) {
      const top = this.ll(this.candT[best]!);
      if (this.ll(this.candT[c]!) > top + 1e-13 * (1 + Math.abs(top))) best = c;
    }
    return best;
  }
}

/**
 * The engine's `scanGrid` written into `ws.grid`: geometric from 10⁻²·min vᵢ to an upper end
 * where the score is negative; returns the number of points.
 */
function scanGrid(ws: BatchWorkspace, score: (t: number) => number): number {
  const { y, v, k, grid } = ws;
  let yMin = Infinity;
  let yMax = -Infinity;
  let vMin = Infinity;
  let vMax = 0;
  for (let i = 0; i < k; i++) {
    yMin = Math.min(yMin, y[i]!);
    yMax = Math.max(yMax, y[i]!);
    if (v[i]! > 0) vMin = Math.min(vMin, v[i]!);
    vMax = Math.max(vMax, v[i]!);
  }
  const { lower, ratio, n } = gridSpacing(yMax - yMin, vMin, vMax, score);
  for (let j = 0; j <= n; j++) grid[j] = lower * ratio ** j;
  return n + 1;
}

/** The sums of one point of `interceptGridSums`'s output (from `b`) into `sums`. */
function readSums(buffer: Float64Array, b: number, sums: { -readonly [K in keyof GridSums]: number }): GridSums {
  sums.sumW = buffer[b]!;
  sums.sumW2 = buffer[b + 1]!;
  sums.rss = buffer[b + 2]!;
  sums.rss2 = buffer[b + 3]!;
  sums.trP = buffer[b + 4]!;
  return sums;
}
