import { assertLevel, assertOneOf, InputError } from '../../errors.ts';
import { checkOptions, optionKeys } from '../../check-options.ts';

/** Variance-component estimators of `multilevel` (metafor's `rma.mv` methods). */
export const MULTILEVEL_METHODS = Object.freeze(['REML', 'ML'] as const);
export type MultilevelMethod = (typeof MULTILEVEL_METHODS)[number];

/** Tests of `multilevel`: normal (`z`) or t with k − 1 df (metafor's `test = "t"`). */
export const MULTILEVEL_TESTS = Object.freeze(['z', 't'] as const);
export type MultilevelTest = (typeof MULTILEVEL_TESTS)[number];

/** Options of `multilevel` as a user passes them. */
export interface MultilevelOptions {
  /** Outer cluster of each input row (e.g. study, district). Numbers work as labels; a missing label (`isMissing`) omits the row with a warning. */
  readonly outer: readonly (string | number | null | undefined)[];
  /** Inner level of each row within its outer cluster (e.g. effect size id, school). */
  readonly inner: readonly (string | number | null | undefined)[];
  /** `'REML'` (default) or `'ML'`. */
  readonly method?: MultilevelMethod;
  /** `'z'` (default) or `'t'`. */
  readonly test?: MultilevelTest;
  /** Confidence level as a proportion; default 0.95. */
  readonly level?: number;
}

/** Method, test and level resolved and validated. */
/** The valid keys of {@link MultilevelOptions}. */
export const MULTILEVEL_OPTION_KEYS = optionKeys<MultilevelOptions>()('outer', 'inner', 'method', 'test', 'level');

export interface ResolvedMultilevelOptions {
  readonly method: MultilevelMethod;
  readonly test: MultilevelTest;
  readonly level: number;
}

/**
 * Resolves `method`, `test` and `level` of `multilevel` (the label arrays are read separately),
 * after checking that every key of `options` is one of `keys` (the outer/inner form by default;
 * the form with `levels` and `moderators` passes its own list).
 *
 * @throws InputError when options is not an object, has an unknown key, for an unknown method or
 *   test (listing the valid ones) or a level outside (0, 1).
 * @example
 * resolveMultilevelOptions({ outer: [], inner: [] }) // => { method: 'REML', test: 'z', level: 0.95 }
 */
export function resolveMultilevelOptions(
  options: Pick<MultilevelOptions, 'method' | 'test' | 'level'>,
  keys: readonly string[] = MULTILEVEL_OPTION_KEYS,
): ResolvedMultilevelOptions {
  if (options === null || typeof options !== 'object') {
    throw new InputError('pass an options object with outer and inner labels', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
  }
  checkOptions<Record<string, unknown>>(options, keys);
  const method = options.method ?? 'REML';
  const test = options.test ?? 'z';
  const level = options.level ?? 0.95;
  assertOneOf(method, MULTILEVEL_METHODS, 'method');
  assertOneOf(test, MULTILEVEL_TESTS, 'test');
  assertLevel(level);
  return { method, test, level };
}
