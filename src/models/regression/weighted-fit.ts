import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import { cholesky, choleskyLogDet, backSolve, forwardSolve } from '../../numeric/cholesky.ts';
import type { RegressionDesign } from './design-matrix.ts';

/**
 * Weighted least squares of y on the design X with diagonal weights A = diag(aᵢ), and the
 * quantities of the residual-forming matrix
 *
 *   P = A − AX(XᵀAX)⁻¹XᵀA
 *
 * that metafor's rma.uni builds as a k×k matrix (Viechtbauer, 2005, JEBS 30:261; Raudenbush,
 * 2009, in The Handbook of Research Synthesis, ch. 16), here from p-vectors only. With
 * G = XᵀAX = LLᵀ, zᵢ = L⁻¹xᵢ, leverages hᵢ = aᵢ|zᵢ|² and residuals rᵢ = yᵢ − xᵢᵀγ̂:
 *
 * - rss  = yᵀPy  = Σaᵢrᵢ²
 * - rss2 = yᵀPPy = Σaᵢ²rᵢ²          (Py = Ar)
 * - trP  = tr(P) = Σaᵢ(1 − hᵢ);  traceDiagonal(d) = Σᵢ dᵢPᵢᵢ
 * - traceProduct(d, e) = Σᵢⱼ dᵢeⱼPᵢⱼ² = Σᵢdᵢeᵢaᵢ²(1 − 2hᵢ) + tr(M_d M_e),
 *   M_d = Σᵢ dᵢaᵢ² zᵢzᵢᵀ (p×p); d = e = 1 gives tr(PP), d = e = v gives tr(PVPV),
 *   d = 1, e = v gives Σᵢⱼ Pᵢⱼ²vⱼ.
 *
 * Everything is O(k·p²); no k×k matrix is formed.
 */
export interface WeightedFit {
  /** γ̂ = (XᵀAX)⁻¹XᵀAy on the design's own (scaled) columns. */
  readonly coef: Float64Array;
  /** Cholesky factor of XᵀAX (row-major p×p). */
  readonly gramFactor: Float64Array;
  /** log det(XᵀAX). */
  readonly logDetGram: number;
  readonly sumA: number;
  readonly sumA2: number;
  readonly rss: number;
  readonly rss2: number;
  readonly trP: number;
  /** Σᵢ dᵢPᵢᵢ = Σᵢ dᵢaᵢ(1 − hᵢ), e.g. tr(PV) for d = v. */
  readonly traceDiagonal: (d: ArrayLike<number>) => number;
  /** Σᵢⱼ dᵢeⱼPᵢⱼ²; `null` stands for a vector of ones. */
  readonly traceProduct: (d: ArrayLike<number> | null, e: ArrayLike<number> | null) => number;
}

/**
 * Fits weighted least squares (see {@link WeightedFit}). Returns `null` when XᵀAX is not
 * numerically positive definite or a weight is not finite (vᵢ + τ² = 0).
 *
 * @param design  the (scaled) design, k × p
 * @param y       outcomes, length k
 * @param a       weights aᵢ ≥ 0, length k
 * @example
 * weightedFit(interceptDesign(2), new Float64Array([1, 3]), new Float64Array([1, 1]))!.rss // => 2
 */
export function weightedFit(design: RegressionDesign, y: ArrayLike<number>, a: ArrayLike<number>): WeightedFit | null {
  const { k, p, x } = design;
  for (let i = 0; i < k; i++) if (!Number.isFinite(a[i]!)) return null;
  const gram = new Float64Array(p * p);
  const xay = new Float64Array(p);
  for (let i = 0; i < k; i++) {
    const ai = a[i]!;
    const row = i * p;
    for (let j = 0; j < p; j++) {
      const axj = ai * x[row + j]!;
      xay[j] = xay[j]! + axj * y[i]!;
      for (let l = 0; l <= j; l++) gram[j * p + l] = gram[j * p + l]! + axj * x[row + l]!;
    }
  }
  const factor = cholesky(gram, p);
  if (factor === null) return null;
  const coef = backSolve(factor, p, forwardSolve(factor, p, xay));

  const z = new Float64Array(k * p);
  const h = new Float64Array(k);
  const sA = new CompensatedAccumulator();
  const sA2 = new CompensatedAccumulator();
  const sRss = new CompensatedAccumulator();
  const sRss2 = new CompensatedAccumulator();
  const sTrP = new CompensatedAccumulator();
  const zi = new Float64Array(p);
  for (let i = 0; i < k; i++) {
    const ai = a[i]!;
    const row = i * p;
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += x[row + j]! * coef[j]!;
    const r = y[i]! - fitted;
    forwardSolve(factor, p, x.subarray(row, row + p), zi);
    let q = 0;
    for (let j = 0; j < p; j++) {
      z[row + j] = zi[j]!;
      q += zi[j]! * zi[j]!;
    }
    h[i] = ai * q;
    sA.add(ai);
    sA2.add(ai * ai);
    sRss.add(ai * r * r);
    sRss2.add(ai * ai * r * r);
    sTrP.add(ai * (1 - h[i]!));
  }

  const weightedOuter = (d: ArrayLike<number> | null): Float64Array => {
    const m = new Float64Array(p * p);
    for (let i = 0; i < k; i++) {
      const c = (d === null ? 1 : d[i]!) * a[i]! * a[i]!;
      const row = i * p;
      for (let j = 0; j < p; j++) {
        const czj = c * z[row + j]!;
        for (let l = 0; l <= j; l++) m[j * p + l] = m[j * p + l]! + czj * z[row + l]!;
      }
    }
    for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) m[l * p + j] = m[j * p + l]!;
    return m;
  };
  const traceProduct = (d: ArrayLike<number> | null, e: ArrayLike<number> | null): number => {
    const diag = new CompensatedAccumulator();
    for (let i = 0; i < k; i++) {
      const de = (d === null ? 1 : d[i]!) * (e === null ? 1 : e[i]!);
      diag.add(de * a[i]! * a[i]! * (1 - 2 * h[i]!));
    }
    const md = weightedOuter(d);
    const me = d === e ? md : weightedOuter(e);
    let cross = 0;
    for (let t = 0; t < p * p; t++) cross += md[t]! * me[t]!;
    return diag.value() + cross;
  };

  const traceDiagonal = (d: ArrayLike<number>): number => {
    const acc = new CompensatedAccumulator();
    for (let i = 0; i < k; i++) acc.add(d[i]! * a[i]! * (1 - h[i]!));
    return acc.value();
  };

  return {
    coef,
    gramFactor: factor,
    logDetGram: choleskyLogDet(factor, p),
    sumA: sA.value(),
    sumA2: sA2.value(),
    rss: sRss.value(),
    rss2: sRss2.value(),
    trP: sTrP.value(),
    traceDiagonal,
    traceProduct,
  };
}
