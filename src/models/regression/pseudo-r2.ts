import type { PoolingMethod } from '../../types.ts';
import { tau2GeneralizedQ } from '../tau2/generalized-q-weighted.ts';
import { interceptModel } from '../engine/intercept-model.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';
import { TAU2_ESTIMATORS } from '../tau2/estimators.ts';
import type { Tau2Control } from '../tau2/tau2-fit.ts';
import type { RegressionDesign } from './design-matrix.ts';

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
 *   R² = SS_model/(SS_model + SS_residual); 0 when all yᵢ are equal (GENQ: τ²₀ by GENQ with the
 *   same `genqWeights`). With user weights aᵢ
 *   (metafor's `weights`, or aᵢ = 1 for `weighted = FALSE`) the regression is weighted by aᵢ.
 *
 * @param model   the weighted model of the meta-regression (its data and units)
 * @param design  the model's (scaled) design
 * @param tau2    the model's residual τ², in the model's units
 * @example
 * const design = scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4);
 * pseudoR2(designModel(design, new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1])),
 *   design, 1.1, 'REML', DEFAULT_TAU2_CONTROL)
 * // => 70.0000000 (intercept-only REML τ²₀ = 11/3; metafor: R2 = 70)
 */
export function pseudoR2(
  model: WeightedModel,
  design: RegressionDesign,
  tau2: number,
  method: PoolingMethod,
  control: Tau2Control,
  userWeights: Float64Array | null = null,
  genqWeights: Float64Array | null = null,
): number {
  const { k, p, y, v } = model;
  if (method === 'EE') {
    if (y.every((t) => t === y[0])) return 0;
    const a = userWeights ?? Float64Array.from(v, (t) => 1 / t);
    const fit = model.fitWeights(a);
    if (fit === null) return NaN;
    const coef = Float64Array.from(fit.coef);
    const rss = fit.rss;
    // fitted values and their weighted mean
    const fitted = new Float64Array(k);
    let sw = 0;
    let swf = 0;
    for (let i = 0; i < k; i++) {
      let f = 0;
      for (let j = 0; j < p; j++) f += design.x[i * p + j]! * coef[j]!;
      fitted[i] = f;
      sw += a[i]!;
      swf += f * a[i]!;
    }
    const fbar = swf / sw;
    let mss = 0;
    for (let i = 0; i < k; i++) mss += (fitted[i]! - fbar) ** 2 * a[i]!;
    const r2 = mss / (mss + rss);
    return Math.max(0, 100 * (1 - ((1 - r2) * (k - 1)) / (k - p)));
  }
  // the intercept-only model with its own large-k paths (binned scan and approximate scoring,
  // paired Q sums), as metaAnalysis fits it
  const base = interceptModel(y, v, model.unit);
  const reference = (method === 'GENQ' ? tau2GeneralizedQ(base, genqWeights ?? new Float64Array(k).fill(NaN)) : TAU2_ESTIMATORS[method](base, control)).tau2;
  if (!Number.isFinite(reference)) return NaN;
  if (reference === 0) return 0;
  return Math.max(0, (100 * (reference - tau2)) / reference);
}
