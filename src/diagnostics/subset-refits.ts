import { chiSquareSf } from '../distributions/chi-square.ts';
import { interceptModel } from '../models/engine/intercept-model.ts';
import { scaleData } from '../models/engine/scaled-data.ts';
import { inconsistency } from '../models/inference/cochran-q.ts';
import { knappHartung } from '../models/inference/knapp-hartung.ts';
import { wald } from '../models/inference/wald-test.ts';
import { ML_EQUATION, REML_EQUATION } from '../models/tau2/fisher-scoring.ts';
import { scanGrid } from '../models/tau2/likelihood-maximum.ts';
import type { Tau2Method, TestType } from '../types.ts';
import { addPowerTerms, POWER_SUMS, powerPass, powerSumsFrom, scoreOf, scoreParts, shiftSums } from './power-sums.ts';
import type { SubsetColumns } from './subset-columns.ts';
import { WarmPowerSums } from './warm-power-sums.ts';

/** The τ² estimators whose subset refits are O(k) updates (the others are refitted from scratch). */
const UPDATED_METHODS: ReadonlySet<Tau2Method> = new Set<Tau2Method>(['EE', 'DL', 'ML', 'REML']);
/** Newton iterations before a subset is handed back to a from-scratch refit. */
const MAX_ITERATIONS = 100;
/** Newton stops when |Δτ²| ≤ this · max(1, τ²) (data scaled to unit variance). */
/**
 * A Newton step of at most this · max(1, τ²) (data scaled to unit variance) is the last: the
 * error after it is O(step²), far below the from-scratch fit's own stopping rule (1e-13).
 */
const NOISE = 1e-9;

/**
 * Refits of an intercept-only model to subsets of its studies, each an O(k) update of sums of
 * the full data rather than a fit from scratch (Viechtbauer & Cheung, 2010, for the
 * diagnostics that need them). The subsets are "studies 0 ≤ j < `to` except `skip`": all but
 * one (leave-one-out: `to` = k, `skip` = i) or the first `to` (cumulative: `skip` = −1, after
 * `addStudy` of each of them).
 *
 * For EE, DL, ML and REML, with every vᵢ > 0 and at least two studies in the subset:
 *
 * - the data are scaled as a full fit scales them (`scaleData`) and centred at the full
 *   estimate; compensated power sums (see `POWER_SUMS`) of the studies are kept at τ² = 0, at
 *   every point of the likelihood scan of the full data (`scanGrid`) and at the full τ̂²: the
 *   sums of a subset there are the kept sums minus one study's terms, O(1) each;
 * - EE and DL: Q, tr(P) and τ̂²_DL at τ² = 0 from those sums, then one pass at τ̂²;
 * - ML and REML: the scores at τ² = 0 and at every scan point from the sums (O(grid) per subset)
 *   locate the local maxima as `maximizeLikelihood` does; with a single maximum, Newton's method
 *   on the score (score, slope and information from the sums, see `scoreParts`) finds it. For
 *   leave-one-out it starts at the full τ̂² and iterates on series of sums kept there to the
 *   12th power of the weights (`WarmPowerSums`): O(1) per iteration while τ̂²₍₋ᵢ₎ stays near
 *   τ̂² (|Δτ²|·max aᵢ ≤ 0.005, the usual case for large k), else one Halley step from the
 *   known sums and Newton steps of one pass each. Cumulative starts at the previous τ̂² and
 *   iterates on series of running sums of the studies added so far, anchored afresh (one pass)
 *   at the previous τ̂² when it drifts out of their radius, else passes. A boundary maximum
 *   (τ̂² = 0) needs no pass;
 * - Q, I², H² from the sums at τ² = 0; the estimate, SE (Knapp–Hartung factor), test and CI
 *   from the sums at τ̂².
 *
 * A subset whose scan is not conclusive (several local maxima, a score still positive at the end
 * of the full data's grid, Newton leaving the bracket), a subset where one study holds nearly all
 * the weight or whose outcomes lie far from the centre of the sums (cancellation), and every
 * other method is refitted from
 * scratch by the caller (`refit`), so each row agrees with a from-scratch fit. Work: O(k·grid)
 * once, then O(grid) per subset, plus passes of O(k) only where the series do not reach.
 */
export class SubsetRefits {
  /** Whether the O(k) updates apply to these data and this method. */
  readonly updated: boolean;
  private readonly y: Float64Array;
  private readonly v: Float64Array;
  /** estimate (user units) = origin + c·μ̂ (scaled, centred units). */
  private readonly origin: number;
  private readonly c: number;
  private readonly unit: number;
  /** τ² = 0, the scan grid, and the full τ̂² (last), in scaled units. */
  private readonly points: Float64Array;
  private readonly acc: Float64Array;
  /**
   * The centre of the outcomes in the kept sums of each point: the full data's weighted mean
   * at that τ² (relative to the full estimate), so that Σa(y − μ̂)² loses nothing to a study
   * that carries most of the weight.
   */
  private readonly offsets: Float64Array;
  /** The centre of the outcomes in `this.sums` (0 after a pass, `offsets[p]` from point p). */
  private offset = 0;
  private readonly sums = new Float64Array(POWER_SUMS);
  private readonly zero = new Float64Array(POWER_SUMS);
  /** The sums at the full τ̂² to high powers, for leave-one-out Newton steps without a pass. */
  private readonly warm: WarmPowerSums | null;
  /** Cumulative: the sums of the studies added so far to high powers, anchored at some τ². */
  private running: WarmPowerSums | null = null;
  /** τ̂² of the last subset (the warm start of the next one without `skip`). */
  private previous: number;

  constructor(
    yi: Float64Array,
    vi: Float64Array,
    private readonly method: Tau2Method,
    private readonly test: TestType,
    private readonly level: number,
    centre: { readonly estimate: number; readonly tau2: number },
  ) {
    this.updated = UPDATED_METHODS.has(method) && yi.length >= 3 && vi.every((x) => x > 0 && x < Infinity);
    const data = scaleData(yi, vi, true);
    this.c = Math.sqrt(data.unit);
    this.unit = data.unit;
    const m = Number.isFinite(centre.estimate) ? (centre.estimate - data.shift) / this.c : 0;
    this.origin = data.shift + this.c * m;
    this.y = data.y.map((x) => x - m);
    this.v = data.v;
    this.previous = Number.isFinite(centre.tau2) ? centre.tau2 / data.unit : 0;
    const grid = this.updated && (method === 'ML' || method === 'REML') ? this.grid(data.y) : [];
    this.points = Float64Array.from([0, ...grid, this.previous]);
    this.offsets = this.points.map((t) => weightedMean(this.y, this.v, t));
    this.acc = new Float64Array(2 * POWER_SUMS * this.points.length);
    this.warm = grid.length > 0 ? new WarmPowerSums(this.previous) : null;
  }

  /** Adds study j to the kept sums (every study for leave-one-out; one at a time for cumulative). */
  addStudy(j: number): void {
    if (!this.updated) return;
    const { points, offsets, v, y, acc } = this;
    for (let p = 0; p < points.length; p++) addPowerTerms(acc, p * POWER_SUMS, 1 / (v[j]! + points[p]!), y[j]! - offsets[p]!);
    const last = points.length - 1;
    this.warm?.add(1 / (v[j]! + points[last]!), y[j]! - offsets[last]!);
    this.running?.add(1 / (v[j]! + this.running.t0), y[j]!);
  }

  /**
   * Refits the subset (studies j < `to`, j ≠ `skip`) into entry `r` of `out`; returns false
   * (and writes nothing) when the update cannot vouch for the result, for a from-scratch refit.
   */
  refitInto(out: SubsetColumns, r: number, to: number, skip: number): boolean {
    const n = skip >= 0 && skip < to ? to - 1 : to;
    if (!this.updated || n < 2) return false;
    const tau2 = this.subsetTau2(to, skip);
    if (!(tau2 >= 0) || dominated(this.sums) || offCentre(this.sums) || offCentre(this.zero)) return false;
    this.previous = skip < 0 ? tau2 : this.previous;
    return this.store(out, r, n, tau2);
  }

  /** The τ² scan grid of the full data (as `maximizeLikelihood` builds it). */
  private grid(y: Float64Array): number[] {
    const k = y.length;
    const model = interceptModel(y, this.v, this.unit);
    const equation = this.method === 'ML' ? ML_EQUATION : REML_EQUATION;
    return scanGrid(model, (t) => {
      const fit = model.fitTau2(t);
      return fit === null ? NaN : equation.score(fit, k, 1);
    });
  }

  /** The kept sums at point p of the subset into `out` (outcomes centred at `offsets[p]`). */
  private pointSums(p: number, skip: number, out: Float64Array): Float64Array {
    if (skip < 0) return powerSumsFrom(this.acc, p * POWER_SUMS, out);
    return powerSumsFrom(this.acc, p * POWER_SUMS, out, 1 / (this.v[skip]! + this.points[p]!), this.y[skip]! - this.offsets[p]!);
  }

  /** `this.sums` := the subset's sums at τ² = 0. */
  private atZero(): number {
    this.sums.set(this.zero);
    this.offset = this.offsets[0]!;
    return 0;
  }

  /** τ̂² of the subset in scaled units, its sums at τ̂² in `this.sums` and at 0 in `this.zero`; NaN to fall back. */
  private subsetTau2(to: number, skip: number): number {
    const zero = this.pointSums(0, skip, this.zero);
    if (dominated(zero)) return NaN;
    this.offset = 0;
    if (this.method === 'EE') return this.atZero();
    if (this.method === 'DL') {
      const n = skip >= 0 && skip < to ? to - 1 : to;
      const tau2 = Math.max(0, (residualSS(zero) - (n - 1)) / traceP(zero));
      if (tau2 === 0) return this.atZero();
      return powerPass(this.y, this.v, tau2, 0, to, skip, this.sums) ? tau2 : NaN;
    }
    return this.likelihoodMaximum(to, skip);
  }

  /**
   * The ML / REML maximum of the subset when its scan shows a single one: at τ² = 0 (score ≤ 0
   * there and no sign change from + to − on the grid) or inside the one bracket where the score
   * changes sign, found by Newton's method; NaN otherwise.
   */
  private likelihoodMaximum(to: number, skip: number): number {
    const restricted = this.method === 'REML';
    const scanEnd = this.points.length - 1;
    const s0 = scoreOf(this.zero, restricted);
    let previous = s0;
    let changes = 0;
    let bracket = -1;
    for (let p = 1; p < scanEnd; p++) {
      const s = scoreOf(this.pointSums(p, skip, this.sums), restricted);
      if (previous > 0 && s <= 0) {
        changes++;
        bracket = p;
      }
      previous = s;
    }
    if (!(previous <= 0)) return NaN;
    if (changes === 0) return s0 > 0 ? NaN : this.atZero();
    if (changes > 1 || !(s0 > 0)) return NaN;
    const tau2 = this.newton(to, skip, restricted);
    const lower = this.points[bracket - 1]!;
    const upper = this.points[bracket]!;
    return tau2 >= lower * (1 - 1e-9) && tau2 <= upper * (1 + 1e-9) ? tau2 : NaN;
  }

  /**
   * Newton's method on the score (a Fisher-scoring step where the slope is not negative), steps
   * halved to keep τ² ≥ 0. Leave-one-out starts from the full τ̂², where the subset's sums are
   * known without a pass, with one Halley step (cubic: from an error of O(1/k) to O(1/k³));
   * cumulative from the previous τ̂². A Newton step below `NOISE` is the last: it is taken and
   * the sums moved to first order (`shiftSums`), which leaves an error of O(step²). Leaves the
   * sums at the returned τ² in `this.sums`.
   */
  private newton(to: number, skip: number, restricted: boolean): number {
    const sums = this.sums;
    const near = skip >= 0 ? this.leftOutSeries(skip, restricted) : this.runningSeries(to, restricted);
    if (near >= 0) return near;
    let known = skip >= 0;
    let t = known ? this.points[this.points.length - 1]! : this.previous;
    if (known) this.pointSums(this.points.length - 1, skip, sums);
    this.offset = known ? this.offsets[this.points.length - 1]! : 0;
    let last = Infinity;
    for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      if (!known && !powerPass(this.y, this.v, t, 0, to, skip, sums)) return NaN;
      if (!known) this.offset = 0;
      const { score, slope, info, curvature } = scoreParts(sums, restricted);
      const halley = known ? (-2 * score * slope) / (2 * slope * slope - score * curvature) : NaN;
      known = false;
      let step = slope < 0 ? -score / slope : score / info;
      if (slope < 0 && Number.isFinite(halley) && halley * step > 0) step = halley;
      if (!Number.isFinite(step)) return NaN;
      if (t === 0 && step <= 0) return this.atZero();
      while (t + step < 0) step /= 2;
      const size = Math.abs(step) / Math.max(1, t);
      if (slope < 0 && size <= NOISE) {
        shiftSums(sums, step);
        return t + step;
      }
      if (size > last / 2 && size <= 1e3 * NOISE) return NaN;
      last = size;
      t += step;
    }
    return NaN;
  }

  /**
   * Leave-one-out: Newton on the series of the warm sums without study `skip` (see
   * `WarmPowerSums`), O(1) per iteration, from the full τ̂²; NaN when τ² leaves the series'
   * radius (then `newton` iterates with passes).
   */
  private leftOutSeries(skip: number, restricted: boolean): number {
    const warm = this.warm;
    if (warm === null) return NaN;
    const last = this.points.length - 1;
    const w = warm.without(1 / (this.v[skip]! + warm.t0), this.y[skip]! - this.offsets[last]!);
    return this.seriesNewton(warm, w, warm.t0, this.offsets[last]!, restricted);
  }

  /**
   * Cumulative: Newton on the series of the running sums from the previous τ̂²; when that leaves
   * their radius, the running sums are anchored afresh at the previous τ̂² (one pass over the
   * studies added so far) and Newton tries again; NaN when it still leaves it.
   */
  private runningSeries(to: number, restricted: boolean): number {
    if (this.warm === null) return NaN;
    const first = this.running === null ? NaN : this.seriesNewton(this.running, this.running.all(), this.previous, 0, restricted);
    if (first >= 0 || this.running?.t0 === this.previous) return first;
    const running = new WarmPowerSums(this.previous);
    for (let j = 0; j < to; j++) running.add(1 / (this.v[j]! + running.t0), this.y[j]!);
    this.running = running;
    return this.seriesNewton(running, running.all(), this.previous, 0, restricted);
  }

  /**
   * Newton iterations from τ² = `start` on the series of the kept sums `w` of `warm` (outcomes
   * centred at `offset`), to machine precision; NaN when τ² leaves the series' radius. Leaves
   * the sums at τ̂² in `this.sums`.
   */
  private seriesNewton(warm: WarmPowerSums, w: Float64Array, start: number, offset: number, restricted: boolean): number {
    const sums = this.sums;
    let delta = start - warm.t0;
    let previous = Infinity;
    for (let iteration = 0; iteration < MAX_ITERATIONS && warm.covers(delta); iteration++) {
      const { score, slope, info } = scoreParts(warm.series(w, delta, sums), restricted);
      let step = slope < 0 ? -score / slope : score / info;
      if (!Number.isFinite(step)) return NaN;
      const t = warm.t0 + delta;
      if (t + step < 0) return NaN;
      const size = Math.abs(step) / Math.max(1, t);
      delta += step;
      // converged, or (Newton steps only: Fisher steps converge linearly) at the rounding floor
      if (size <= 1e-15 || (slope < 0 && size <= 1e-12 && size >= previous / 2)) {
        if (!warm.covers(delta)) return NaN;
        warm.series(w, delta, sums);
        this.offset = offset;
        return warm.t0 + delta;
      }
      previous = size;
    }
    return NaN;
  }

  /**
   * The refit's numbers from its sums at τ̂² and at 0, in the user's units; false (nothing
   * written) when the Knapp–Hartung residuals vanish, a case left to the from-scratch refit.
   */
  private store(out: SubsetColumns, r: number, n: number, tau2: number): boolean {
    const { sums: s, zero, c, unit } = this;
    const df = n - 1;
    const sumW = s[0]!;
    const mu = s[1]! / sumW;
    const rss = s[2]! - mu * s[1]!;
    // residuals within rounding of 0: the from-scratch refit decides (Knapp–Hartung's zero case)
    if (this.test === 'knha' && !(rss > 1e3 * Number.EPSILON * Math.max(s[2]!, 1))) return false;
    const s2w = this.test === 'knha' ? knappHartung(rss, df).s2 : 1;
    const estimate = this.origin + c * (this.offset + mu);
    const se = c * Math.sqrt(s2w / sumW);
    const w = wald(estimate, se, this.test === 'z' ? null : df, this.level);
    const q = Math.max(0, residualSS(zero));
    const het = { q, qDf: df, qPValue: chiSquareSf(q, df), typicalVariance: df / traceP(zero) };
    const { i2, h2 } = inconsistency(tau2, het, this.method === 'EE');
    out.k[r] = n;
    out.estimate[r] = estimate; out.se[r] = se; out.statistic[r] = w.statistic; out.df[r] = this.test === 'z' ? null : df;
    out.pValue[r] = w.pValue; out.ciLower[r] = w.lower; out.ciUpper[r] = w.upper; out.tau2[r] = tau2 * unit;
    out.q[r] = q; out.qPValue[r] = het.qPValue; out.i2[r] = i2; out.h2[r] = h2; out.vb[r] = se * se;
    out.s2w[r] = s2w; out.sumW[r] = sumW / unit;
    return true;
  }
}

/**
 * Whether one study holds all but 1e-4 of the weight (Σa²/(Σa)² > 1 − 1e-4): then tr(P) =
 * Σa − Σa²/Σa cancels to about ε·Σa/tr(P) > 1e-12 relative, and the subset is refitted from
 * scratch, whose tr(P) is a sum of positive terms.
 */
function dominated(s: Float64Array): boolean {
  return !(s[3]! / (s[0]! * s[0]!) <= 1 - 1e-4);
}

/**
 * Whether the subset's outcomes lie far from the centre of its sums relative to their spread:
 * Σa(y − μ̂)² = Σay² − μ̂Σay (and the a² analogue of the score) then cancel to fewer than 12
 * digits (Σa(y − μ̂)² < 1e-4·Σay²), and the subset is refitted from scratch, which centres at
 * the subset's own estimate.
 */
function offCentre(s: Float64Array): boolean {
  const mu = s[1]! / s[0]!;
  const rss = s[2]! - mu * s[1]!;
  const rss2 = s[5]! - 2 * mu * s[4]! + mu * mu * s[3]!;
  return !(rss >= 1e-4 * s[2]! && rss2 >= 1e-4 * s[5]!);
}

/** Σaᵢyᵢ/Σaᵢ, aᵢ = 1/(vᵢ + t). */
function weightedMean(y: Float64Array, v: Float64Array, t: number): number {
  let sum = 0;
  let sumY = 0;
  for (let j = 0; j < y.length; j++) {
    const a = 1 / (v[j]! + t);
    sum += a;
    sumY += a * y[j]!;
  }
  return sum > 0 && sum < Infinity ? sumY / sum : 0;
}

/** Σa(y − μ̂)² = Σay² − (Σay)²/Σa from power sums (Cochran's Q at τ² = 0). */
function residualSS(s: Float64Array): number {
  return s[2]! - (s[1]! * s[1]!) / s[0]!;
}

/** tr(P) = Σa − Σa²/Σa from power sums. */
function traceP(s: Float64Array): number {
  return s[0]! - s[3]! / s[0]!;
}
