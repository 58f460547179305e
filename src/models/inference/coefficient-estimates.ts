import { matrixProduct } from '../../numeric/matrix-product.ts';
import { choleskyInverse } from '../../numeric/cholesky.ts';
import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
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
  /** Σwᵢ at τ² (NaN with user weights). */
  readonly sumW: number;
}

/**
 * Coefficients of the (mixed-effects) model at τ² (Hedges & Vevea, 1998; Raudenbush, 2009):
 *
 *   β̂ = (XᵀWX)⁻¹XᵀWy,  Var(β̂) = s²·(XᵀWX)⁻¹,  wᵢ = 1/(vᵢ + τ²),
 *
 * with s² = 1 for `z` and `t` and the Knapp–Hartung factor for `knha`. `null` when XᵀWX is
 * singular or a weight is infinite. In the model's units.
 *
 * With user weights A = diag(aᵢ) (metafor rma.uni's `weights`, or `weighted = FALSE` as aᵢ = 1)
 * the coefficients are β̂ = (XᵀAX)⁻¹XᵀAy with the sandwich covariance
 * s²·(XᵀAX)⁻¹XᵀA M AX(XᵀAX)⁻¹, M = diag(vᵢ + τ²); s² still comes from the inverse-variance fit
 * (metafor's RSS.knha). O(k·p²).
 *
 * @example
 * coefficientEstimates(interceptModel(new Float64Array([1, 3]), new Float64Array([1, 1])), 0, 'z')!.coef[0] // => 2
 */
export function coefficientEstimates(
  model: WeightedModel,
  tau2: number,
  test: TestType,
  userWeights: { readonly a: Float64Array; readonly x: ArrayLike<number> } | null = null,
): CoefficientEstimates | null {
  const { k, p } = model;
  const fit = Number.isFinite(tau2) ? model.fitTau2(tau2) : null;
  if (fit === null) return null;
  const kh = test === 'knha' ? knappHartung(fit.rss, k - p) : { s2: 1, zero: false };
  const df = test === 'z' ? null : k - p;
  if (userWeights !== null) {
    const own = sandwichEstimates(model, tau2, userWeights.a, userWeights.x);
    if (own === null) return null;
    return { coef: own.coef, covariance: own.covariance.map((t) => t * kh.s2), s2: kh.s2, knhaZero: kh.zero, df, weights: own.weights, sumW: NaN };
  }
  const coef = Float64Array.from(fit.coef);
  const sumW = fit.sumW;
  const covariance = choleskyInverse(fit.gramFactor, p).map((t) => t * kh.s2);
  // the weights are a pass over the data that few callers need: computed on first read
  const v = model.v;
  let weights: Float64Array | undefined;
  return {
    coef, covariance, s2: kh.s2, knhaZero: kh.zero, df, sumW,
    get weights() {
      if (weights === undefined) {
        weights = new Float64Array(k);
        for (let i = 0; i < k; i++) weights[i] = 1 / (v[i]! + tau2) / sumW;
      }
      return weights;
    },
  };
}

/**
 * (XᵀAX)⁻¹XᵀAy and (XᵀAX)⁻¹XᵀA M AX(XᵀAX)⁻¹ with M = diag(vᵢ + τ²), the weights aᵢ/Σaᵢ.
 * `x` is the row-major k × p design of the model.
 */
function sandwichEstimates(
  model: WeightedModel, tau2: number, a: Float64Array, x: ArrayLike<number>,
): { coef: Float64Array; covariance: Float64Array; weights: Float64Array } | null {
  const { k, p } = model;
  const fit = model.fitWeights(a);
  if (fit === null) return null;
  const coef = Float64Array.from(fit.coef);
  const bread = choleskyInverse(fit.gramFactor, p);
  const meat = new Float64Array(p * p);
  const total = new CompensatedAccumulator();
  for (let i = 0; i < k; i++) {
    const s = a[i]! * a[i]! * (model.v[i]! + tau2);
    total.add(a[i]!);
    for (let j = 0; j < p; j++) {
      const sxj = s * x[i * p + j]!;
      for (let l = 0; l <= j; l++) meat[j * p + l] = meat[j * p + l]! + sxj * x[i * p + l]!;
    }
  }
  for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) meat[l * p + j] = meat[j * p + l]!;
  const covariance = matrixProduct(matrixProduct(bread, meat, p, p, p), bread, p, p, p);
  const sum = total.value();
  return { coef, covariance, weights: Float64Array.from(a, (x) => x / sum) };
}
