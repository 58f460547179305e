import { chiSquareSf } from '../../distributions/chi-square.ts';
import { fisherFSf } from '../../distributions/fisher-f.ts';
import { normalQuantile, normalSf } from '../../distributions/normal.ts';
import { studentTQuantile, studentTSf } from '../../distributions/student-t.ts';
import type { TestType } from '../../types.ts';
import { inverseWeights } from '../tau2/weighted-sums.ts';
import { cholesky, choleskyInverse, forwardSolve } from '../../numeric/cholesky.ts';
import { toOriginalScale, type RegressionDesign } from './design-matrix.ts';
import { weightedFit } from './weighted-fit.ts';

/** Coefficient estimates, their tests and the omnibus test of the moderators. */
export interface CoefficientTests {
  /** β̂ on the original moderator scale (intercept first). */
  readonly beta: Float64Array;
  /** Row-major p × p covariance of β̂ (Knapp–Hartung scaled for `knha`). */
  readonly covariance: Float64Array;
  readonly se: Float64Array;
  readonly statistic: Float64Array;
  /** Two-sided p-values; NaN where metafor reports NA (t/knha with k = p). */
  readonly pValue: Float64Array;
  readonly ciLower: Float64Array;
  readonly ciUpper: Float64Array;
  /** k − p for `t` and `knha`; null for `z`. */
  readonly df: number | null;
  /** Wald statistic for H₀: all moderator coefficients are 0 (divided by m for `t`/`knha`). */
  readonly qm: number;
  /** m = p − 1, the number of moderator coefficients tested. */
  readonly qmDf: number;
  readonly qmPValue: number;
  /** Knapp–Hartung factor s² (1 unless `knha`). */
  readonly s2w: number;
}

/**
 * Weighted least-squares coefficients of the mixed-effects meta-regression at a given τ²
 * (Raudenbush, 2009, The Handbook of Research Synthesis, ch. 16; metafor rma.uni):
 *
 *   β̂ = (XᵀWX)⁻¹XᵀWy,  Var(β̂) = s²·(XᵀWX)⁻¹,  wᵢ = 1/(vᵢ + τ²),
 *
 * with s² = 1 for `z` and `t`, and for `knha` (Knapp & Hartung, 2003, Stat Med 22:2693)
 * s² = Σwᵢ(yᵢ − xᵢᵀβ̂)²/(k − p), or 0 when that residual sum is ≤ machine ε (as metafor).
 * Tests: z = β̂ⱼ/SEⱼ against N(0, 1) (`z`) or t(k − p) (`t`, `knha`); CIs β̂ⱼ ± crit·SEⱼ. The
 * omnibus test of the m = p − 1 moderators is Q_M = β̂₁ᵀ Var(β̂₁)⁻¹ β̂₁ against χ²(m) (`z`), or
 * Q_M/m against F(m, k − p) (`t`, `knha`). p-values from survival functions. The work is done
 * on the design's centred and scaled columns (Q_M is invariant to that) and mapped back.
 * All NaN when XᵀWX is singular or τ² is NaN.
 *
 * @param y       outcomes (length k)
 * @param v       sampling variances
 * @param design  scaled design (see `scaledDesign`)
 * @param tau2    residual heterogeneity τ² ≥ 0
 * @example
 * regressionCoefficients(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4), 0, 'z', 0.95).beta // => Float64Array [-0.1, 1.4] (up to rounding)
 */
export function regressionCoefficients(
  y: Float64Array,
  v: Float64Array,
  design: RegressionDesign,
  tau2: number,
  test: TestType,
  level: number,
): CoefficientTests {
  const { k, p } = design;
  const m = p - 1;
  const df = test === 'z' ? null : k - p;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += y[i]!;
  mean /= k;
  const yc = Float64Array.from(y, (t) => t - mean);
  const fit = Number.isFinite(tau2) ? weightedFit(design, yc, inverseWeights(v, tau2)) : null;
  if (fit === null) return unavailable(p, m, df);

  let s2w = 1;
  if (test === 'knha') s2w = fit.rss <= Number.EPSILON ? 0 : fit.rss / (k - p);
  const gamma = Float64Array.from(fit.coef);
  gamma[0] = gamma[0]! + mean;
  const vGamma = choleskyInverse(fit.gramFactor, p).map((t) => t * s2w);

  let qm = NaN;
  if (m > 0) {
    const sub = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) sub[i * m + j] = vGamma[(i + 1) * p + j + 1]!;
    const l = cholesky(sub, m);
    if (l !== null) {
      const u = forwardSolve(l, m, gamma.subarray(1));
      qm = 0;
      for (let i = 0; i < m; i++) qm += u[i]! * u[i]!;
    }
  }
  const { beta, vBeta } = toOriginalScale(design, gamma, vGamma);

  const alpha = 1 - level;
  const crit = df === null ? normalQuantile(alpha / 2, true) : df > 0 ? studentTQuantile(alpha / 2, df, true) : NaN;
  const twoSided = (z: number): number =>
    df === null ? 2 * normalSf(Math.abs(z)) : df > 0 ? 2 * studentTSf(Math.abs(z), df) : NaN;
  const se = new Float64Array(p);
  const statistic = new Float64Array(p);
  const pValue = new Float64Array(p);
  const ciLower = new Float64Array(p);
  const ciUpper = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    se[j] = Math.sqrt(vBeta[j * p + j]!);
    statistic[j] = beta[j]! / se[j]!;
    pValue[j] = twoSided(statistic[j]!);
    ciLower[j] = beta[j]! - crit * se[j]!;
    ciUpper[j] = beta[j]! + crit * se[j]!;
  }
  let qmPValue: number;
  if (df === null) {
    qmPValue = chiSquareSf(qm, m);
  } else {
    qm /= m;
    qmPValue = df > 0 ? fisherFSf(qm, m, df) : NaN;
  }
  return { beta, covariance: vBeta, se, statistic, pValue, ciLower, ciUpper, df, qm, qmDf: m, qmPValue, s2w };
}

function unavailable(p: number, m: number, df: number | null): CoefficientTests {
  const nan = () => new Float64Array(p).fill(NaN);
  return {
    beta: nan(), covariance: new Float64Array(p * p).fill(NaN), se: nan(), statistic: nan(), pValue: nan(),
    ciLower: nan(), ciUpper: nan(), df, qm: NaN, qmDf: m, qmPValue: NaN, s2w: NaN,
  };
}
