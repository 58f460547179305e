import { InputError, assertOneOf } from '../errors.ts';
import { TAU2_METHODS, TEST_TYPES, type Tau2Method, type TestType } from '../types.ts';

/**
 * The parts of a `metaAnalysis` result that the diagnostics refit from, validated and resolved
 * once: the studies that entered the model (omitted rows already removed), the model settings
 * and the full-model estimates.
 */
export interface FitView {
  readonly k: number;
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly labels: readonly string[];
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
  readonly estimate: number;
  readonly se: number;
  readonly tau2: number;
}

/**
 * Reads and validates a fitted intercept-only model (the result of `metaAnalysis`) for a
 * diagnostic named `caller`. `minK` is the smallest number of studies the diagnostic accepts.
 *
 * @throws InputError when `fit` is not an object, is a meta-regression (it has `coefficients`),
 *   lacks or has malformed `yi`, `vi`, `labels`, `k`, `method`, `test`, `level`, `estimate`, `se`
 *   or `tau2` (the message names the field and, for per-study values, the row), or has fewer
 *   than `minK` studies.
 * @example
 * readFit(metaAnalysis({ yi: [0, 1], vi: [1, 1] }), 'influence', 2).k // => 2
 */
export function readFit(fit: unknown, caller: string, minK: number): FitView {
  if (fit === null || typeof fit !== 'object' || Array.isArray(fit)) {
    throw new InputError(`${caller} expects the result of metaAnalysis()`, {
      field: 'fit',
      value: fit === null || typeof fit !== 'object' ? fit : 'an array',
    });
  }
  const f = fit as Record<string, unknown>;
  if ('coefficients' in f) {
    throw new InputError(`${caller} is only available for models without moderators (metaAnalysis results), not for meta-regressions`, { field: 'fit' });
  }
  const k = f.k;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new InputError(`${caller} expects the result of metaAnalysis(): k must be a positive integer`, { field: 'fit.k', value: k });
  }
  const yi = studyValues(f, 'yi', k, caller);
  const vi = studyValues(f, 'vi', k, caller);
  const negative = vi.findIndex((v) => v < 0);
  if (negative >= 0) {
    throw new InputError('sampling variance must not be negative', { field: 'fit.vi', row: negative + 1, value: vi[negative] });
  }
  const labels = studyLabels(f.labels, k);
  assertOneOf(f.method, TAU2_METHODS, 'fit.method');
  assertOneOf(f.test, TEST_TYPES, 'fit.test');
  const level = f.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new InputError('must be a proportion strictly between 0 and 1', { field: 'fit.level', value: level });
  }
  const estimate = finiteField(f, 'estimate', caller);
  const se = finiteField(f, 'se', caller);
  const tau2 = finiteField(f, 'tau2', caller);
  if (se < 0) throw new InputError('must not be negative', { field: 'fit.se', value: se });
  if (tau2 < 0) throw new InputError('must not be negative', { field: 'fit.tau2', value: tau2 });
  if (k < minK) {
    throw new InputError(`${caller} needs at least ${minK} studies; the model has k = ${k}`, { field: 'fit.k', value: k });
  }
  return { k, yi, vi, labels, method: f.method, test: f.test, level, estimate, se, tau2 };
}

function studyValues(f: Record<string, unknown>, field: 'yi' | 'vi', k: number, caller: string): Float64Array {
  const value = f[field];
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number') {
    throw new InputError(`${caller} expects the result of metaAnalysis(), which lists the studies used in ${field}`, {
      field: `fit.${field}`,
      value: value === null || typeof value !== 'object' ? value : 'not an array',
    });
  }
  const values = value as ArrayLike<unknown>;
  if (values.length !== k) {
    throw new InputError(`length mismatch: ${field} has ${values.length} values but k is ${k}`, { field: `fit.${field}` });
  }
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const x = values[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InputError('must be a finite number (a fit holds only the studies it used)', { field: `fit.${field}`, row: i + 1, value: x });
    }
    out[i] = x;
  }
  return out;
}

function studyLabels(value: unknown, k: number): readonly string[] {
  if (value === undefined) return Array.from({ length: k }, (_, i) => `row ${i + 1}`);
  if (!Array.isArray(value) || value.length !== k) {
    throw new InputError(`must be an array of ${k} study labels`, { field: 'fit.labels' });
  }
  const bad = value.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) throw new InputError('must be a string', { field: 'fit.labels', row: bad + 1, value: value[bad] });
  return value as string[];
}

function finiteField(f: Record<string, unknown>, field: string, caller: string): number {
  const x = f[field];
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new InputError(`${caller} expects the result of metaAnalysis(): must be a finite number`, { field: `fit.${field}`, value: x });
  }
  return x;
}
