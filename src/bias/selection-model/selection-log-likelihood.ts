import { stepCuts, stepSelectionProbability } from './step-selection-probability.ts';
import { weightedNormalIntegral, type SelectionGrid } from './weighted-normal-integral.ts';
import type { SelectionSpec } from './selection-spec.ts';
import type { SelectionAlternative } from './selection-types.ts';

/** The studies of a selection model, prepared once. */
export interface SelectionData {
  readonly k: number;
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  /** Rows of the design matrix (one column of 1s for an intercept-only model). */
  readonly x: readonly Float64Array[];
  /** Precision factor cᵢ of each study (1 without `prec`). */
  readonly precision: Float64Array;
  /** Observed p-values, clamped to [pMin, 1 − pMin]. */
  readonly pValues: Float64Array;
  readonly alternative: SelectionAlternative;
  /** Quadrature grid of each study (continuous selection functions; empty for a step function). */
  readonly grids: readonly SelectionGrid[];
  /** Steps of each study on the y scale (step functions; empty otherwise). */
  readonly cuts: readonly Float64Array[];
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Log-likelihood of the weighted-distribution (selection) model (Vevea & Hedges, 1995,
 * Psychometrika 60:419; Citkowicz & Vevea, 2017, Psychol Methods 22:17):
 *
 *   ℓ(β, τ², δ) = Σᵢ [log w(pᵢ) + log φ((yᵢ − xᵢᵀβ)/σᵢ) − log σᵢ − log Aᵢ],  σᵢ² = vᵢ + τ²,
 *
 * where Aᵢ = E[w(p(Y))] for Y ~ N(xᵢᵀβ, σᵢ²) is the probability of publication (closed form for
 * a step function, quadrature otherwise). With w ≡ 1 (δ at its null value) it is the
 * random-effects ML log-likelihood. −∞ where a study's weight or Aᵢ is 0.
 *
 * @example
 * import { selectionSpec } from './src/bias/selection-model/selection-spec.ts';
 * import { stepCuts } from './src/bias/selection-model/step-selection-probability.ts';
 * // w ≡ 1: the normal log-likelihood of y = 0 with variance 1
 * const data = { k: 1, yi: new Float64Array([0]), vi: new Float64Array([1]), x: [new Float64Array([1])],
 *   precision: new Float64Array([1]), pValues: new Float64Array([0.5]), alternative: 'greater' as const, grids: [], cuts: [stepCuts(1, [0.05, 1], 'greater')] };
 * selectionLogLikelihood(data, selectionSpec('stepfun', [0.05, 1]), [0], 0, [1, 1]) // => -0.918938533204673
 */
export function selectionLogLikelihood(
  data: SelectionData,
  spec: SelectionSpec,
  beta: ArrayLike<number>,
  tau2: number,
  delta: readonly number[],
): number {
  let ll = 0;
  const fromLogs = spec.weightFromLogs;
  for (let i = 0; i < data.k; i++) {
    const row = data.x[i]!;
    let mu = 0;
    for (let j = 0; j < row.length; j++) mu += row[j]! * beta[j]!;
    const v = data.vi[i]!;
    const sigma = Math.sqrt(v + tau2);
    const c = data.precision[i]!;
    const r = (data.yi[i]! - mu) / sigma;
    const a = spec.type === 'stepfun'
      ? stepSelectionProbability(mu, sigma, data.cuts[i]!, delta, data.alternative) / c
      : weightedNormalIntegral(data.grids[i]!, mu, sigma, (p) => spec.weight(p, delta, c), fromLogs && ((lp, lq) => fromLogs(lp, lq, delta, c)));
    ll += Math.log(spec.weight(data.pValues[i]!, delta, c)) - 0.5 * (LOG_2PI + r * r) - Math.log(sigma) - Math.log(a);
  }
  return Number.isNaN(ll) ? -Infinity : ll;
}
