import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import { InputError } from '../../errors.ts';
import { wald } from '../inference/wald-test.ts';
import type { InterceptFit } from './fit-intercept.ts';

/** The pooled estimate of an intercept-only fit recomputed with the user's weights. */
export interface UserWeightedEstimate {
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly ciLower: number;
  readonly ciUpper: number;
  readonly piLower: number;
  readonly piUpper: number;
  /** The weights aᵢ/Σaᵢ as fractions. */
  readonly weights: Float64Array;
}

/**
 * Reads metafor's `weights` / `weighted` options of rma.uni: the weights to pool with, `null`
 * for the default inverse-variance weights 1/(vᵢ + τ̂²). `weighted: false` gives equal weights
 * (the unweighted mean; metafor ignores `weights` then).
 *
 * @throws InputError for weights of the wrong length, or a weight that is negative or not
 *   finite, or all weights 0.
 * @example
 * resolveUserWeights(undefined, false, 3) // => Float64Array [1, 1, 1]
 */
export function resolveUserWeights(weights: ArrayLike<number> | undefined, weighted: boolean | undefined, k: number): Float64Array | null {
  if (weighted !== undefined && typeof weighted !== 'boolean') throw new InputError('must be true or false', { field: 'weighted', value: weighted });
  if (weighted === false) return new Float64Array(k).fill(1);
  if (weights === undefined) return null;
  if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') throw new InputError('must be an array of numbers, one per study', { field: 'weights' });
  if (weights.length !== k) throw new InputError(`must have one weight per study: ${weights.length} given for ${k} studies`, { field: 'weights' });
  const a = Float64Array.from(weights);
  for (let i = 0; i < k; i++) {
    if (!(a[i]! >= 0) || !Number.isFinite(a[i]!)) throw new InputError('must be a finite number ≥ 0', { field: 'weights', row: i + 1, value: weights[i] });
  }
  if (!a.some((x) => x > 0)) throw new InputError('at least one weight must be positive', { field: 'weights' });
  return a;
}

/**
 * The intercept-only estimate with user weights aᵢ (metafor rma.uni's `weights`, or equal
 * weights for `weighted = FALSE`): τ̂² is estimated as before (each estimator with its own
 * weighting), then
 *
 *   μ̂ = Σaᵢyᵢ/Σaᵢ,   Var(μ̂) = s²·Σaᵢ²(vᵢ + τ̂²)/(Σaᵢ)²
 *
 * (the sandwich form (XᵀAX)⁻¹XᵀA M AX(XᵀAX)⁻¹ with M = diag(vᵢ + τ̂²); s² = 1, or the
 * Knapp–Hartung factor from the inverse-variance fit for `knha`, as metafor), with the Wald /
 * t test, CI and prediction interval μ̂ ± crit·√(Var(μ̂) + τ̂²).
 *
 * @example
 * userWeightedEstimate(fitIntercept(new Float64Array([0, 2]), new Float64Array([1, 1]), 'EE', 'z', 0.95, DEFAULT_TAU2_CONTROL) as InterceptFit, new Float64Array([1, 3]), new Float64Array([0, 2]), new Float64Array([1, 1]), 0.95).estimate
 * // => 1.5
 */
export function userWeightedEstimate(fit: InterceptFit, a: Float64Array, yi: Float64Array, vi: Float64Array, level: number): UserWeightedEstimate {
  const sA = new CompensatedAccumulator();
  const sAY = new CompensatedAccumulator();
  const sAAM = new CompensatedAccumulator();
  for (let i = 0; i < a.length; i++) {
    sA.add(a[i]!);
    sAY.add(a[i]! * yi[i]!);
    sAAM.add(a[i]! * a[i]! * (vi[i]! + fit.tau2));
  }
  const total = sA.value();
  const estimate = sAY.value() / total;
  const variance = (fit.s2w * sAAM.value()) / (total * total);
  const se = Math.sqrt(variance);
  const w = wald(estimate, se, fit.df, level);
  const piHalf = w.crit * Math.sqrt(variance + fit.tau2);
  return {
    estimate, se, statistic: w.statistic, pValue: w.pValue, ciLower: w.lower, ciUpper: w.upper,
    piLower: estimate - piHalf, piUpper: estimate + piHalf, weights: Float64Array.from(a, (x) => x / total),
  };
}
