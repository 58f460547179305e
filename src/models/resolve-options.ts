import { assertLevel, assertOneOf } from '../errors.ts';
import { TAU2_METHODS, TEST_TYPES, type Tau2Method, type TestType } from '../types.ts';

/** Options of `metaAnalysis` as a user passes them. */
export interface MetaAnalysisOptions {
  /** tau² estimator (metafor's `method`); default `'REML'`. */
  readonly method?: Tau2Method;
  /** `'z'` (default), `'t'` or `'knha'` (Knapp–Hartung). */
  readonly test?: TestType;
  /** Confidence level as a proportion; default 0.95. */
  readonly level?: number;
}

/** The same options with every field resolved and validated. */
export interface ResolvedModelOptions {
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
}

/**
 * Resolves and validates model options once, so kernels see a fully required type.
 *
 * @throws InputError for an unknown method or test (listing the valid ones) or a level outside (0, 1).
 * @example
 * resolveModelOptions({ method: 'DL' }) // => { method: 'DL', test: 'z', level: 0.95 }
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
  return { method, test, level };
}
