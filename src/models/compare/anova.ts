import { chiSquareSf } from '../../distributions/chi-square.ts';
import { fisherFSf } from '../../distributions/fisher-f.ts';
import { InputError } from '../../errors.ts';
import { checkOptions } from '../../check-options.ts';
import { cholesky, forwardSolve } from '../../numeric/cholesky.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import { matrixRank } from '../../numeric/matrix-rank.ts';
import type { TestType } from '../../types.ts';
import { wald } from '../inference/wald-test.ts';
import { readModelView, type LinearModelFit, type ModelView } from '../predict/model-view.ts';
import { likelihoodRatioTest, type LikelihoodRatioResult } from './likelihood-ratio-test.ts';
import { readResult } from '../../read-result.ts';
import type { MultivariateResult } from '../multivariate/multivariate.ts';
import { multivariateLikelihoodRatio } from '../multivariate/multivariate-likelihood-ratio.ts';

/** Options of `anova(fit, options)`: a set of coefficients, or linear combinations of them. */
export interface AnovaOptions {
  /** Coefficient names (`'allocrandom'`) or term labels (`'alloc'`, `'ablat:year'`) tested jointly (metafor's `btt`). */
  readonly coefficients?: readonly string[];
  /** Rows of weights on the coefficients: arrays of p (or p − 1, the intercept then 1) numbers, or `{ name: weight }` (metafor's `X`). */
  readonly contrasts?: readonly (readonly number[] | Readonly<Record<string, number>>)[];
  /** Right-hand side of each hypothesis (default 0). */
  readonly rhs?: number | readonly number[];
}

/** Wald test that a set of coefficients is 0 (metafor's `anova(fit, btt = )`). */
export interface CoefficientTestResult {
  readonly tested: readonly string[];
  /** Q_M (χ² for `z`) or Q_M/m (F for `t`/`knha`). */
  readonly qm: number | null;
  readonly qmDf: number;
  /** Denominator df of the F test; null for `z`. */
  readonly df: number | null;
  readonly pValue: number | null;
  readonly test: TestType;
}

/** One linear combination of the coefficients with its Wald test. */
export interface ContrastTest {
  readonly hypothesis: string;
  readonly weights: readonly number[];
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly pValue: number | null;
}

/** Wald tests of linear combinations and their omnibus test (metafor's `anova(fit, X = )`). */
export interface ContrastTestResult {
  readonly contrasts: readonly ContrastTest[];
  /** Omnibus test of all hypotheses; null when the rows are linearly dependent. */
  readonly qm: number | null;
  readonly qmDf: number;
  readonly df: number | null;
  readonly qmPValue: number | null;
  readonly test: TestType;
}

/** Every result of {@link anova}. */
export type AnovaResult = CoefficientTestResult | ContrastTestResult | LikelihoodRatioResult;

/**
 * Model comparison as metafor's `anova.rma`:
 *
 * - `anova(fit, { coefficients })`: Wald test of H₀: β_S = 0 for a set S of m coefficients,
 *   Q_M = β̂_Sᵀ Var(β̂_S)⁻¹ β̂_S against χ²(m), or Q_M/m against F(m, k − p) under `t`/`knha`;
 * - `anova(fit, { contrasts, rhs })`: for each row l, z (or t) = (lᵀβ̂ − c)/√(lᵀVar(β̂)l), and
 *   the omnibus test of all rows, (Lβ̂ − c)ᵀ(L Var(β̂) Lᵀ)⁻¹(Lβ̂ − c) (χ²(m), or divided by m
 *   against F(m, k − p));
 * - `anova(full, reduced)`: the likelihood-ratio test of two nested fits to the same studies
 *   (see `likelihoodRatioTest`; two `multivariate` fits go to `multivariateLikelihoodRatio`).
 *
 * (Wald, 1943; Viechtbauer, 2010, JSS 36(3), section 3.4; Knapp & Hartung, 2003.) Each form
 * has its own overload, so the result type is the precise one.
 *
 * @throws InputError for an unknown coefficient, a contrast of the wrong length, a missing or
 *   doubled option, or models that cannot be compared.
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3, 4] }, method: 'EE' });
 * anova(fit, { coefficients: ['x'] }).qm // => 8.1 (z² = 0.9²/0.1: slope 9/10, variance 1/Σ(x − x̄)²)
 */
export function anova(fit: LinearModelFit, options: AnovaOptions & { readonly coefficients: readonly string[]; readonly contrasts?: undefined }): CoefficientTestResult;
export function anova(fit: LinearModelFit, options: AnovaOptions & { readonly contrasts: NonNullable<AnovaOptions['contrasts']>; readonly coefficients?: undefined }): ContrastTestResult;
export function anova(full: LinearModelFit, reduced: LinearModelFit): LikelihoodRatioResult;
export function anova(full: MultivariateResult, reduced: MultivariateResult): LikelihoodRatioResult;
export function anova(fit: LinearModelFit, second: AnovaOptions | LinearModelFit): AnovaResult;
export function anova(fit: LinearModelFit | MultivariateResult, second: AnovaOptions | LinearModelFit | MultivariateResult): AnovaResult {
  if (isMultivariate(fit) || isMultivariate(second)) {
    if (!isMultivariate(fit) || !isMultivariate(second)) {
      throw new InputError('a multivariate fit can only be compared with another multivariate fit (likelihood-ratio test)', { field: isMultivariate(fit) ? 'second' : 'fit', code: 'E_UNSUPPORTED' });
    }
    return multivariateLikelihoodRatio(fit, second);
  }
  return readResult(fit, 'metaAnalysis/metaRegression', 'fit', () => {
    if (second !== null && typeof second === 'object' && 'yi' in second) return likelihoodRatioTest(fit, second);
    const o = checkOptions<AnovaOptions>(second, ['coefficients', 'contrasts', 'rhs']);
    const view = readModelView(fit, 'anova');
    if ((o.coefficients === undefined) === (o.contrasts === undefined)) {
      throw new InputError('give either coefficients (names to test) or contrasts (linear combinations), or a second fit', { field: 'options' });
    }
    if (o.coefficients !== undefined) {
      if (o.rhs !== undefined) throw new InputError('rhs goes with contrasts', { field: 'rhs' });
      return coefficientTest(view, resolveCoefficients(view, o.coefficients));
    }
    return contrastTest(view, o.contrasts!, o.rhs);
  });
}

function resolveCoefficients(view: ModelView, given: readonly string[]): number[] {
  if (!Array.isArray(given) || given.length === 0) throw new InputError('must be a non-empty array of coefficient names', { field: 'coefficients' });
  const out = new Set<number>();
  for (const name of given) {
    const j = view.names.indexOf(name);
    if (j >= 0) { out.add(j); continue; }
    const cols = view.terms?.columns.flatMap((c, i) => (c.term === name ? [i + (view.intercept ? 1 : 0)] : [])) ?? [];
    if (cols.length === 0) {
      throw new InputError(`unknown coefficient or term "${name}"; the model has ${view.names.join(', ')}`, { field: 'coefficients', value: name });
    }
    cols.forEach((c) => out.add(c));
  }
  return [...out].sort((a, b) => a - b);
}

function coefficientTest(view: ModelView, index: number[]): CoefficientTestResult {
  const m = index.length;
  const sub = new Float64Array(m * m);
  index.forEach((a, i) => index.forEach((b, j) => { sub[i * m + j] = view.vb[a * view.p + b]!; }));
  const qm = quadraticForm(sub, index.map((j) => view.beta[j]!), m);
  const f = omnibus(qm, m, view);
  return Object.freeze({ tested: Object.freeze(index.map((j) => view.names[j]!)), ...f, pValue: f.qmPValue, test: view.test });
}

function contrastTest(view: ModelView, rows: AnovaOptions['contrasts'] & object, rhs: AnovaOptions['rhs']): ContrastTestResult {
  if (!Array.isArray(rows) || rows.length === 0) throw new InputError('must be a non-empty array of rows', { field: 'contrasts' });
  const { p, names } = view;
  const l = rows.map((row, r) => contrastRow(view, row, `contrasts[${r}]`));
  const m = l.length;
  const c = typeof rhs === 'number' || rhs === undefined ? new Array<number>(m).fill(rhs ?? 0) : [...rhs];
  if (c.length !== m || c.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
    throw new InputError(`must be a number or ${m} numbers, one per contrast`, { field: 'rhs', value: rhs });
  }
  const lb = l.map((row, r) => row.reduce((s, w, j) => s + w * view.beta[j]!, 0) - c[r]!);
  const lv = l.map((a) => l.map((b) => {
    let s = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s += a[i]! * view.vb[i * p + j]! * b[j]!;
    return s;
  }));
  const contrasts = l.map((row, r) => {
    const se = Math.sqrt(lv[r]![r]!);
    const w = wald(lb[r]!, se, view.df, view.level);
    return Object.freeze({
      hypothesis: hypothesisText(row, names, c[r]!), weights: Object.freeze(row), estimate: lb[r]!, se,
      statistic: w.statistic, pValue: finiteOrNull(w.pValue),
    });
  });
  // the omnibus test needs linearly independent rows (metafor: rankMatrix(X) == m)
  const qm = matrixRank(l) === m ? quadraticForm(Float64Array.from(lv.flat()), lb, m) : NaN;
  return Object.freeze({ contrasts: Object.freeze(contrasts), ...omnibus(qm, m, view), test: view.test });
}

function contrastRow(view: ModelView, row: unknown, field: string): number[] {
  const { p, names } = view;
  if (Array.isArray(row)) {
    row.forEach((x, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must hold finite numbers', { field: `${field}[${j}]`, value: x });
    });
    if (view.intercept && row.length === p - 1) return [1, ...(row as number[])];
    if (row.length !== p) throw new InputError(`needs ${p} weights (${names.join(', ')}); got ${row.length}`, { field });
    return [...(row as number[])];
  }
  if (row === null || typeof row !== 'object') throw new InputError('must be an array of weights or { coefficient: weight }', { field, value: row });
  const record = row as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!names.includes(key)) throw new InputError(`unknown coefficient "${key}"; the model has ${names.join(', ')}`, { field });
  }
  return names.map((name) => {
    const x = record[name] ?? 0;
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must be a finite number', { field: `${field}.${name}`, value: x });
    return x;
  });
}

/** `intercept + 10*ablat - allocrandom = 0`, as metafor writes a hypothesis. */
function hypothesisText(row: readonly number[], names: readonly string[], rhs: number): string {
  const terms = row.flatMap((w, j) => {
    if (w === 0) return [];
    const coef = w === 1 ? '' : w === -1 ? '-' : `${w}*`;
    return [`${coef}${names[j]}`];
  });
  return `${terms.join(' + ').replace(/\+ -/g, '- ') || '0'} = ${rhs}`;
}

function quadraticForm(v: Float64Array, b: readonly number[], m: number): number {
  const l = cholesky(v, m);
  if (l === null) return NaN;
  const u = forwardSolve(l, m, b);
  let s = 0;
  for (let i = 0; i < m; i++) s += u[i]! * u[i]!;
  return s;
}

function omnibus(qm: number, m: number, view: ModelView): { qm: number | null; qmDf: number; df: number | null; qmPValue: number | null } {
  if (view.df === null) return { qm: finiteOrNull(qm), qmDf: m, df: null, qmPValue: finiteOrNull(chiSquareSf(qm, m)) };
  const f = qm / m;
  return { qm: finiteOrNull(f), qmDf: m, df: view.df, qmPValue: view.df > 0 ? finiteOrNull(fisherFSf(f, m, view.df)) : null };
}

function isMultivariate(x: unknown): x is MultivariateResult {
  return x !== null && typeof x === 'object' && (x as { model?: unknown }).model === 'multivariate';
}
