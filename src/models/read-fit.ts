import { denseArray } from '../dense-array.ts';
import { InputError, assertOneOf, numberCode } from '../errors.ts';
import { TAU2_METHODS, TEST_TYPES, type MetaAnalysisResult, type Tau2Method, type TestType } from '../types.ts';

/** The studies and settings of a fitted intercept-only model, validated once. */
export interface FitStudies {
  readonly k: number;
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly labels: readonly string[];
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
}

/** The fields of a `metaAnalysis` result that the diagnostics and bias tests read. */
export type FitLike = Pick<MetaAnalysisResult, 'yi' | 'vi' | 'method' | 'test' | 'level'> & {
  readonly k?: number;
  readonly labels?: readonly string[];
};

/**
 * Reads and validates the studies and settings of a fitted model (the result of `metaAnalysis`)
 * for the function `caller`: finite `yi` and non-negative `vi` of equal length (and equal to `k`
 * when the fit has one), string labels, a known method and test, a level in (0, 1). Used by every
 * function that takes a fit (diagnostics, bias tests), so a malformed fit gets the same message.
 *
 * @param options.minK        fewest studies the caller accepts (default 1)
 * @param options.positiveVi  require every vᵢ > 0 (for callers that weight by 1/vᵢ)
 * @param options.studiesOnly the caller reads only the studies (the rank correlation test): a fit
 *   with user weights or a fixed τ² is accepted. Otherwise such a fit is refused, since the caller
 *   refits with the method's own estimate and inverse-variance weights, which would silently
 *   answer for another model.
 * @throws InputError naming `fit` or the field `fit.<name>` (and row/study) that is missing or
 *   invalid; meta-regression results are refused.
 * @example
 * readFit(metaAnalysis({ yi: [0, 1], vi: [1, 1] }), 'influence', { minK: 2 }).k // => 2
 */
export function readFit(
  fit: unknown,
  caller: string,
  options: { readonly minK?: number; readonly positiveVi?: boolean; readonly studiesOnly?: boolean } = {},
): FitStudies {
  if (fit === null || typeof fit !== 'object' || Array.isArray(fit)) {
    throw new InputError(`${caller} needs a fitted model (the result of metaAnalysis)`, { field: 'fit',
      value: fit === null || typeof fit !== 'object' ? fit : 'an array', code: 'E_INVALID_RESULT' });
  }
  const f = fit as Record<string, unknown>;
  if ('coefficients' in f) {
    throw new InputError(`${caller} is only available for models without moderators (metaAnalysis results), not for meta-regressions`, { field: 'fit', code: 'E_INVALID_RESULT' });
  }
  if (options.studiesOnly !== true) refuseReweighted(f, caller);
  const yi = studyValues(f, 'yi', caller);
  const vi = studyValues(f, 'vi', caller);
  const k = yi.length;
  if (vi.length !== k) throw new InputError(`length mismatch: vi has ${vi.length} values but yi has ${k}`, { field: 'fit.vi', code: 'E_LENGTH_MISMATCH' });
  if (f.k !== undefined && f.k !== k) {
    throw new InputError(`length mismatch: the fit lists ${k} studies in yi but k is another value`, { field: 'fit.k', value: f.k, code: typeof f.k === 'number' ? 'E_LENGTH_MISMATCH' : 'E_INVALID_RESULT' });
  }
  const labels = studyLabels(f.labels, k);
  for (let i = 0; i < k; i++) {
    if (vi[i]! < 0) throw new InputError('sampling variance must not be negative', { field: 'fit.vi', row: i + 1, study: labels[i], value: vi[i], code: numberCode(vi[i]) });
    if (options.positiveVi && !(vi[i]! > 0)) {
      throw new InputError(`${caller} needs every sampling variance > 0 (its weights are 1/vi)`, { field: 'fit.vi', row: i + 1, study: labels[i], value: vi[i], code: numberCode(vi[i]) });
    }
  }
  assertOneOf(f.method, TAU2_METHODS, 'fit.method');
  assertOneOf(f.test, TEST_TYPES, 'fit.test');
  const level = f.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new InputError('must be a proportion strictly between 0 and 1', { field: 'fit.level', value: level, code: numberCode(level) });
  }
  const minK = options.minK ?? 1;
  if (k < minK) throw new InputError(`${caller} needs at least ${minK} studies; the model has k = ${k}`, { field: 'fit.k', value: k, code: 'E_TOO_FEW_STUDIES' });
  return { k, yi, vi, labels, method: f.method, test: f.test, level };
}

function refuseReweighted(f: Record<string, unknown>, caller: string): void {
  if (f.weighting !== undefined) {
    throw new InputError(`${caller} refits the model with inverse-variance weights; it does not support a fit pooled with user weights or weighted: false`, { field: 'fit.weighting', value: f.weighting, code: 'E_UNSUPPORTED' });
  }
  if (f.tau2Fixed !== undefined) {
    throw new InputError(`${caller} refits the model and re-estimates tau²; it does not support a fit with a fixed tau²`, { field: 'fit.tau2Fixed', value: f.tau2Fixed, code: 'E_UNSUPPORTED' });
  }
}

function studyValues(f: Record<string, unknown>, field: 'yi' | 'vi', caller: string): Float64Array {
  const value = f[field];
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number') {
    throw new InputError(`${caller} needs the fit's studies: the result of metaAnalysis lists them in ${field}`, { field: `fit.${field}`,
      value: value === null || typeof value !== 'object' ? value : 'not an array', code: 'E_INVALID_RESULT' });
  }
  const values = denseArray<unknown>(value, `fit.${field}`);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InputError('must be a finite number (a fit holds only the studies it used)', { field: `fit.${field}`, row: i + 1, value: x, code: numberCode(x) });
    }
    out[i] = x;
  }
  return out;
}

function studyLabels(value: unknown, k: number): readonly string[] {
  if (value === undefined) return Array.from({ length: k }, (_, i) => `row ${i + 1}`);
  if (!Array.isArray(value) || value.length !== k) throw new InputError(`must be an array of ${k} study labels`, { field: 'fit.labels', code: 'E_LENGTH_MISMATCH' });
  const bad = value.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) throw new InputError('must be a string', { field: 'fit.labels', row: bad + 1, value: value[bad], code: 'E_INVALID_TYPE' });
  return value as string[];
}

/**
 * The parts of a `metaAnalysis` result that the diagnostics refit from: the studies and
 * settings ({@link readFit}) plus the full-model estimates.
 */
export interface FitView extends FitStudies {
  readonly estimate: number;
  readonly se: number;
  readonly tau2: number;
}

/**
 * {@link readFit} plus the full-model `estimate`, `se` and `tau2` (finite; se, tau2 ≥ 0), for the
 * diagnostics that compare refits with the fit. `minK` is the smallest k the caller accepts.
 *
 * @throws InputError naming the malformed field (`fit.<name>`, and the row for per-study values),
 *   a meta-regression, or fewer than `minK` studies.
 * @example
 * readFitView(metaAnalysis({ yi: [0, 1], vi: [1, 1] }), 'influence', 2).estimate // => 0.5
 */
export function readFitView(fit: unknown, caller: string, minK: number): FitView {
  const studies = readFit(fit, caller, { minK });
  const f = fit as Record<string, unknown>;
  const estimate = finiteField(f, 'estimate', caller);
  const se = finiteField(f, 'se', caller);
  const tau2 = finiteField(f, 'tau2', caller);
  if (se < 0) throw new InputError('must not be negative', { field: 'fit.se', value: se, code: numberCode(se) });
  if (tau2 < 0) throw new InputError('must not be negative', { field: 'fit.tau2', value: tau2, code: numberCode(tau2) });
  return { ...studies, estimate, se, tau2 };
}

function finiteField(f: Record<string, unknown>, field: string, caller: string): number {
  const x = f[field];
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new InputError(`${caller} expects the result of metaAnalysis(): must be a finite number`, { field: `fit.${field}`, value: x, code: 'E_INVALID_RESULT' });
  }
  return x;
}
