import { matrixProduct } from '../../numeric/matrix-product.ts';
import { backSolve, cholesky, choleskyInverse, choleskyLogDet, forwardSolve } from '../../numeric/cholesky.ts';
import type { RegressionDesign } from '../regression/design-matrix.ts';
import { binnedMoments, BINNED_SCAN_MIN_K, type BinnedMoments } from './binned-grid-sums.ts';
import { addCrossBlock, addGramBlock, GRAM_BLOCK } from './gram-block.ts';
import { emptySeries, seriesSums, type WeightSeries } from './weight-series.ts';
import type { ApproximateSums, GridSums, WeightedFit, WeightedModel } from './weighted-model.ts';

/**
 * The design-matrix implementation of {@link WeightedModel}: weighted least squares of y on any
 * full-rank design X (k × p) in O(k·p²) per fit, from p × p matrices only. With A = diag(aᵢ),
 * G = XᵀAX, S₂ = XᵀA²X, S₃ = XᵀA³X and hᵢ = aᵢxᵢᵀG⁻¹xᵢ:
 *
 *   trP = Σaᵢ − tr(G⁻¹S₂),   trPP = Σaᵢ² − 2·tr(G⁻¹S₃) + tr(G⁻¹S₂G⁻¹S₂),
 *   Σᵢⱼ dᵢeⱼPᵢⱼ² = Σᵢdᵢeᵢaᵢ²(1 − 2hᵢ) + tr(G⁻¹S_d G⁻¹S_e),  S_d = Σᵢdᵢaᵢ²xᵢxᵢᵀ.
 *
 * One pass over the data accumulates these matrices together with the residual sums of an
 * anchor γ₀ (r̃ᵢ = yᵢ − xᵢᵀγ₀): with b = XᵀAr̃, b₂ = XᵀA²r̃ and δ = G⁻¹b (so γ̂ = γ₀ + δ),
 *
 *   rss = Σaᵢr̃ᵢ² − δᵀb,   rss2 = Σaᵢ²r̃ᵢ² − 2δᵀb₂ + δᵀS₂δ
 *
 * exactly (P annihilates X). γ₀ is the unweighted least-squares fit, computed once; when the
 * correction δᵀb (or that of rss2) exceeds half the raw sum, a second pass from γ₀ = γ̂ recomputes
 * the residual sums, so neither sum ever loses more than one bit to cancellation (the classic
 * two-pass accuracy). The scalar sums are compensated (Neumaier, 1974). A fit allocates nothing of
 * length k: the model owns its buffers, so a fit is valid until the next call on the model.
 *
 * @param design  the (scaled) design, k × p (see `scaledDesign`)
 * @param y  outcomes, length k
 * @param v  sampling variances, length k
 * @param unit  variance unit of the data (see `WeightedModel.unit`); default 1
 * @example
 * designModel(interceptDesign(2), new Float64Array([1, 3]), new Float64Array([1, 1])).fitTau2(0)!.rss // => 2
 */
export function designModel(design: RegressionDesign, y: Float64Array, v: Float64Array, unit = 1): WeightedModel {
  return new DesignModel(design, y, v, unit);
}

/** A residual correction larger than this share of the raw residual sum triggers a second pass. */
const CANCELLATION_LIMIT = 0.5;
/** Most passes of one fit (the second pass starts at the fit's own γ̂, so it always suffices). */
const MAX_PASSES = 3;
/**
 * Fits at τ² remembered: the τ² estimators, the log-likelihood, Q_E and the coefficients ask for
 * the same few τ² (0 and the estimate) several times. A fit is a pure function of τ², so
 * remembering one cannot change a result.
 */
const RECENT_FITS = 4;

/** The seven per-row factor buffers of a block (see `DesignModel.blocks`). */
type Blocks = readonly [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];

class DesignFit implements WeightedFit {
  /** τ² of this fit; NaN for a fit at given weights. */
  tau2 = NaN;
  readonly coef: Float64Array;
  gramFactor: Float64Array;
  logDetGram = NaN;
  sumW = NaN;
  sumW2 = NaN;
  rss = NaN;
  rss2 = NaN;
  trP = NaN;
  /** tr(PP) once known; NaN until then for a fit whose pass skipped S₃ (see `trPP`). */
  knownTrPP = NaN;
  /** S₂ of a fit whose tr(PP) is computed on request (both triangles). */
  readonly s2: Float64Array;
  /** tr(PP): at large k a fit at τ² = 0 (the likelihood scan's boundary) sums S₃ only when asked. */
  get trPP(): number {
    if (Number.isNaN(this.knownTrPP) && this.tau2 === 0) this.knownTrPP = this.model.lateTrPP(this);
    return this.knownTrPP;
  }
  /** G⁻¹ of this fit, computed when a trace needs it. */
  inverse: Float64Array | null = null;
  /**
   * A fit at equal weights (large k): Σvᵢ and XᵀVX (lower triangle), summed in its pass for
   * tr(PV) (Hedges' estimator asks for it next); NaN when not summed.
   */
  sumV = NaN;
  /** The common weight of such a fit. */
  weightValue = NaN;
  readonly gramV: Float64Array;
  constructor(private readonly model: DesignModel) {
    this.coef = new Float64Array(model.p);
    this.gramFactor = new Float64Array(model.p * model.p);
    this.gramV = new Float64Array(model.p * model.p);
    this.s2 = new Float64Array(model.p * model.p);
  }
  traceDiagonal(d: ArrayLike<number>): number {
    return this.model.traceDiagonal(d);
  }
  traceProduct(d: ArrayLike<number> | null, e: ArrayLike<number> | null): number {
    return this.model.traceProduct(d, e);
  }
}

class DesignModel implements WeightedModel {
  readonly k: number;
  readonly p: number;
  readonly x: Float64Array;
  /** Buffer of the weights, allocated when first needed (fits at τ² compute 1/(vᵢ + τ²) in their pass). */
  private weightBuffer: Float64Array | null = null;
  /** τ² of the current fit; NaN when it was fitted at `weights`. */
  private tau2 = NaN;
  /**
   * The common value of `weights` when they are all equal (Hedges' unweighted fit), else NaN:
   * then S₂ = cG and S₃ = c²G, and a pass sums G only.
   */
  private uniform = NaN;
  /** Whether the current fit's weights are `uniform` and not (yet) written to the buffer. */
  private pendingUniform = false;
  /** The studies' moments by bin of vᵢ, computed when first asked for (`null`: not available). */
  private binned: BinnedMoments | null | undefined = undefined;
  /** The anchor γ₀ of the residual sums (unweighted least squares), computed at the first fit. */
  private anchor: Float64Array | null = null;
  /** Accumulators of one pass: G, S₂, S₃ (p × p, lower triangles), b, b₂ (p each). */
  private readonly acc: Float64Array;
  /** Residual sums Σaᵢr̃ᵢ², Σaᵢ²r̃ᵢ² and weight sums Σaᵢ, Σaᵢ² of the last pass. */
  private raw1 = NaN;
  private raw2 = NaN;
  private sumW = NaN;
  private sumW2 = NaN;
  private readonly start: Float64Array;
  private readonly delta: Float64Array;
  /**
   * Per-row factors of one block of a pass: aᵢ, aᵢ², aᵢ³, aᵢr̃ᵢ, aᵢ²r̃ᵢ, and for a series
   * aᵢ⁴ and aᵢ³r̃ᵢ.
   */
  private readonly blocks: Blocks;
  /**
   * Large k: the power sums of the latest pass at τ² > 0, from which fits at nearby τ² (Fisher
   * scoring's last steps, the estimate itself) follow without a pass (see `seriesSums`).
   */
  private readonly series: WeightSeries;
  private readonly scalars = new Float64Array(4);
  /** Whether the latest pass with matrices left S₃ out (a fit at τ² = 0, large k). */
  private skipS3 = false;
  /** The current fit. */
  private fit: DesignFit;
  /** The last fits at τ² (most recent first): asking again for one of them costs no pass. */
  private readonly recent: DesignFit[];
  constructor(
    private readonly design: RegressionDesign,
    readonly y: Float64Array,
    readonly v: Float64Array,
    readonly unit: number,
  ) {
    this.k = design.k;
    this.p = design.p;
    this.x = design.x;
    this.acc = new Float64Array(3 * this.p * this.p + 2 * this.p);
    this.start = new Float64Array(this.p);
    this.delta = new Float64Array(this.p);
    const b = Math.min(GRAM_BLOCK, this.k);
    const blocks = new Float64Array(7 * b);
    this.blocks = Array.from({ length: 7 }, (_, j) => blocks.subarray(j * b, (j + 1) * b)) as unknown as Blocks;
    this.series = emptySeries(this.p);
    this.recent = Array.from({ length: RECENT_FITS }, () => new DesignFit(this));
    this.fit = this.recent[0]!;
    // small models scan and iterate on exact fits only (as cheap as the moments there)
    if (this.k >= BINNED_SCAN_MIN_K) {
      this.gridSums = (grid) => this.binnedGridSums(grid);
      this.approximateSums = (tau2) => this.binnedSums(tau2);
    }
  }

  /** The weights given to `fitWeights`, or of the current fit once a trace asked for them. */
  get weights(): Float64Array {
    return (this.weightBuffer ??= new Float64Array(this.k));
  }

  readonly gridSums?: (grid: ArrayLike<number>) => GridSums[];
  readonly approximateSums?: (tau2: number) => ApproximateSums | null;

  fitTau2(tau2: number): WeightedFit | null {
    const recent = this.recent;
    let n = recent.findIndex((f) => f.tau2 === tau2);
    const hit = n >= 0;
    if (!hit) n = recent.length - 1;
    // move the fit to the front (least recently used last)
    const fit = recent[n]!;
    recent.copyWithin(1, 0, n);
    recent[0] = fit;
    this.fit = fit;
    this.tau2 = tau2;
    this.pendingUniform = false;
    if (hit) return fit;
    const result = this.fitCurrent();
    fit.tau2 = result === null ? NaN : tau2;
    return result;
  }

  fitWeights(a: ArrayLike<number>): WeightedFit | null {
    // equal weights at large k (Hedges' fit) are not copied: the pass uses their value
    const uniform = this.k >= BINNED_SCAN_MIN_K ? uniformValue(a) : NaN;
    this.pendingUniform = !Number.isNaN(uniform);
    if (!this.pendingUniform && a !== this.weights) this.weights.set(a as ArrayLike<number>);
    const recent = this.recent;
    const fit = recent[recent.length - 1]!;
    recent.copyWithin(1, 0, recent.length - 1);
    recent[0] = fit;
    fit.tau2 = NaN;
    this.fit = fit;
    this.tau2 = NaN;
    this.uniform = uniform;
    return this.fitCurrent();
  }

  sumLogV(tau2: number): number {
    const { v, k } = this;
    let s = 0, c = 0;
    for (let i = 0; i < k; i++) {
      const x = Math.log(v[i]! + tau2);
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    return s + c;
  }

  /**
   * `gridSums` (k ≥ `BINNED_SCAN_MIN_K`): the score sums at every τ² of the grid from moments of
   * the studies binned by vᵢ (see `binnedGridSums`: one pass, shared with `approximateSums`), or
   * where the series do not converge fast, from an exact fit.
   */
  private binnedGridSums(grid: ArrayLike<number>): GridSums[] {
    return Array.from(grid, (t) => {
      const sums = t > 0 ? this.binnedSums(t) : null;
      if (sums !== null) return sums;
      const f = this.fitTau2(t);
      return f === null
        ? { sumW: NaN, sumW2: NaN, rss: NaN, rss2: NaN, trP: NaN }
        : { sumW: f.sumW, sumW2: f.sumW2, rss: f.rss, rss2: f.rss2, trP: f.trP };
    });
  }

  /** The sums at τ² from the binned moments, `null` where they are not available. */
  private binnedSums(tau2: number): ApproximateSums | null {
    if (this.binned === undefined) this.binned = binnedMoments(this.design, this.y, this.v, this.anchorCoefficients());
    return this.binned === null ? null : this.binned.sums(tau2);
  }

  /** The weights of the current fit, in `weights` (recomputed from τ² for a fit at τ²). */
  private currentWeights(): Float64Array {
    const { v, weights, tau2 } = this;
    if (!Number.isNaN(tau2)) {
      for (let i = 0; i < v.length; i++) weights[i] = 1 / (v[i]! + tau2);
      this.tau2 = NaN; // the buffer now holds them
    } else if (this.pendingUniform) {
      weights.fill(this.uniform);
      this.pendingUniform = false;
    }
    return weights;
  }

  /** G⁻¹ of the current fit. */
  private inverse(): Float64Array {
    const fit = this.fit;
    if (fit.inverse === null) fit.inverse = choleskyInverse(fit.gramFactor, this.p);
    return fit.inverse;
  }

  /** hᵢ/aᵢ = xᵢᵀG⁻¹xᵢ. */
  private leverage(inv: Float64Array, row: number): number {
    const { p, x } = this;
    let q = 0;
    for (let j = 0; j < p; j++) {
      const xj = x[row + j]!;
      let s = 0;
      for (let l = 0; l < j; l++) s += inv[j * p + l]! * x[row + l]!;
      q += xj * (2 * s + inv[j * p + j]! * xj);
    }
    return q;
  }

  traceDiagonal(d: ArrayLike<number>): number {
    const { k, p } = this;
    const inv = this.inverse();
    const fit = this.fit;
    if (d === this.v && !Number.isNaN(fit.sumV)) {
      // equal weights c: tr(PV) = cΣvᵢ − c²·tr(G⁻¹XᵀVX), both summed in the fit's pass
      const c = fit.weightValue;
      const m = Float64Array.from(fit.gramV);
      symmetrize(m, p);
      const sum = c * fit.sumV;
      const result = sum - c * c * traceOfProducts(inv, m, null, p);
      if (result >= CANCELLATION_LIMIT * sum) return result;
    }
    const a = this.currentWeights();
    if (k >= BINNED_SCAN_MIN_K) {
      const gram = this.traceDiagonalByGram(d, a, inv);
      if (!Number.isNaN(gram)) return gram;
    }
    let s = 0, c = 0;
    for (let i = 0; i < k; i++) {
      const ai = a[i]!;
      const x = d[i]! * ai * (1 - ai * this.leverage(inv, i * p));
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    return s + c;
  }

  /**
   * Σᵢ dᵢPᵢᵢ = Σdᵢaᵢ − tr(G⁻¹·Σdᵢaᵢ²xᵢxᵢᵀ) from one p × p matrix summed in blocks (large k:
   * a few multiply-adds per row and column pair instead of a leverage per row); NaN when the
   * trace cancels more than half of Σdᵢaᵢ or a dᵢ is negative (the per-row sum is then used).
   */
  private traceDiagonalByGram(d: ArrayLike<number>, a: Float64Array, inv: Float64Array): number {
    const { k, p, x } = this;
    const m = new Float64Array(p * p);
    const [c] = this.blocks;
    let s = 0, e = 0;
    for (let first = 0; first < k; first += GRAM_BLOCK) {
      const n = Math.min(GRAM_BLOCK, k - first);
      for (let b = 0, i = first; b < n; b++, i++) {
        const ai = a[i]!;
        const di = d[i]!;
        if (!(di >= 0)) return NaN;
        const u = di * ai;
        const t = s + u;
        e += s >= u ? s - t + u : u - t + s;
        s = t;
        c[b] = u * ai;
      }
      addGramBlock(x, p, first, n, c, null, null, m, 0, 0, 0);
    }
    symmetrize(m, p);
    const sum = s + e;
    const result = sum - traceOfProducts(inv, m, null, p);
    return result >= CANCELLATION_LIMIT * sum ? result : NaN;
  }

  traceProduct(d: ArrayLike<number> | null, e: ArrayLike<number> | null): number {
    const { k, p, x } = this;
    const inv = this.inverse();
    const a = this.currentWeights();
    const sd = new Float64Array(p * p);
    const se = d === e ? sd : new Float64Array(p * p);
    let s = 0, c = 0;
    for (let i = 0; i < k; i++) {
      const ai = a[i]!;
      const row = i * p;
      const di = d === null ? 1 : d[i]!;
      const ei = e === null ? 1 : e[i]!;
      const a2 = ai * ai;
      const term = di * ei * a2 * (1 - 2 * ai * this.leverage(inv, row));
      const t = s + term;
      c += Math.abs(s) >= Math.abs(term) ? s - t + term : term - t + s;
      s = t;
      addOuter(sd, x, row, p, di * a2);
      if (se !== sd) addOuter(se, x, row, p, ei * a2);
    }
    symmetrize(sd, p);
    if (se !== sd) symmetrize(se, p);
    return s + c + traceOfProducts(inv, sd, se, p);
  }

  /** γ₀: the unweighted least-squares coefficients (zeros if they cannot be formed). */
  private anchorCoefficients(): Float64Array {
    if (this.anchor !== null) return this.anchor;
    const { k, p, x, y } = this;
    const g = new Float64Array(p * p);
    const b = new Float64Array(p);
    const [ones, , , ys] = this.blocks;
    ones.fill(1);
    for (let first = 0; first < k; first += GRAM_BLOCK) {
      const n = Math.min(GRAM_BLOCK, k - first);
      ys.set(y.subarray(first, first + n));
      addCrossBlock(x, p, first, n, ys, null, b, 0, 0);
      addGramBlock(x, p, first, n, ones, null, null, g, 0, 0, 0);
    }
    const l = cholesky(g, p);
    const anchor = l === null ? new Float64Array(p) : backSolve(l, p, forwardSolve(l, p, b));
    this.anchor = anchor.every(Number.isFinite) ? anchor : new Float64Array(p);
    return this.anchor;
  }

  /** Fits the current weights into `this.fit`. */
  private fitCurrent(): WeightedFit | null {
    const { p, fit, acc, start, delta } = this;
    const pp = p * p;
    // at large k the first fit starts from zeros and its γ̂ becomes the anchor (a pass saved;
    // the cancellation check below still bounds what the residual sums lose)
    const first = this.anchor === null && this.k >= BINNED_SCAN_MIN_K;
    if (first) start.fill(0);
    else start.set(this.anchorCoefficients());
    fit.inverse = null;
    fit.sumV = NaN;
    if (this.fromSeries()) {
      start.set(this.series.start);
      this.skipS3 = false;
    } else if (!this.pass(true)) return null;
    const factor = cholesky(acc.subarray(0, pp), p);
    if (factor === null) return null;
    fit.gramFactor = factor;
    fit.sumW = this.sumW;
    fit.sumW2 = this.sumW2;
    const s2 = acc.subarray(pp, 2 * pp);
    symmetrize(s2, p);
    const s3 = acc.subarray(2 * pp, 3 * pp);
    symmetrize(s3, p);
    for (let attempt = 1; ; attempt++) {
      const b = acc.subarray(3 * pp, 3 * pp + p);
      const b2 = acc.subarray(3 * pp + p, 3 * pp + 2 * p);
      backSolve(factor, p, forwardSolve(factor, p, b, delta), delta);
      const q1 = dot(delta, b, p);
      const q2 = 2 * dot(delta, b2, p) - quadratic(s2, delta, p);
      const cancels = q1 > CANCELLATION_LIMIT * this.raw1 || Math.abs(q2) > CANCELLATION_LIMIT * this.raw2;
      if (cancels && attempt < MAX_PASSES) {
        for (let j = 0; j < p; j++) start[j] = start[j]! + delta[j]!;
        this.pass(false);
        continue;
      }
      for (let j = 0; j < p; j++) fit.coef[j] = start[j]! + delta[j]!;
      if (first && fit.coef.every(Number.isFinite)) this.anchor = Float64Array.from(fit.coef);
      fit.rss = this.raw1 - q1;
      fit.rss2 = this.raw2 - q2;
      break;
    }
    const inv = this.inverse();
    const tS2 = traceOfProducts(inv, s2, null, p);
    fit.logDetGram = choleskyLogDet(factor, p);
    fit.trP = fit.sumW - tS2;
    fit.knownTrPP = NaN;
    if (this.skipS3) fit.s2.set(s2);
    else fit.knownTrPP = fit.sumW2 - 2 * traceOfProducts(inv, s3, null, p) + traceOfProducts(inv, s2, s2, p);
    return Number.isFinite(fit.sumW) ? fit : null;
  }

  /**
   * tr(PP) of a fit whose pass left S₃ out: S₃ = Σaᵢ³xᵢxᵢᵀ summed now at the fit's τ², then
   * Σaᵢ² − 2·tr(G⁻¹S₃) + tr(G⁻¹S₂G⁻¹S₂) with the fit's own G⁻¹ and S₂ (the model's current fit
   * may be another one).
   */
  lateTrPP(fit: DesignFit): number {
    const { k, p, x, v } = this;
    const t = fit.tau2;
    const s3 = new Float64Array(p * p);
    const [c] = this.blocks;
    for (let first = 0; first < k; first += GRAM_BLOCK) {
      const n = Math.min(GRAM_BLOCK, k - first);
      for (let b = 0, i = first; b < n; b++, i++) {
        const a = 1 / (v[i]! + t);
        c[b] = a * a * a;
      }
      addGramBlock(x, p, first, n, c, null, null, s3, 0, 0, 0);
    }
    symmetrize(s3, p);
    const inv = fit.inverse ?? choleskyInverse(fit.gramFactor, p);
    return fit.sumW2 - 2 * traceOfProducts(inv, s3, null, p) + traceOfProducts(inv, fit.s2, fit.s2, p);
  }

  /** The sums of a fit at the current τ² from the series, when it is near enough (see `seriesSums`). */
  private fromSeries(): boolean {
    const { series, scalars, tau2 } = this;
    if (Number.isNaN(tau2) || !seriesSums(series, tau2, this.acc, scalars)) return false;
    [this.raw1, this.raw2, this.sumW, this.sumW2] = scalars as unknown as [number, number, number, number];
    return true;
  }

  /**
   * One pass over the studies at the current weights, residuals taken from `start`: the residual
   * sums b, b₂, Σaᵢr̃ᵢ², Σaᵢ²r̃ᵢ², and with `matrices` also G, S₂, S₃, Σaᵢ, Σaᵢ². False when a
   * weight is not finite.
   */
  private pass(matrices: boolean): boolean {
    const { k, p, x, y, v, acc, start, tau2 } = this;
    const pp = p * p;
    const oS2 = pp, oS3 = 2 * pp, oB = 3 * pp, oB2 = 3 * pp + p;
    if (matrices) acc.fill(0);
    else acc.fill(0, oB);
    const fresh = !Number.isNaN(tau2);
    const w = fresh ? v : this.pendingUniform ? null : this.weights;
    const constant = this.uniform;
    // equal weights at large k: G and XᵀVX (for tr(PV)) in place of G, S₂, S₃
    const uniform = matrices && !fresh && !Number.isNaN(this.uniform) && k >= BINNED_SCAN_MIN_K;
    // at τ² = 0 (large k) the scan needs the score only: S₃ is summed when tr(PP) is asked for
    const skipS3 = matrices && fresh && tau2 === 0 && k >= BINNED_SCAN_MIN_K;
    if (matrices) this.skipS3 = skipS3;
    const fit = this.fit;
    if (uniform) fit.gramV.fill(0);
    let sv = 0, ev = 0;
    // a fit at τ² > 0 (large k) keeps the power sums of a series for fits nearby
    const series = this.series;
    const extended = matrices && fresh && tau2 > 0 && k >= BINNED_SCAN_MIN_K;
    if (extended) {
      series.tau2 = NaN;
      series.gram.fill(0);
      series.cross.fill(0);
    }
    let p3 = 0, q3 = 0, maxA = 0;
    const [c1, c2, c3, cr, c2r, c4, c3r] = this.blocks;
    let s1 = 0, e1 = 0, s2 = 0, e2 = 0, r1 = 0, f1 = 0, r2 = 0, f2 = 0, t = 0;
    // per block of rows: the weights, residuals and scalar sums, then the matrices column pair
    // by column pair over the block (see `addGramBlock`)
    for (let first = 0; first < k; first += GRAM_BLOCK) {
      const n = Math.min(GRAM_BLOCK, k - first);
      for (let b = 0, i = first, row = first * p; b < n; b++, i++, row += p) {
        const a = fresh ? 1 / (v[i]! + tau2) : w === null ? constant : w[i]!;
        if (!(a > -Infinity && a < Infinity)) return false;
        const a2 = a * a;
        let r = y[i]!;
        for (let j = 0; j < p; j++) r -= x[row + j]! * start[j]!;
        const ar = a * r;
        const a2r = a * ar;
        const x1 = ar * r;
        const x2 = a2r * r;
        t = r1 + x1; f1 += r1 >= x1 ? r1 - t + x1 : x1 - t + r1; r1 = t;
        t = r2 + x2; f2 += r2 >= x2 ? r2 - t + x2 : x2 - t + r2; r2 = t;
        cr[b] = ar;
        c2r[b] = a2r;
        if (matrices) {
          t = s1 + a; e1 += Math.abs(s1) >= Math.abs(a) ? s1 - t + a : a - t + s1; s1 = t;
          t = s2 + a2; e2 += s2 >= a2 ? s2 - t + a2 : a2 - t + s2; s2 = t;
          c1[b] = a;
          if (uniform) {
            const vi = v[i]!;
            t = sv + vi; ev += Math.abs(sv) >= Math.abs(vi) ? sv - t + vi : vi - t + sv; sv = t;
            c2[b] = vi;
          } else {
            c2[b] = a2;
            c3[b] = a2 * a;
          }
          if (extended) {
            const a3r = a * a2r;
            p3 += a2 * a;
            q3 += a3r * r;
            if (a > maxA) maxA = a;
            c4[b] = a2 * a2;
            c3r[b] = a3r;
          }
        }
      }
      if (extended) {
        addCrossBlock(x, p, first, n, cr, c2r, acc, oB, oB2, c3r, series.cross, 3 * p);
        addGramBlock(x, p, first, n, c1, c2, c3, acc, 0, oS2, oS3, c4, series.gram, 4 * pp);
        continue;
      }
      addCrossBlock(x, p, first, n, cr, c2r, acc, oB, oB2);
      if (matrices) addGramBlock(x, p, first, n, c1, c2, uniform || skipS3 ? null : c3, acc, 0, oS2, oS3);
    }
    if (uniform) {
      fit.gramV.set(acc.subarray(oS2, oS2 + pp));
      const c = this.uniform;
      for (let j = 0; j < pp; j++) {
        acc[oS2 + j] = c * acc[j]!;
        acc[oS3 + j] = c * c * acc[j]!;
      }
      fit.sumV = sv + ev;
      fit.weightValue = c;
    }
    this.raw1 = r1 + f1;
    this.raw2 = r2 + f2;
    if (matrices) {
      this.sumW = s1 + e1;
      this.sumW2 = s2 + e2;
    }
    if (extended) {
      series.gram.set(acc.subarray(0, 3 * pp), pp);
      series.cross.set(acc.subarray(oB, oB + 2 * p), p);
      series.power.set([this.sumW, this.sumW2, p3], 1);
      series.residual.set([this.raw1, this.raw2, q3], 1);
      series.start.set(start);
      series.maxA = maxA;
      series.tau2 = tau2;
    }
    return true;
  }
}

/** The common value of the entries when they are all equal (and finite), else NaN. */
function uniformValue(a: ArrayLike<number>): number {
  const c = a[0]!;
  for (let i = 1; i < a.length; i++) if (a[i] !== c) return NaN;
  return Number.isFinite(c) ? c : NaN;
}

function dot(a: Float64Array, b: Float64Array, p: number): number {
  let s = 0;
  for (let j = 0; j < p; j++) s += a[j]! * b[j]!;
  return s;
}

/** uᵀSu for a symmetric p × p matrix S (row-major, both triangles). */
function quadratic(s: Float64Array, u: Float64Array, p: number): number {
  let q = 0;
  for (let j = 0; j < p; j++) {
    let r = 0;
    for (let l = 0; l < p; l++) r += s[j * p + l]! * u[l]!;
    q += u[j]! * r;
  }
  return q;
}

/** Copies the lower triangle of a row-major p × p matrix onto its upper triangle. */
function symmetrize(m: Float64Array, p: number): void {
  for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) m[l * p + j] = m[j * p + l]!;
}

/** m += c·xᵢxᵢᵀ (lower triangle) for the design row starting at `row`. */
function addOuter(m: Float64Array, x: Float64Array, row: number, p: number, c: number): void {
  for (let j = 0; j < p; j++) {
    const cxj = c * x[row + j]!;
    for (let l = 0; l <= j; l++) m[j * p + l] = m[j * p + l]! + cxj * x[row + l]!;
  }
}

/**
 * tr(G⁻¹S) when `t` is null, else tr(G⁻¹S G⁻¹T), for symmetric p × p matrices (both triangles).
 */
function traceOfProducts(inv: Float64Array, s: Float64Array, t: Float64Array | null, p: number): number {
  if (t === null) {
    let tr = 0;
    for (let j = 0; j < p * p; j++) tr += inv[j]! * s[j]!;
    return tr;
  }
  // U = G⁻¹S, V = G⁻¹T, tr(UV) = Σ U_jl V_lj
  const u = matrixProduct(inv, s, p, p, p);
  const w = t === s ? u : matrixProduct(inv, t, p, p, p);
  let tr = 0;
  for (let j = 0; j < p; j++) for (let l = 0; l < p; l++) tr += u[j * p + l]! * w[l * p + j]!;
  return tr;
}
