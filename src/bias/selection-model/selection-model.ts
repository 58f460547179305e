import { chiSquareSf } from '../../distributions/chi-square.ts';
import { normalQuantile, normalSf } from '../../distributions/normal.ts';
import { InputError } from '../../errors.ts';
import { freezeResult } from '../../freeze-result.ts';
import { metaAnalysis } from '../../models/meta-analysis.ts';
import { readFit } from '../../models/read-fit.ts';
import type { Convergence, Heterogeneity, Inference, Interval, MetaAnalysisResult, Settings, StudySet, Warnings } from '../../types.ts';
import type { FitLike } from '../../models/read-fit.ts';
import { fitSelection } from './fit-selection.ts';
import { resolveSelectionOptions, type SelectionModelOptions } from './resolve-selection-options.ts';
import { selectionCovariance } from './selection-covariance.ts';
import { selectionData } from './selection-data.ts';
import { selectionLogLikelihood } from './selection-log-likelihood.ts';
import { selectionParameters, type SelectionParameter } from './selection-parameters.ts';
import { selectionWarnings } from './selection-warnings.ts';
import { stepIntervals, type StepInterval } from './step-intervals.ts';
import type { SelectionAlternative, SelectionPrecision, SelectionType } from './selection-types.ts';

/** A likelihood-ratio test. */
export interface LikelihoodRatio {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number | null;
}

/** Result of {@link selectionModel} (metafor's `selmodel`). */
export interface SelectionModelResult
  extends Inference, Pick<Heterogeneity, 'tau2' | 'tau2Se' | 'tau'>, Pick<StudySet, 'k'>, Settings, Warnings, Convergence {
  readonly type: SelectionType;
  readonly alternative: SelectionAlternative;
  /** Resolved cut points: a step function's steps (ending in 1), (α, 1), or beta's (a₁, a₂). */
  readonly steps: readonly number[];
  readonly prec: SelectionPrecision | null;
  readonly k: number;
  /** `'ML'` (random effects, as metafor refits the model) or `'EE'` (τ² = 0). */
  readonly method: 'ML' | 'EE';
  readonly test: 'z';
  readonly level: number;
  /** Pooled estimate adjusted for selection, with its Wald z-test and interval. */
  readonly estimate: number;
  readonly se: number | null;
  readonly statistic: number | null;
  readonly df: null;
  readonly pValue: number | null;
  readonly ci: Interval;
  readonly tau2: number;
  /** From the observed information; `null` when τ² is fixed or (almost) 0. */
  readonly tau2Se: number | null;
  /** Wald interval τ̂² ± z·SE, lower bound at least 0. */
  readonly tau2Ci: Interval;
  readonly tau: number;
  readonly tau2Fixed: boolean;
  /** The selection function's parameters δ. */
  readonly delta: readonly SelectionParameter[];
  /** Likelihood-ratio test of no selection (δ at its null value): 2(ℓ − ℓ₀) on the number of estimated δ. */
  readonly selectionTest: LikelihoodRatio;
  /** Likelihood-ratio test of τ² = 0 under the selection model (`null` when τ² is not estimated). */
  readonly heterogeneityTest: LikelihoodRatio | null;
  /** Studies per interval of the p-values (when `steps` are given), metafor's `ptable`. */
  readonly intervals: readonly StepInterval[] | null;
  /** The observed p-values (clamped as in the likelihood), in study order. */
  readonly pValues: readonly number[];
  /** Log-likelihood of the selection model at its maximum. */
  readonly logLik: number;
  /** Log-likelihood of the model without selection (the ML or EE fit). */
  readonly logLikNull: number;
  readonly deviance: number;
  readonly aic: number;
  readonly bic: number;
  readonly aicc: number;
  /** Number of estimated parameters (β, τ² and the free δ). */
  readonly parameters: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly warnings: readonly string[];
}

/**
 * Selection model for publication bias, metafor 5.1's `selmodel`: the random-effects model
 * yᵢ ~ N(β, vᵢ + τ²) observed only with probability proportional to a function w of each
 * study's p-value, fitted by maximum likelihood of the weighted density
 *
 *   f(yᵢ) = w(pᵢ)·φ((yᵢ − β)/σᵢ)/σᵢ / Aᵢ,   Aᵢ = ∫ w(p(y))·φ((y − β)/σᵢ)/σᵢ dy,  σᵢ² = vᵢ + τ²
 *
 * with a step function w (Vevea & Hedges, 1995, Psychometrika 60:419; Aᵢ from normal CDFs) or a
 * parametric one (`beta`: Citkowicz & Vevea, 2017, Psychol Methods 22:17; `halfnorm`, `negexp`,
 * `logistic`, `power`: Preston, Ashby & Smyth, 2004, J Eval Clin Pract 10:313; Aᵢ by quadrature).
 * As metafor: a random-effects fit is refitted by ML (an EE fit keeps τ² = 0), the optimiser works
 * on log τ² and on δ mapped into metafor's limits, standard errors come from the numerical
 * Hessian of the log-likelihood, the selection test is the likelihood ratio against the
 * model without selection, the heterogeneity test the likelihood ratio against τ² = 0.
 * Non-convergence is reported in `converged` and `warnings`.
 *
 * @param fit  a `metaAnalysis` result (weighted; every vᵢ > 0)
 * @throws InputError naming the option (see `resolveSelectionOptions`), `fit` for a model with
 *   user weights, or `fit.k` when there are fewer studies than parameters.
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.35, 0.5, 0.62, 0.2, 0.8, 0.05], vi: [0.01, 0.02, 0.04, 0.05, 0.08, 0.03, 0.1, 0.015] });
 * const sel = selectionModel(fit, { type: 'stepfun', steps: [0.05, 1] });
 * sel.intervals.map((s) => s.k) // => [5, 3]
 * sel.delta[1].estimate.toFixed(3) // => '0.073'
 */
export function selectionModel(fit: MetaAnalysisResult | FitLike, options: SelectionModelOptions): SelectionModelResult {
  const studies = readFit(fit, 'selectionModel', { positiveVi: true });
  const f = fit as unknown as Record<string, unknown>;
  if (f.weighting !== undefined) throw new InputError('selection models need an inverse-variance weighted fit (the fit used custom weights or none)', { field: 'fit', code: 'E_INVALID_RESULT' });
  const o = resolveSelectionOptions(options);
  const level = o.level ?? studies.level;
  const equalEffects = studies.method === 'EE';
  const tau2Fixed = equalEffects || f.tau2Fixed === true;
  const input = { yi: studies.yi, vi: studies.vi, labels: studies.labels };
  const base = equalEffects ? metaAnalysis(input, { method: 'EE' })
    : metaAnalysis(input, { method: 'ML', ...(tau2Fixed ? { tau2: f.tau2 as number } : {}) });
  const { k } = studies;
  const free = o.spec.fixed.filter((d) => d === null).length;
  const parameters = 1 + (tau2Fixed ? 0 : 1) + free;
  if (k < parameters) throw new InputError(`has too few studies for this selection model: k = ${k} < ${parameters} parameters`, { field: 'fit.k', value: k, code: 'E_TOO_FEW_STUDIES' });
  const precision = precisionFactors(studies.vi, o.prec);
  const data = selectionData(studies.yi, studies.vi, Array.from({ length: k }, () => [1]), precision, o.spec, o.alternative);
  const setup = { data, spec: o.spec, betaStart: [base.estimate], tau2Start: base.tau2 };
  const sel = fitSelection({ ...setup, tau2Fixed: tau2Fixed ? base.tau2 : null });
  const cov = selectionCovariance(data, o.spec, sel, !tau2Fixed);
  const logLikNull = selectionLogLikelihood(data, o.spec, [base.estimate], base.tau2, o.spec.nullValue);
  const het = tau2Fixed ? null : fitSelection({ ...setup, tau2Fixed: 0 });
  const crit = normalQuantile((1 - level) / 2, true);
  const se = cov.betaCovariance === null ? null : Math.sqrt(cov.betaCovariance[0]!);
  const estimate = sel.beta[0]!;
  const statistic = se === null ? null : estimate / se;
  const intervals = o.spec.type === 'stepfun' || o.stepsGiven ? stepIntervals(data.pValues, o.spec.steps) : null;
  const delta = selectionParameters(o.spec, sel.delta, cov.deltaSe, level).map((d, j) =>
    intervals && o.spec.type === 'stepfun' ? { ...d, name: `${intervals[j]!.lower} < p <= ${intervals[j]!.upper}` } : d);
  const lrt = Math.max(0, -2 * (logLikNull - sel.logLik));
  const ll = sel.logLik;
  const m = Math.max(k, parameters + 2);
  return freezeResult({
    type: o.spec.type, alternative: o.alternative, steps: [...o.spec.steps], prec: o.prec, k,
    method: equalEffects ? 'EE' : 'ML', test: 'z', level,
    estimate, se, statistic, df: null, pValue: statistic === null ? null : 2 * normalSf(Math.abs(statistic)),
    ci: se === null ? { lower: null, upper: null } : { lower: estimate - crit * se, upper: estimate + crit * se },
    tau2: sel.tau2, tau2Se: cov.tau2Se,
    tau2Ci: cov.tau2Se === null ? { lower: null, upper: null } : { lower: Math.max(0, sel.tau2 - crit * cov.tau2Se), upper: sel.tau2 + crit * cov.tau2Se },
    tau: Math.sqrt(sel.tau2), tau2Fixed,
    delta,
    selectionTest: { statistic: lrt, df: free, pValue: free > 0 ? chiSquareSf(lrt, free) : null },
    heterogeneityTest: het === null ? null : likelihoodRatio(het.logLik, ll),
    intervals, pValues: Array.from(data.pValues),
    logLik: ll, logLikNull, deviance: -2 * ll, aic: -2 * ll + 2 * parameters, bic: -2 * ll + parameters * Math.log(k),
    aicc: -2 * ll + (2 * parameters * m) / (m - parameters - 1), parameters,
    converged: sel.converged, iterations: sel.iterations,
    warnings: selectionWarnings(o.spec, sel, cov, intervals, het),
  });
}

function likelihoodRatio(reduced: number, full: number): LikelihoodRatio {
  const statistic = Math.max(0, -2 * (reduced - full));
  return { statistic, df: 1, pValue: chiSquareSf(statistic, 1) };
}

/** cᵢ: √vᵢ or vᵢ over its maximum (metafor's `prec` with `scaleprec`), else 1. */
function precisionFactors(vi: Float64Array, prec: SelectionPrecision | null): Float64Array {
  if (prec === null) return new Float64Array(vi.length).fill(1);
  const raw = prec === 'sei' ? vi.map(Math.sqrt) : Float64Array.from(vi);
  let max = 0;
  for (const x of raw) max = Math.max(max, x);
  return raw.map((x) => x / max);
}
