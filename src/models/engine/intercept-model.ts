import { addCompensated, compensatedValue } from '../../numeric/compensated-sum.ts';
import { summarizeData, type DataSummary } from './data-summary.ts';
import { interceptMoments, type InterceptMoments } from './binned-intercept-sums.ts';
import { GRID_SUMS_STRIDE, interceptGridSums } from './intercept-grid-sums.ts';
import type { ApproximateSums, GridSums, WeightedFit, WeightedModel } from './weighted-model.ts';

/**
 * The intercept-only weighted model (p = 1): the O(k) fast path of {@link WeightedModel}. With
 * s₁ = Σaᵢ, μ̂ = Σaᵢyᵢ/s₁, hᵢ = aᵢ/s₁ and rᵢ = yᵢ − μ̂,
 *
 *   rss = Σaᵢrᵢ²,  rss2 = Σaᵢ²rᵢ²,  trP = Σaᵢ(1 − hᵢ),  trPP = Σaᵢ²(1 − 2hᵢ) + (Σaᵢ²/s₁)²,
 *   Σᵢⱼ dᵢeⱼPᵢⱼ² = Σdᵢeᵢaᵢ²(1 − 2hᵢ) + (Σdᵢaᵢ²/s₁)(Σeᵢaᵢ²/s₁),
 *
 * every sum in one pass (sometimes two) with Neumaier's compensated summation (Neumaier, 1974)
 * over blocks of studies (see `fitCurrent`). A fit allocates nothing: the coefficient, the result
 * and (when a trace asks for them) the weights live in buffers owned by the model, so a fit is
 * valid until the next call.
 *
 * @param y  outcomes (length k ≥ 1)
 * @param v  sampling variances (≥ 0)
 * @param unit  variance unit the data are expressed in (see `WeightedModel.unit`); default 1
 * @param summary  the data's {@link DataSummary} when the caller has it (`scaleData` gathers it while scaling); else computed on first use
 * @example
 * interceptModel(new Float64Array([1, 3]), new Float64Array([1, 1])).fitTau2(0)!.rss // => 2
 */
export function interceptModel(y: Float64Array, v: Float64Array, unit = 1, summary?: DataSummary): ReusableModel {
  return new InterceptModel(y, v, unit, summary);
}

/**
 * An intercept model whose data arrays may be refilled in place for another analysis of the same
 * k (the batch kernel): `reload(unit)` forgets everything remembered from the previous data (the
 * fit at τ² = 0, the binned moments, the centre of the sums) and takes the new variance unit.
 */
export interface ReusableModel extends WeightedModel {
  reload(unit: number): void;
}

class InterceptFit implements WeightedFit {
  readonly coef = new Float64Array(1);
  readonly gramFactor = new Float64Array(1);
  logDetGram = NaN;
  sumW = NaN;
  sumW2 = NaN;
  rss = NaN;
  rss2 = NaN;
  trP = NaN;
  trPP = NaN;
  rss3 = NaN;
  constructor(private readonly model: InterceptModel) {}
  traceDiagonal(d: ArrayLike<number>): number {
    this.model.refreshWeights();
    const { weights: a, acc } = this.model;
    const s1 = this.sumW;
    acc.fill(0);
    for (let i = 0; i < a.length; i++) addCompensated(acc, 0, d[i]! * a[i]! * (1 - a[i]! / s1));
    return compensatedValue(acc, 0);
  }
  traceProduct(d: ArrayLike<number> | null, e: ArrayLike<number> | null): number {
    this.model.refreshWeights();
    const { weights: a, acc } = this.model;
    const s1 = this.sumW;
    acc.fill(0);
    for (let i = 0; i < a.length; i++) {
      const di = d === null ? 1 : d[i]!;
      const ei = e === null ? 1 : e[i]!;
      const a2 = a[i]! * a[i]!;
      addCompensated(acc, 0, di * ei * a2 * (1 - (2 * a[i]!) / s1));
      addCompensated(acc, 1, di * a2);
      addCompensated(acc, 2, ei * a2);
    }
    return compensatedValue(acc, 0) + (compensatedValue(acc, 1) / s1) * (compensatedValue(acc, 2) / s1);
  }
}

/** From this many studies on, the scan bins the studies by variance (see `interceptMoments`). */
const BINNED_SCAN_K = 20_000;

/** Studies summed plainly before their total is added with compensation (see `fitCurrent`). */
const BLOCK = 128;

/**
 * The scan's sums, shared by every model (read before `gridSums` returns; a typed array beyond
 * 64 bytes costs an allocation outside the heap, and a fit at small k makes a scan or two).
 */
let gridScratch = new Float64Array(GRID_SUMS_STRIDE * 161);

/** Shifted sums are used while the shift's share of rss is below this (see `fitCurrent` for the error bound). */
const SHIFT_TOLERANCE = 2 ** -8;

class InterceptModel implements ReusableModel {
  readonly k: number;
  readonly p = 1;
  readonly interceptOnly = true;
  /** The weights of the current fit, allocated and written only when a trace or `fitWeights` needs them. */
  get weights(): Float64Array {
    return (this.buffer ??= new Float64Array(this.k));
  }
  private buffer: Float64Array | null = null;
  /** Four compensated sums (see `addCompensated`), reused by every fit. */
  readonly acc = new Float64Array(8);
  private readonly fit: InterceptFit;
  /** Work space of `qPair`: twelve compensated sums and one block's plain sums. */
  private readonly pairAcc = new Float64Array(24);
  private readonly pairSums = new Float64Array(12);
  /** The binned moments once computed (see `approximateSums`). */
  private binned: InterceptMoments | null | undefined;
  /** The sums of the fit at τ² = 0 once computed (see `fitTau2`). */
  private zero: Float64Array | null = null;
  /** The sums of the latest fit at a τ² ≠ 0, and that τ² (NaN: none; see `fitTau2`). */
  private readonly latest = new Float64Array(10);
  private latestTau2 = NaN;
  /** τ² whose weights belong in `weights` but are not written yet (NaN: they are). */
  private staleTau2 = NaN;
  /** The mean of the last fit: the next fit sums deviations from it (see `fitCurrent`). */
  private centre = 0;
  /** The data's summary (see {@link summary}). */
  private kept: DataSummary | undefined;
  constructor(
    readonly y: Float64Array,
    readonly v: Float64Array,
    public unit: number,
    summary: DataSummary | undefined,
  ) {
    this.k = y.length;
    this.fit = new InterceptFit(this);
    this.kept = summary;
  }

  /** The summary of the data (positivity, ranges, the unweighted sums), gathered once. */
  summary(): DataSummary {
    return (this.kept ??= summarizeData(this.y, this.v, 0, 1, null, null));
  }

  reload(unit: number): void {
    this.unit = unit;
    this.kept = undefined;
    this.zero = null;
    this.latestTau2 = NaN;
    this.staleTau2 = NaN;
    this.centre = 0;
    this.binned = undefined;
  }

  /**
   * From {@link BINNED_SCAN_K} studies on, the sums at any τ² approximated from the studies'
   * moments binned by variance (relative error about 1e-9 or less; see `interceptMoments`), for
   * Fisher scoring's first steps and the scan's upper end, whose results exact fits confirm.
   */
  approximateSums(tau2: number): ApproximateSums | null {
    return this.moments()?.sums(tau2) ?? null;
  }

  /** The binned moments, computed on first use (`null` below BINNED_SCAN_K or where binning does not pay). */
  private moments(): InterceptMoments | null {
    if (this.binned === undefined) this.binned = this.k >= BINNED_SCAN_K ? interceptMoments(this.y, this.v, this.summary()) : null;
    return this.binned;
  }

  /**
   * The fit at τ² = 0 is asked for by several steps of one analysis (the estimator, Cochran's Q,
   * the scan, the Q-profile), and the fit at the estimate by the coefficients and then the
   * Q-profile's start: the sums of the fit at 0 and of the latest fit at another τ² are
   * remembered. The weights 1/(vᵢ + τ²) of a remembered fit are written only if a trace asks.
   */
  fitTau2(tau2: number): WeightedFit | null {
    if (tau2 === 0 && this.zero !== null) return this.restore(this.zero, 0);
    if (tau2 === this.latestTau2) return this.restore(this.latest, tau2);
    const fit = this.fitCurrent(tau2);
    if (fit !== null) {
      if (tau2 === 0) this.zero = new Float64Array(10);
      else this.latestTau2 = tau2;
      this.remember(fit, tau2 === 0 ? this.zero! : this.latest);
    }
    return fit;
  }

  private remember(fit: WeightedFit, z: Float64Array): void {
    z[0] = fit.sumW;
    z[1] = fit.sumW2;
    z[2] = fit.rss;
    z[3] = fit.rss2;
    z[4] = fit.trP;
    z[5] = fit.trPP;
    z[6] = fit.coef[0]!;
    z[7] = fit.logDetGram;
    z[8] = fit.gramFactor[0]!;
    z[9] = fit.rss3 ?? NaN;
  }

  fitWeights(a: ArrayLike<number>): WeightedFit | null {
    if (a === this.weights) this.refreshWeights();
    else this.weights.set(a as ArrayLike<number>);
    this.staleTau2 = NaN;
    return this.fitCurrent(NaN);
  }

  /** Writes the weights at τ² = `staleTau2` into `weights` if a remembered fit left them out. */
  refreshWeights(): void {
    const t = this.staleTau2;
    if (Number.isNaN(t)) return;
    const { k, v, weights: w } = this;
    for (let i = 0; i < k; i++) w[i] = 1 / (v[i]! + t);
    this.staleTau2 = NaN;
  }

  private restore(z: Float64Array, tau2: number): WeightedFit {
    const fit = this.fit;
    fit.sumW = z[0]!;
    fit.sumW2 = z[1]!;
    fit.rss = z[2]!;
    fit.rss2 = z[3]!;
    fit.trP = z[4]!;
    fit.trPP = z[5]!;
    fit.coef[0] = z[6]!;
    fit.logDetGram = z[7]!;
    fit.gramFactor[0] = z[8]!;
    fit.rss3 = z[9]!;
    this.centre = z[6]!;
    this.staleTau2 = tau2;
    return fit;
  }

  sumLogV(tau2: number): number {
    const acc = this.acc;
    acc.fill(0);
    for (let i = 0; i < this.k; i++) addCompensated(acc, 0, Math.log(this.v[i]! + tau2));
    return compensatedValue(acc, 0);
  }

  /**
   * Q and yᵀPPy at t1 and t2 in one pass (see `WeightedModel.qPair`): for each point the six
   * sums Σa, Σa², Σad, Σad², Σa²d, Σa²d² about the centre given for it in `out[4 + j]`
   * (dᵢ = yᵢ − c, blocked and compensated as in `fitCurrent`), with the same test of the shift;
   * a point that fails it is refitted by `fitTau2`. The means at the two points replace the centres. Used by the Q-profile, whose two bounds are found together.
   */
  qPair(t1: number, t2: number, out: Float64Array): void {
    const { k, y, v } = this;
    const c1 = out[4]!;
    const c2 = out[5]!;
    const { pairAcc: acc, pairSums: sums } = this;
    acc.fill(0);
    for (let start = 0; start < k; start += BLOCK) {
      const end = Math.min(k, start + BLOCK);
      let p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0, q5 = 0, q6 = 0;
      for (let i = start; i < end; i++) {
        const d = y[i]! - c1;
        const e = y[i]! - c2;
        // two divisions: measured faster than one shared division 1/(u₁u₂) with its range test
        const a = 1 / (v[i]! + t1);
        const b = 1 / (v[i]! + t2);
        const ad = a * d;
        const be = b * e;
        p1 += a;
        p2 += a * a;
        p3 += ad;
        p4 += ad * d;
        p5 += a * ad;
        p6 += a * ad * d;
        q1 += b;
        q2 += b * b;
        q3 += be;
        q4 += be * e;
        q5 += b * be;
        q6 += b * be * e;
      }
      sums[0] = p1; sums[1] = p2; sums[2] = p3; sums[3] = p4; sums[4] = p5; sums[5] = p6;
      sums[6] = q1; sums[7] = q2; sums[8] = q3; sums[9] = q4; sums[10] = q5; sums[11] = q6;
      for (let j = 0; j < 12; j++) addCompensated(acc, j, sums[j]!);
    }
    for (let j = 0; j < 2; j++) {
      const b = 6 * j;
      const s1 = compensatedValue(acc, b);
      const s2 = compensatedValue(acc, b + 1);
      const sy = compensatedValue(acc, b + 2);
      const delta = sy / s1;
      const mean = out[4 + j]! + delta;
      out[4 + j] = Number.isFinite(mean) ? mean : 0;
      const rss = compensatedValue(acc, b + 3) - delta * sy;
      const rss2 = compensatedValue(acc, b + 5) - 2 * delta * compensatedValue(acc, b + 4) + delta * delta * s2;
      if (s1 > 0 && s1 < Infinity && s1 * delta * delta <= SHIFT_TOLERANCE * rss && s2 * delta * delta <= SHIFT_TOLERANCE * rss2) {
        out[2 * j] = rss;
        out[2 * j + 1] = rss2;
      } else {
        const fit = this.fitCurrent(j === 0 ? t1 : t2);
        if (fit !== null) out[4 + j] = fit.coef[0]!;
        out[2 * j] = fit === null ? NaN : fit.rss;
        out[2 * j + 1] = fit === null ? NaN : fit.rss2;
      }
    }
  }

  /**
   * The score sums at every τ² of the grid (see `interceptGridSums`): the scan only needs the
   * signs of the score away from its roots, and the roots are polished with exact fits. From
   * 20,000 studies on, the sums come from studies binned by variance (`interceptMoments`).
   */
  gridSums(grid: ArrayLike<number>): GridSums[] {
    const moments = this.moments();
    if (moments !== null) return Array.from(grid, (t) => moments.sums(t));
    const g = grid.length;
    if (gridScratch.length < GRID_SUMS_STRIDE * g) gridScratch = new Float64Array(GRID_SUMS_STRIDE * g);
    const sums = gridScratch;
    interceptGridSums(this.y, this.v, grid, g, sums);
    const out: GridSums[] = [];
    for (let b = 0; b < GRID_SUMS_STRIDE * g; b += GRID_SUMS_STRIDE) {
      out.push({ sumW: sums[b]!, sumW2: sums[b + 1]!, rss: sums[b + 2]!, rss2: sums[b + 3]!, trP: sums[b + 4]! });
    }
    return out;
  }

  /**
   * One pass over the data (two when the mean moved far since the last fit), computing the
   * weights (from τ² unless NaN) and every sum of {@link WeightedFit} together, the hot loop of
   * every τ² estimator. Each sum is accumulated plainly over blocks of {@link BLOCK} studies and
   * the block totals are added with Neumaier's compensation (written out on local variables):
   * the relative error of a sum of positive terms stays below BLOCK·ε ≈ 3e-14 for any k, where
   * a plain loop allows k·ε, at the cost of a plain loop. With dᵢ = yᵢ − c about the previous fit's mean c and δ = Σaᵢdᵢ/Σaᵢ (so μ̂ = c + δ):
   *
   *   rss = Σaᵢdᵢ² − δΣaᵢdᵢ,  rss2 = Σaᵢ²dᵢ² − 2δΣaᵢ²dᵢ + δ²Σaᵢ²,
   *   trP = Σaᵢ − Σaᵢ²/Σaᵢ,  trPP = Σaᵢ² − 2Σaᵢ³/Σaᵢ + (Σaᵢ²/Σaᵢ)².
   *
   * The shifted sums lose nothing while x = Σaᵢδ²/rss (and its rss2 analogue) is small (Chan,
   * Golub & LeVeque, 1983): Σaᵢdᵢ² = rss·(1 + x) and the error of δΣaᵢdᵢ = (Σaᵢdᵢ)²/Σaᵢ is at
   * most 2·rss·√(x(1 + x)) times that of a sum, so rss carries (1 + x + 2√(x(1 + x)))·128ε
   * relative error at most: below 1.13·128ε for x ≤ 2⁻⁸, the bound used; beyond it a second
   * pass sums the residuals about μ̂ itself.
   * Estimators move μ̂ by a small fraction of its SE between iterations, so they mostly take one pass.
   */
  private fitCurrent(tau2: number): WeightedFit | null {
    const { k, y, v, fit } = this;
    const fresh = !Number.isNaN(tau2);
    // at a τ², the weights are computed in the pass and not stored (see `weights`)
    const w = fresh ? v : this.weights;
    if (fresh) this.staleTau2 = NaN;
    const c = this.centre;
    let s1 = 0, c1 = 0, s2 = 0, c2 = 0, s3 = 0, c3 = 0, sy = 0, cy = 0, syy = 0, cyy = 0, zy = 0, czy = 0, zyy = 0, czyy = 0, t = 0;
    let say = 0, cay = 0, z3y = 0, z3yy = 0;
    for (let start = 0; start < k; start += BLOCK) {
      const end = Math.min(k, start + BLOCK);
      let b1 = 0, b2 = 0, b3 = 0, by = 0, byy = 0, bz = 0, bzz = 0, bay = 0, b3y = 0, b3yy = 0;
      for (let i = start; i < end; i++) {
        const a = fresh ? 1 / (v[i]! + tau2) : w[i]!;
        if (!(a >= 0 && a < Infinity)) return null;
        const d = y[i]! - c;
        const a2 = a * a;
        const ad = a * d;
        const aad = a * ad;
        const a3d = a * aad;
        b1 += a;
        bay += a * y[i]!;
        b2 += a2;
        b3 += a2 * a;
        by += ad;
        byy += ad * d;
        bz += aad;
        bzz += aad * d;
        b3y += a3d;
        b3yy += a3d * d;
      }
      z3y += b3y;
      z3yy += b3yy;
      t = s1 + b1; c1 += s1 >= b1 ? s1 - t + b1 : b1 - t + s1; s1 = t;
      t = s2 + b2; c2 += s2 >= b2 ? s2 - t + b2 : b2 - t + s2; s2 = t;
      t = s3 + b3; c3 += s3 >= b3 ? s3 - t + b3 : b3 - t + s3; s3 = t;
      t = sy + by; cy += Math.abs(sy) >= Math.abs(by) ? sy - t + by : by - t + sy; sy = t;
      t = syy + byy; cyy += syy >= byy ? syy - t + byy : byy - t + syy; syy = t;
      t = zy + bz; czy += Math.abs(zy) >= Math.abs(bz) ? zy - t + bz : bz - t + zy; zy = t;
      t = zyy + bzz; czyy += zyy >= bzz ? zyy - t + bzz : bzz - t + zyy; zyy = t;
      t = say + bay; cay += Math.abs(say) >= Math.abs(bay) ? say - t + bay : bay - t + say; say = t;
    }
    const sumW = s1 + c1;
    const sumW2 = s2 + c2;
    if (!(sumW > 0 && sumW < Infinity)) return null;
    const sumY = sy + cy;
    const delta = sumY / sumW;
    const sumW3 = s3 + c3;
    let mean = c + delta;
    let rss = syy + cyy - delta * sumY;
    let rss2 = zyy + czyy - 2 * delta * (zy + czy) + delta * delta * sumW2;
    // yᵀPPPy = Σa³r² − (Σa²r)²/Σa (see `WeightedFit.rss3`), r = d − δ
    let a2r = zy + czy - delta * sumW2;
    let a3rr = z3yy - 2 * delta * z3y + delta * delta * sumW3;
    if (!(sumW * delta * delta <= SHIFT_TOLERANCE * rss && sumW2 * delta * delta <= SHIFT_TOLERANCE * rss2)) {
      // the textbook two passes: μ̂ = Σaᵢyᵢ/Σaᵢ from the data themselves (also summed in the
      // pass: c + δ can be an ulp off, which a dominant weight turns into a large rss), then
      // the residual sums about it
      mean = (say + cay) / sumW;
      [rss, rss2, a2r, a3rr] = this.residualSums(mean, tau2);
    }
    const m = sumW2 / sumW;
    if (fresh) this.staleTau2 = tau2;
    this.centre = Number.isFinite(mean) ? mean : 0;
    fit.coef[0] = mean;
    fit.gramFactor[0] = Math.sqrt(sumW);
    fit.logDetGram = Math.log(sumW);
    fit.sumW = sumW;
    fit.sumW2 = sumW2;
    fit.rss = rss;
    fit.rss2 = rss2;
    fit.rss3 = a3rr - (a2r * a2r) / sumW;
    // Σa² overflows for a weight beyond 1e154 (and Σa³ beyond 1e103): tr P = Σa(1 − hᵢ) and
    // Σa²(1 − 2hᵢ) then come from their own pass, where the dominant study's 1 − hᵢ is 0
    const [trP, selfLeverage] = sumW2 < Infinity && sumW3 < Infinity ? [sumW - m, sumW2 - (2 * sumW3) / sumW] : this.leverageSums(sumW, tau2);
    fit.trP = trP;
    fit.trPP = selfLeverage + m * m;
    return fit;
  }

  /** [Σaᵢ(1 − hᵢ), Σaᵢ²(1 − 2hᵢ)] with hᵢ = aᵢ/sumW, at aᵢ = 1/(vᵢ + τ²) or, for τ² = NaN, the weights in `weights` (compensated). */
  private leverageSums(sumW: number, tau2: number): [number, number] {
    const { k, v } = this;
    const fresh = !Number.isNaN(tau2);
    const w = fresh ? v : this.weights;
    let s1 = 0, c1 = 0, s2 = 0, c2 = 0, t = 0;
    for (let start = 0; start < k; start += BLOCK) {
      const end = Math.min(k, start + BLOCK);
      let b1 = 0, b2 = 0;
      for (let i = start; i < end; i++) {
        const a = fresh ? 1 / (v[i]! + tau2) : w[i]!;
        const h = a / sumW;
        b1 += a * (1 - h);
        b2 += a * a * (1 - 2 * h);
      }
      t = s1 + b1; c1 += Math.abs(s1) >= Math.abs(b1) ? s1 - t + b1 : b1 - t + s1; s1 = t;
      t = s2 + b2; c2 += Math.abs(s2) >= Math.abs(b2) ? s2 - t + b2 : b2 - t + s2; s2 = t;
    }
    return [s1 + c1, s2 + c2];
  }

  /**
   * Σaᵢrᵢ² and Σaᵢ²rᵢ² with rᵢ = yᵢ − mean, at aᵢ = 1/(vᵢ + τ²) or, for τ² = NaN, the weights in
   * `weights` (compensated), and Σaᵢ²rᵢ, Σaᵢ³rᵢ² for `rss3` (plain sums).
   */
  private residualSums(mean: number, tau2: number): [number, number, number, number] {
    const { k, y, v } = this;
    const fresh = !Number.isNaN(tau2);
    const w = fresh ? v : this.weights;
    let r1 = 0, e1 = 0, r2 = 0, e2 = 0, t = 0, s2r = 0, s3rr = 0;
    for (let start = 0; start < k; start += BLOCK) {
      const end = Math.min(k, start + BLOCK);
      let b1 = 0, b2 = 0;
      for (let i = start; i < end; i++) {
        const a = fresh ? 1 / (v[i]! + tau2) : w[i]!;
        const r = y[i]! - mean;
        const x1 = a * r * r;
        const x2 = a * x1;
        b1 += x1;
        b2 += x2;
        s2r += a * a * r;
        s3rr += a * x2;
      }
      t = r1 + b1; e1 += r1 >= b1 ? r1 - t + b1 : b1 - t + r1; r1 = t;
      t = r2 + b2; e2 += r2 >= b2 ? r2 - t + b2 : b2 - t + r2; r2 = t;
    }
    return [r1 + e1, r2 + e2, s2r, s3rr];
  }
}
