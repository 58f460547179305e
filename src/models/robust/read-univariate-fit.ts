import { InputError } from '../../errors.ts';
import type { MetaAnalysisResult } from '../../types.ts';
import type { MetaRegressionResult } from '../regression/meta-regression.ts';
import type { UnivariateFitParts } from './robust-univariate.ts';

/**
 * Checks that `fit` is a `metaAnalysis` or `metaRegression` result (possibly after a JSON round
 * trip) and extracts the studies, τ̂² and the design matrix (intercept, then the moderators'
 * columns in coefficient order) that the cluster-robust sandwich needs.
 *
 * @throws InputError (field `fit`) when a field is missing or malformed.
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] } });
 * Array.from(readUnivariateFit(fit).x) // => [1, 0, 1, 1, 1, 2, 1, 3]
 */
export function readUnivariateFit(fit: MetaAnalysisResult | MetaRegressionResult): UnivariateFitParts {
  if (fit === null || typeof fit !== 'object') throw malformed('expected the result of metaAnalysis(), metaRegression() or multilevel()');
  const yi = numbers(fit.yi, 'yi');
  const vi = numbers(fit.vi, 'vi');
  const k = yi.length;
  if (vi.length !== k || k === 0) throw malformed('fit.yi and fit.vi must be non-empty and of the same length');
  const tau2 = fit.tau2;
  if (typeof tau2 !== 'number' || !(tau2 >= 0)) throw malformed('fit.tau2 must be a number ≥ 0');
  const level = fit.level;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw malformed('fit.level must be a proportion');
  const labels = Array.isArray(fit.labels) && fit.labels.length === k ? fit.labels.map(String) : yi.map((_, i) => `row ${i + 1}`);
  const names = 'coefficients' in fit ? coefficientNames(fit) : ['intercept'];
  const p = names.length;
  const x = new Float64Array(k * p);
  for (let i = 0; i < k; i++) x[i * p] = 1;
  names.slice(1).forEach((name, j) => {
    const column = numbers((fit as MetaRegressionResult).moderators?.[name], `moderators.${name}`);
    if (column.length !== k) throw malformed(`fit.moderators.${name} must have one value per study`);
    column.forEach((v, i) => { x[i * p + j + 1] = v; });
  });
  return { yi, vi, tau2, names, x, level, labels };
}

function coefficientNames(fit: MetaRegressionResult): string[] {
  const coefficients: unknown = fit.coefficients;
  if (!Array.isArray(coefficients) || coefficients.length === 0) throw malformed('fit.coefficients must be a non-empty array');
  return coefficients.map((c: unknown) => {
    const name = (c as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') throw malformed('every coefficient needs a name');
    return name;
  });
}

function numbers(x: unknown, name: string): number[] {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw malformed(`fit.${name} must be an array of finite numbers`);
  }
  return x as number[];
}

function malformed(message: string): InputError {
  return new InputError(`${message}; pass the result of metaAnalysis() or metaRegression()`, { field: 'fit' });
}
