import { chiSquareSf } from '../../distributions/chi-square.ts';
import { fisherFSf } from '../../distributions/fisher-f.ts';
import { cholesky, forwardSolve } from '../../numeric/cholesky.ts';
import type { TestType } from '../../types.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';
import { coefficientEstimates } from '../inference/coefficient-estimates.ts';
import { wald } from '../inference/wald-test.ts';
import { toOriginalScale, type RegressionDesign } from './design-matrix.ts';

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
  /** `knha` with all residuals zero (s² set to 0; see `knappHartung`). */
  readonly knhaZero: boolean;
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
 * @param model   the weighted model on the design (data centred at `data.shift`, scaled by `data.unit`)
 * @param design  its scaled design (see `scaledDesign`)
 * @param data    `{ shift, unit }` to map coefficients back to the user's units
 * @param tau2    residual heterogeneity τ² ≥ 0 in the model's units
 * @param first   first coefficient tested by Q_M: 1 (the moderators) or 0 (all, for a model
 *   without intercept, as metafor's `~ x - 1`)
 * @param userWeights  metafor's `weights` (or ones for `weighted = FALSE`): β̂ = (XᵀAX)⁻¹XᵀAy
 *   with the sandwich covariance (see `coefficientEstimates`); `null` for 1/(vᵢ + τ²)
 * @example
 * const design = scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4);
 * regressionCoefficients(designModel(design, new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1])),
 *   design, { shift: 0, unit: 1 }, 0, 'z', 0.95).beta // => Float64Array [-0.1, 1.4] (up to rounding)
 */
export function regressionCoefficients(
  model: WeightedModel,
  design: RegressionDesign,
  data: { readonly shift: number; readonly unit: number },
  tau2: number,
  test: TestType,
  level: number,
  first = 1,
  userWeights: Float64Array | null = null,
): CoefficientTests {
  const { k, p } = model;
  const m = p - first;
  const df = test === 'z' ? null : k - p;
  const est = coefficientEstimates(model, tau2, test, userWeights === null ? null : { a: userWeights, x: design.x });
  if (est === null) return unavailable(p, m, df);
  const c = Math.sqrt(data.unit);
  const gamma = est.coef.map((g) => g * c);
  gamma[0] = gamma[0]! + data.shift;
  const vGamma = est.covariance.map((t) => t * data.unit);

  let qm = NaN;
  if (m > 0) {
    const sub = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) sub[i * m + j] = vGamma[(i + first) * p + j + first]!;
    const l = cholesky(sub, m);
    if (l !== null) {
      const u = forwardSolve(l, m, gamma.subarray(first));
      qm = 0;
      for (let i = 0; i < m; i++) qm += u[i]! * u[i]!;
    }
  }
  const { beta, vBeta } = toOriginalScale(design, gamma, vGamma);
  const se = new Float64Array(p);
  const statistic = new Float64Array(p);
  const pValue = new Float64Array(p);
  const ciLower = new Float64Array(p);
  const ciUpper = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    se[j] = Math.sqrt(vBeta[j * p + j]!);
    const w = wald(beta[j]!, se[j]!, df, level);
    statistic[j] = w.statistic;
    pValue[j] = w.pValue;
    ciLower[j] = w.lower;
    ciUpper[j] = w.upper;
  }
  let qmPValue: number;
  if (df === null) {
    qmPValue = chiSquareSf(qm, m);
  } else {
    qm /= m;
    qmPValue = df > 0 ? fisherFSf(qm, m, df) : NaN;
  }
  return {
    beta, covariance: vBeta, se, statistic, pValue, ciLower, ciUpper, df, qm, qmDf: m, qmPValue,
    s2w: est.s2, knhaZero: est.knhaZero,
  };
}

function unavailable(p: number, m: number, df: number | null): CoefficientTests {
  const nan = () => new Float64Array(p).fill(NaN);
  return {
    beta: nan(), covariance: new Float64Array(p * p).fill(NaN), se: nan(), statistic: nan(), pValue: nan(),
    ciLower: nan(), ciUpper: nan(), df, qm: NaN, qmDf: m, qmPValue: NaN, s2w: NaN, knhaZero: false,
  };
}
