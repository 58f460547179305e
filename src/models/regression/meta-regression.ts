import { InputError, numberCode } from '../../errors.ts';
import type {
  Convergence, EffectInput, EffectSizes, Heterogeneity, Inference, Interval, Measure, PoolingMethod, Settings, StudySet, Tau2Method, TestType, Warnings,
} from '../../types.ts';
import { resolveModelOptions, splitGenq, type MetaAnalysisOptions, type PoolingWeightOptions } from '../resolve-options.ts';
import { tau2GeneralizedQ } from '../tau2/generalized-q-weighted.ts';
import { resolveUserWeights } from '../engine/user-weights.ts';
import { closedForm } from '../tau2/tau2-fit.ts';
import { designModel } from '../engine/design-model.ts';
import { scaleData } from '../engine/scaled-data.ts';
import { cochranQ, inconsistency } from '../inference/cochran-q.ts';
import { KNAPP_HARTUNG_ZERO_WARNING } from '../inference/knapp-hartung.ts';
import { NEEDS_POSITIVE_VI, TAU2_ESTIMATORS } from '../tau2/estimators.ts';
import { scaledDesign } from './design-matrix.ts';
import { findCollinear } from './find-collinear.ts';
import { pseudoR2 } from './pseudo-r2.ts';
import { regressionCoefficients } from './regression-coefficients.ts';
import { resolveRegressionInput, type RegressionTermOptions } from './resolve-regression-input.ts';
import type { ModelTerms } from './model-terms.ts';
import { findCollinearNoIntercept, noInterceptDesign, spansIntercept } from './no-intercept-design.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import { checkOptions, optionKeys } from '../../check-options.ts';
import type { OmittedInputRow } from '../../omission-summary.ts';
import { freezeResult, withLazyFields } from '../../freeze-result.ts';
import { lazyFrozen } from '../../lazy-frozen.ts';

/**
 * Options of `metaRegression`: the moderators, plus `metaAnalysis`'s method, test and level, and
 * how the moderators are coded (`data`, `interactions`, `reference`, `levels`, `intercept`).
 */
export interface MetaRegressionOptions extends Omit<MetaAnalysisOptions, 'method'>, RegressionTermOptions, PoolingWeightOptions {
  /**
   * Moderator name → values, index-aligned with yi: numbers, or labels (strings) for a
   * categorical moderator, which is dummy-coded against its first level in sorted order or its
   * `reference` (R's `model.matrix`: `alloc` gives coefficients `allocrandom`,
   * `allocsystematic`); or term labels read from `data` (the rows of `readTable`):
   * `['ablat', 'alloc', 'ablat:year']`, where `a*b` is `a + b + a:b`. A missing value
   * (`isMissing`: null, NaN, `'NA'`, `''`, …) omits the row with a warning. Terms are ordered as
   * R orders them (main effects in the order given, then interactions).
   */
  readonly moderators: Readonly<Record<string, ArrayLike<number | string | boolean | null | undefined>>> | readonly string[];
}

/** The valid keys of {@link MetaRegressionOptions}. */
export const META_REGRESSION_OPTION_KEYS = optionKeys<MetaRegressionOptions>()('moderators', 'method', 'test', 'level', 'control', 'data', 'interactions', 'reference', 'levels', 'intercept', 'weights', 'weighted', 'tau2');

/** One model coefficient with its Wald test. */
export interface RegressionCoefficient extends Omit<Inference, 'df'> {
  /** `'intercept'` or the moderator's name. */
  readonly name: string;
  readonly estimate: number;
  readonly se: number;
  /** z (test `z`) or t (tests `t`, `knha`) statistic. */
  readonly statistic: number;
  /** Two-sided p-value; `null` where metafor reports NA (t/knha with k = p). */
  readonly pValue: number | null;
  readonly ci: Interval;
}

/** Result of `metaRegression` (metafor's `rma.uni` with moderators). */
export interface MetaRegressionResult
  extends Pick<Inference, 'df'>, Pick<Heterogeneity, 'tau2' | 'tau2Se' | 'tau' | 'i2' | 'h2'>,
  Omit<StudySet, 'weights'>, Settings, Warnings, Convergence {
  /** Every input row left out for a missing yi, vi or moderator, with the reason. */
  readonly omitted: readonly OmittedInputRow[];
  /** Studies in the model (rows with a missing value omitted). */
  readonly k: number;
  /** Number of coefficients, intercept included. */
  readonly p: number;
  readonly measure: Measure | null;
  readonly method: PoolingMethod;
  readonly test: TestType;
  readonly level: number;
  /** Intercept first, then the moderators in the order given. */
  readonly coefficients: readonly RegressionCoefficient[];
  /** Covariance matrix of the coefficients (p × p, Knapp–Hartung scaled for `knha`). */
  readonly covariance: readonly (readonly number[])[];
  /** Degrees of freedom k − p of the t tests and of the F test's denominator; `null` for `z`. */
  readonly df: number | null;
  /** Residual heterogeneity τ² (0 for EE). */
  readonly tau2: number;
  readonly tau2Se: number | null;
  readonly tau: number;
  /** Residual I² in percent; `null` when some vᵢ ≤ 0. */
  readonly i2: number | null;
  readonly h2: number | null;
  /** Heterogeneity accounted for by the moderators, percent (metafor's R²); `null` when NA. */
  readonly r2: number | null;
  /** Test for residual heterogeneity Q_E with k − p df. */
  readonly qe: number | null;
  readonly qeDf: number;
  readonly qePValue: number | null;
  /** Omnibus test of the moderators: χ²(qmDf) for `z`, F(qmDf, df) (Q_M already divided by qmDf) for `t`/`knha`. */
  readonly qm: number | null;
  /** Numerator degrees of freedom m = p − 1, or p without intercept (metafor's QMdf[1]); the denominator is `df`. */
  readonly qmDf: number;
  readonly qmPValue: number | null;
  /** The studies that entered the model. */
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  readonly labels: readonly string[];
  /** Design columns of the studies in the model, by coefficient name (the intercept excluded). */
  readonly moderators: Readonly<Record<string, readonly number[]>>;
  /** Whether the model has an intercept (`false`: metafor's `~ x - 1`; Q_M then tests every coefficient). */
  readonly intercept: boolean;
  /** How the design was coded from the variables (factor levels, interactions), for `predict`. */
  readonly terms: ModelTerms;
  /** `'user'` when the coefficients were pooled with the user's `weights`, `'unweighted'` for `weighted: false`. */
  readonly weighting?: 'user' | 'unweighted';
  /** Present (true) when τ² was fixed by the caller (metafor's `tau2 =`); its SE is then `null`. */
  readonly tau2Fixed?: true;
  /** Whether the τ² search converged (always true for closed-form estimators). */
  readonly converged: boolean;
  /** Iterations of the τ² search (0 for closed-form estimators). */
  readonly iterations: number;
  /** |Δτ²| of the last step of the τ² search (0 for closed-form estimators). */
  readonly lastChange: number;
  readonly warnings: readonly string[];
}

/**
 * Mixed-effects meta-regression (metafor 3.8-1's `rma.uni` with `mods`): for k studies with
 * known sampling variances and m moderators,
 *
 *   yᵢ = β₀ + β₁xᵢ₁ + … + βₘxᵢₘ + uᵢ + εᵢ,  uᵢ ~ N(0, τ²),  εᵢ ~ N(0, vᵢ)
 *
 * (Raudenbush, 2009, The Handbook of Research Synthesis and Meta-Analysis, ch. 16; Viechtbauer,
 * 2005, JEBS 30:261). The residual heterogeneity τ² comes from any of metafor's ten estimators
 * generalised with P = W − WX(XᵀWX)⁻¹XᵀW and k − p degrees of freedom (`EE` fixes τ² = 0);
 * β̂ = (XᵀWX)⁻¹XᵀWy with wᵢ = 1/(vᵢ + τ̂²), Wald z tests, or t(k − p) tests with the
 * Knapp–Hartung variance factor (`knha`) or without it (`t`); Q_M tests all moderators
 * (χ²(m), or F(m, k − p) for `t`/`knha`); Q_E tests residual heterogeneity; I², H² are
 * residual; R² compares τ² with the intercept-only τ² of the same method (metafor's rule).
 * Every iteration costs O(k·p²): no k×k matrix is formed.
 *
 * Deviations from metafor: a constant or collinear moderator is an error (metafor drops it with
 * a warning); Paule–Mandel widens its search bracket where metafor stops at `tau2.max`; when
 * Fisher scoring does not converge, a bracketing root search is used with a warning (metafor
 * stops with an error).
 *
 * @param input   an `EffectSizes` from `effectSizes()`, or `{ yi, vi, labels? }`
 * Categorical moderators are dummy-coded against a named `reference` level, interactions
 * (`'ablat:year'`, `'alloc*ablat'`) are coded and named as R's `model.matrix` does, and
 * `intercept: false` fits metafor's `~ x - 1` (a factor then gets one coefficient per level,
 * Q_M tests all p coefficients, R² is reported only when the design spans the intercept).
 *
 * User weights (`weights`, one per input row, or `weighted: false` for equal weights) give
 * β̂ = (XᵀAX)⁻¹XᵀAy with the sandwich covariance (XᵀAX)⁻¹XᵀA M AX(XᵀAX)⁻¹, M = diag(vᵢ + τ̂²),
 * τ̂² still from the method's own weighting; a fixed `tau2` replaces the estimate (as metafor's
 * rma.uni arguments of the same names).
 *
 * @param options `{ moderators, data, interactions, reference, levels, intercept = true,
 *   method = 'REML', test = 'z', level = 0.95, weights, weighted, tau2 }`
 * @throws InputError when there is no moderator, a moderator is named `intercept`, has the wrong
 *   length or a non-numeric or infinite value, is constant or a linear combination of the
 *   intercept and earlier moderators (naming it); for too few complete studies (k ≤ p, or
 *   k < p for EE); a zero variance where the method needs 1/vᵢ or where τ̂² = 0; and every
 *   input or option error of `metaAnalysis`.
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] } });
 * fit.coefficients[1].estimate // => 1.40000000 (metafor 5.1 rma(yi, vi, mods = ~ x): 1.4)
 * fit.tau2                     // => 1.10000000 (REML; metafor: 1.1)
 * fit.r2                       // => 70.0000000 (intercept-only REML τ² = 11/3; metafor: R2 = 70)
 * const rows = [{ g: 'a', x: 0 }, { g: 'b', x: 1 }, { g: 'a', x: 2 }, { g: 'b', x: 3 }, { g: 'c', x: 1 }];
 * metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] },
 *   { moderators: ['g'], data: rows, reference: { g: 'b' }, method: 'EE' }).coefficients.map((c) => c.name)
 * // => ['intercept', 'ga', 'gc']
 */
export function metaRegression(input: EffectInput | EffectSizes, options: MetaRegressionOptions): MetaRegressionResult {
  if (options === null || typeof options !== 'object') {
    throw new InputError('metaRegression needs an options object with moderators', { field: 'options', value: options, code: options === undefined ? 'E_MISSING_VALUE' : 'E_INVALID_TYPE' });
  }
  checkOptions(options, META_REGRESSION_OPTION_KEYS);
  const split = splitGenq(options);
  const resolved = resolveModelOptions({
    method: split.options.method, test: options.test, level: options.level, control: options.control,
  });
  const { test, level, control } = resolved;
  const method: PoolingMethod = split.genq ? 'GENQ' : resolved.method;
  const fixedTau2 = options.tau2;
  if (fixedTau2 !== undefined && (typeof fixedTau2 !== 'number' || !(fixedTau2 >= 0) || !Number.isFinite(fixedTau2) || method === 'EE')) {
    throw new InputError(method === 'EE' ? 'a fixed tau² needs a random-effects method (not EE)' : 'must be a finite number ≥ 0', { field: 'tau2', value: fixedTau2 });
  }
  const data = resolveRegressionInput(input, options.moderators, options);
  // after the input is validated: the weights are one per input row
  const allWeights = resolveUserWeights(options.weights, options.weighted, input.yi.length);
  const { yi, vi, names, columns } = data;
  const intercept = data.terms.intercept;
  const k = yi.length;
  const p = names.length + (intercept ? 1 : 0);
  const needed = method === 'EE' ? p : p + 1;
  if (k < needed) {
    throw new InputError(
      `too few complete studies: ${k} for ${p} coefficients${method === 'EE' ? '' : ' and tau²'} (need at least ${needed})`,
      { field: 'moderators' },
    );
  }
  const design = intercept ? scaledDesign(columns, names, k) : noInterceptDesign(columns, names, k);
  const bad = intercept ? findCollinear(design) : findCollinearNoIntercept(design) + 1;
  if (bad > 0) throw collinearError(names, bad, design.scale[bad - (intercept ? 0 : 1)]! > 0, k < input.yi.length);
  // the labels are read only for a message (10⁶ row names cost more than the fit)
  checkVariances(vi, (i) => data.labels[i]!, method);

  const warnings = [...data.warnings];
  const userWeights = allWeights === null ? null : Float64Array.from(data.rows, (i) => allWeights[i]!);
  // τ², Q_E and R² are invariant to a shift of y: the exact engine centres and scales the data by
  // a power of 2 (scale-free), metafor's rule works on y centred at its mean (metafor's Ymc)
  const exact = control.stopping === 'exact';
  const scaled = scaleData(yi, vi, exact);
  // without an intercept a shift of y is not absorbed: the data are only scaled
  const y = !intercept ? Float64Array.from(yi, (t) => t / Math.sqrt(scaled.unit)) : exact ? scaled.y : centred(yi);
  const shift = !intercept ? 0 : exact ? scaled.shift : mean(yi);
  // metafor estimates τ² and Q_E on the mean-centred outcomes (its Ymc) also without an intercept;
  // where the design does not span the intercept this changes them, and pooled follows metafor
  const spans = intercept || spansIntercept(design);
  const model = designModel(design, intercept ? y : centred(y), scaled.v, scaled.unit);
  const coefModel = intercept ? model : designModel(design, y, scaled.v, scaled.unit);
  if (!spans) {
    warnings.push('The design does not contain the intercept: as metafor, tau² and Q_E are computed from the mean-centred outcomes, the coefficients from the outcomes themselves.');
  }
  const genqWeights = split.genq ? Float64Array.from(data.rows, (i) => Number(options.weights![i])) : null;
  const tau2Fit = fixedTau2 !== undefined
    ? closedForm(fixedTau2 / scaled.unit, null)
    : genqWeights !== null ? tau2GeneralizedQ(model, genqWeights) : TAU2_ESTIMATORS[method as Tau2Method](model, control);
  warnings.push(...tau2Fit.warnings);
  const tau2 = tau2Fit.tau2 * scaled.unit;
  if (tau2 === 0) {
    const i = vi.findIndex((v) => v === 0);
    if (i >= 0) {
      throw new InputError('sampling variance 0 with tau² = 0 gives the study an infinite weight', { field: 'vi', study: data.labels[i], value: 0, code: 'E_NOT_ESTIMABLE' });
    }
  }
  if (method === 'EE' && test === 'knha') {
    warnings.push('The Knapp–Hartung adjustment is not meant for the equal-effects (EE) model.');
  }
  const coef = regressionCoefficients(coefModel, design, { shift, unit: scaled.unit }, tau2Fit.tau2, test, level, intercept ? 1 : 0, userWeights);
  if (coef.knhaZero) warnings.push(KNAPP_HARTUNG_ZERO_WARNING);
  const positive = allPositive(vi);
  const het = positive ? cochranQ(model) : { q: NaN, qDf: k - p, qPValue: NaN, typicalVariance: NaN };
  const { i2, h2 } = positive ? inconsistency(tau2Fit.tau2, het, method === 'EE') : { i2: NaN, h2: NaN };
  if (!positive) {
    warnings.push('Q_E, I² and H² need every sampling variance > 0; they are not available.');
  }
  const r2 = spans ? pseudoR2(model, design, tau2Fit.tau2, method, control, userWeights, genqWeights) : NaN;

  const coefficients = design.names.map((name, j) =>
    Object.freeze({
      name,
      estimate: coef.beta[j]!,
      se: coef.se[j]!,
      statistic: coef.statistic[j]!,
      pValue: finiteOrNull(coef.pValue[j]!),
      ci: Object.freeze({ lower: finiteOrNull(coef.ciLower[j]!), upper: finiteOrNull(coef.ciUpper[j]!) }),
    }),
  );
  const covariance = Array.from({ length: p }, (_, i) => Object.freeze(Array.from(coef.covariance.subarray(i * p, (i + 1) * p))));
  // the per-study outputs are built on first read (see `lazyFrozen`), as metaAnalysis's
  const yiOut = lazyFrozen(() => numberArray(yi));
  const viOut = lazyFrozen(() => numberArray(vi));
  const labelsOut = lazyFrozen(() => [...data.labels]);
  const moderatorsOut = lazyFrozen(() => Object.fromEntries(names.map((name, c) => [name, numberArray(columns[c]!)])));
  return freezeResult(withLazyFields({
    k,
    p,
    measure: data.measure,
    method,
    test,
    level,
    coefficients: Object.freeze(coefficients),
    covariance: Object.freeze(covariance),
    df: coef.df,
    tau2,
    tau2Se: finiteOrNull((tau2Fit.se ?? NaN) * scaled.unit),
    tau: Math.sqrt(tau2),
    i2: finiteOrNull(i2),
    h2: finiteOrNull(h2),
    r2: finiteOrNull(r2),
    qe: finiteOrNull(het.q),
    qeDf: het.qDf,
    qePValue: finiteOrNull(het.qPValue),
    converged: tau2Fit.converged,
    iterations: tau2Fit.iterations,
    lastChange: tau2Fit.lastChange,
    qm: finiteOrNull(coef.qm),
    qmDf: coef.qmDf,
    qmPValue: finiteOrNull(coef.qmPValue),
    get yi() { return yiOut(); },
    get vi() { return viOut(); },
    get labels() { return labelsOut(); },
    get moderators() { return moderatorsOut(); },
    intercept,
    terms: data.terms,
    ...(fixedTau2 === undefined ? {} : { tau2Fixed: true as const }),
    ...(allWeights === null ? {} : { weighting: options.weighted === false ? 'unweighted' as const : 'user' as const }),
    omitted: data.omitted,
    warnings: Object.freeze(warnings),
  }));
}

function collinearError(names: readonly string[], column: number, varies: boolean, omitted: boolean): InputError {
  const name = names[column - 1]!;
  const field = `moderators.${name}`;
  const after = omitted ? ' among the complete rows' : '';
  if (!varies) {
    return new InputError(`moderator "${name}" is constant${after}, so it cannot be told apart from the intercept; drop it`, { field, code: 'E_NOT_ESTIMABLE' });
  }
  const earlier = names.slice(0, column - 1).map((n) => `"${n}"`);
  return new InputError(
    `moderator "${name}" is a linear combination of the intercept${earlier.length ? ` and ${earlier.join(', ')}` : ''}${after} (the design is rank-deficient); drop or recode it`,
    { field },
  );
}

function checkVariances(vi: Float64Array, label: (i: number) => string, method: PoolingMethod): void {
  if (method === 'GENQ' || !NEEDS_POSITIVE_VI.has(method)) return;
  const i = vi.findIndex((v) => !(v > 0));
  if (i >= 0) {
    throw new InputError(`sampling variance must be positive for method ${method} (its weights are 1/vi); use ML, REML, EB, HE or SJ`, { field: 'vi', study: label(i), value: vi[i], code: numberCode(vi[i]) });
  }
}

/** Whether every entry is > 0 (a loop: this runs once per study of large inputs). */
function allPositive(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!(x[i]! > 0)) return false;
  return true;
}

/** A plain array of the entries (Array.from goes through the iterator, several times slower). */
function numberArray(x: Float64Array): number[] {
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]!;
  return out;
}

function mean(y: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i]!;
  return sum / y.length;
}

function centred(y: Float64Array): Float64Array {
  const m = mean(y);
  return Float64Array.from(y, (t) => t - m);
}
