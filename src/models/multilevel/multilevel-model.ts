import { chiSquareSf } from '../../distributions/chi-square.ts';
import { omittedInputRow, type OmittedInputRow } from '../../omission-summary.ts';
import { InputError } from '../../errors.ts';
import { isMissing } from '../../missing.ts';
import { cholesky, choleskyLogDet } from '../../numeric/cholesky.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import type { EffectInput, EffectSizes, Interval } from '../../types.ts';
import { wald, waldTest } from '../inference/wald-test.ts';
import { waldOmnibus, type WaldOmnibus } from '../inference/wald-omnibus.ts';
import type { RegressionCoefficient } from '../regression/meta-regression.ts';
import { resolveRegressionInput } from '../regression/resolve-regression-input.ts';
import { scaledDesign } from '../regression/design-matrix.ts';
import { findCollinear } from '../regression/find-collinear.ts';
import { resolveStudies } from '../resolve-input.ts';
import { maximizeNestedRegression } from './maximize-nested-regression.ts';
import { optionKeys } from '../../check-options.ts';
import { resolveMultilevelOptions, type MultilevelMethod, type MultilevelTest } from './multilevel-options.ts';
import { nestedLevels } from './nested-levels.ts';
import { evaluateNestedRegression, type NestedRegressionData } from './nested-regression-likelihood.ts';
import { readLabels } from './read-labels.ts';

type Label = string | number | null | undefined;

/** Options of `multilevel` with moderators or with any number of nested levels. */
export interface MultilevelModelOptions {
  /**
   * Label arrays of the nested levels, outermost first (metafor's `random = ~ 1 | a/b/c` is
   * `[a, b, c]`), one label per input row. Instead, `outer` and `inner` name two levels.
   */
  readonly levels?: readonly (readonly Label[])[];
  readonly outer?: readonly Label[];
  readonly inner?: readonly Label[];
  /** Moderators as in `metaRegression` (numbers, or labels dummy-coded against the first level). */
  readonly moderators?: Readonly<Record<string, ArrayLike<number | string | boolean | null | undefined>>>;
  readonly method?: MultilevelMethod;
  readonly test?: MultilevelTest;
  readonly level?: number;
}

/** The valid keys of {@link MultilevelModelOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const MULTILEVEL_MODEL_OPTION_KEYS = optionKeys<MultilevelModelOptions>()('levels', 'outer', 'inner', 'moderators', 'method', 'test', 'level');

/** Result of `multilevel` with moderators or more than two levels (metafor's `rma.mv(yi, vi, mods, random = ~ 1 | a/b/…)`). */
export interface MultilevelModelResult {
  readonly k: number;
  readonly kAll: number;
  /** Every input row left out (yi, vi, a moderator or a level label missing), with the reason; `warnings` names the first few. */
  readonly omitted: readonly OmittedInputRow[];
  /** Number of coefficients, intercept included. */
  readonly p: number;
  readonly method: MultilevelMethod;
  readonly test: MultilevelTest;
  readonly level: number;
  /** Groups at each level, outermost first (metafor's `nlvls`). */
  readonly nGroups: readonly number[];
  /** σ²_l of each level, outermost first. */
  readonly sigma2: readonly number[];
  /** Whether σ²_l was fixed at 0 (a level with a single group). */
  readonly fixed: readonly boolean[];
  readonly coefficients: readonly RegressionCoefficient[];
  /** Model-based covariance of the coefficients, (XᵀV⁻¹X)⁻¹. */
  readonly covariance: readonly (readonly number[])[];
  /** k − p for `test: 't'`, `null` for `z`. */
  readonly df: number | null;
  /** Test for residual heterogeneity Q_E (k − p df). */
  readonly qe: number;
  readonly qeDf: number;
  readonly qePValue: number;
  /** Omnibus test of the moderators: χ²(m) for `z`, F(m, k − p) for `t`; `null` without moderators. */
  readonly qm: number | null;
  readonly qmDf: number;
  readonly qmPValue: number | null;
  /** Prediction interval of a new effect, μ̂ ± crit·√(SE² + Σσ²_l) (intercept-only models; else `null`: `predict(fit, { newmods })` gives them). */
  readonly predictionInterval: Interval | null;
  readonly logLik: number;
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  readonly labels: readonly string[];
  /** The rows' labels at each level (outermost first). */
  readonly levels: readonly (readonly string[])[];
  /** Moderator columns of the rows in the model, by coefficient name. */
  readonly moderators: Readonly<Record<string, readonly number[]>>;
  /** 1-based input row of each row in the model. */
  readonly rows: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}

/**
 * Multilevel meta-regression with L ≥ 1 nested random effects, as metafor's
 * `rma.mv(yi, vi, mods, random = ~ 1 | a/b/c)` (Konstantopoulos, 2011, Res Synth Methods 2:61):
 *
 *   y = Xβ + Σ_l Z_l u_l + e,  u_l ~ N(0, σ²_l I),  e ~ N(0, diag(v)).
 *
 * (σ²_l) maximize the REML (default) or ML likelihood globally (`maximizeNestedRegression`; the
 * nested covariance is never formed: O(k·p²) per evaluation); β̂ is the GLS estimate with
 * (XᵀV⁻¹X)⁻¹ as its covariance, z or t(k − p) tests; Q_E is the residual heterogeneity test of
 * the equal-effects regression; Q_M tests all moderators. A level with a single group has σ² fixed
 * at 0 with a warning (as metafor). Rows with a missing yi, vi, moderator or level label are
 * omitted and listed in `warnings`.
 *
 * @throws InputError for bad input or options (naming the field and row), fewer rows than
 *   coefficients + 1, collinear moderators, a non-positive variance, or two adjacent levels with
 *   the same groups (their σ² cannot be told apart).
 * @example
 * const fit = multilevelModel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { levels: [['a', 'a', 'b', 'b', 'c', 'c'], ['1', '2', '1', '2', '1', '2']] });
 * fit.sigma2 // => [0.3133333, 0.0100000] (as multilevel() with outer/inner; metafor 0.313333329, 0.0100000002)
 */
export function multilevelModel(input: EffectInput | EffectSizes, options: MultilevelModelOptions): MultilevelModelResult {
  const { method, test, level } = resolveMultilevelOptions(options, MULTILEVEL_MODEL_OPTION_KEYS);
  resolveStudies(input); // validates yi, vi (or sei), labels and their lengths first
  const kAll = (input.yi as ArrayLike<unknown>).length;
  const data = options.moderators === undefined ? interceptOnlyInput(input) : resolveRegressionInput(input, options.moderators);
  const allLabels = Array.from({ length: kAll }, (_, i) => input.labels?.[i] ?? `row ${i + 1}`);
  const given = options.levels ?? (options.outer !== undefined || options.inner !== undefined ? [options.outer, options.inner] : undefined);
  if (!Array.isArray(given) || given.length === 0) {
    throw new InputError('pass levels (label arrays, outermost first) or outer and inner', { field: 'levels' });
  }
  const levelLabels = given.map((labels, l) => readLabels(labels, options.levels ? `levels[${l}]` : l === 0 ? 'outer' : 'inner', kAll, allLabels));
  const warnings = [...data.warnings];
  const omitted = [...data.omitted];
  const keep = data.rows.flatMap((r, j) => {
    const missing = levelLabels.flatMap((labels, l) => (labels[r] === null ? [options.levels ? `levels[${l}]` : l === 0 ? 'outer' : 'inner'] : []));
    if (missing.length === 0) return [j];
    const study = allLabels[r] === `row ${r + 1}` ? '' : ` (${allLabels[r]})`;
    warnings.push(`Row ${r + 1}${study} omitted: level label missing.`);
    omitted.push(omittedInputRow(r, allLabels[r]!, missing.join(', '), 'level label missing'));
    return [];
  });
  omitted.sort((a, b) => a.row - b.row);
  const rows = keep.map((j) => data.rows[j]!);
  const yi = Float64Array.from(keep, (j) => data.yi[j]!);
  const vi = Float64Array.from(keep, (j) => data.vi[j]!);
  const labels = keep.map((j) => data.labels[j]!);
  const k = yi.length;
  const names = ['intercept', ...data.names];
  const p = names.length;
  vi.forEach((v, i) => {
    if (!(v > 0)) throw new InputError('sampling variance must be positive in a multilevel model', { field: 'vi', row: rows[i]! + 1, value: v });
  });
  if (k < p + 1) throw new InputError(`needs at least ${p + 1} rows with yi, vi and labels for ${p} coefficient(s); got ${k}`, { field: 'yi' });
  const x = new Float64Array(k * p);
  keep.forEach((j, i) => {
    x[i * p] = 1;
    data.columns.forEach((col, c) => { x[i * p + c + 1] = col[j]!; });
  });
  if (p > 1) {
    const bad = findCollinear(scaledDesign(data.columns.map((col) => Float64Array.from(keep, (j) => col[j]!)), data.names, k));
    if (bad > 0) {
      throw new InputError(`moderator "${data.names[bad - 1]}" is constant or a linear combination of the intercept and earlier moderators`, { field: 'moderators' });
    }
  }
  const xtx = crossProduct(x, k, p);
  const lx = cholesky(xtx, p);
  if (lx === null) throw new InputError('the moderators are collinear with the intercept or with each other', { field: 'moderators' });
  const rowLevels = levelLabels.map((labels) => rows.map((r) => labels[r]!));
  const structure = nestedLevels(rowLevels);
  for (let l = 1; l < structure.depth; l++) {
    if (structure.counts[l] === structure.counts[l - 1] && structure.counts[l]! > 1) {
      throw new InputError(`every group of level ${l} holds a single group of level ${l + 1}, so their σ² cannot be told apart; drop one level`, { field: 'levels' });
    }
  }
  const fixed = structure.counts.map((n) => n === 1);
  fixed.forEach((f, l) => { if (f) warnings.push(`Level ${l + 1} has a single group: its σ² cannot be estimated and is fixed to 0 (as metafor).`); });
  const model: NestedRegressionData = { y: yi, v: vi, x, p, levels: structure, halfLogDetXtX: 0.5 * choleskyLogDet(lx, p) };
  const reml = method === 'REML';
  const fit = maximizeNestedRegression(model, reml, fixed);
  if (!fit.converged) warnings.push(`The ${method} optimizer did not converge in ${fit.iterations} iterations; estimates are the last iterate.`);
  const ev = fit.evaluation;
  const df = test === 't' ? k - p : null;
  const coefficients = names.map((name, a) => {
    const se = Math.sqrt(ev.covariance[a * p + a]!);
    const w = waldTest(ev.beta[a]!, se, df, level);
    return Object.freeze({ name, estimate: ev.beta[a]!, se, statistic: w.statistic, pValue: w.pValue, ci: w.ci });
  });
  const qe = residualQ(model);
  const omnibus = moderatorTest(ev.beta, ev.covariance, p, df);
  const s2Total = fit.sigma2.reduce((a, b) => a + b, 0);
  let predictionInterval: Interval | null = null;
  if (p === 1) {
    const w = wald(ev.beta[0]!, Math.sqrt(ev.covariance[0]! + s2Total), df, level);
    predictionInterval = Object.freeze({ lower: finiteOrNull(w.lower), upper: finiteOrNull(w.upper) });
  }
  return Object.freeze({
    k, kAll, omitted: Object.freeze(omitted), p, method, test, level, nGroups: Object.freeze([...structure.counts]), sigma2: Object.freeze([...fit.sigma2]),
    fixed: Object.freeze(fixed), coefficients: Object.freeze(coefficients),
    covariance: Object.freeze(names.map((_, a) => Object.freeze(Array.from(ev.covariance.subarray(a * p, (a + 1) * p))))),
    df, qe, qeDf: k - p, qePValue: chiSquareSf(qe, k - p), ...omnibus, predictionInterval, logLik: ev.logLik,
    yi: Object.freeze(Array.from(yi)), vi: Object.freeze(Array.from(vi)), labels: Object.freeze(labels),
    levels: Object.freeze(rowLevels.map((l) => Object.freeze(l))),
    moderators: Object.freeze(Object.fromEntries(data.names.map((name, c) => [name, Object.freeze(keep.map((j) => data.columns[c]![j]!))]))),
    rows: Object.freeze(rows.map((r) => r + 1)), iterations: fit.iterations, converged: fit.converged,
    warnings: Object.freeze(warnings),
  });
}

/** The rows with yi and vi of an intercept-only model, shaped as `resolveRegressionInput`'s result (no moderator columns). */
export function interceptOnlyInput(input: EffectInput | EffectSizes) {
  const studies = resolveStudies(input);
  const n = input.yi.length;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (!isMissing(input.yi[i]) && !isMissing(input.vi[i])) rows.push(i);
  return { yi: studies.yi, vi: studies.vi, labels: studies.labels, names: [] as string[], columns: [] as Float64Array[], rows, warnings: studies.warnings, omitted: studies.omitted };
}

function crossProduct(x: Float64Array, k: number, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let i = 0; i < k; i++) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) out[a * p + b]! += x[i * p + a]! * x[i * p + b]!;
  return out;
}

/** Q_E: the weighted residual sum of squares of the equal-effects regression (all σ² = 0). */
function residualQ(model: NestedRegressionData): number {
  const ev = evaluateNestedRegression(model, new Array<number>(model.levels.depth).fill(0), false);
  const k = model.y.length;
  let logDetV = 0;
  model.v.forEach((v) => { logDetV += Math.log(v); });
  return Math.max(0, -2 * ev.logLik - k * Math.log(2 * Math.PI) - logDetV);
}

/** Wald test of coefficients 2 … p: χ²(m), or F(m, df) = Q_M/m for t tests. */
function moderatorTest(beta: Float64Array, cov: Float64Array, p: number, df: number | null): WaldOmnibus {
  return waldOmnibus(beta, cov, p, Array.from({ length: p - 1 }, (_, a) => a + 1), df);
}
