import { assertLevel, assertOneOf, InputError, numberCode } from '../errors.ts';
import { TAU2_METHODS, TEST_TYPES, type PoolingMethod, type Tau2Method, type TestType } from '../types.ts';
import { DEFAULT_TAU2_CONTROL, METAFOR_TAU2_CONTROL, type Tau2Control } from './tau2/tau2-fit.ts';
import { checkOptions, isPlainObject, optionKeys } from '../check-options.ts';

/**
 * metafor's `control` list of rma.uni, for users who check against an R script: passing it
 * (even `{}`) switches the iterative estimators from the exact solution to metafor's stopping
 * rule. Missing entries take metafor's defaults.
 */
export interface MetaforControl {
  /** Fisher scoring stops when |Δτ²| ≤ threshold (metafor's default 1e-5). */
  readonly threshold?: number;
  /** Most Fisher-scoring steps / uniroot iterations (metafor's default 100; at most {@link MAX_ITERATIONS}). */
  readonly maxiter?: number;
  /** Step multiplier of Fisher scoring (metafor's default 1). */
  readonly stepadj?: number;
  /** uniroot tolerance of the PM search (metafor's default ε^¼ ≈ 1.2e-4). */
  readonly tol?: number;
  /** Upper end of the PM search (metafor's default max(100, 10·mad(yi)²)). */
  readonly tau2Max?: number;
}

/**
 * Largest `control.maxiter` accepted (one million): ten thousand times metafor's default, so
 * that a corrupt count (1e308) with an unreachable threshold fails at once (`E_TOO_LARGE`)
 * instead of iterating without end.
 */
export const MAX_ITERATIONS = 1_000_000;

/** The valid keys of {@link MetaforControl}. */
const CONTROL_KEYS = optionKeys<MetaforControl>()('threshold', 'maxiter', 'stepadj', 'tol', 'tau2Max');

/** Options of `metaAnalysis` as a user passes them. */
export interface MetaAnalysisOptions {
  /** tau² estimator (metafor's `method`); default `'REML'`. */
  readonly method?: Tau2Method;
  /** `'z'` (default), `'t'` or `'knha'` (Knapp–Hartung). */
  readonly test?: TestType;
  /** Confidence level as a proportion; default 0.95. */
  readonly level?: number;
  /**
   * Omitted (default): the exact solution (global likelihood maximum, roots to machine
   * precision). `'metafor'` or a {@link MetaforControl} object: metafor's stopping rule.
   */
  readonly control?: 'metafor' | MetaforControl;
}

/** metafor's `weights` and `weighted` options of rma.uni, for `metaAnalysis` and `metaRegression`. */
export interface PoolingWeightOptions {
  /**
   * tau² estimator (metafor's `method`); default `'REML'`. `'GENQ'`, the generalised
   * Q-statistic estimator, estimates τ² with `weights` (required then) and pools with them.
   */
  readonly method?: PoolingMethod;
  /**
   * Weights to pool with instead of 1/(vᵢ + τ̂²) (metafor's `weights`), one per study (per row
   * of the input; rows omitted for missing values drop their weight). τ² is still estimated with
   * the method's own weighting; the SE is the sandwich form (see `userWeightedEstimate`).
   *
   */
  readonly weights?: ArrayLike<number>;
  /** `false`: the unweighted mean with its SE (metafor's `weighted = FALSE`); default true. */
  readonly weighted?: boolean;
  /**
   * A fixed value of τ² (≥ 0, units of the effect sizes) instead of an estimate (metafor's
   * `tau2 =`): the model is fitted at it, I² and H² follow from it, and no SE or Q-profile
   * interval for τ² is given (`tau2Fixed: true` in the result).
   */
  readonly tau2?: number;
}

/** The valid keys of {@link MetaAnalysisOptions}: the model options every model shares (subgroups take these). */
export const MODEL_OPTION_KEYS = optionKeys<MetaAnalysisOptions>()('method', 'test', 'level', 'control');

/** The valid keys of {@link metaAnalysis}'s options (any other key is an `E_UNKNOWN_OPTION` error). */
export const META_ANALYSIS_OPTION_KEYS = optionKeys<MetaAnalysisOptions & PoolingWeightOptions>()('method', 'test', 'level', 'control', 'weights', 'weighted', 'tau2');

/** The same options with every field resolved and validated. */
export interface ResolvedModelOptions {
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
  readonly control: Tau2Control;
}

/**
 * Resolves and validates model options once, so kernels see a fully required type.
 *
 * @throws InputError for an unknown method or test (listing the valid ones), a level outside
 *   (0, 1), or a control entry that is not a positive number (maxiter: a positive integer, at
 *   most {@link MAX_ITERATIONS}: `E_TOO_LARGE`).
 * @example
 * resolveModelOptions({ method: 'DL' }).test // => 'z'
 */
export function resolveModelOptions(options: MetaAnalysisOptions = {}): ResolvedModelOptions {
  if (options === null || typeof options !== 'object') {
    assertOneOf(undefined, ['an options object'], 'options');
  }
  const method = options.method ?? 'REML';
  const test = options.test ?? 'z';
  const level = options.level ?? 0.95;
  assertOneOf(method, TAU2_METHODS, 'method');
  assertOneOf(test, TEST_TYPES, 'test');
  assertLevel(level);
  return { method, test, level, control: resolveControl(options.control) };
}

/**
 * The estimators' control from the user's `control` option (see {@link MetaAnalysisOptions}).
 *
 * @example
 * resolveControl({ threshold: 1e-8 }).threshold // => 1e-8
 */
export function resolveControl(control: MetaAnalysisOptions['control']): Tau2Control {
  if (control === undefined) return DEFAULT_TAU2_CONTROL;
  if (control === 'metafor') return METAFOR_TAU2_CONTROL;
  if (control === null || typeof control !== 'object') {
    throw new InputError("must be 'metafor' or an object with metafor's control entries (threshold, maxiter, stepadj, tol, tau2Max)", { field: 'control', value: control, code: 'E_INVALID_TYPE' });
  }
  checkOptions<MetaforControl>(control, CONTROL_KEYS, 'control');
  const positive = (name: keyof MetaforControl, fallback: number): number => {
    const x = control[name];
    if (x === undefined) return fallback;
    if (typeof x !== 'number' || !(x > 0) || !Number.isFinite(x)) throw new InputError('must be a positive number', { field: `control.${name}`, value: x, code: numberCode(x) });
    return x;
  };
  const maxiter = positive('maxiter', METAFOR_TAU2_CONTROL.maxIterations);
  if (!Number.isInteger(maxiter)) throw new InputError('must be a positive integer', { field: 'control.maxiter', value: maxiter, code: numberCode(maxiter) });
  if (maxiter > MAX_ITERATIONS) throw new InputError(`must be at most ${MAX_ITERATIONS}`, { field: 'control.maxiter', value: maxiter, code: 'E_TOO_LARGE' });
  return Object.freeze({
    stopping: 'metafor',
    threshold: positive('threshold', METAFOR_TAU2_CONTROL.threshold),
    maxIterations: maxiter,
    stepAdjustment: positive('stepadj', METAFOR_TAU2_CONTROL.stepAdjustment),
    rootTolerance: positive('tol', METAFOR_TAU2_CONTROL.rootTolerance),
    tau2Max: positive('tau2Max', NaN),
  });
}

/**
 * The options of `metaAnalysis`: {@link MetaAnalysisOptions} with the method widened to
 * {@link PoolingMethod} (GENQ), plus {@link PoolingWeightOptions}.
 */
export type WeightedAnalysisOptions = Omit<MetaAnalysisOptions, 'method'> & PoolingWeightOptions;

/**
 * Splits metafor's `GENQ` off the method: the estimator-free options to validate as usual
 * (GENQ validated as DL, the other moment estimator without iteration), and the user weights
 * that GENQ requires.
 *
 * @throws InputError (`E_MISSING_VALUE`, field `weights`) for GENQ without `weights`, and for
 *   GENQ with a fixed `tau2` (`E_INVALID_INPUT`, field `tau2`).
 * @example
 * splitGenq({ method: 'GENQ', weights: [1, 2] }).genq // => true
 */
export function splitGenq(options: WeightedAnalysisOptions): { readonly options: MetaAnalysisOptions; readonly genq: boolean } {
  if (options === null || typeof options !== 'object' || options.method !== 'GENQ') {
    return { options: options as MetaAnalysisOptions, genq: false };
  }
  if (options.weights === undefined) {
    throw new InputError('method GENQ estimates tau² with the user\'s weights: pass weights (one per study)', { field: 'weights', code: 'E_MISSING_VALUE' });
  }
  if (options.tau2 !== undefined) {
    throw new InputError('a fixed tau² leaves nothing for method GENQ to estimate; pass one of method GENQ or tau2', { field: 'tau2', value: options.tau2 });
  }
  return { options: { ...options, method: 'DL' }, genq: true };
}

const PLAIN_SETTINGS = new Map<string, ResolvedModelOptions>();

/**
 * The resolved options of the plainest `metaAnalysis` call, or `null`: `undefined`, or a plain
 * object with no keys but a valid `method` (not GENQ), `test` and `level` — no `control`,
 * `weights`, `weighted` or `tau2`. Anything else (including every invalid option) is `null`,
 * for {@link resolveModelOptions} and the checks of `metaAnalysis` to resolve or refuse. The
 * result is shared between calls with the same settings (it is frozen).
 *
 * @example
 * plainModelOptions({ test: 'knha' })?.method // => 'REML'
 * plainModelOptions({ tau2: 0.1 }) // => null
 */
export function plainModelOptions(options: unknown): ResolvedModelOptions | null {
  if (options === undefined) return plainSettings('REML', 'z', 0.95);
  if (!isPlainObject(options)) return null;
  for (const key in options) if (key !== 'method' && key !== 'test' && key !== 'level') return null;
  const method = options.method ?? 'REML';
  const test = options.test ?? 'z';
  const level = options.level ?? 0.95;
  if (!(TAU2_METHODS as readonly unknown[]).includes(method) || !(TEST_TYPES as readonly unknown[]).includes(test)) return null;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) return null;
  return plainSettings(method as Tau2Method, test as TestType, level);
}

function plainSettings(method: Tau2Method, test: TestType, level: number): ResolvedModelOptions {
  const key = `${method} ${test} ${level}`;
  let settings = PLAIN_SETTINGS.get(key);
  if (settings === undefined) {
    if (PLAIN_SETTINGS.size >= 16) PLAIN_SETTINGS.clear();
    settings = Object.freeze({ method, test, level, control: DEFAULT_TAU2_CONTROL });
    PLAIN_SETTINGS.set(key, settings);
  }
  return settings;
}
