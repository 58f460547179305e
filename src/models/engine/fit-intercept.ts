import type { PoolingMethod, TestType } from '../../types.ts';
import { firstNonPositive } from '../../numeric/first-non-positive.ts';
import { coefficientEstimates } from '../inference/coefficient-estimates.ts';
import { cochranQ, inconsistency } from '../inference/cochran-q.ts';
import { KNAPP_HARTUNG_ZERO_WARNING } from '../inference/knapp-hartung.ts';
import { wald } from '../inference/wald-test.ts';
import { NEEDS_POSITIVE_VI, TAU2_ESTIMATORS } from '../tau2/estimators.ts';
import { tau2GeneralizedQ } from '../tau2/generalized-q-weighted.ts';
import { closedForm, type Tau2Control, type Tau2Fit } from '../tau2/tau2-fit.ts';
import { interceptModel } from './intercept-model.ts';
import { scaleData } from './scaled-data.ts';
import { returnScratchPair } from './scratch-pair.ts';
import { firstNonPositiveVariance, modelSummary } from './data-summary.ts';
import type { WeightedModel } from './weighted-model.ts';

/** An intercept-only random-effects fit, in the user's units (raw numbers, NaN where undefined). */
export interface InterceptFit {
  readonly ok: true;
  readonly k: number;
  readonly test: TestType;
  readonly tau2: number;
  readonly tau2Fit: Tau2Fit;
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly df: number | null;
  readonly pValue: number;
  readonly crit: number;
  readonly ciLower: number;
  readonly ciUpper: number;
  readonly piLower: number;
  readonly piUpper: number;
  /** Weights as fractions summing to 1 (computed on first read from the caller's vi, not the model). */
  readonly weights: Float64Array;
  readonly q: number;
  readonly qDf: number;
  readonly qPValue: number;
  readonly i2: number;
  readonly h2: number;
  /** Typical within-study variance (Higgins & Thompson), user's units. */
  readonly typicalVariance: number;
  /** Knapp–Hartung factor (1 unless test = 'knha'). */
  readonly s2w: number;
  /** The model on the scaled data and its variance unit, for Q-profile intervals. */
  readonly model: WeightedModel;
  readonly warnings: readonly string[];
  /**
   * Gives the model's scaled copies of the data back for the next fit of the same size (see
   * `borrowScratchPair`): call it when done with `model` (no later call may read the model);
   * every other field, `weights` included, stays valid.
   */
  release(): void;
}

/** A fit that metafor's rma.uni would refuse; `row` is the offending study (0-based) if any. */
export interface FailedInterceptFit {
  readonly ok: false;
  readonly k: number;
  readonly reason: string;
  readonly row?: number;
}

/**
 * The intercept-only random-effects model of metafor's rma.uni, computed once for every caller
 * (`metaAnalysis`, `subgroupAnalysis`, the diagnostics refits, trim and fill):
 *
 *   yᵢ = μ + uᵢ + εᵢ,  uᵢ ~ N(0, τ²),  εᵢ ~ N(0, vᵢ);  μ̂ = Σwᵢyᵢ/Σwᵢ,  wᵢ = 1/(vᵢ + τ̂²),
 *
 * τ̂² by `method` (written once in src/models/tau2), the Wald / t / Knapp–Hartung test and CI,
 * the prediction interval μ̂ ± crit·√(SE² + τ̂²), Cochran's Q, I² and H². The data are first
 * centred and scaled by a power of 2 (`scaleData`), so every estimate, SE and bound scales with
 * the data and no p-value or I² depends on their units. O(k) per iteration of the estimator.
 * With k = 1, τ² = 0 and the z test are used (as rma.uni) and a warning says so.
 *
 * `fixedTau2` (user's units) replaces the estimate (metafor's `tau2 =` argument); its SE is then `null`.
 * `genqWeights` are the user's weights of method `GENQ` (one per study), which estimates τ² with them.
 *
 * Returns a {@link FailedInterceptFit} (never throws) where rma.uni stops: no study, a zero
 * variance with a method that needs 1/vᵢ, no τ² found, or an infinite weight 1/(vᵢ + τ²).
 *
 * @example
 * fitIntercept(new Float64Array([1, 3]), new Float64Array([1, 1]), 'EE', 'z', 0.95, DEFAULT_TAU2_CONTROL).estimate // => 2
 */
export function fitIntercept(
  yi: Float64Array,
  vi: Float64Array,
  method: PoolingMethod,
  requestedTest: TestType,
  level: number,
  control: Tau2Control,
  fixedTau2?: number,
  genqWeights?: Float64Array,
): InterceptFit | FailedInterceptFit {
  const k = yi.length;
  if (k === 0) return { ok: false, k, reason: 'no study has both yi and vi; nothing to pool' };
  const warnings: string[] = [];
  const test: TestType = k === 1 ? 'z' : requestedTest;
  if (test !== requestedTest) warnings.push(`Only one study: test '${requestedTest}' needs k ≥ 2, so the z test is used.`);
  const data = scaleData(yi, vi, control.stopping === 'exact');
  const model = interceptModel(data.y, data.v, data.unit, data.summary);
  // positive scaled variances are positive variances (the scaling multiplies by a power of 2)
  if (method !== 'GENQ' && NEEDS_POSITIVE_VI.has(method) && firstNonPositiveVariance(model) >= 0) {
    const i = firstNonPositive(vi);
    if (i >= 0) return { ok: false, k, row: i, reason: `sampling variance must be positive for method ${method} (its weights are 1/vi); use ML, REML, EB or HE` };
  }
  const scaled = fixedTau2 === undefined
    ? estimateTau2(model, method, control, genqWeights)
    : { tau2: fixedTau2 / data.unit, se: null, iterations: 0, converged: true, lastChange: 0, warnings: [] };
  warnings.push(...scaled.warnings);
  const tau2 = scaled.tau2 * data.unit;
  if (!Number.isFinite(tau2)) return { ok: false, k, reason: `the ${method} estimator of tau² found no solution` };
  // variances are ≥ 0, so with τ̂² > 0 no weight is infinite; else find the zero variance, if any
  const zero = scaled.tau2 > 0 && modelSummary(model).vMin >= 0 ? -1 : firstNonPositiveVariance(model) < 0 ? -1 : firstNonPositive(vi, scaled.tau2, data.unit);
  if (zero >= 0) {
    return { ok: false, k, row: zero, reason: `sampling variance is 0 and the ${method} estimate of tau² is ${tau2}, so the study's weight 1/(vi + tau²) is infinite` };
  }
  if (method === 'EE' && test === 'knha') warnings.push('The Knapp–Hartung adjustment is not meant for the equal-effects (EE) model.');
  const est = coefficientEstimates(model, scaled.tau2, test);
  if (est === null) return { ok: false, k, reason: 'the weighted model could not be fitted (a weight overflows)' };
  if (est.knhaZero) warnings.push(KNAPP_HARTUNG_ZERO_WARNING);
  const c = Math.sqrt(data.unit);
  const estimate = data.shift + c * est.coef[0]!;
  const se = c * Math.sqrt(est.covariance[0]!);
  const w = wald(estimate, se, est.df, level);
  const piHalf = w.crit * c * Math.sqrt(est.covariance[0]! + scaled.tau2);
  const het = cochranQ(model);
  if (Number.isNaN(het.q)) warnings.push('Q, I² and H² cannot be computed when a sampling variance is 0.');
  const { i2, h2 } = inconsistency(scaled.tau2, het, method === 'EE');
  let weights: Float64Array | undefined;
  return {
    ok: true, k, test, tau2,
    tau2Fit: { ...scaled, tau2, se: scaled.se === null ? null : scaled.se * data.unit },
    estimate, se, statistic: w.statistic, df: est.df, pValue: w.pValue, crit: w.crit,
    ciLower: w.lower, ciUpper: w.upper, piLower: estimate - piHalf, piUpper: estimate + piHalf,
    get weights() { return (weights ??= scaledWeights(vi, 1 / data.unit, scaled.tau2, est.sumW)); }, q: het.q, qDf: het.qDf, qPValue: het.qPValue, i2, h2,
    typicalVariance: het.typicalVariance * data.unit, s2w: est.s2, model, warnings,
    release: () => { if (data.y !== yi) returnScratchPair(data); },
  };
}

/**
 * wᵢ/Σw with wᵢ = 1/(vᵢ/unit + τ²) in the model's units, from the caller's vi (the model's own
 * copy may be given back): vᵢ·(1/unit) is the model's vᵢ to the bit (1/unit is a power of 2, as
 * in `scaleData`), so these are the weights of the fit at τ², whose Σw is `sumW`.
 */
function scaledWeights(vi: Float64Array, inverseUnit: number, tau2: number, sumW: number): Float64Array {
  const k = vi.length;
  const w = new Float64Array(k);
  for (let i = 0; i < k; i++) w[i] = 1 / (vi[i]! * inverseUnit + tau2) / sumW;
  return w;
}

/**
 * τ² of the model by `method`, in the model's units; k = 1 gives τ² = 0 with a warning (as
 * metafor) unless the method is EE.
 */
function estimateTau2(model: WeightedModel, method: PoolingMethod, control: Tau2Control, genqWeights: Float64Array | undefined): Tau2Fit {
  if (model.k - model.p < 1) {
    const warnings = method === 'EE' ? [] : [`Only one study: tau² cannot be estimated and is set to 0 (${method} requested).`];
    return { tau2: 0, se: null, iterations: 0, converged: true, lastChange: 0, warnings };
  }
  if (method === 'GENQ') {
    // without weights there is nothing to estimate with: NaN, reported as "found no solution"
    return genqWeights === undefined ? closedForm(NaN, null) : tau2GeneralizedQ(model, genqWeights);
  }
  return TAU2_ESTIMATORS[method](model, control);
}
