import { brentRoot, expandUpper } from '../../numeric/brent-root.ts';
import { weightedSums, inverseWeights } from './weighted-sums.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Generalised Q statistic Q(τ²) = Σwᵢ(yᵢ − μ̂)² with wᵢ = 1/(vᵢ + τ²); decreasing in τ².
 *
 * @example
 * generalizedQ(new Float64Array([0, 2]), new Float64Array([1, 1]), 1) // => 1
 */
export function generalizedQ(yi: Float64Array, vi: Float64Array, tau2: number, scratch?: Float64Array): number {
  return weightedSums(yi, inverseWeights(vi, tau2, scratch)).rss;
}

/**
 * Paule–Mandel estimator (Paule & Mandel, 1982, J Res NBS 87:377), metafor `method = "PM"`:
 * the τ² ≥ 0 solving Q(τ²) = k − 1, found with Brent's method; 0 when Q(0) < k − 1.
 * SE = √(2k²/(k−1)) / Σwᵢ at the estimate (metafor). metafor stops when τ² would exceed its
 * `tau2.max` (100); here the bracket is widened instead.
 *
 * @example
 * tau2PauleMandel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), DEFAULT_TAU2_CONTROL).tau2
 * // => 3
 */
export function tau2PauleMandel(yi: Float64Array, vi: Float64Array, control: Tau2Control): Tau2Fit {
  const k = yi.length;
  const scratch = new Float64Array(k);
  const f = (t: number) => generalizedQ(yi, vi, t, scratch) - (k - 1);
  let tau2 = 0;
  const warnings: string[] = [];
  if (f(0) > 0) {
    const upper = expandUpper(f, 100);
    tau2 = Number.isFinite(upper) ? brentRoot(f, 0, upper, control.rootTolerance) : NaN;
    if (!Number.isFinite(tau2)) warnings.push('PM: no root of Q(tau²) = k − 1 was found; tau² is not available.');
  }
  const s = weightedSums(yi, inverseWeights(vi, tau2));
  const se = Math.sqrt((2 * k * k) / (k - 1)) / s.sumW;
  return { tau2, se, iterations: 0, converged: Number.isFinite(tau2), warnings };
}
