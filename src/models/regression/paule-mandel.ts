import { brentRoot, expandUpper } from '../../numeric/brent-root.ts';
import type { Tau2Control, Tau2Fit } from '../tau2/tau2-fit.ts';
import { inverseWeights } from '../tau2/weighted-sums.ts';
import type { RegressionDesign } from './design-matrix.ts';
import { weightedFit } from './weighted-fit.ts';

/**
 * Generalised residual heterogeneity statistic Q_E(τ²) = yᵀPy with P built from
 * wᵢ = 1/(vᵢ + τ²); decreasing in τ². NaN when the weighted design is singular.
 *
 * @example
 * residualQ(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4), 0) // => 4.2 (up to rounding)
 */
export function residualQ(y: Float64Array, v: Float64Array, design: RegressionDesign, tau2: number, scratch?: Float64Array): number {
  const fit = weightedFit(design, y, inverseWeights(v, tau2, scratch));
  return fit === null ? NaN : fit.rss;
}

/**
 * Paule–Mandel estimator of the residual τ² (Paule & Mandel, 1982, J Res NBS 87:377;
 * Viechtbauer et al., 2015, Res Synth Methods 6:25), metafor `method = "PM"` with moderators:
 * the τ² ≥ 0 solving Q_E(τ²) = k − p, found with Brent's method; 0 when Q_E(0) < k − p.
 * SE = √(2k²/(k−p)) / Σwᵢ at the estimate (metafor). Where metafor gives up because the root
 * lies above its `tau2.max` (max(100, 10·mad(y)²)), the bracket is widened instead.
 *
 * @example
 * regressionPauleMandel(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4), DEFAULT_TAU2_CONTROL).tau2 // => 1.1
 */
export function regressionPauleMandel(y: Float64Array, v: Float64Array, design: RegressionDesign, control: Tau2Control): Tau2Fit {
  const { k, p } = design;
  const scratch = new Float64Array(k);
  const f = (t: number) => residualQ(y, v, design, t, scratch) - (k - p);
  let tau2 = 0;
  const warnings: string[] = [];
  const f0 = f(0);
  if (!(f0 < 0)) {
    const upper = Number.isFinite(f0) ? expandUpper(f, 100) : NaN;
    tau2 = Number.isFinite(upper) ? brentRoot(f, 0, upper, control.rootTolerance) : NaN;
    if (!Number.isFinite(tau2)) warnings.push('PM: no root of Q_E(tau²) = k − p was found; tau² is not available.');
  }
  const fit = weightedFit(design, y, inverseWeights(v, tau2));
  const se = fit === null ? NaN : Math.sqrt((2 * k * k) / (k - p)) / fit.sumA;
  return { tau2, se, iterations: 0, converged: Number.isFinite(tau2), warnings };
}
