import { addCompensated, compensatedValue } from '../../numeric/compensated-sum.ts';
import type { GridSums, WeightedFit, WeightedModel } from './weighted-model.ts';

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
    return this.fitCurrent(tau2);
  }

  fitWeights(a: ArrayLike<number>): WeightedFit | null {
    if (a !== this.weights) this.weights.set(a as ArrayLike<number>);
    return this.fitCurrent(NaN);
  }

  sumLogV(tau2: number): number {
    const acc = this.acc;
    acc.fill(0);
    for (let i = 0; i < this.k; i++) addCompensated(acc, 0, Math.log(this.v[i]! + tau2));
    return compensatedValue(acc, 0);
  }

  /**
   * The score sums at every τ² of the grid in one pass over the data: for each point the power
   * sums Σa, Σa², Σay, Σay², Σa²y, Σa²y² (a = 1/(vᵢ + τ²)), then with μ = Σay/Σa
   * rss = Σay² − μΣay, rss2 = Σa²y² − 2μΣa²y + μ²Σa², trP = Σa − Σa²/Σa. The data are centred
   * at their median (see `scaleData`), so the expansions lose little; the scan only needs the
   * signs of the score away from its roots, and the roots are polished with exact fits.
   */
  gridSums(grid: ArrayLike<number>): GridSums[] {
    const g = grid.length;
    const t = Float64Array.from(grid);
    const acc = new Float64Array(6 * g);
    const { y, v, k } = this;
    for (let i = 0; i < k; i++) {
      const vi = v[i]!;
      const yi = y[i]!;
      const yy = yi * yi;
      for (let j = 0, b = 0; j < g; j++, b += 6) {
        const a = 1 / (vi + t[j]!);
        const a2 = a * a;
        acc[b] = acc[b]! + a;
        acc[b + 1] = acc[b + 1]! + a2;
        acc[b + 2] = acc[b + 2]! + a * yi;
        acc[b + 3] = acc[b + 3]! + a * yy;
        acc[b + 4] = acc[b + 4]! + a2 * yi;
        acc[b + 5] = acc[b + 5]! + a2 * yy;
      }
    }
    const out: GridSums[] = [];
    for (let j = 0, b = 0; j < g; j++, b += 6) {
      const s1 = acc[b]!;
      const s2 = acc[b + 1]!;
      const mu = acc[b + 2]! / s1;
      out.push({
        sumW: s1,
        sumW2: s2,
        rss: acc[b + 3]! - mu * acc[b + 2]!,
        rss2: acc[b + 5]! - 2 * mu * acc[b + 4]! + mu * mu * s2,
        trP: s1 - s2 / s1,
      });
    }
    return out;
  }

  /**
   * Two passes over the weights in `this.weights` (computed in the first from τ² unless NaN), each sum compensated (Neumaier); the
   * compensation is written out on local variables, the hot loop of every τ² estimator.
   */
  private fitCurrent(tau2: number): WeightedFit | null {
    const { k, y, v, weights: w, fit } = this;
    const fresh = !Number.isNaN(tau2);
    let s1 = 0, c1 = 0, s2 = 0, c2 = 0, sy = 0, cy = 0, t = 0;
    for (let i = 0; i < k; i++) {
      // the weights of fitTau2 are computed in the first pass itself
      const a = fresh ? (w[i] = 1 / (v[i]! + tau2)) : w[i]!;
      if (!(a >= 0 && a < Infinity)) return null;
      const a2 = a * a;
      const ay = a * y[i]!;
      t = s1 + a; c1 += s1 >= a ? s1 - t + a : a - t + s1; s1 = t;
      t = s2 + a2; c2 += s2 >= a2 ? s2 - t + a2 : a2 - t + s2; s2 = t;
      t = sy + ay; cy += Math.abs(sy) >= Math.abs(ay) ? sy - t + ay : ay - t + sy; sy = t;
    }
    const sumW = s1 + c1;
    const sumW2 = s2 + c2;
    if (!(sumW > 0 && sumW < Infinity)) return null;
    const mean = (sy + cy) / sumW;
    let r1 = 0, e1 = 0, r2 = 0, e2 = 0, tp = 0, ep = 0, pp = 0, epp = 0;
    for (let i = 0; i < k; i++) {
      const a = w[i]!;
      const r = y[i]! - mean;
      const h = a / sumW;
      const x1 = a * r * r;
      const x2 = a * x1;
      const xp = a * (1 - h);
      const xpp = a * a * (1 - 2 * h);
      t = r1 + x1; e1 += r1 >= x1 ? r1 - t + x1 : x1 - t + r1; r1 = t;
      t = r2 + x2; e2 += r2 >= x2 ? r2 - t + x2 : x2 - t + r2; r2 = t;
      t = tp + xp; ep += Math.abs(tp) >= Math.abs(xp) ? tp - t + xp : xp - t + tp; tp = t;
      t = pp + xpp; epp += Math.abs(pp) >= Math.abs(xpp) ? pp - t + xpp : xpp - t + pp; pp = t;
    }
    const m = sumW2 / sumW;
    fit.coef[0] = mean;
    fit.gramFactor[0] = Math.sqrt(sumW);
    fit.logDetGram = Math.log(sumW);
    fit.sumW = sumW;
    fit.sumW2 = sumW2;
    fit.rss = r1 + e1;
    fit.rss2 = r2 + e2;
    fit.trP = tp + ep;
    fit.trPP = pp + epp + m * m;
    return fit;
  }
}
