import { chiSquareSf } from '../../distributions/chi-square.ts';
import { InputError } from '../../errors.ts';
import { denseArray } from '../../dense-array.ts';
import { omittedInputRow, type OmittedInputRow } from '../../omission-summary.ts';
import { assertOneOf } from '../../errors.ts';
import { optionKeys } from '../../check-options.ts';
import { cholesky, choleskyLogDet } from '../../numeric/cholesky.ts';
import { minimizeBfgs } from './minimize-bfgs-stepped.ts';
import { freezeResult } from '../../freeze-result.ts';
import type { EffectInput, EffectSizes } from '../../types.ts';
import { waldTest } from '../inference/wald-test.ts';
import { waldOmnibus } from '../inference/wald-omnibus.ts';
import { resolveMultilevelOptions, type MultilevelMethod, type MultilevelTest } from '../multilevel/multilevel-options.ts';
import type { RegressionCoefficient } from '../regression/meta-regression.ts';
import { resolveRegressionInput } from '../regression/resolve-regression-input.ts';
import { interceptOnlyInput } from '../multilevel/multilevel-model.ts';
import { checkBlock, readBlockMatrix, type BlockMatrix, type DenseBlock } from './block-matrix.ts';
import { MULTIVARIATE_STRUCTS, type MultivariateStruct } from './covariance-structures.ts';
import { independentBlocks } from './independent-blocks.ts';
import { evaluateMarginal, marginalBlock, type MarginalModel, type ModelBlock } from './marginal-likelihood.ts';
import { hasLabels, indexTerms, readRandomTerms, type RandomTerm, type ResolvedTerm } from './random-terms.ts';
import { varianceLayout, type FixedComponents } from './variance-parameters.ts';
import { profileIntervals, type ProfileInterval } from './profile-intervals.ts';
import { fitStatisticsOf, type MultivariateFitStatistics } from './multivariate-fit-statistics.ts';
import { describeComponents, type VarianceComponentSummary } from './describe-components.ts';

/** Input of {@link multivariate}: yi, with vi unless the options give V (labels optional). */
export type MultivariateInput = EffectInput | EffectSizes | { readonly yi: ArrayLike<unknown>; readonly labels?: readonly string[] };

/**
 * Options of {@link multivariate}. Variance components can be fixed as in metafor: `sigma2`
 * (one per nested level), `tau2`/`rho` (first `~ inner | outer` term), `gamma2`/`phi` (second),
 * each one number for all or an array with `null` where it is estimated (e.g. `rho: 0`).
 */
export interface MultivariateOptions extends FixedComponents {
  /** Known sampling covariance matrix: a `vcalc` result, `{ k, blocks }`, or a k×k array (split into its blocks). Default: diag(vi). */
  readonly V?: BlockMatrix | readonly (readonly number[])[];
  /** Random effects: `{ levels: [study, es] }` for `~ 1 | study/es`, `{ inner: outcome, outer: study, struct: 'UN' }` for `~ outcome | study`; one term or an array. */
  readonly random?: RandomTerm | readonly RandomTerm[];
  /** Default structure of the `~ inner | outer` terms (metafor's `struct`; default `'CS'`). */
  readonly struct?: MultivariateStruct;
  /** Moderators as in `metaRegression` (numbers, or labels dummy-coded; names of `data` columns). */
  readonly moderators?: Readonly<Record<string, ArrayLike<unknown>>> | readonly string[];
  readonly data?: readonly object[] | Readonly<Record<string, ArrayLike<unknown>>>;
  readonly interactions?: readonly string[];
  /** Whether the model has an intercept (default true; `false` is metafor's `mods = ~ 0 + …`). */
  readonly intercept?: boolean;
  readonly method?: MultilevelMethod;
  readonly test?: MultilevelTest;
  readonly level?: number;
  /** Also compute profile-likelihood intervals of the variance components (default false; one refit per search step). */
  readonly profile?: boolean;
}

/** The valid keys of {@link MultivariateOptions}. */
export const MULTIVARIATE_OPTION_KEYS = optionKeys<MultivariateOptions>()(
  'V', 'random', 'struct', 'moderators', 'data', 'interactions', 'intercept', 'method', 'test', 'level', 'sigma2', 'tau2', 'rho', 'gamma2', 'phi', 'profile');

/** Result of {@link multivariate} (metafor's `rma.mv`). */
export interface MultivariateResult {
  readonly model: 'multivariate';
  readonly k: number;
  readonly kAll: number;
  /** Every input row left out (yi, a variance, a moderator or a random-effect label missing), with the reason; `warnings` names the first few. */
  readonly omitted: readonly OmittedInputRow[];
  readonly p: number;
  readonly method: MultilevelMethod;
  readonly test: MultilevelTest;
  readonly level: number;
  readonly coefficients: readonly RegressionCoefficient[];
  /** (XᵀM⁻¹X)⁻¹. */
  readonly covariance: readonly (readonly number[])[];
  /** k − p for `t`, else null. */
  readonly df: number | null;
  /** σ² of every nested level, terms in order (metafor's `sigma2`). */
  readonly sigma2: readonly number[];
  /** τ² and ρ of the first `~ inner | outer` term (metafor's `tau2`, `rho`), `null` without one. */
  readonly tau2: readonly number[] | null;
  readonly rho: readonly number[] | null;
  /** τ² and ρ of the second `~ inner | outer` term (metafor's `gamma2`, `phi`), `null` without one. */
  readonly gamma2: readonly number[] | null;
  readonly phi: readonly number[] | null;
  /** Each random term with its estimates, levels and group counts (for printing). */
  readonly components: readonly VarianceComponentSummary[];
  readonly qe: number;
  readonly qeDf: number;
  readonly qePValue: number;
  /** Wald test of the coefficients other than the intercept (all of them without one); null when none. */
  readonly qm: number | null;
  readonly qmDf: number;
  readonly qmPValue: number | null;
  readonly fitStatistics: MultivariateFitStatistics;
  /** Profile-likelihood intervals (at `level`) of the free variance components with `profile: true`, else null. */
  readonly profileIntervals: readonly ProfileInterval[] | null;
  readonly logLik: number;
  /** Design matrix of the rows in the model (k rows of p values, columns as `coefficients`). */
  readonly design: readonly (readonly number[])[];
  /** Marginal covariance M = V + random effects at the estimates, as its independent blocks (index: positions in `yi`). */
  readonly marginal: BlockMatrix;
  /** Number of independent blocks of the marginal covariance and the size of the largest. */
  readonly blocks: number;
  readonly largestBlock: number;
  readonly yi: readonly number[];
  readonly labels: readonly string[];
  /** 1-based input row of each row in the model. */
  readonly rows: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}

/**
 * The general multivariate / multilevel meta-analytic model, as metafor's `rma.mv`
 * (Berkey et al., 1998, Stat Med 17:2537; Konstantopoulos, 2011; Viechtbauer, 2010, J Stat Softw 36(3)):
 *
 *   y = Xβ + Σ_l Z_l u_l + Σ_t (outer_t ⊗ inner_t) w_t + e,   e ~ N(0, V),
 *   u_l ~ N(0, σ²_l I),   w_t per outer group ~ N(0, G_t(struct)),
 *
 * with V known (block-diagonal, e.g. from `vcalc`). The variance components maximise the ML or
 * REML likelihood (BFGS on log σ², log τ², atanh ρ with central-difference gradients, three
 * starts, the best kept); β̂ is the GLS estimate with (XᵀM⁻¹X)⁻¹ as covariance, z or t(k − p)
 * tests. Q_E is the GLS residual test under V alone; Q_M tests every coefficient but the
 * intercept (or the intercept alone when it is the only coefficient, as metafor). The marginal covariance is block-diagonal over groups joined by V and the random
 * effects, so a likelihood costs O(Σ n_b³ + k p²), never O(k³). Rows with a missing yi,
 * variance, moderator or label are omitted and listed in `warnings`.
 *
 * @throws InputError for bad options (unknown key or struct), label arrays of the wrong length,
 *   a V that is not square, symmetric or positive definite in a block (naming the row), collinear
 *   moderators, or fewer rows than coefficients + 1.
 * @example
 * const fit = multivariate({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0] }, {
 *   V: { k: 6, blocks: [0, 2, 4].map((i) => ({ cluster: String(i), index: [i, i + 1], matrix: [[0.01, 0.005], [0.005, 0.01]] })) },
 *   random: { levels: [['a', 'a', 'b', 'b', 'c', 'c']] } });
 * fit.sigma2 // => [0.3158333] (balanced REML: variance of the study means 0.3233333 minus their sampling variance 0.0075)
 */
export function multivariate(input: MultivariateInput, options: MultivariateOptions): MultivariateResult {
  const { method, test, level } = resolveMultilevelOptions(options as never, MULTIVARIATE_OPTION_KEYS);
  const struct = options.struct ?? 'CS';
  assertOneOf(struct, MULTIVARIATE_STRUCTS, 'struct');
  const kAll = checkInput(input);
  const { vBlocks, vi } = sampling(input as { readonly vi?: unknown }, options.V, kAll);
  const labelsIn = Array.from({ length: kAll }, (_, i) => input.labels?.[i] ?? `row ${i + 1}`);
  const base = { yi: input.yi as ArrayLike<number>, vi, ...(input.labels ? { labels: input.labels } : {}) };
  if (options.profile !== undefined && typeof options.profile !== 'boolean') throw new InputError('must be true or false', { field: 'profile', value: options.profile });
  const intercept = options.intercept ?? true;
  if (options.moderators === undefined && intercept === false) throw new InputError('a model without intercept needs moderators', { field: 'intercept' });
  const data = options.moderators === undefined
    ? interceptOnlyInput(base)
    : resolveRegressionInput(base, options.moderators, { intercept, ...(options.data ? { data: options.data } : {}), ...(options.interactions ? { interactions: options.interactions } : {}) });
  const names = options.moderators === undefined ? ['intercept'] : intercept ? ['intercept', ...data.names] : [...data.names];
  const columns = intercept ? [Float64Array.from(data.rows, () => 1), ...data.columns] : data.columns;
  const raw = readRandomTerms(options.random, kAll, labelsIn, struct);
  const warnings = [...data.warnings];
  const omitted = [...data.omitted];
  const keep = data.rows.flatMap((r, j) => {
    if (hasLabels(raw, r)) return [j];
    warnings.push(`Row ${r + 1}${labelsIn[r] === `row ${r + 1}` ? '' : ` (${labelsIn[r]})`} omitted: a random-effect label is missing.`);
    omitted.push(omittedInputRow(r, labelsIn[r]!, 'random', 'random-effect label missing'));
    return [];
  });
  omitted.sort((a, b) => a.row - b.row);
  const rows = keep.map((j) => data.rows[j]!);
  const k = rows.length;
  const p = names.length;
  if (k < p + 1) throw new InputError(`needs at least ${p + 1} rows with yi, variances and labels for ${p} coefficient(s); got ${k}`, { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
  const x = new Float64Array(k * p);
  keep.forEach((j, i) => columns.forEach((col, c) => { x[i * p + c] = col[j]!; }));
  const xtx = crossProduct(x, k, p);
  const lx = cholesky(xtx, p);
  if (lx === null) throw new InputError('the moderators are collinear (with the intercept or each other)', { field: 'moderators', code: 'E_NOT_ESTIMABLE' });
  const terms = indexTerms(raw, rows);
  const model: MarginalModel = {
    y: Float64Array.from(keep, (j) => data.yi[j]!), x, k, p, terms,
    blocks: modelBlocks(vBlocks, rows, terms, kAll), halfLogDetXtX: 0.5 * choleskyLogDet(lx, p),
  };
  const layout = varianceLayout(terms, options);
  warnings.push(...layout.notes);
  const reml = method === 'REML';
  const fe = evaluateMarginal(model, null, false)!;
  const fit = maximize(model, layout, reml, startVariance(model, fe.rss));
  if (!fit.converged) warnings.push(`The ${method} optimizer did not converge in ${fit.iterations} iterations; estimates are the last iterate.`);
  const comp = layout.components(fit.theta);
  const ev = evaluateMarginal(model, comp, reml)!;
  const df = test === 't' ? k - p : null;
  const coefficients = names.map((name, a) => {
    const se = Math.sqrt(ev.covariance[a * p + a]!);
    const w = waldTest(ev.beta[a]!, se, df, level);
    return { name, estimate: ev.beta[a]!, se, statistic: w.statistic, pValue: w.pValue, ci: w.ci };
  });
  const tested = intercept && p > 1 ? names.map((_, a) => a).slice(1) : names.map((_, a) => a);
  const omnibus = waldOmnibus(ev.beta, ev.covariance, p, tested, df);
  const structured = comp.structured;
  const nParameters = layout.size;
  return freezeResult({
    model: 'multivariate' as const, k, kAll, omitted, p, method, test, level, coefficients,
    covariance: names.map((_, a) => Array.from(ev.covariance.subarray(a * p, (a + 1) * p))),
    df, sigma2: comp.sigma2.slice(),
    tau2: structured[0] ? structured[0].tau2.slice() : null, rho: structured[0] ? structured[0].rho.slice() : null,
    gamma2: structured[1] ? structured[1].tau2.slice() : null, phi: structured[1] ? structured[1].rho.slice() : null,
    components: describeComponents(terms, raw, rows, comp),
    qe: fe.rss, qeDf: k - p, qePValue: chiSquareSf(fe.rss, k - p), ...omnibus,
    profileIntervals: options.profile === true ? profileIntervals(model, terms, options, reml, fit.theta, ev.logLik, level) : null,
    fitStatistics: fitStatisticsOf(ev.logLik, reml, k, p, nParameters, fe.logLik + 0.5 * fe.rss),
    logLik: ev.logLik,
    design: Array.from({ length: k }, (_, i) => Array.from(x.subarray(i * p, (i + 1) * p))),
    marginal: { k, blocks: model.blocks.map((b, t) => ({ cluster: String(t + 1), index: b.rows.slice(), matrix: rowsOf(marginalBlock(model, b, comp), b.n) })) },
    blocks: model.blocks.length, largestBlock: Math.max(...model.blocks.map((b) => b.n)),
    yi: Array.from(model.y), labels: rows.map((r) => labelsIn[r]!), rows: rows.map((r) => r + 1),
    iterations: fit.iterations, converged: fit.converged, warnings,
  });
}

/**
 * Checks the input's shape before any row is read: an object whose yi (and vi and labels, where
 * given) are dense arrays of at most MAX_INPUT_LENGTH entries (their values are checked row by
 * row later). Returns the number of rows.
 */
function checkInput(input: unknown): number {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new InputError('expected an object with a yi array (and vi, or V in the options)', { field: 'input', value: typeof input === 'object' ? input : typeof input, code: 'E_INVALID_TYPE' });
  }
  const { yi, vi, labels } = input as { readonly yi?: unknown; readonly vi?: unknown; readonly labels?: unknown };
  const kAll = denseArray(yi, 'yi').length;
  if (vi !== undefined) denseArray(vi, 'vi');
  if (labels !== undefined) denseArray(labels, 'labels');
  return kAll;
}

/** The blocks of V (all rows) and the diagonal as vi (NaN where missing, so the row is omitted). */
function sampling(input: { readonly vi?: unknown }, v: unknown, kAll: number): { vBlocks: DenseBlock[]; vi: number[] } {
  if (v === undefined) {
    if (input.vi === undefined) throw new InputError('pass vi in the input or V in the options', { field: 'V', code: 'E_MISSING_VALUE' });
    const viIn = input.vi as ArrayLike<unknown>;
    if (viIn.length !== kAll) throw new InputError(`length mismatch: yi has ${kAll} values but vi has ${viIn.length}`, { field: 'vi', code: 'E_LENGTH_MISMATCH' });
    const vi = Array.from({ length: kAll }, (_, i) => viIn[i] as number);
    return { vBlocks: vi.map((x, i) => ({ index: [i], n: 1, values: Float64Array.of(typeof x === 'number' ? x : NaN) })), vi };
  }
  const vBlocks = readBlockMatrix(v, kAll, 'V', false);
  const vi = new Array<number>(kAll).fill(NaN);
  for (const b of vBlocks) b.index.forEach((i, a) => { const d = b.values[a * b.n + a]!; vi[i] = Number.isFinite(d) ? d : NaN; });
  return { vBlocks, vi };
}

/** The independent blocks of the kept rows, each with its (checked) part of V. */
function modelBlocks(vBlocks: readonly DenseBlock[], rows: readonly number[], terms: readonly ResolvedTerm[], kAll: number): ModelBlock[] {
  const where = new Int32Array(kAll);
  const pos = new Int32Array(kAll);
  vBlocks.forEach((b, t) => b.index.forEach((i, a) => { where[i] = t; pos[i] = a; }));
  const modelRow = new Int32Array(kAll).fill(-1);
  rows.forEach((r, i) => { modelRow[r] = i; });
  for (const b of vBlocks) {
    const kept = b.index.filter((i) => modelRow[i]! >= 0);
    if (kept.length === 0) continue;
    const n = kept.length;
    checkBlock({ index: kept, n, values: Float64Array.from({ length: n * n }, (_, t) => b.values[pos[kept[Math.floor(t / n)]!]! * b.n + pos[kept[t % n]!]!]!) }, 'V');
  }
  return independentBlocks(Int32Array.from(rows, (r) => where[r]!), terms).map((group) => {
    const n = group.length;
    const values = new Float64Array(n * n);
    group.forEach((i, a) => group.forEach((j, c) => {
      const ri = rows[i]!;
      const rj = rows[j]!;
      if (where[ri] === where[rj]) { const b = vBlocks[where[ri]!]!; values[a * n + c] = b.values[pos[ri]! * b.n + pos[rj]!]!; }
    }));
    return { rows: group, n, values, v: values };
  });
}

/** A starting variance: the GLS residual variance beyond the sampling variances, at least 1% of their mean. */
function startVariance(model: MarginalModel, rss: number): number {
  let meanV = 0;
  for (const b of model.blocks) for (let a = 0; a < b.n; a++) meanV += b.v[a * b.n + a]!;
  meanV /= model.k;
  const excess = (rss / Math.max(1, model.k - model.p) - 1) * meanV;
  return Math.max(excess, 0.01 * meanV, 1e-8);
}

function maximize(model: MarginalModel, layout: ReturnType<typeof varianceLayout>, reml: boolean, variance: number) {
  if (layout.size === 0) return { theta: new Float64Array(0), iterations: 0, converged: true };
  const objective = (theta: Float64Array) => {
    const ev = evaluateMarginal(model, layout.components(theta), reml);
    return ev === null ? Infinity : -ev.logLik;
  };
  let best: ReturnType<typeof minimizeBfgs> | null = null;
  for (const scale of [1, 10, 0.1]) {
    const fit = minimizeBfgs(objective, layout.start(variance * scale), { maxIterations: 1000 });
    if (best === null || (Number.isFinite(fit.value) && fit.value < best.value - 1e-10) || (!best.converged && fit.converged && fit.value <= best.value + 1e-10)) best = fit;
  }
  return { theta: best!.x, iterations: best!.iterations, converged: best!.converged };
}

function rowsOf(m: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, a) => Array.from(m.subarray(a * n, (a + 1) * n)));
}

function crossProduct(x: Float64Array, k: number, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let i = 0; i < k; i++) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) out[a * p + b]! += x[i * p + a]! * x[i * p + b]!;
  return out;
}
