import { choleskyInverse } from '../../numeric/cholesky.ts';
import type { TestType } from '../../types.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';
import { knappHartung } from './knapp-hartung.ts';

/** Weighted least-squares coefficients at a given τ² and their covariance. */
export interface CoefficientEstimates {
  /** γ̂ on the model's own (scaled) design and data units. */
  readonly coef: Float64Array;
  /** Row-major p × p covariance s²·(XᵀWX)⁻¹. */
  readonly covariance: Float64Array;
  /** Knapp–Hartung factor s² (1 unless `knha`). */
  readonly s2: number;
  /** `knha` with all residuals zero: s² was set to 0 (see `knappHartung`). */
  readonly knhaZero: boolean;
  /** k − p for `t` and `knha`; `null` for `z`. */
  readonly df: number | null;
  /** The weights wᵢ = 1/(vᵢ + τ²) divided by their sum. */
  readonly weights: Float64Array;
}

/**
 * Coefficients of the (mixed-effects) model at τ² (Hedges & Vevea, 1998; Raudenbush, 2009):
 *
 *   β̂ = (XᵀWX)⁻¹XᵀWy,  Var(β̂) = s²·(XᵀWX)⁻¹,  wᵢ = 1/(vᵢ + τ²),
 *
 * with s² = 1 for `z` and `t` and the Knapp–Hartung factor for `knha`. `null` when XᵀWX is
 * singular or a weight is infinite. In the model's units.
 *
 * @example
 * coefficientEstimates(interceptModel(new Float64Array([1, 3]), new Float64Array([1, 1])), 0, 'z')!.coef[0] // => 2
 */
export function coefficientEstimates(model: WeightedModel, tau2: number, test: TestType): CoefficientEstimates | null {
  const { k, p } = model;
  const fit = Number.isFinite(tau2) ? model.fitTau2(tau2) : null;
  if (fit === null) return null;
  const kh = test === 'knha' ? knappHartung(fit.rss, k - p) : { s2: 1, zero: false };
  const coef = Float64Array.from(fit.coef);
  const sumW = fit.sumW;
  const covariance = choleskyInverse(fit.gramFactor, p).map((t) => t * kh.s2);
  const weights = new Float64Array(k);
  for (let i = 0; i < k; i++) weights[i] = 1 / (model.v[i]! + tau2) / sumW;
  return { coef, covariance, s2: kh.s2, knhaZero: kh.zero, df: test === 'z' ? null : k - p, weights };
}
