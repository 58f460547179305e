import type { DataSummary } from './data-summary.ts';

/**
 * Weighted least squares at given weights, the one quantity every τ² estimator, test and
 * diagnostic of `pooled` is written against. For outcomes y (length k), a design X (k × p) and
 * diagonal weights A = diag(aᵢ), with the residual-forming matrix
 *
 *   P = A − AX(XᵀAX)⁻¹XᵀA
 *
 * (Viechtbauer, 2005, JEBS 30:261; Raudenbush, 2009, in The Handbook of Research Synthesis,
 * ch. 16), hat values hᵢ = aᵢxᵢᵀ(XᵀAX)⁻¹xᵢ and residuals rᵢ = yᵢ − xᵢᵀγ̂:
 *
 * - rss  = yᵀPy  = Σaᵢrᵢ²,   rss2 = yᵀPPy = Σaᵢ²rᵢ²
 * - trP  = tr(P)  = Σaᵢ(1 − hᵢ),   trPP = tr(PP)
 * - traceDiagonal(d) = Σᵢ dᵢPᵢᵢ,   traceProduct(d, e) = Σᵢⱼ dᵢeⱼPᵢⱼ²
 *
 * Two implementations: {@link interceptModel} (p = 1, O(k), no allocation per fit) and
 * {@link designModel} (any full-rank design, O(k·p²)). No k × k matrix is ever formed.
 */
export interface WeightedFit {
  /** γ̂ = (XᵀAX)⁻¹XᵀAy on the model's own design columns (length p). */
  readonly coef: Float64Array;
  /** Cholesky factor of XᵀAX (row-major p × p). */
  readonly gramFactor: Float64Array;
  /** log det(XᵀAX). */
  readonly logDetGram: number;
  readonly sumW: number;
  readonly sumW2: number;
  readonly rss: number;
  readonly rss2: number;
  readonly trP: number;
  readonly trPP: number;
  /**
   * Optional: yᵀPPPy = Σaᵢ³rᵢ² − (Σaᵢ²rᵢ)²/Σaᵢ for the intercept-only model, so that the
   * likelihood's score has its derivative, d(yᵀPPy)/dτ² = −2yᵀPPPy (dP/dτ² = −PP), for Newton
   * steps; absent where the model does not compute it (uncompensated: a slope, not a result).
   */
  readonly rss3?: number;
  /** Σᵢ dᵢPᵢᵢ, e.g. tr(PV) for d = v. */
  traceDiagonal(d: ArrayLike<number>): number;
  /** Σᵢⱼ dᵢeⱼPᵢⱼ²; `null` stands for a vector of ones. */
  traceProduct(d: ArrayLike<number> | null, e: ArrayLike<number> | null): number;
}

/**
 * Outcomes, sampling variances and a design, fitted by weighted least squares on request.
 * A fit is valid until the next call on the same model (the intercept-only model reuses its
 * buffers); read what you need from it first.
 */
export interface WeightedModel {
  /** Studies. */
  readonly k: number;
  /** Coefficients (1 for the intercept-only model). */
  readonly p: number;
  readonly y: Float64Array;
  readonly v: Float64Array;
  /**
   * The variance unit of y and v: the data are stored divided by it (y by its square root).
   * Only messages use it, to print τ² in the user's units.
   */
  readonly unit: number;
  /** Weighted least squares at weights aᵢ; `null` when a weight is not finite or XᵀAX is singular. */
  fitWeights(a: ArrayLike<number>): WeightedFit | null;
  /** Weighted least squares at aᵢ = 1/(vᵢ + τ²). */
  fitTau2(tau2: number): WeightedFit | null;
  /** Σ log(vᵢ + τ²). */
  sumLogV(tau2: number): number;
  /**
   * Optional fused scan: the sums of {@link GridSums} at every τ² of `grid` (each > −min vᵢ) in
   * one pass over the data, uncompensated (for locating sign changes, not for final values).
   */
  gridSums?(grid: ArrayLike<number>): GridSums[];
  /**
   * Optional: Q(τ²) = rss and −dQ/dτ² = rss2 at two values of τ² in one pass over the data, as
   * accurate as two calls of `fitTau2` (written to `out` as [Q(t1), rss2(t1), Q(t2), rss2(t2)];
   * NaN where a weight is not finite). `out[4]` and `out[5]` hold values near the weighted means
   * at t1 and t2 (the sums are taken about them; the closer, the fewer passes) and receive the
   * means. It may leave the model's weights at either point.
   */
  qPair?(t1: number, t2: number, out: Float64Array): void;
  /**
   * Optional: the sums of a fit at τ² approximated from the studies' moments (relative error
   * about 1e-9 or less), far cheaper than {@link WeightedModel.fitTau2} at large k; `null` where
   * the model has none. For iterations whose end point is then confirmed by exact fits.
   */
  approximateSums?(tau2: number): ApproximateSums | null;
  /**
   * Optional: the data's {@link DataSummary} (first non-positive vᵢ, ranges, Σvᵢ, Σvᵢ², Σ(yᵢ − ȳ)²),
   * kept by the model so that checks do not pass over the data again (read it through
   * `modelSummary` or `firstNonPositiveVariance`, which compute it for models without one).
   */
  summary?(): DataSummary;
  /** `true` for the intercept-only design (X a column of ones), whose unweighted fit follows from the summary. */
  readonly interceptOnly?: boolean;
}

/** The sums of {@link WeightedModel.approximateSums}: those of a scan, and tr(PP). */
export type ApproximateSums = GridSums & Pick<WeightedFit, 'trPP'>;

/** The sums a score equation needs at one τ² (a subset of {@link WeightedFit}). */
export type GridSums = Pick<WeightedFit, 'sumW' | 'sumW2' | 'rss' | 'rss2' | 'trP'>;
