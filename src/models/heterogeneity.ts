import { chiSquareSf } from '../distributions/chi-square.ts';
import { inverseWeights, weightedSums } from './tau2/weighted-sums.ts';

/** Cochran's Q test and the I², H² summaries. */
export interface Heterogeneity {
  readonly q: number;
  readonly qDf: number;
  readonly qPValue: number;
  /** "Typical" within-study variance s² = (k − 1)/tr(P) (Higgins & Thompson, 2002). */
  readonly typicalVariance: number;
}

/**
 * Cochran's Q = Σ(yᵢ − μ̂_EE)²/vᵢ with k − 1 df (p from the χ² survival function), and the typical
 * within-study variance s² = (k − 1)·Σwᵢ/((Σwᵢ)² − Σwᵢ²), wᵢ = 1/vᵢ (Higgins & Thompson, 2002,
 * Stat Med 21:1539, eq. 9). For k = 1: Q = 0, p = 1; with a zero variance, NaN (as metafor).
 *
 * @example
 * cochranQ(new Float64Array([0, 2]), new Float64Array([1, 1])).q // => 2
 */
export function cochranQ(yi: Float64Array, vi: Float64Array): Heterogeneity {
  const k = yi.length;
  if (k < 2) return { q: 0, qDf: 0, qPValue: 1, typicalVariance: 0 };
  if (vi.some((v) => !(v > 0))) return { q: NaN, qDf: k - 1, qPValue: NaN, typicalVariance: NaN };
  const s = weightedSums(yi, inverseWeights(vi, 0));
  const q = Math.max(0, s.rss);
  return { q, qDf: k - 1, qPValue: chiSquareSf(q, k - 1), typicalVariance: (k - 1) / s.trP };
}

/**
 * I² (percent) and H² from τ² and the typical variance s²: I² = 100·τ²/(s² + τ²), H² = τ²/s² + 1
 * (Higgins & Thompson, 2002). For the equal-effects model metafor uses Q instead:
 * I² = max(0, 100·(Q − df)/Q), H² = Q/df.
 *
 * @example
 * inconsistency(1, 2, { q: 2, qDf: 1, qPValue: 0.16, typicalVariance: 1 }, false) // => { i2: 50, h2: 2 }
 */
export function inconsistency(tau2: number, k: number, het: Heterogeneity, equalEffects: boolean): { i2: number; h2: number } {
  if (k < 2) return { i2: 0, h2: 1 };
  if (equalEffects) return { i2: Math.max(0, (100 * (het.q - het.qDf)) / het.q), h2: het.q / het.qDf };
  return { i2: (100 * tau2) / (het.typicalVariance + tau2), h2: tau2 / het.typicalVariance + 1 };
}
