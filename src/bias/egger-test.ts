import { assertOneOf, InputError, numberCode } from '../errors.ts';
import { denseArray } from '../dense-array.ts';
import { metaRegression } from '../models/regression/meta-regression.ts';
import type { Heterogeneity, Inference, Interval, MetaAnalysisResult, Settings, StudySet, Tau2Method, TestType, Warnings } from '../types.ts';
import { readFit, type FitLike } from '../models/read-fit.ts';
import { weightedLine } from './weighted-line.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';
import { freezeResult } from '../freeze-result.ts';

/** Options of {@link eggerTest}. */
export interface EggerTestOptions {
  /**
   * `'rma'` (default): mixed-effects meta-regression with the fit's τ² method, test and level
   * (metafor's default); `'lm'`: Egger's original weighted regression with a multiplicative
   * dispersion term and a t test on k − 2 df.
   */
  readonly model?: 'rma' | 'lm';
  /**
   * Predictor (metafor's `regtest(predictor = ...)`): the standard error `'sei'` (default, Egger's
   * test), the sampling variance `'vi'`, the total sample size `'ni'`, its inverse `'ninv'`, its
   * square root `'sqrtni'` or the inverse square root `'sqrtninv'` (the four sample-size
   * predictors need the `ni` option).
   */
  readonly predictor?: EggerPredictor;
  /**
   * Total sample size of each study of the fit, in the fit's order (length k, every nᵢ > 0): needed
   * by the predictors `'ni'`, `'ninv'`, `'sqrtni'` and `'sqrtninv'` (a fit does not carry sample
   * sizes), ignored by the others.
   */
  readonly ni?: ArrayLike<number>;
}

/** The predictors of {@link eggerTest}, with metafor's names. */
export const EGGER_PREDICTORS = Object.freeze(['sei', 'vi', 'ni', 'ninv', 'sqrtni', 'sqrtninv'] as const);
export type EggerPredictor = (typeof EGGER_PREDICTORS)[number];

/** Predictors whose value 0 is an infinitely precise study, so the intercept is a limit estimate. */
const HAS_LIMIT: readonly EggerPredictor[] = ['sei', 'vi', 'ninv', 'sqrtninv'];

/** The valid keys of {@link EggerTestOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const EGGER_TEST_OPTION_KEYS = optionKeys<EggerTestOptions>()('model', 'predictor', 'ni');

/** Result of {@link eggerTest} (metafor's `regtest`). */
export interface EggerTestResult
  extends Pick<Inference, 'statistic' | 'df' | 'pValue'>, Pick<Heterogeneity, 'tau2'>, Pick<StudySet, 'k'>, Settings, Warnings {
  readonly model: 'rma' | 'lm';
  readonly predictor: EggerPredictor;
  readonly k: number;
  /** τ² method of the `rma` model; `null` for `lm`. */
  readonly method: Tau2Method | null;
  /** Test of the coefficients: the fit's for `rma`, `'t'` for `lm`. */
  readonly test: TestType;
  readonly level: number;
  /** z or t statistic of the predictor's coefficient (the asymmetry test). */
  readonly statistic: number;
  /** Its two-sided p-value; `null` where metafor reports NA. */
  readonly pValue: number | null;
  /** Degrees of freedom of the t test (k − 2); `null` for a z test. */
  readonly df: number | null;
  /** Coefficient of the predictor (the funnel asymmetry slope). */
  readonly slope: number;
  readonly slopeSe: number;
  /**
   * Intercept: the limit estimate as the predictor goes to 0 (standard error, variance, 1/nᵢ or
   * 1/√nᵢ → 0); `null` for the predictors `'ni'` and `'sqrtni'` (as metafor, which reports none).
   */
  readonly limitEstimate: number | null;
  readonly limitSe: number | null;
  /** CI of the limit estimate at the fit's level (bounds `null` with `limitEstimate`). */
  readonly limitCi: Interval;
  /** Residual heterogeneity τ² of the `rma` model; `null` for `lm`. */
  readonly tau2: number | null;
  readonly warnings: readonly string[];
}

/**
 * Regression test for funnel plot asymmetry (Egger, Davey Smith, Schneider & Minder, 1997,
 * BMJ 315:629; Sterne & Egger, 2005, in Publication Bias in Meta-Analysis, ch. 6), metafor
 * 5.1's `regtest`. The studies of the fit are regressed on a predictor xᵢ of their precision:
 * √vᵢ (`sei`, default), vᵢ (`vi`), nᵢ (`ni`), 1/nᵢ (`ninv`), √nᵢ (`sqrtni`) or 1/√nᵢ (`sqrtninv`):
 *
 *   `rma` (default): yᵢ = β₀ + β₁xᵢ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ), fitted by
 *   `metaRegression` with the fit's τ² method, test (z, t or Knapp–Hartung) and level;
 *   `lm`: weighted least squares with weights 1/vᵢ and an estimated dispersion, t(k − 2).
 *
 * The test of β₁ = 0 is the asymmetry test. For the predictors that vanish for an infinitely
 * precise study (sei, vi, ninv, sqrtninv) the intercept β₀ is the limit estimate, with its CI at
 * the fit's level: with `sei` it is Stanley & Doucouliagos' PET estimate, with `vi` their PEESE
 * estimate (Stanley & Doucouliagos, 2014, Res Synth Methods 5:60; PET-PEESE reports PEESE when
 * PET's estimate differs from 0). Scale: that of the fit (e.g. log odds ratios).
 *
 * @param fit  a `metaAnalysis` result (its yi, vi, method, test and level are used)
 * @param options `{ model = 'rma', predictor = 'sei', ni }`
 * @throws InputError for an unknown option, model or predictor; a sample-size predictor without
 *   `ni`, or an `nᵢ` that is not a positive finite number, or of the wrong length (naming `ni`
 *   and the row); fewer than 2 studies (3 for `lm`, or for `rma` with a τ² method that needs
 *   k > 2); a constant predictor; a vᵢ ≤ 0 for `lm`; and the other errors of `metaRegression`.
 * @example
 * const fit = metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95],
 *                            vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] });
 * const egger = eggerTest(fit);
 * egger.statistic     // => 2.1133034…   (metafor regtest: z = 2.1133, p = 0.0346)
 * egger.pValue        // => 0.0345748…
 * egger.limitEstimate // => -0.1536462…  (metafor: limit estimate -0.1536)
 * eggerTest(fit, { predictor: 'sqrtninv', ni: [120, 60, 30, 45, 90, 35, 25] }).statistic
 * // => 2.1181949…  (metafor regtest(fit, predictor = "sqrtninv", ni = ...): z = 2.1182)
 */
export function eggerTest(fit: MetaAnalysisResult | FitLike, options: EggerTestOptions = {}): EggerTestResult {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, EGGER_TEST_OPTION_KEYS);
    if (options === null || typeof options !== 'object') throw new InputError('must be an options object', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
    const model = options.model ?? 'rma';
    const predictor = options.predictor ?? 'sei';
    assertOneOf(model, ['rma', 'lm'] as const, 'model');
    assertOneOf(predictor, EGGER_PREDICTORS, 'predictor');
    const { yi, vi, labels, method, test, level } = readFit(fit, 'eggerTest', { positiveVi: model === 'lm' });
    const k = yi.length;
    if (k < (model === 'lm' ? 3 : 2)) {
      throw new InputError(`the regression test with model '${model}' needs at least ${model === 'lm' ? 3 : 2} studies (got ${k})`, { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
    }
    const x = predictorValues(predictor, vi, options.ni, labels);
    if (x.every((v) => v === x[0])) {
      const field = predictor === 'sei' || predictor === 'vi' ? 'vi' : 'ni';
      throw new InputError(`all ${field === 'vi' ? 'sampling variances' : 'sample sizes'} are equal, so the predictor ${predictor} is constant and the regression test cannot be fitted`, { field, code: 'E_NOT_ESTIMABLE' });
    }
    const limit = HAS_LIMIT.includes(predictor);

    if (model === 'lm') {
      const line = weightedLine(x, yi, Array.from(vi, (v) => 1 / v), level);
      return freezeResult({
        model, predictor, k, method: null, test: 't', level,
        statistic: line.slope.statistic, pValue: finiteOrNull(line.slope.pValue), df: line.df,
        slope: line.slope.estimate, slopeSe: line.slope.se,
        limitEstimate: limit ? line.intercept.estimate : null, limitSe: limit ? line.intercept.se : null,
        limitCi: Object.freeze(limit ? { lower: finiteOrNull(line.intercept.lower), upper: finiteOrNull(line.intercept.upper) } : { lower: null, upper: null }),
        tau2: null, warnings: Object.freeze([]),
      });
    }
    if (method !== 'EE' && k < 3) {
      throw new InputError(`the regression test with model 'rma' and method ${method} needs at least 3 studies (2 coefficients and tau²; got ${k}); refit with method 'EE' or use model 'lm'`, { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
    }
    const reg = regressOnPredictor(() => metaRegression({ yi, vi }, { moderators: { [predictor]: x }, method, test, level }));
    const [b0, b1] = reg.coefficients;
    if (b0 === undefined || b1 === undefined) throw new InputError('the regression on the predictor could not be fitted', { field: 'vi', code: 'E_NOT_ESTIMABLE' });
    return freezeResult({
      model, predictor, k, method, test: reg.test, level,
      statistic: b1.statistic, pValue: b1.pValue, df: reg.df,
      slope: b1.estimate, slopeSe: b1.se,
      limitEstimate: limit ? b0.estimate : null, limitSe: limit ? b0.se : null,
      limitCi: limit ? b0.ci : Object.freeze({ lower: null, upper: null }),
      tau2: reg.tau2, warnings: Object.freeze([...reg.warnings]),
    });
  });
}

/** The predictor xᵢ of each study: from vᵢ, or from the sample sizes of the `ni` option. */
function predictorValues(predictor: EggerPredictor, vi: Float64Array, niOption: unknown, labels: readonly string[]): number[] {
  if (predictor === 'sei') return Array.from(vi, Math.sqrt);
  if (predictor === 'vi') return Array.from(vi);
  const ni = readSampleSizes(niOption, labels, predictor);
  const f = { ni: (n: number) => n, ninv: (n: number) => 1 / n, sqrtni: Math.sqrt, sqrtninv: (n: number) => 1 / Math.sqrt(n) }[predictor];
  return ni.map(f);
}

function readSampleSizes(value: unknown, labels: readonly string[], predictor: EggerPredictor): number[] {
  if (value === undefined || value === null) {
    throw new InputError(`the predictor '${predictor}' needs the total sample size of each study: pass the option ni (a fit does not carry sample sizes)`, { field: 'ni', code: 'E_MISSING_VALUE' });
  }
  const ni = denseArray<unknown>(value, 'ni');
  if (ni.length !== labels.length) {
    throw new InputError(`length mismatch: ni has ${ni.length} values but the fit has ${labels.length} studies`, { field: 'ni', code: 'E_LENGTH_MISMATCH' });
  }
  return Array.from(ni, (n, i) => {
    if (typeof n !== 'number' || !Number.isFinite(n) || !(n > 0)) {
      throw new InputError('sample size must be a positive finite number', { field: 'ni', row: i + 1, study: labels[i], value: n, code: numberCode(n) });
    }
    return n;
  });
}

/** The internal regression; its errors name the fit, never the `moderators` the user did not pass. */
function regressOnPredictor<T>(fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`the regression test cannot be fitted: ${error.problem}`, { field: 'fit', row: error.row, study: error.study, code: error.code });
  }
}
