import { normalQuantile, normalSf } from '../distributions/normal.ts';
import { studentTQuantile, studentTSf } from '../distributions/student-t.ts';
import type { TestType } from '../types.ts';
import { inverseWeights, weightedSums } from './tau2/weighted-sums.ts';

/** The pooled estimate and its test (one coefficient). */
export interface PooledEstimate {
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly df: number | null;
  readonly pValue: number;
  /** Critical value used for the confidence and prediction intervals (NaN when df = 0). */
  readonly crit: number;
  readonly weights: Float64Array;
  readonly sumW: number;
}

/**
 * Inverse-variance pooled estimate μ̂ = Σwᵢyᵢ/Σwᵢ with wᵢ = 1/(vᵢ + τ²) and SE = 1/√Σwᵢ
 * (Hedges & Vevea, 1998). With `test = 'knha'` the variance is multiplied by
 * s² = Σwᵢ(yᵢ − μ̂)²/(k − 1) (Knapp & Hartung, 2003, Stat Med 22:2693; s² = 0 when the
 * residual sum is ≤ machine ε, as metafor does) and t with k − 1 df is used; `'t'` uses t with
 * k − 1 df and the usual SE. p-values are two-sided, from survival functions.
 *
 * @example
 * poolEstimate(new Float64Array([1, 3]), new Float64Array([1, 1]), 0, 'z', 0.95).estimate // => 2
 */
export function poolEstimate(
  yi: Float64Array,
  vi: Float64Array,
  tau2: number,
  test: TestType,
  level: number,
): PooledEstimate {
  const k = yi.length;
  const weights = inverseWeights(vi, tau2);
  const s = weightedSums(yi, weights);
  let variance = 1 / s.sumW;
  if (test === 'knha') {
    const s2w = s.rss <= Number.EPSILON ? 0 : s.rss / (k - 1);
    variance *= s2w;
  }
  const se = Math.sqrt(variance);
  const statistic = s.mean / se;
  const alpha = 1 - level;
  if (test === 'z') {
    return {
      estimate: s.mean, se, statistic, df: null,
      pValue: 2 * normalSf(Math.abs(statistic)),
      crit: normalQuantile(alpha / 2, true),
      weights, sumW: s.sumW,
    };
  }
  const df = k - 1;
  return {
    estimate: s.mean, se, statistic, df,
    pValue: df > 0 ? 2 * studentTSf(Math.abs(statistic), df) : NaN,
    crit: df > 0 ? studentTQuantile(alpha / 2, df, true) : NaN,
    weights, sumW: s.sumW,
  };
}
