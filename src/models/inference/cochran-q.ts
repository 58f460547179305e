import { chiSquareSf } from '../../distributions/chi-square.ts';
import { firstNonPositiveVariance } from '../engine/data-summary.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';

/** Cochran's Q test and the I², H² summaries. */
export interface Heterogeneity {
  readonly q: number;
  readonly qDf: number;
  readonly qPValue: number;
  /** "Typical" within-study variance s² = (k − p)/tr(P) (Higgins & Thompson, 2002), in the model's units. */
  readonly typicalVariance: number;
}

/**
 * Cochran's Q (residual heterogeneity Q_E with moderators) = yᵀPy with P from wᵢ = 1/vᵢ, against
 * χ² with k − p df (p from the survival function; Cochran, 1954; Hedges & Olkin, 1985, ch. 8),
 * and the typical within-study variance s² = (k − p)/tr(P) (Higgins & Thompson, 2002, Stat Med
 * 21:1539, eq. 9). With k = p: Q = 0, p = 1; with a zero variance, NaN (metafor: NA).
 *
 * @example
 * cochranQ(interceptModel(new Float64Array([0, 2]), new Float64Array([1, 1]))).q // => 2
 */
export function cochranQ(model: WeightedModel): Heterogeneity {
  const df = model.k - model.p;
  if (df <= 0) return { q: 0, qDf: 0, qPValue: 1, typicalVariance: 0 };
  const fit = firstNonPositiveVariance(model) < 0 ? model.fitTau2(0) : null;
  if (fit === null) return { q: NaN, qDf: df, qPValue: NaN, typicalVariance: NaN };
  const q = Math.max(0, fit.rss);
  return { q, qDf: df, qPValue: chiSquareSf(q, df), typicalVariance: df / fit.trP };
}

/**
 * I² (percent) and H² from τ² and the typical variance s² (same units): I² = 100·τ²/(s² + τ²),
 * H² = τ²/s² + 1 (Higgins & Thompson, 2002). For the equal-effects model metafor uses Q instead:
 * I² = max(0, 100·(Q − df)/Q), H² = Q/df. With no residual df: I² = 0, H² = 1.
 *
 * @example
 * inconsistency(1, { q: 2, qDf: 1, qPValue: 0.16, typicalVariance: 1 }, false) // => { i2: 50, h2: 2 }
 */
export function inconsistency(tau2: number, het: Heterogeneity, equalEffects: boolean): { i2: number; h2: number } {
  if (het.qDf <= 0) return { i2: 0, h2: 1 };
  if (equalEffects) return { i2: Math.max(0, (100 * (het.q - het.qDf)) / het.q), h2: het.q / het.qDf };
  return { i2: (100 * tau2) / (het.typicalVariance + tau2), h2: tau2 / het.typicalVariance + 1 };
}
