import { InputError } from '../../errors.ts';
import type { Measure, MetaAnalysisResult, Tau2Method, TestType } from '../../types.ts';
import type { MultilevelResult } from '../multilevel/multilevel.ts';
import type { MultilevelModelResult } from '../multilevel/multilevel-model.ts';
import type { ModelTerms } from '../regression/model-terms.ts';
import type { MetaRegressionResult } from '../regression/meta-regression.ts';

/** A fit `predict`, `blup`, `anova` and `fitStatistics` accept. */
export type LinearModelFit = MetaAnalysisResult | MetaRegressionResult | MultilevelResult | MultilevelModelResult;

/**
 * What every model of `pooled` shares as a linear mixed model y = Xβ + random effects + ε:
 * the studies, the design (row-major k × p, with metafor's column names), β̂ and its covariance,
 * the test, and the heterogeneity (τ², or σ²_outer and σ²_inner).
 */
export interface ModelView {
  readonly kind: 'metaAnalysis' | 'metaRegression' | 'multilevel';
  readonly k: number;
  readonly p: number;
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly labels: readonly string[];
  /** Row-major k × p design on the user's scale. */
  readonly x: Float64Array;
  /** Coefficient names: `'intercept'` first when the model has one. */
  readonly names: readonly string[];
  readonly intercept: boolean;
  readonly terms: ModelTerms | null;
  readonly beta: Float64Array;
  /** Row-major p × p covariance of β̂ (Knapp–Hartung scaled for `knha`). */
  readonly vb: Float64Array;
  readonly test: TestType;
  /** Degrees of freedom of t tests (k − p), null for z. */
  readonly df: number | null;
  readonly level: number;
  readonly method: Tau2Method | 'ML' | 'REML';
  readonly measure: Measure | null;
  /** τ² of a univariate model (0 for EE); σ²_outer + σ²_inner of a multilevel one. */
  readonly heterogeneity: number;
  /** [σ²_outer, σ²_inner] and the labels of a multilevel fit. */
  readonly nested: { readonly sigma2: readonly [number, number]; readonly outer: readonly string[]; readonly inner: readonly string[] } | null;
}

/**
 * Reads a fitted model (`metaAnalysis`, `metaRegression` or `multilevel`, also after a JSON
 * round trip) into a {@link ModelView} for `caller`.
 *
 * @throws InputError (field `fit` or `fit.<name>`) when the value is not one of those fits or a
 *   field it needs is missing or malformed.
 * @example
 * readModelView(metaAnalysis({ yi: [0, 1], vi: [1, 1] }), 'predict').names // => ['intercept']
 */
export function readModelView(fit: unknown, caller: string): ModelView {
  if (fit === null || typeof fit !== 'object' || Array.isArray(fit)) {
    throw new InputError(`${caller} needs a fitted model (the result of metaAnalysis, metaRegression or multilevel)`, { field: 'fit', value: fit });
  }
  const f = fit as Record<string, unknown>;
  const yi = numbers(f.yi, 'yi', caller);
  const vi = numbers(f.vi, 'vi', caller);
  const k = yi.length;
  if (vi.length !== k) throw new InputError(`length mismatch: vi has ${vi.length} values but yi has ${k}`, { field: 'fit.vi' });
  const labels = Array.isArray(f.labels) && f.labels.length === k ? (f.labels as string[]).map(String) : Array.from({ length: k }, (_, i) => `row ${i + 1}`);
  const level = f.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new InputError('must be a proportion strictly between 0 and 1', { field: 'fit.level', value: level });
  const test = f.test as TestType;
  if (!['z', 't', 'knha'].includes(test)) throw new InputError(`${caller} needs the fit's test (z, t or knha)`, { field: 'fit.test', value: f.test });
  const measure = (typeof f.measure === 'string' ? f.measure : null) as Measure | null;
  const method = f.method as ModelView['method'];
  if (Array.isArray(f.coefficients)) return regressionView(f, { yi, vi, labels, level, test, measure, method, caller });
  const estimate = finite(f.estimate, 'estimate', caller);
  const se = finite(f.se, 'se', caller);
  const base = {
    k, p: 1, yi, vi, labels, x: new Float64Array(k).fill(1), names: ['intercept'], intercept: true, terms: null,
    beta: Float64Array.of(estimate), vb: Float64Array.of(se * se), test, level, measure, method,
    df: test === 'z' ? null : k - 1,
  };
  if (Array.isArray(f.sigma2)) {
    const sigma2 = numbers(f.sigma2, 'sigma2', caller);
    const outer = f.outer as string[];
    const inner = f.inner as string[];
    if (sigma2.length !== 2 || !Array.isArray(outer) || !Array.isArray(inner) || outer.length !== k || inner.length !== k) {
      throw new InputError(`${caller} expects the result of multilevel(): sigma2, outer and inner are malformed`, { field: 'fit' });
    }
    return { ...base, kind: 'multilevel', heterogeneity: sigma2[0]! + sigma2[1]!, nested: { sigma2: [sigma2[0]!, sigma2[1]!], outer, inner } };
  }
  const tau2 = finite(f.tau2, 'tau2', caller);
  return { ...base, kind: 'metaAnalysis', heterogeneity: tau2, nested: null };
}

interface Common {
  yi: Float64Array; vi: Float64Array; labels: readonly string[]; level: number; test: TestType;
  measure: Measure | null; method: ModelView['method']; caller: string;
}

function regressionView(f: Record<string, unknown>, c: Common): ModelView {
  const coefficients = f.coefficients as { name?: unknown; estimate?: unknown }[];
  const names = coefficients.map((co, j) => {
    if (co === null || typeof co !== 'object' || typeof co.name !== 'string') throw new InputError('each coefficient needs a name', { field: `fit.coefficients[${j}]` });
    return co.name;
  });
  const p = names.length;
  const k = c.yi.length;
  const intercept = f.intercept !== false;
  const beta = Float64Array.from(coefficients, (co, j) => finite(co.estimate, `coefficients[${j}].estimate`, c.caller));
  const cov = f.covariance;
  if (!Array.isArray(cov) || cov.length !== p || cov.some((r) => !Array.isArray(r) || r.length !== p)) {
    throw new InputError(`${c.caller} needs the fit's covariance matrix (p × p)`, { field: 'fit.covariance' });
  }
  const vb = Float64Array.from((cov as number[][]).flat());
  const mods = f.moderators as Record<string, unknown> | undefined;
  const x = new Float64Array(k * p);
  names.forEach((name, j) => {
    if (intercept && j === 0) {
      for (let i = 0; i < k; i++) x[i * p] = 1;
      return;
    }
    const col = numbers(mods?.[name], `moderators.${name}`, c.caller);
    if (col.length !== k) throw new InputError(`moderator column has ${col.length} values but the fit has ${k} studies`, { field: `fit.moderators.${name}` });
    for (let i = 0; i < k; i++) x[i * p + j] = col[i]!;
  });
  // a multilevel model with moderators or more levels (sigma2 of each level) adds Σσ²_l, as metafor's predict.rma.mv
  const sigma2 = Array.isArray(f.sigma2) ? numbers(f.sigma2, 'sigma2', c.caller) : null;
  const heterogeneity = sigma2 === null ? finite(f.tau2, 'tau2', c.caller) : sigma2.reduce((a, b) => a + b, 0);
  const terms = (f.terms ?? null) as ModelTerms | null;
  return {
    kind: sigma2 === null ? 'metaRegression' : 'multilevel', k, p, yi: c.yi, vi: c.vi, labels: c.labels, x, names, intercept, terms, beta, vb,
    test: c.test, df: c.test === 'z' ? null : k - p, level: c.level, method: c.method, measure: c.measure,
    heterogeneity, nested: null,
  };
}

function numbers(value: unknown, field: string, caller: string): Float64Array {
  if (!Array.isArray(value) && !(value instanceof Float64Array)) {
    throw new InputError(`${caller} needs the fit's ${field} (the result of a model lists it)`, { field: `fit.${field}` });
  }
  const arr = value as ArrayLike<unknown>;
  return Float64Array.from({ length: arr.length }, (_, i) => {
    const x = arr[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must be a finite number', { field: `fit.${field}`, row: i + 1, value: x });
    return x;
  });
}

function finite(value: unknown, field: string, caller: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(`${caller} needs a finite ${field} in the fit`, { field: `fit.${field}`, value });
  }
  return value;
}

/**
 * Refuses a `multilevel` fit with moderators or more than two levels for the functions that
 * need its variance structure (BLUPs, likelihoods), which only the two-level intercept-only
 * view carries; `predict` and `anova`'s Wald tests need only β̂ and its covariance.
 *
 * @example
 * refuseLevelsModel(readModelView(metaAnalysis({ yi: [0, 1], vi: [1, 1] }), 'blup'), 'blup') // => undefined
 */
export function refuseLevelsModel(view: ModelView, caller: string): void {
  if (view.kind === 'multilevel' && view.nested === null) {
    throw new InputError(`${caller} is available for two-level multilevel fits without moderators; this fit has moderators or more levels`, { field: 'fit', code: 'E_UNSUPPORTED' });
  }
}
