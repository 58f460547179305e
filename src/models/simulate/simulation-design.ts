import { checkOptions, isPlainObject, optionKeys } from '../../check-options.ts';
import { MAX_INPUT_LENGTH } from '../../dense-array.ts';
import { InputError, numberCode } from '../../errors.ts';

/** Sampling variances drawn uniformly on [min, max], afresh for every study of every replicate. */
export interface UniformVariances {
  readonly min: number;
  readonly max: number;
}

/**
 * The data-generating model of {@link simulate}: k studies per replicate from the random-effects
 * model yᵢ = μ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ).
 */
export interface SimulationDesign {
  /** Studies per replicate (an integer from 1 to 50 million, `MAX_INPUT_LENGTH`). */
  readonly k: number;
  /** True between-study variance τ² ≥ 0. */
  readonly tau2: number;
  /** True mean effect μ; default 0 (then `power` is the type I error rate). */
  readonly mu?: number;
  /** Fixed sampling variances, one per study (> 0); give this or `viDistribution`. */
  readonly vi?: ArrayLike<number>;
  /** Sampling variances drawn uniformly on [min, max] (0 < min ≤ max); give this or `vi`. */
  readonly viDistribution?: UniformVariances;
  /**
   * Number of simulated meta-analyses: an integer from 1 to 10 million ({@link MAX_REPLICATIONS}),
   * with k × replications at most one billion ({@link MAX_SIMULATED_STUDIES}); more is an
   * `E_TOO_LARGE` InputError.
   */
  readonly replications: number;
  /** Seed of the random stream (an integer); the same seed gives the same data. */
  readonly seed: number;
}

/**
 * Most replications of one {@link simulate} call (10 million): far beyond the 1,000–10,000 a
 * simulation study uses, so that a corrupt count (1e308) fails at once instead of running
 * without end.
 */
export const MAX_REPLICATIONS = 10_000_000;

/** Most studies simulated by one call, k × replications (one billion: minutes of work). */
export const MAX_SIMULATED_STUDIES = 1_000_000_000;

/** The valid keys of {@link SimulationDesign}. */
export const SIMULATION_DESIGN_KEYS = optionKeys<SimulationDesign>()('k', 'tau2', 'mu', 'vi', 'viDistribution', 'replications', 'seed');

/** A validated design: `vi` null when the variances are drawn. */
export interface ResolvedDesign {
  readonly k: number;
  readonly tau2: number;
  readonly mu: number;
  readonly vi: Float64Array | null;
  readonly viDistribution: UniformVariances | null;
  readonly replications: number;
  readonly seed: number;
}

/**
 * Validates a {@link SimulationDesign} and fills in its defaults (μ = 0).
 *
 * @throws InputError naming the field (and the study for `vi`): unknown keys, k or replications
 *   not a positive integer (`E_TOO_LARGE` above {@link MAX_REPLICATIONS} replications, 50 million
 *   studies, or k × replications above {@link MAX_SIMULATED_STUDIES}), τ² negative or not finite, μ not finite, neither or both of `vi` and
 *   `viDistribution`, a vᵢ ≤ 0, a `vi` of the wrong length, a distribution with min ≤ 0 or
 *   max < min, a seed that is not an integer.
 * @example
 * resolveSimulationDesign({ k: 3, tau2: 0.1, viDistribution: { min: 0.01, max: 0.1 }, replications: 10, seed: 1 }).mu // => 0
 * resolveSimulationDesign({ k: 2, tau2: 0, vi: [0.1], replications: 10, seed: 1 }) // => throws InputError 'vi: …2…'
 * resolveSimulationDesign({ k: 2, tau2: 0, vi: [0.1, 0.2], replications: 1e308, seed: 1 }) // => throws InputError 'replications: must be at most 10000000 (got 1e+308)'
 */
export function resolveSimulationDesign(design: SimulationDesign): ResolvedDesign {
  if (!isPlainObject(design)) throw new InputError('must be a design object such as { k, tau2, vi, replications, seed }', { field: 'design', code: 'E_INVALID_TYPE' });
  checkOptions(design, SIMULATION_DESIGN_KEYS, 'design');
  const k = positiveInteger(design.k, 'k', MAX_INPUT_LENGTH);
  const replications = positiveInteger(design.replications, 'replications', MAX_REPLICATIONS);
  if (k * replications > MAX_SIMULATED_STUDIES) {
    throw new InputError(`k × replications = ${k * replications} studies to simulate, more than the ${MAX_SIMULATED_STUDIES} pooled accepts`, { field: 'replications', value: replications, code: 'E_TOO_LARGE' });
  }
  const tau2 = finite(design.tau2, 'tau2');
  if (tau2 < 0) throw new InputError('must not be negative', { field: 'tau2', value: tau2, code: numberCode(tau2) });
  const mu = design.mu === undefined ? 0 : finite(design.mu, 'mu');
  const seed = finite(design.seed, 'seed');
  if (!Number.isInteger(seed)) throw new InputError('must be an integer', { field: 'seed', value: seed, code: 'E_INVALID_TYPE' });
  if ((design.vi === undefined) === (design.viDistribution === undefined)) {
    throw new InputError('give exactly one of vi (fixed sampling variances) and viDistribution ({ min, max })', { field: 'vi', code: 'E_INVALID_INPUT' });
  }
  return { k, tau2, mu, vi: design.vi === undefined ? null : fixedVariances(design.vi, k), viDistribution: design.viDistribution === undefined ? null : uniformVariances(design.viDistribution), replications, seed };
}

function finite(x: unknown, field: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must be a finite number', { field, value: x, code: numberCode(x) });
  return x;
}

function positiveInteger(x: unknown, field: string, max: number): number {
  const n = finite(x, field);
  if (!Number.isInteger(n) || n < 1) throw new InputError('must be an integer ≥ 1', { field, value: n, code: 'E_INVALID_INPUT' });
  if (n > max) throw new InputError(`must be at most ${max}`, { field, value: n, code: 'E_TOO_LARGE' });
  return n;
}

function fixedVariances(vi: ArrayLike<number>, k: number): Float64Array {
  if (vi === null || typeof vi !== 'object' || typeof vi.length !== 'number') throw new InputError('must be an array of sampling variances', { field: 'vi', code: 'E_INVALID_TYPE' });
  if (vi.length !== k) throw new InputError(`must hold k = ${k} sampling variances, one per study; it has ${vi.length}`, { field: 'vi', code: 'E_LENGTH_MISMATCH' });
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const v = vi[i];
    if (typeof v !== 'number' || !(v > 0 && v < Infinity)) throw new InputError('must be a positive finite number', { field: 'vi', row: i + 1, value: v, code: numberCode(v) });
    out[i] = v;
  }
  return out;
}

function uniformVariances(d: UniformVariances): UniformVariances {
  if (!isPlainObject(d)) throw new InputError('must be { min, max }', { field: 'viDistribution', code: 'E_INVALID_TYPE' });
  checkOptions(d, ['min', 'max'], 'viDistribution');
  const min = finite(d.min, 'viDistribution.min');
  const max = finite(d.max, 'viDistribution.max');
  if (!(min > 0)) throw new InputError('must be positive', { field: 'viDistribution.min', value: min, code: 'E_INVALID_INPUT' });
  if (max < min) throw new InputError(`must be at least min (${min})`, { field: 'viDistribution.max', value: max, code: 'E_INVALID_INPUT' });
  return Object.freeze({ min, max });
}
