import type { Tau2Method } from '../../types.ts';
import type { Tau2Control } from '../tau2/tau2-fit.ts';
import { inverseWeights } from '../tau2/weighted-sums.ts';
import { interceptDesign, type RegressionDesign } from './design-matrix.ts';
import { REGRESSION_TAU2_ESTIMATORS } from './regression-estimators.ts';
import { weightedFit } from './weighted-fit.ts';

/**
 * Proportion of heterogeneity accounted for by the moderators, in percent, as metafor 3.8-1's
 * rma.uni reports `R2` (its default definition):
 *
 * - random-effects methods (Raudenbush, 2009, eq. 16.52; López-López et al., 2014, Br J Math
 *   Stat Psychol 67:30): R² = max(0, 100·(τ²₀ − τ²)/τ²₀), with τ²₀ from the intercept-only model
 *   fitted to the same studies with the same method; R² = 0 when τ²₀ is exactly 0, and NaN
 *   (metafor: NA) when τ²₀ cannot be estimated;
 * - equal-effects model: the adjusted R² of the weighted least-squares regression of y on the
 *   moderators with weights 1/vᵢ, max(0, 100·[1 − (1 − R²)(k − 1)/(k − p)]),
 *   R² = SS_model/(SS_model + SS_residual); 0 when all yᵢ are equal.
 *
 * @param y       outcomes of the studies in the model
 * @param v       their sampling variances
 * @param design  the model's (scaled) design
 * @param tau2    the model's residual τ²
 * @example
 * pseudoR2(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4), 1.1, 'REML', DEFAULT_TAU2_CONTROL)
 * // => 70.0000000 (intercept-only REML τ²₀ = 11/3; metafor: R2 = 70)
 */
export function pseudoR2(
  y: Float64Array,
  v: Float64Array,
  design: RegressionDesign,
  tau2: number,
  method: Tau2Method,
  control: Tau2Control,
): number {
  const { k, p } = design;
  if (method === 'EE') {
    if (y.every((t) => t === y[0])) return 0;
    const w = inverseWeights(v, 0);
    const fit = weightedFit(design, y, w);
    if (fit === null) return NaN;
    // fitted values and their weighted mean
    const fitted = new Float64Array(k);
    let sw = 0;
    let swf = 0;
    for (let i = 0; i < k; i++) {
      let f = 0;
      for (let j = 0; j < p; j++) f += design.x[i * p + j]! * fit.coef[j]!;
      fitted[i] = f;
      sw += w[i]!;
      swf += w[i]! * f;
    }
    const fbar = swf / sw;
    let mss = 0;
    for (let i = 0; i < k; i++) mss += w[i]! * (fitted[i]! - fbar) ** 2;
    const r2 = mss / (mss + fit.rss);
    return Math.max(0, 100 * (1 - ((1 - r2) * (k - 1)) / (k - p)));
  }
  const reference = REGRESSION_TAU2_ESTIMATORS[method](y, v, interceptDesign(k), control).tau2;
  if (!Number.isFinite(reference)) return NaN;
  if (reference === 0) return 0;
  return Math.max(0, (100 * (reference - tau2)) / reference);
}
