import { chiSquareSf } from '../../distributions/chi-square.ts';
import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';

/** Cochran's Q about a given centre, with I² and H². NaN where undefined. */
export interface HeterogeneityAbout {
  readonly q: number;
  readonly qDf: number;
  readonly qPValue: number;
  /** Percent, 0–100. */
  readonly i2: number;
  readonly h2: number;
}

/**
 * Cochran's Q of k per-study effects about a pooled value θ that need not be their
 * inverse-variance mean — the Mantel–Haenszel estimate in `mantelHaenszel`, as in metafor's
 * `rma.mh`:
 *
 *   Q = Σ(yᵢ − θ)²/vᵢ with k − 1 df,  I² = max(0, 100·(Q − (k − 1))/Q),  H² = Q/(k − 1)
 *
 * (Cochran, 1954, Biometrics 10:101; Higgins & Thompson, 2002, Stat Med 21:1539). For k ≤ 1:
 * Q = 0, p = 1, I² = 0, H² = 1 (as metafor). p from the χ² survival function. NaN when θ is NaN.
 *
 * @example
 * heterogeneityAbout(Float64Array.of(0, 2), Float64Array.of(1, 1), 0.5).q // => 2.5 (0.25 + 2.25)
 */
export function heterogeneityAbout(yi: Float64Array, vi: Float64Array, centre: number): HeterogeneityAbout {
  const k = yi.length;
  if (k <= 1) return { q: 0, qDf: 0, qPValue: 1, i2: 0, h2: 1 };
  const sum = new CompensatedAccumulator();
  for (let i = 0; i < k; i++) {
    const r = yi[i]! - centre;
    sum.add((r * r) / vi[i]!);
  }
  return fromQ(Math.max(0, sum.value()), k - 1);
}

/**
 * The p-value, I² and H² of a Q statistic with `df` degrees of freedom (df ≥ 1):
 * I² = max(0, 100·(Q − df)/Q), H² = Q/df. NaN when Q is NaN.
 *
 * @example
 * fromQ(4, 2).i2 // => 50
 */
export function fromQ(q: number, df: number): HeterogeneityAbout {
  if (Number.isNaN(q)) return { q: NaN, qDf: df, qPValue: NaN, i2: NaN, h2: NaN };
  return { q, qDf: df, qPValue: chiSquareSf(q, df), i2: Math.max(0, (100 * (q - df)) / q), h2: q / df };
}
