import { countProvenance } from '../conversions/count-provenance.ts';
import { InputError } from '../errors.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import type { EffectInput, EffectSizes, Interval, MetaAnalysisResult } from '../types.ts';
import { fitIntercept, type InterceptFit } from './engine/fit-intercept.ts';
import { heterogeneityIntervals } from './heterogeneity-intervals.ts';
import { resolveStudies } from './resolve-input.ts';
import { resolveModelOptions, type MetaAnalysisOptions } from './resolve-options.ts';

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
 * By default τ² is the exact solution: ML and REML the global maximum of their likelihood (a
 * warning says where metafor's own iteration would stop instead), EB and PM the root of their
 * equation to machine precision; results scale with the data (y·c, v·c² give estimates·c and
 * τ²·c², the same p-values and I²). `control` switches to metafor's stopping rule, so the
 * digits are those of an R script with default settings. `converged`, `iterations` and
 * `lastChange` (|Δτ²| of the last step) report how τ² was found.
 *
 * @param input  an `EffectSizes` from `effectSizes()`, or `{ yi, vi, labels?, provenance? }`
 * @param options `{ method = 'REML', test = 'z', level = 0.95, control }` (see `MetaAnalysisOptions`)
 * @throws InputError for unknown methods/tests, a level outside (0, 1), mismatched lengths,
 *   non-numeric or negative variances, no usable study, or a zero variance where the method
 *   needs 1/vᵢ.
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' });
 * fit.estimate // => 0.2921644901 (metafor 5.1 rma(yi, vi, method = "DL"): 0.292164490136149)
 */
export function metaAnalysis(
  input: EffectInput | EffectSizes,
  options: MetaAnalysisOptions = {},
): MetaAnalysisResult {
  const resolved = resolveModelOptions(options);
  const { method, level, control } = resolved;
  const studies = resolveStudies(input);
  const { yi, vi } = studies;
  const fit = fitIntercept(yi, vi, method, resolved.test, level, control);
  if (!fit.ok) {
    throw new InputError(fit.reason, fit.row === undefined ? { field: 'yi' } : { field: 'vi', study: studies.labels[fit.row], value: vi[fit.row] });
  }
  const warnings = [...studies.warnings, ...fit.warnings];
  const base = {
    k: fit.k,
    measure: studies.measure,
    method,
    test: fit.test,
    level,
    estimate: fit.estimate,
    se: fit.se,
    statistic: fit.statistic,
    df: fit.df,
    pValue: finiteOrNull(fit.pValue) as number,
    ci: interval(fit.ciLower, fit.ciUpper),
    tau2: fit.tau2,
    tau2Se: finiteOrNull(fit.tau2Fit.se ?? NaN),
    tau: Math.sqrt(fit.tau2),
    i2: fit.i2,
    h2: fit.h2,
    q: fit.q,
    qDf: fit.qDf,
    qPValue: fit.qPValue,
    predictionInterval: interval(fit.piLower, fit.piUpper),
    weights: Array.from(fit.weights, (w) => 100 * w),
    yi: Array.from(yi),
    vi: Array.from(vi),
    labels: studies.labels,
    provenance: countProvenance(studies.provenance),
    converged: fit.tau2Fit.converged,
    iterations: fit.tau2Fit.iterations,
    lastChange: fit.tau2Fit.lastChange,
  };
  const profile = method !== 'EE' && fit.k > 1 ? heterogeneityIntervals(fit, level, warnings) : {};
  return Object.freeze({ ...base, ...profile, warnings: Object.freeze(warnings) });
}

function interval(lower: number, upper: number): Interval {
  return Object.freeze({ lower: finiteOrNull(lower), upper: finiteOrNull(upper) });
}
