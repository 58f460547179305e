import { chiSquareSf } from '../../distributions/chi-square.ts';
import { inverseWeights } from '../tau2/weighted-sums.ts';
import type { RegressionDesign } from './design-matrix.ts';
import { weightedFit } from './weighted-fit.ts';

/** Test for residual heterogeneity and the residual I², H². NaN where metafor reports NA. */
export interface ResidualHeterogeneity {
  readonly qe: number;
  readonly qeDf: number;
  readonly qePValue: number;
  readonly i2: number;
  readonly h2: number;
}

/**
 * Residual heterogeneity of a meta-regression (metafor rma.uni with moderators):
 *
 *   Q_E = yᵀPy with P = W − WX(XᵀWX)⁻¹XᵀW, wᵢ = 1/vᵢ, against χ²(k − p)
 *   (Hedges & Olkin, 1985, ch. 8);
 *   typical within-study variance ṽ = (k − p)/tr(P) (Higgins & Thompson, 2002, Stat Med
 *   21:1539, generalised to p coefficients); I² = 100·τ²/(ṽ + τ²), H² = τ²/ṽ + 1;
 *   for the equal-effects model I² = max(0, 100·(Q_E − (k − p))/Q_E), H² = Q_E/(k − p).
 *
 * With k = p: Q_E = 0, p = 1, I² = 0, H² = 1 (as metafor). When some vᵢ ≤ 0 every value is NaN
 * (metafor: NA). O(k·p²).
 *
 * @example
 * residualHeterogeneity(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4), 0, true).qe // => 4.2 (up to rounding)
 */
export function residualHeterogeneity(
  y: Float64Array,
  v: Float64Array,
  design: RegressionDesign,
  tau2: number,
  equalEffects: boolean,
): ResidualHeterogeneity {
  const { k, p } = design;
  const df = k - p;
  if (v.some((x) => !(x > 0))) return { qe: NaN, qeDf: df, qePValue: NaN, i2: NaN, h2: NaN };
  if (df <= 0) return { qe: 0, qeDf: 0, qePValue: 1, i2: 0, h2: 1 };
  const fit = weightedFit(design, y, inverseWeights(v, 0));
  if (fit === null) return { qe: NaN, qeDf: df, qePValue: NaN, i2: NaN, h2: NaN };
  const qe = Math.max(0, fit.rss);
  const qePValue = chiSquareSf(qe, df);
  if (equalEffects) return { qe, qeDf: df, qePValue, i2: Math.max(0, (100 * (qe - df)) / qe), h2: qe / df };
  const typical = df / fit.trP;
  return { qe, qeDf: df, qePValue, i2: (100 * tau2) / (typical + tau2), h2: tau2 / typical + 1 };
}
