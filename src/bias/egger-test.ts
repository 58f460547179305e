import { assertOneOf, InputError } from '../errors.ts';
import { metaRegression } from '../models/regression/meta-regression.ts';
import type { Heterogeneity, Inference, Interval, MetaAnalysisResult, Settings, StudySet, Tau2Method, TestType, Warnings } from '../types.ts';
import { readFit, type FitLike } from '../models/read-fit.ts';
import { weightedLine } from './weighted-line.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { freezeResult } from '../freeze-result.ts';
import { readResult } from '../read-result.ts';

/** Options of {@link eggerTest}. */
export interface EggerTestOptions {
  /**
   * `'rma'` (default): mixed-effects meta-regression with the fit's τ² method, test and level
   * (metafor's default); `'lm'`: Egger's original weighted regression with a multiplicative
   * dispersion term and a t test on k − 2 df.
   */
  readonly model?: 'rma' | 'lm';
  /** Predictor: the standard error `'sei'` (default, Egger's test) or the sampling variance `'vi'`. */
  readonly predictor?: 'sei' | 'vi';
}

/** The valid keys of {@link EggerTestOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const EGGER_TEST_OPTION_KEYS = optionKeys<EggerTestOptions>()('model', 'predictor');

/** Result of {@link eggerTest} (metafor's `regtest`). */
export interface EggerTestResult
  extends Pick<Inference, 'statistic' | 'df' | 'pValue'>, Pick<Heterogeneity, 'tau2'>, Pick<StudySet, 'k'>, Settings, Warnings {
  readonly model: 'rma' | 'lm';
  readonly predictor: 'sei' | 'vi';
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
  /** Intercept: the limit estimate as the standard error (or variance) goes to 0. */
  readonly limitEstimate: number;
  readonly limitSe: number;
  readonly limitCi: Interval;
  /** Residual heterogeneity τ² of the `rma` model; `null` for `lm`. */
  readonly tau2: number | null;
  readonly warnings: readonly string[];
}

/**
 * Regression test for funnel plot asymmetry (Egger, Davey Smith, Schneider & Minder, 1997,
 * BMJ 315:629; Sterne & Egger, 2005, in Publication Bias in Meta-Analysis, ch. 6), metafor
 * 5.1's `regtest`. The studies of the fit are regressed on their standard error √vᵢ (or on
 * vᵢ):
 *
 *   `rma` (default): yᵢ = β₀ + β₁√vᵢ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ), fitted by
 *   `metaRegression` with the fit's τ² method, test (z, t or Knapp–Hartung) and level;
 *   `lm`: weighted least squares with weights 1/vᵢ and an estimated dispersion, t(k − 2).
 *
 * The test of β₁ = 0 is the asymmetry test; the intercept β₀ is the limit estimate (the effect
 * of a study with infinite precision; Stanley & Doucouliagos' PET with the `sei` predictor),
 * with its CI at the fit's level. Scale: that of the fit (e.g. log odds ratios).
 *
 * @param fit  a `metaAnalysis` result (its yi, vi, method, test and level are used)
 * @param options `{ model = 'rma', predictor = 'sei' }`
 * @throws InputError for an unknown model or predictor, fewer than 2 studies (3 for `lm`, or
 *   for `rma` with a τ² method that needs k > 2), all vᵢ equal (the predictor is constant), a
 *   vᵢ ≤ 0 for `lm`, and the other errors of `metaRegression`.
 * @example
 * const fit = metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95],
 *                            vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] });
 * const egger = eggerTest(fit);
 * egger.statistic     // => 2.1133034…   (metafor regtest: z = 2.1133, p = 0.0346)
 * egger.pValue        // => 0.0345748…
 * egger.limitEstimate // => -0.1536462…  (metafor: limit estimate -0.1536)
 */
export function eggerTest(fit: MetaAnalysisResult | FitLike, options: EggerTestOptions = {}): EggerTestResult {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, EGGER_TEST_OPTION_KEYS);
    if (options === null || typeof options !== 'object') throw new InputError('must be an options object', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
    const model = options.model ?? 'rma';
    const predictor = options.predictor ?? 'sei';
    assertOneOf(model, ['rma', 'lm'] as const, 'model');
    assertOneOf(predictor, ['sei', 'vi'] as const, 'predictor');
    const { yi, vi, method, test, level } = readFit(fit, 'eggerTest', { positiveVi: model === 'lm' });
    const k = yi.length;
    if (k < (model === 'lm' ? 3 : 2)) {
      throw new InputError(`the regression test with model '${model}' needs at least ${model === 'lm' ? 3 : 2} studies (got ${k})`, { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
    }
    if (vi.every((v) => v === vi[0])) {
      throw new InputError(`all sampling variances are equal, so the predictor ${predictor} is constant and the regression test cannot be fitted`, { field: 'vi', code: 'E_NOT_ESTIMABLE' });
    }
    const x = predictor === 'sei' ? Array.from(vi, Math.sqrt) : Array.from(vi);

    if (model === 'lm') {
      const line = weightedLine(x, yi, Array.from(vi, (v) => 1 / v), level);
      return freezeResult({
        model, predictor, k, method: null, test: 't', level,
        statistic: line.slope.statistic, pValue: finiteOrNull(line.slope.pValue), df: line.df,
        slope: line.slope.estimate, slopeSe: line.slope.se,
        limitEstimate: line.intercept.estimate, limitSe: line.intercept.se,
        limitCi: Object.freeze({ lower: finiteOrNull(line.intercept.lower), upper: finiteOrNull(line.intercept.upper) }),
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
      limitEstimate: b0.estimate, limitSe: b0.se, limitCi: b0.ci,
      tau2: reg.tau2, warnings: Object.freeze([...reg.warnings]),
    });
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
