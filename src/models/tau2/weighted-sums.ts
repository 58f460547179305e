import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';

/**
 * The sums an intercept-only model needs for weights wᵢ, computed in one O(k) pass with
 * compensated summation. With s₁ = Σwᵢ, μ̂ = Σwᵢyᵢ/s₁ and P = W − wwᵀ/s₁ (the residual-forming
 * matrix of weighted least squares, Viechtbauer 2005, JEBS 30:261):
 *
 * - rss   = yᵀPy  = Σwᵢ(yᵢ − μ̂)²
 * - rss2  = yᵀPPy = Σwᵢ²(yᵢ − μ̂)²
 * - trP   = tr(P)  = s₁ − s₂/s₁
 * - trPP  = tr(PP) = s₂ − 2s₃/s₁ + s₂²/s₁²     (sᵣ = Σwᵢʳ)
 */
export interface WeightedSums {
  readonly sumW: number;
  readonly sumW2: number;
  readonly sumW3: number;
  readonly mean: number;
  readonly rss: number;
  readonly rss2: number;
  readonly trP: number;
  readonly trPP: number;
}

/**
 * Weighted sums for P = W − wwᵀ/Σw (see {@link WeightedSums}).
 *
 * @example
 * weightedSums(new Float64Array([1, 3]), new Float64Array([1, 1])).rss // => 2
 */
export function weightedSums(yi: ArrayLike<number>, wi: ArrayLike<number>): WeightedSums {
  const k = yi.length;
  const w1 = new CompensatedAccumulator();
  const w2 = new CompensatedAccumulator();
  const w3 = new CompensatedAccumulator();
  const wy = new CompensatedAccumulator();
  for (let i = 0; i < k; i++) {
    const w = wi[i]!;
    w1.add(w);
    w2.add(w * w);
    w3.add(w * w * w);
    wy.add(w * yi[i]!);
  }
  const sumW = w1.value();
  const sumW2 = w2.value();
  const sumW3 = w3.value();
  const mean = wy.value() / sumW;
  const r1 = new CompensatedAccumulator();
  const r2 = new CompensatedAccumulator();
  for (let i = 0; i < k; i++) {
    const w = wi[i]!;
    const r = yi[i]! - mean;
    r1.add(w * r * r);
    r2.add(w * w * r * r);
  }
  const trP = sumW - sumW2 / sumW;
  const trPP = sumW2 - (2 * sumW3) / sumW + (sumW2 * sumW2) / (sumW * sumW);
  return { sumW, sumW2, sumW3, mean, rss: r1.value(), rss2: r2.value(), trP, trPP };
}

/**
 * Traces that involve V = diag(vᵢ) for P = W − wwᵀ/Σw, used by the standard errors of the
 * moment estimators (metafor's `se.tau2`):
 * - trPV   = tr(PV)   = Σwᵢvᵢ − Σwᵢ²vᵢ/s₁
 * - trPVPV = tr(PVPV) = Σwᵢ²vᵢ² − 2Σwᵢ³vᵢ²/s₁ + (Σwᵢ²vᵢ)²/s₁²
 * - trPVP  = Σᵢⱼ Pᵢⱼ²vⱼ = Σwᵢ²vᵢ − 2Σwᵢ³vᵢ/s₁ + s₂·Σwᵢ²vᵢ/s₁²
 */
export function varianceTraces(
  wi: ArrayLike<number>,
  vi: ArrayLike<number>,
  sumW: number,
  sumW2: number,
): { trPV: number; trPVPV: number; trPVP: number } {
  const wv = new CompensatedAccumulator();
  const w2v = new CompensatedAccumulator();
  const w2v2 = new CompensatedAccumulator();
  const w3v2 = new CompensatedAccumulator();
  const w3v = new CompensatedAccumulator();
  for (let i = 0; i < wi.length; i++) {
    const w = wi[i]!;
    const v = vi[i]!;
    wv.add(w * v);
    w2v.add(w * w * v);
    w2v2.add(w * w * v * v);
    w3v2.add(w * w * w * v * v);
    w3v.add(w * w * w * v);
  }
  const s2v = w2v.value();
  return {
    trPV: wv.value() - s2v / sumW,
    trPVPV: w2v2.value() - (2 * w3v2.value()) / sumW + (s2v * s2v) / (sumW * sumW),
    trPVP: s2v - (2 * w3v.value()) / sumW + (sumW2 * s2v) / (sumW * sumW),
  };
}

/** Inverse-variance weights 1/(vᵢ + τ²) into `out` (allocated when absent). */
export function inverseWeights(vi: ArrayLike<number>, tau2: number, out?: Float64Array): Float64Array {
  const w = out ?? new Float64Array(vi.length);
  for (let i = 0; i < vi.length; i++) w[i] = 1 / (vi[i]! + tau2);
  return w;
}
