import { jsonSafeStatistic } from './inference/json-safe-statistic.ts';
import { countProvenance } from '../conversions/count-provenance.ts';
import { InputError } from '../errors.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import type { EffectInput, EffectSizes, Interval, MetaAnalysisResult, PoolingMethod, ProvenanceCounts } from '../types.ts';
import { fitIntercept, type InterceptFit } from './engine/fit-intercept.ts';
import { resolveUserWeights, userWeightedEstimate } from './engine/user-weights.ts';
import { generalizedQIntervals, heterogeneityIntervals } from './heterogeneity-intervals.ts';
import { KERNEL_MAX_K, kernelMetaAnalysis } from './kernel-meta-analysis.ts';
import { plainStudies } from './plain-studies.ts';
import { resolveStudies, type ResolvedStudies } from './resolve-input.ts';
import { META_ANALYSIS_OPTION_KEYS, plainModelOptions, resolveModelOptions, splitGenq, type WeightedAnalysisOptions } from './resolve-options.ts';
import { checkOptions } from '../check-options.ts';
import { lazyFrozen } from '../lazy-frozen.ts';

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
 * The common call — options `method` (not GENQ), `test` and `level` only, 2 to 4096 usable
 * studies with positive variances — is fitted with buffers kept between calls (see
 * `kernelMetaAnalysis`), with the same result to the last bit; the others by the general path.
 *
 * @param input  an `EffectSizes` from `effectSizes()`, or `{ yi, vi, labels?, provenance? }`
 * @param options `{ method = 'REML', test = 'z', level = 0.95, control, weights, weighted, tau2 }` (see
 *   `MetaAnalysisOptions`, `PoolingWeightOptions`: user weights pool with Σaᵢyᵢ/Σaᵢ and a sandwich SE,
 *   τ² still from the method's own weighting, as metafor; `method: 'GENQ'` estimates τ² from the
 *   weights too, by the generalised Q statistic, with the τ², I² and H² intervals from that statistic's
 *   exact distribution, as metafor's `confint` for GENQ)
 * @throws InputError for unknown methods/tests, a level outside (0, 1), mismatched lengths,
 *   non-numeric or negative variances, no usable study, or a zero variance where the method
 *   needs 1/vᵢ.
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' });
 * fit.estimate // => 0.2921644901 (metafor 5.1 rma(yi, vi, method = "DL"): 0.292164490136149)
 */
export function metaAnalysis(
  input: EffectInput | EffectSizes,
  options: WeightedAnalysisOptions = {},
): MetaAnalysisResult {
  const plain = plainModelOptions(options);
  if (plain === null) return engineAnalysis(input, options);
  const studies = plainStudies(input, KERNEL_MAX_K) ?? resolveStudies(input);
  return kernelMetaAnalysis(studies, plain) ?? engineAnalysis(input, options, studies);
}

/** {@link metaAnalysis} by the engine's general path (`studies`: the input already resolved). */
function engineAnalysis(input: EffectInput | EffectSizes, options: WeightedAnalysisOptions, given?: ResolvedStudies): MetaAnalysisResult {
  const split = splitGenq(checkOptions<WeightedAnalysisOptions>(options, META_ANALYSIS_OPTION_KEYS));
  const resolved = resolveModelOptions(split.options);
  const method: PoolingMethod = split.genq ? 'GENQ' : resolved.method;
  const { level, control } = resolved;
  const studies = given ?? resolveStudies(input);
  const { yi, vi } = studies;
  const fixedTau2 = options.tau2;
  if (fixedTau2 !== undefined && (typeof fixedTau2 !== 'number' || !(fixedTau2 >= 0) || !Number.isFinite(fixedTau2) || method === 'EE')) {
    throw new InputError(method === 'EE' ? 'a fixed tau² needs a random-effects method (not EE)' : 'must be a finite number ≥ 0', { field: 'tau2', value: fixedTau2 });
  }
  const userWeights = resolveUserWeights(options.weights, options.weighted, input.yi.length);
  const keptWeights = userWeights === null ? null : Float64Array.from(studies.rows, (i) => userWeights[i]!);
  // GENQ estimates τ² with the given weights, even when weighted: false pools without them (as metafor)
  const genqWeights = split.genq ? Float64Array.from(studies.rows, (i) => Number(options.weights![i])) : undefined;
  const fit = fitIntercept(yi, vi, method, resolved.test, level, control, fixedTau2, genqWeights);
  if (!fit.ok) {
    throw new InputError(fit.reason, { ...fit.row === undefined ? { field: 'yi' } : { field: 'vi', row: studies.rows[fit.row]! + 1, study: studies.labels[fit.row], value: vi[fit.row] }, code: 'E_NOT_ESTIMABLE' });
  }
  const warnings = [...studies.warnings, ...fit.warnings];
  const own = keptWeights === null ? null : userWeightedEstimate(fit, keptWeights, yi, vi, level);
  const statistic = jsonSafeStatistic(own?.statistic ?? fit.statistic, warnings);
  const profile = method === 'EE' || fit.k <= 1 || fixedTau2 !== undefined ? {}
    : genqWeights !== undefined ? generalizedQIntervals(fit, genqWeights, level)
    : heterogeneityIntervals(fit, level, warnings);
  // the per-study outputs are built on first read (see `lazyFrozen`); yi and vi are this call's own copies
  const weights = lazyFrozen(() => Array.from(own?.weights ?? fit.weights, (w) => 100 * w));
  const yiOut = lazyFrozen(() => Array.from(yi));
  const viOut = lazyFrozen(() => Array.from(vi));
  const labels = lazyFrozen(() => studies.labels);
  // every nested value is frozen where it is made (intervals, counts, omitted rows, warnings) and
  // each per-study output when it is built: freezing the result itself makes it deeply frozen
  const result = Object.freeze({
    k: fit.k,
    measure: studies.measure,
    method,
    test: fit.test,
    level,
    estimate: own?.estimate ?? fit.estimate,
    se: own?.se ?? fit.se,
    statistic,
    df: fit.df,
    pValue: finiteOrNull(own?.pValue ?? fit.pValue) as number,
    ci: own === null ? interval(fit.ciLower, fit.ciUpper) : interval(own.ciLower, own.ciUpper),
    tau2: fit.tau2,
    tau2Se: finiteOrNull(fit.tau2Fit.se ?? NaN),
    tau: Math.sqrt(fit.tau2),
    i2: fit.i2,
    h2: fit.h2,
    q: fit.q,
    qDf: fit.qDf,
    qPValue: fit.qPValue,
    predictionInterval: own === null ? interval(fit.piLower, fit.piUpper) : interval(own.piLower, own.piUpper),
    get weights() { return weights(); },
    ...(fixedTau2 === undefined ? {} : { tau2Fixed: true as const }),
    ...(userWeights === null ? {} : { weighting: options.weighted === false ? 'unweighted' as const : 'user' as const }),
    get yi() { return yiOut(); },
    get vi() { return viOut(); },
    get labels() { return labels(); },
    provenance: studies.provenanceGiven ? countProvenance(studies.provenance) : allReported(fit.k),
    converged: fit.tau2Fit.converged,
    iterations: fit.tau2Fit.iterations,
    lastChange: fit.tau2Fit.lastChange,
    omitted: studies.omitted,
    ...profile,
    warnings: Object.freeze(warnings),
  });
  // nothing above reads the model after this point (the weights come from vi): its scaled copies go back
  fit.release();
  return result;
}

function allReported(k: number): ProvenanceCounts {
  return Object.freeze({ reported: k, derived: 0, imputed: 0, assumed: 0 });
}

function interval(lower: number, upper: number): Interval {
  return Object.freeze({ lower: finiteOrNull(lower), upper: finiteOrNull(upper) });
}
