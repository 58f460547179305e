import { normalQuantile, normalSf } from '../distributions/normal.ts';
import { assertOneOf, InputError, numberCode } from '../errors.ts';
import { isMissing } from '../missing.ts';
import { TAU2_METHODS, TEST_TYPES, type Inference, type StudySet, type Tau2Method, type TestType, type Warnings } from '../types.ts';
import { binomialFailSafeN, fisherFailSafeN } from './fail-safe-n-p-values.ts';
import { generalFailSafeN, roundFsn, type GeneralFsnSettings } from './general-fail-safe-n.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { denseArray } from '../dense-array.ts';
import { omittedInputRow, type OmittedInputRow } from '../omission-summary.ts';
import { freezeResult } from '../freeze-result.ts';

/** Fail-safe N methods, with metafor's names (`fsn(type = ...)`). */
export const FAIL_SAFE_N_TYPES = Object.freeze(['Rosenthal', 'Orwin', 'Rosenberg', 'Binomial', 'General'] as const);
export type FailSafeNType = (typeof FAIL_SAFE_N_TYPES)[number];

/** Options of {@link failSafeN}. */
export interface FailSafeNOptions {
  /** `'Rosenthal'` (default), `'Orwin'`, `'Rosenberg'`, `'Binomial'` or `'General'` (metafor 5). */
  readonly type?: FailSafeNType;
  /** Significance level of the Rosenthal, Rosenberg, Binomial and General methods; default 0.05. */
  readonly alpha?: number;
  /**
   * Orwin: the effect size the added null studies should bring the mean down to; default half the
   * mean. General: the estimate to reach (default none: the p-value reaching `alpha`).
   */
  readonly target?: number;
  /** Rosenthal: pool the studies' z-values by Stouffer's method (`'stouffer'`, default) or their p-values by Fisher's (`'fisher'`). */
  readonly pool?: 'stouffer' | 'fisher';
  /** General: the τ² estimator; default the input fit's method, else `'REML'`. */
  readonly method?: Tau2Method;
  /** General: the test of the model (`'knha'` or `'t'` imply `exact`); default the input fit's test, else `'z'`. */
  readonly test?: TestType;
  /** General: refit the model to the augmented data (up to 5000 added studies) instead of the approximation; default false. */
  readonly exact?: boolean;
  /** General: mean effect of the added studies (metafor's `mumiss`); default 0. */
  readonly mumiss?: number;
  /** General: a fixed τ² (metafor's `tau2`) instead of an estimate. */
  readonly tau2?: number;
  /**
   * General: `'metafor'` (default) fits with metafor's default convergence control, as `fsn`
   * does (τ² to ~1e-5); `'exact'` solves the fits exactly.
   */
  readonly convergence?: 'metafor' | 'exact';
  /**
   * Orwin: weight the mean by 1/vᵢ. Default, as metafor ≥ 4.4: weighted when the input has `vi`,
   * else the unweighted mean (metafor 3.8-1 always used the unweighted mean: `weighted: false`).
   * General: `false` pools with the unweighted mean (metafor's `weighted = FALSE`); default true.
   */
  readonly weighted?: boolean;
}

/** The valid keys of {@link FailSafeNOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const FAIL_SAFE_N_OPTION_KEYS = optionKeys<FailSafeNOptions>()(
  'type', 'alpha', 'target', 'weighted', 'pool', 'method', 'test', 'exact', 'mumiss', 'tau2', 'convergence',
);

/** The `{ yi, vi }` input of {@link failSafeN} (an `EffectSizes` or a fit also qualifies). */
export interface FailSafeNInput {
  readonly yi: ArrayLike<number | null>;
  readonly vi?: ArrayLike<number | null>;
  readonly labels?: readonly string[];
}

/** Result of {@link failSafeN} (metafor's `fsn`). */
const BEYOND_DOUBLES = 'The fail-safe N is larger than the largest double-precision number';
const AS_NAN = '; it is given as NaN (null in JSON).';

export interface FailSafeNResult extends Pick<Inference, 'pValue'>, Pick<StudySet, 'k'>, Warnings {
  readonly type: FailSafeNType;
  /** Every input row left out for a missing yi (or vi, where used), with the reason. */
  readonly omitted: readonly OmittedInputRow[];
  /**
   * The fail-safe N: number of added null studies, rounded up to an integer. NaN (null in JSON)
   * when it is infinite (Orwin's target is 0; metafor: Inf) or beyond doubles; `warnings` says which.
   */
  readonly n: number;
  /** Studies used (rows with a missing value omitted, see `warnings`). */
  readonly k: number;
  readonly alpha: number;
  /**
   * Rosenthal: one-sided p of Stouffer's combined z (or Fisher's pooled p); Rosenberg: two-sided p
   * of the fixed-effect z; Binomial: the sign test's; General: the model's; Orwin: `null`.
   */
  readonly pValue: number | null;
  /**
   * Orwin: the (weighted) mean effect; Rosenberg: the inverse-variance weighted mean; General: the
   * model's estimate; Rosenthal, Binomial: `null`.
   */
  readonly meanEffect: number | null;
  /** Orwin and General: the target effect size used (its sign set to the mean's); otherwise `null`. */
  readonly target: number | null;
  /** Rosenthal: how the studies were pooled; otherwise `null`. */
  readonly pool: 'stouffer' | 'fisher' | null;
  /** General: the τ² method; otherwise `null`. */
  readonly method: Tau2Method | null;
  /** General: the model's τ²; otherwise `null`. */
  readonly tau2: number | null;
  /** General: the estimate, τ² and p-value after adding the N studies; otherwise `null`. */
  readonly estimateAfter: number | null;
  readonly tau2After: number | null;
  readonly pValueAfter: number | null;
  /** General: N reached the cap of 10⁷ studies (the true N is larger); otherwise false. */
  readonly capped: boolean;
  readonly warnings: readonly string[];
}

/**
 * Fail-safe N: how many unpublished studies averaging a null result would have to exist to
 * overturn a meta-analytic conclusion (metafor 5.1's `fsn`).
 *
 * - Rosenthal (1979, Psychol Bull 86:638), Stouffer's method: with zᵢ = yᵢ/√vᵢ and
 *   z̄ = |Σzᵢ|/√k, N = max(0, k·(z̄/z_α)² − k), z_α the upper-α normal quantile; p = P(Z > z̄).
 * - Orwin (1983, J Educ Stat 8:157): N = max(0, k·(ȳ − t)/t) for the inverse-variance weighted
 *   mean ȳ when `vi` is given (the unweighted mean without `vi`, or with `weighted: false`) and
 *   target t (default ȳ/2, given the sign of ȳ).
 * - Rosenberg (2005, Evolution 59:464), fixed-effect model: with W = Σwᵢ, wᵢ = 1/vᵢ,
 *   N = max(0, k·[(Σwᵢyᵢ/z_{α/2})² − W]/W); p the two-sided p of the fixed-effect z.
 *
 * - Rosenthal with `pool: 'fisher'` (metafor 5): Fisher's χ² of the one-sided p-values, N added
 *   p-values of 0.5 until P(χ²₂₍ₖ₊N₎ > X²) = α.
 * - Binomial (metafor 5): the sign test of k₊ positive effects among k; N the smallest even number
 *   of added studies, half positive, for which binom.test(k₊ + N/2, k + N) reaches α.
 * - General (metafor 5, random-effects): N added studies with the harmonic-mean variance
 *   v̄ = k/Σ(1/vᵢ) and effects of mean `mumiss` (default 0) and SD √(v̄ + τ̂²), until the
 *   model's two-sided p-value reaches α (or its estimate reaches `target`); τ² after adding them by
 *   the approximation [(k − 1)τ̂² + (N − 1)τ̂² + k(θ̂ − θ̄)² + N(μ − θ̄)²]/(k + N − 1), or by refitting
 *   (`exact`, implied by a test other than z). N is found as metafor does (`uniroot` on [0, 50k]).
 *
 * As metafor, N is rounded up to the next integer unless it is within √ε of one. Rows with a
 * missing yᵢ (or a missing vᵢ, where vᵢ is used) are omitted and listed in `warnings`.
 * Scale: yᵢ on the analysis scale (e.g. log risk ratios), vᵢ their sampling variances.
 *
 * @param input  `{ yi, vi }` (an `EffectSizes` or a `metaAnalysis` result also works)
 * @param options `{ type = 'Rosenthal', alpha = 0.05, target, weighted = (vi given) }`
 * @throws InputError for an unknown type, alpha outside (0, 1), a non-finite target, arrays of
 *   different lengths, a non-numeric value, a vᵢ ≤ 0 where vᵢ is used, or no usable study.
 * @example
 * failSafeN({ yi: [0.5, 0.4, 0.6], vi: [0.04, 0.04, 0.04] }).n
 * // => 18   (metafor: fsn(c(.5,.4,.6), c(.04,.04,.04)) gives 18)
 * const fit = metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95], vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] });
 * failSafeN(fit, { type: 'General' }).n              // => 15   (metafor fsn(fit): 15)
 * failSafeN(fit, { type: 'General', target: 0.1 }).n // => 19   (metafor fsn(fit, target = 0.1): 19)
 */
export function failSafeN(input: FailSafeNInput, options: FailSafeNOptions = {}): FailSafeNResult {
  checkOptions(options, FAIL_SAFE_N_OPTION_KEYS);
  if (options === null || typeof options !== 'object') throw new InputError('must be an options object', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
  const type = options.type ?? 'Rosenthal';
  assertOneOf(type, FAIL_SAFE_N_TYPES, 'type');
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
    throw new InputError('must be a significance level strictly between 0 and 1 (e.g. 0.05)', { field: 'alpha', value: alpha, code: numberCode(alpha) });
  }
  const weighted = options.weighted ?? (input !== null && typeof input === 'object' && input.vi !== undefined && input.vi !== null);
  if (typeof weighted !== 'boolean') throw new InputError('must be true or false', { field: 'weighted', value: weighted, code: 'E_INVALID_TYPE' });
  const target = options.target;
  if (target !== undefined && (typeof target !== 'number' || !Number.isFinite(target))) {
    throw new InputError('must be a finite number', { field: 'target', value: target, code: numberCode(target) });
  }
  const pool = options.pool ?? 'stouffer';
  assertOneOf(pool, ['stouffer', 'fisher'] as const, 'pool');
  const general = type === 'General' ? resolveGeneral(input, options) : null;
  const usesVi = type === 'Orwin' ? weighted : type !== 'Binomial';
  const { yi, vi, warnings, omitted } = readStudies(input, usesVi);
  const k = yi.length;
  const base = { type, k, alpha, pool: type === 'Rosenthal' ? pool : null, omitted };
  const done = (rest: Pick<FailSafeNResult, 'n' | 'pValue' | 'meanEffect' | 'target'> & Partial<FailSafeNResult>): FailSafeNResult =>
    freezeResult({ method: null, tau2: null, estimateAfter: null, tau2After: null, pValueAfter: null, capped: false, ...base, ...rest, warnings: [...warnings] });

  if (general !== null) {
    if (k < 2) throw new InputError('the general fail-safe N needs at least 2 studies (metafor stops at k = 1)', { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
    const g = generalFailSafeN(yi, vi, { ...general, alpha, target: target ?? null });
    if (g.capped) warnings.push('The fail-safe N reached the cap of 10^7 added studies: the true N is larger.');
    return done({
      n: g.n, pValue: g.pValue, meanEffect: g.estimate, target: g.target, method: general.method, tau2: g.tau2,
      estimateAfter: g.estimateAfter, tau2After: g.tau2After, pValueAfter: g.pValueAfter, capped: g.capped,
    });
  }
  if (type === 'Binomial') {
    const b = binomialFailSafeN(yi, alpha);
    return done({ n: b.n, pValue: b.pValue, meanEffect: null, target: null });
  }
  if (type === 'Rosenthal' && pool === 'fisher') {
    const f = fisherFailSafeN(yi, vi, alpha);
    if (!Number.isFinite(f.n)) throw new InputError("could not find the fail-safe N with Fisher's method of pooling p-values", { field: 'yi', code: 'E_NOT_ESTIMABLE' });
    return done({ n: f.n, pValue: f.pValue, meanEffect: null, target: null });
  }

  if (type === 'Rosenthal') {
    let sumZ = 0;
    for (let i = 0; i < k; i++) sumZ += yi[i]! / Math.sqrt(vi[i]!);
    if (!Number.isFinite(sumZ)) {
      throw new InputError('the values are too large: the sum of the z-values yi/√vi overflows to Infinity', { field: 'yi', code: 'E_NOT_FINITE' });
    }
    const zMean = Math.abs(sumZ / Math.sqrt(k));
    const ratio = zMean / normalQuantile(alpha, true);
    const n = roundFsn(Math.max(0, k * ratio * ratio - k));
    if (!Number.isFinite(n)) warnings.push(`${BEYOND_DOUBLES} (the z-values are huge)${AS_NAN}`);
    return done({ n: Number.isFinite(n) ? n : NaN, pValue: normalSf(zMean), meanEffect: null, target: null });
  }
  if (type === 'Rosenberg') {
    let sw = 0;
    let swy = 0;
    for (let i = 0; i < k; i++) {
      sw += 1 / vi[i]!;
      swy += yi[i]! / vi[i]!;
    }
    const mean = swy / sw;
    const z = mean * Math.sqrt(sw);
    const t = swy / normalQuantile(alpha / 2, true);
    if (!Number.isFinite(swy) || !Number.isFinite(sw)) {
      throw new InputError('the values are too large: the weighted sums of yi/vi overflow to Infinity', { field: 'vi', code: 'E_NOT_FINITE' });
    }
    const n = roundFsn(Math.max(0, (k * (t * t - sw)) / sw));
    if (!Number.isFinite(n)) warnings.push(`${BEYOND_DOUBLES}${AS_NAN}`);
    return done({ n: Number.isFinite(n) ? n : NaN, pValue: 2 * normalSf(Math.abs(z)), meanEffect: mean, target: null });
  }
  // Orwin
  let mean: number;
  if (weighted) {
    let sw = 0;
    let swy = 0;
    for (let i = 0; i < k; i++) {
      sw += 1 / vi[i]!;
      swy += yi[i]! / vi[i]!;
    }
    mean = swy / sw;
  } else {
    let s = 0;
    for (let i = 0; i < k; i++) s += yi[i]!;
    mean = s / k;
  }
  let goal = target ?? mean / 2;
  let n: number;
  if (goal === 0) {
    n = NaN;
    warnings.push(`The target effect size is 0, so no number of null studies reaches it: the fail-safe N is infinite (metafor: Inf)${AS_NAN}`);
  } else {
    if (Math.sign(goal) !== Math.sign(mean)) goal = -goal;
    n = roundFsn(Math.max(0, (k * (mean - goal)) / goal));
  }
  return done({ n, pValue: null, meanEffect: mean, target: goal });
}

/** The settings of the General type: from the options, else the input fit's, else metafor's defaults. */
function resolveGeneral(input: FailSafeNInput, options: FailSafeNOptions): Omit<GeneralFsnSettings, 'alpha' | 'target'> {
  const fit = input as { method?: unknown; test?: unknown };
  const method = options.method ?? (TAU2_METHODS.includes(fit.method as Tau2Method) ? (fit.method as Tau2Method) : 'REML');
  assertOneOf(method, TAU2_METHODS, 'method');
  const test = options.test ?? (TEST_TYPES.includes(fit.test as TestType) ? (fit.test as TestType) : 'z');
  assertOneOf(test, TEST_TYPES, 'test');
  const flag = (value: unknown, field: string, fallback: boolean): boolean => {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') throw new InputError('must be true or false', { field, value, code: 'E_INVALID_TYPE' });
    return value;
  };
  const number = (value: unknown, field: string, min: number): number | null => {
    if (value === undefined) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      throw new InputError(min === -Infinity ? 'must be a finite number' : 'must be a finite number >= 0', { field, value, code: numberCode(value) });
    }
    return value;
  };
  const convergence = options.convergence ?? 'metafor';
  assertOneOf(convergence, ['metafor', 'exact'] as const, 'convergence');
  return {
    method, test, weighted: flag(options.weighted, 'weighted', true), exact: flag(options.exact, 'exact', false),
    mumiss: number(options.mumiss, 'mumiss', -Infinity) ?? 0, tau2: number(options.tau2, 'tau2', 0), metaforControl: convergence === 'metafor',
  };
}

function readStudies(input: FailSafeNInput, usesVi: boolean): { yi: number[]; vi: number[]; warnings: string[]; omitted: OmittedInputRow[] } {
  if (input === null || typeof input !== 'object') {
    throw new InputError('failSafeN needs an object with yi and vi arrays', { field: 'input', value: input });
  }
  const yiIn = arrayField(input.yi, 'yi');
  const viIn = usesVi || input.vi !== undefined ? arrayField(input.vi, 'vi') : undefined;
  if (viIn !== undefined && viIn.length !== yiIn.length) {
    throw new InputError(`length mismatch: yi has ${yiIn.length} values but vi has ${viIn.length}`, { field: 'vi', code: 'E_LENGTH_MISMATCH' });
  }
  const labels = Array.isArray(input.labels) && input.labels.length === yiIn.length ? input.labels : undefined;
  const yi: number[] = [];
  const vi: number[] = [];
  const warnings: string[] = [];
  const omitted: OmittedInputRow[] = [];
  for (let i = 0; i < yiIn.length; i++) {
    const study = labels?.[i];
    const y = numberOrNaN(yiIn[i], 'yi', i, study);
    const v = usesVi && viIn !== undefined ? numberOrNaN(viIn[i], 'vi', i, study) : 0;
    if (Number.isNaN(y) || Number.isNaN(v)) {
      const missing = Number.isNaN(y) ? (Number.isNaN(v) ? 'yi and vi' : 'yi') : 'vi';
      warnings.push(`Row ${i + 1}${study === undefined ? '' : ` (${study})`} omitted: ${missing} missing.`);
      omitted.push(omittedInputRow(i, study ?? `row ${i + 1}`, missing === 'yi and vi' ? 'yi, vi' : missing, `${missing} missing`));
      continue;
    }
    if (!Number.isFinite(y)) throw new InputError('must be finite', { field: 'yi', row: i + 1, study, value: y, code: numberCode(y) });
    if (usesVi && !(v > 0 && Number.isFinite(v))) {
      throw new InputError('sampling variance must be positive and finite (the method divides by it)', { field: 'vi', row: i + 1, study, value: v, code: numberCode(v) });
    }
    yi.push(y);
    vi.push(v);
  }
  if (yi.length === 0) throw new InputError('no study has the values the method needs; nothing to compute', { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
  return { yi, vi, warnings, omitted };
}

function arrayField(value: unknown, field: string): ArrayLike<unknown> {
  return denseArray(value, field);
}

function numberOrNaN(value: unknown, field: string, i: number, study: string | undefined): number {
  if (isMissing(value)) return NaN;
  if (typeof value !== 'number') throw new InputError('must be a number', { field, row: i + 1, study, value, code: 'E_INVALID_TYPE' });
  return value;
}
