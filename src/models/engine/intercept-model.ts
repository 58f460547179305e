import { addCompensated, compensatedValue } from '../../numeric/compensated-sum.ts';
import type { WeightedFit, WeightedModel } from './weighted-model.ts';

/**
 * The intercept-only weighted model (p = 1): the O(k) fast path of {@link WeightedModel}. With
 * s₁ = Σaᵢ, μ̂ = Σaᵢyᵢ/s₁, hᵢ = aᵢ/s₁ and rᵢ = yᵢ − μ̂,
 *
 *   rss = Σaᵢrᵢ²,  rss2 = Σaᵢ²rᵢ²,  trP = Σaᵢ(1 − hᵢ),  trPP = Σaᵢ²(1 − 2hᵢ) + (Σaᵢ²/s₁)²,
 *   Σᵢⱼ dᵢeⱼPᵢⱼ² = Σdᵢeᵢaᵢ²(1 − 2hᵢ) + (Σdᵢaᵢ²/s₁)(Σeᵢaᵢ²/s₁),
 *
 * every sum in one or two passes with Neumaier's compensated summation (Neumaier, 1974). A fit
 * allocates nothing: the weights, coefficient and result live in buffers owned by the model, so
 * a fit is valid until the next call.
 *
 * @param y  outcomes (length k ≥ 1)
 * @param v  sampling variances (≥ 0)
 * @param unit  variance unit the data are expressed in (see `WeightedModel.unit`); default 1
 * @example
 * interceptModel(new Float64Array([1, 3]), new Float64Array([1, 1])).fitTau2(0)!.rss // => 2
 */
export function interceptModel(y: Float64Array, v: Float64Array, unit = 1): WeightedModel {
  return new InterceptModel(y, v, unit);
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
  constructor(private readonly model: InterceptModel) {}
  traceDiagonal(d: ArrayLike<number>): number {
    const { weights: a, acc } = this.model;
    const s1 = this.sumW;
    acc.fill(0);
    for (let i = 0; i < a.length; i++) addCompensated(acc, 0, d[i]! * a[i]! * (1 - a[i]! / s1));
    return compensatedValue(acc, 0);
  }
  traceProduct(d: ArrayLike<number> | null, e: ArrayLike<number> | null): number {
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

class InterceptModel implements WeightedModel {
  readonly k: number;
  readonly p = 1;
  readonly weights: Float64Array;
  /** Four compensated sums (see `addCompensated`), reused by every fit. */
  readonly acc = new Float64Array(8);
  private readonly fit: InterceptFit;
  constructor(
    readonly y: Float64Array,
    readonly v: Float64Array,
    readonly unit: number,
  ) {
    this.k = y.length;
    this.weights = new Float64Array(this.k);
    this.fit = new InterceptFit(this);
  }

  fitTau2(tau2: number): WeightedFit | null {
    const w = this.weights;
    for (let i = 0; i < this.k; i++) w[i] = 1 / (this.v[i]! + tau2);
    return this.fitCurrent();
  }

  fitWeights(a: ArrayLike<number>): WeightedFit | null {
    if (a !== this.weights) this.weights.set(a as ArrayLike<number>);
    return this.fitCurrent();
  }

  sumLogV(tau2: number): number {
    const acc = this.acc;
    acc.fill(0);
    for (let i = 0; i < this.k; i++) addCompensated(acc, 0, Math.log(this.v[i]! + tau2));
    return compensatedValue(acc, 0);
  }

  /** Two compensated passes over the weights in `this.weights`. */
  private fitCurrent(): WeightedFit | null {
    const { k, y, weights: w, fit, acc } = this;
    acc.fill(0);
    for (let i = 0; i < k; i++) {
      const a = w[i]!;
      if (!(a >= 0 && a < Infinity)) return null;
      addCompensated(acc, 0, a);
      addCompensated(acc, 1, a * a);
      addCompensated(acc, 2, a * y[i]!);
    }
    const sumW = compensatedValue(acc, 0);
    const sumW2 = compensatedValue(acc, 1);
    if (!(sumW > 0 && sumW < Infinity)) return null;
    const mean = compensatedValue(acc, 2) / sumW;
    acc.fill(0);
    for (let i = 0; i < k; i++) {
      const a = w[i]!;
      const r = y[i]! - mean;
      const h = a / sumW;
      addCompensated(acc, 0, a * r * r);
      addCompensated(acc, 1, a * a * r * r);
      addCompensated(acc, 2, a * (1 - h));
      addCompensated(acc, 3, a * a * (1 - 2 * h));
    }
    const m = sumW2 / sumW;
    fit.coef[0] = mean;
    fit.gramFactor[0] = Math.sqrt(sumW);
    fit.logDetGram = Math.log(sumW);
    fit.sumW = sumW;
    fit.sumW2 = sumW2;
    fit.rss = compensatedValue(acc, 0);
    fit.rss2 = compensatedValue(acc, 1);
    fit.trP = compensatedValue(acc, 2);
    fit.trPP = compensatedValue(acc, 3) + m * m;
    return fit;
  }
}
