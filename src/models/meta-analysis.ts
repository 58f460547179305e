import { countProvenance } from '../conversions/count-provenance.ts';
import { InputError } from '../errors.ts';
import type { EffectInput, EffectSizes, Interval, MetaAnalysisResult } from '../types.ts';
import { cochranQ, inconsistency } from './heterogeneity.ts';
import { poolEstimate } from './pooled-estimate.ts';
import { qProfileTau2 } from './q-profile.ts';
import { resolveStudies } from './resolve-input.ts';
import { resolveModelOptions, type MetaAnalysisOptions } from './resolve-options.ts';
import { TAU2_ESTIMATORS, NEEDS_POSITIVE_VI } from './tau2/estimators.ts';
import { DEFAULT_TAU2_CONTROL, type Tau2Fit } from './tau2/tau2-fit.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';

/**
 * Univariate meta-analysis: equal-effects or random-effects model for k effect sizes with
 * known sampling variances (metafor's `rma.uni` without moderators).
 *
 *   yᵢ = μ + uᵢ + εᵢ,  uᵢ ~ N(0, τ²),  εᵢ ~ N(0, vᵢ)
 *
 * τ² comes from the chosen estimator (`method`, metafor's codes); μ̂ = Σwᵢyᵢ/Σwᵢ with
 * wᵢ = 1/(vᵢ + τ̂²); the Wald CI and the prediction interval μ̂ ± crit·√(SE² + τ̂²) use the
 * normal, t(k−1) or Knapp–Hartung (`test`) distribution; Cochran's Q, I², H² and Q-profile CIs
 * for τ², I² and H² (Viechtbauer, 2007) complete the output. All work is O(k) per iteration.
 *
 * Rows with a missing yi or vi are omitted and listed in `warnings`. k = 1 is fitted with
 * τ² = 0 (as metafor does) and says so.
 *
 * @param input  an `EffectSizes` from `effectSizes()`, or `{ yi, vi, labels?, provenance? }`
 * @param options `{ method = 'REML', test = 'z', level = 0.95 }`
 * @throws InputError for unknown methods/tests, a level outside (0, 1), mismatched lengths,
 *   non-numeric or negative variances, no usable study, or a zero variance where the method
 *   needs 1/vᵢ.
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' });
 * fit.estimate // => 0.2846...
 */
export function metaAnalysis(
  input: EffectInput | EffectSizes,
  options: MetaAnalysisOptions = {},
): MetaAnalysisResult {
  const resolved = resolveModelOptions(options);
  const { method, level } = resolved;
  const studies = resolveStudies(input);
  const { yi, vi } = studies;
  const k = yi.length;
  if (k === 0) throw new InputError('no study has both yi and vi; nothing to pool', { field: 'yi' });
  checkPositiveVariances(vi, studies.labels, method);

  const warnings = [...studies.warnings];
  // as metafor: with one study there are no residual df for t / Knapp–Hartung, so z is used
  const test = k === 1 && resolved.test !== 'z' ? 'z' : resolved.test;
  if (test !== resolved.test) warnings.push(`Only one study: test '${resolved.test}' needs k ≥ 2, so the z test is used.`);
  const tau2Fit = fitTau2(yi, vi, method);
  warnings.push(...tau2Fit.warnings);
  checkFiniteWeights(vi, tau2Fit.tau2, studies.labels, method);
  if (method === 'EE' && test === 'knha') {
    warnings.push('The Knapp–Hartung adjustment is not meant for the equal-effects (EE) model.');
  }
  const tau2 = tau2Fit.tau2;
  const pooled = poolEstimate(yi, vi, tau2, test, level);
  const het = cochranQ(yi, vi);
  if (Number.isNaN(het.q)) warnings.push('Q, I² and H² cannot be computed when a sampling variance is 0.');
  const { i2, h2 } = inconsistency(tau2, k, het, method === 'EE');
  const halfWidth = pooled.crit * pooled.se;
  const piHalf = pooled.crit * Math.sqrt(pooled.se * pooled.se + tau2);
  const base = {
    k,
    measure: studies.measure,
    method,
    test,
    level,
    estimate: pooled.estimate,
    se: pooled.se,
    statistic: pooled.statistic,
    df: pooled.df,
    pValue: finiteOrNull(pooled.pValue) as number,
    ci: interval(pooled.estimate - halfWidth, pooled.estimate + halfWidth),
    tau2,
    tau2Se: finiteOrNull(tau2Fit.se ?? NaN),
    tau: Math.sqrt(tau2),
    i2,
    h2,
    q: het.q,
    qDf: het.qDf,
    qPValue: het.qPValue,
    predictionInterval: interval(pooled.estimate - piHalf, pooled.estimate + piHalf),
    weights: Array.from(pooled.weights, (w) => (100 * w) / pooled.sumW),
    yi: Array.from(yi),
    vi: Array.from(vi),
    labels: studies.labels,
    provenance: countProvenance(studies.provenance),
  };
  const profile = method !== 'EE' && k > 1 ? heterogeneityIntervals(yi, vi, tau2, level, het.typicalVariance, warnings) : {};
  return Object.freeze({ ...base, ...profile, warnings: Object.freeze(warnings) });
}

function fitTau2(yi: Float64Array, vi: Float64Array, method: MetaAnalysisResult['method']): Tau2Fit {
  if (yi.length === 1) {
    const warnings = method === 'EE' ? [] : [`Only one study: tau² cannot be estimated and is set to 0 (${method} requested).`];
    return { tau2: 0, se: null, iterations: 0, converged: true, warnings };
  }
  return TAU2_ESTIMATORS[method](yi, vi, DEFAULT_TAU2_CONTROL);
}

function checkPositiveVariances(vi: Float64Array, labels: readonly string[], method: MetaAnalysisResult['method']): void {
  if (!NEEDS_POSITIVE_VI.has(method)) return;
  const i = vi.findIndex((v) => !(v > 0));
  if (i >= 0) {
    throw new InputError(`sampling variance must be positive for method ${method} (its weights are 1/vi); use ML, REML, EB or HE`, {
      field: 'vi', study: labels[i], value: vi[i],
    });
  }
}

/** Throws when a weight 1/(vᵢ + τ²) is infinite (a zero variance with τ² = 0), as metafor stops there. */
function checkFiniteWeights(vi: Float64Array, tau2: number, labels: readonly string[], method: MetaAnalysisResult['method']): void {
  const i = vi.findIndex((v) => !(v + tau2 > 0));
  if (i >= 0) {
    throw new InputError(
      `sampling variance is 0 and the ${method} estimate of tau² is ${tau2}, so the study's weight 1/(vi + tau²) is infinite`,
      { field: 'vi', study: labels[i], value: vi[i] },
    );
  }
}

function heterogeneityIntervals(
  yi: Float64Array,
  vi: Float64Array,
  tau2: number,
  level: number,
  typical: number,
  warnings: string[],
): { tau2Ci: Interval; i2Ci: Interval; h2Ci: Interval } {
  if (vi.some((v) => !(v > 0))) {
    warnings.push('Q-profile intervals need every sampling variance > 0; they are not available.');
    const none = interval(NaN, NaN);
    return { tau2Ci: none, i2Ci: none, h2Ci: none };
  }
  const ci = qProfileTau2(yi, vi, tau2, level);
  if (ci.atLimit) warnings.push('A Q-profile bound for tau² lies beyond the search limit max(100, 10·tau²) and is reported at that limit.');
  const toI2 = (t: number) => (100 * t) / (typical + t);
  const toH2 = (t: number) => t / typical + 1;
  return {
    tau2Ci: interval(ci.lower, ci.upper),
    i2Ci: interval(toI2(ci.lower), toI2(ci.upper)),
    h2Ci: interval(toH2(ci.lower), toH2(ci.upper)),
  };
}


function interval(lower: number, upper: number): Interval {
  return Object.freeze({ lower: finiteOrNull(lower), upper: finiteOrNull(upper) });
}
