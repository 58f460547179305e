import { optionKeys } from '../check-options.ts';
import { assertOneOf, InputError, numberCode } from '../errors.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { studentTQuantile } from '../distributions/student-t.ts';
import type { Provenance } from '../types.ts';
import { checkFinite, checkInput, checkSampleSize, fail } from './check-number.ts';

/** Test a significance claim is read against: two-sample t (pooled variance) or z. */
export type SignificanceTest = 't' | 'z';

/** Input of {@link maxSdForSignificance}. */
export interface MaxSdForSignificanceInput {
  /** The reported difference in means (its sign is ignored). */
  readonly meanDifference: number;
  /** Participants in group 1 (≥ 2). */
  readonly n1: number;
  /** Participants in group 2 (≥ 2). */
  readonly n2: number;
  /** Two-sided significance level of the claim; default 0.05. */
  readonly alpha?: number;
  /** `t` (default): t test with n1 + n2 − 2 df; `z`: normal test. */
  readonly test?: SignificanceTest;
  readonly study?: string;
}

/** The valid fields of {@link MaxSdForSignificanceInput} (any other is an `E_UNKNOWN_FIELD` error). */
const MAX_SD_FOR_SIGNIFICANCE_INPUT_KEYS = optionKeys<MaxSdForSignificanceInput>()('meanDifference', 'n1', 'n2', 'alpha', 'test', 'study');

/** Result of {@link maxSdForSignificance}. */
export interface MaxSdForSignificanceResult {
  /** Largest common SD for which the reported difference is significant at `alpha`. */
  readonly sd: number;
  readonly meanDifference: number;
  readonly n1: number;
  readonly n2: number;
  readonly alpha: number;
  readonly test: SignificanceTest;
  /** t(1 − α/2; n1 + n2 − 2) or z(1 − α/2). */
  readonly critical: number;
  /** n1 + n2 − 2 for `t`, null for `z`. */
  readonly df: number | null;
  /** What the bound assumes, in words, for reports. */
  readonly assumptions: readonly string[];
  readonly provenance: Provenance;
}

const ASSUMPTIONS = Object.freeze([
  'the two groups are independent',
  'both groups share one SD (pooled-variance test)',
  'the test was two-sided at the stated alpha',
  'the reported mean difference is the one that was tested',
]);

/**
 * Claim reconciliation: the largest common standard deviation compatible with a report that a
 * difference in means was "significant at alpha". A two-sided test of two independent groups
 * with a common SD σ is significant when |MD|/(σ·√(1/n1 + 1/n2)) ≥ c, so
 * σ_max = |MD|/(c·√(1/n1 + 1/n2)), with c = t(1 − α/2; n1 + n2 − 2) for `t` or z(1 − α/2)
 * for `z` (the same relation as Cochrane Handbook 6.5.2.3, solved at the threshold). Any SD at
 * or below the bound agrees with the claim; above it the claim fails. Use it as the upper end of
 * a `sensitivity` range for a study that reports significance but no SD. Grows with |MD| and
 * with n1 and n2.
 *
 * @throws InputError for a non-finite mean difference, a group size < 2, alpha outside (0, 1),
 *   an unknown test.
 * @example
 * maxSdForSignificance({ meanDifference: 8.7, n1: 30, n2: 30 }).sd
 * // => 16.83302 (t(0.975; 58) = 2.001717)
 */
export function maxSdForSignificance(input: MaxSdForSignificanceInput): MaxSdForSignificanceResult {
  const study = checkInput(input, 'maxSdForSignificance input', MAX_SD_FOR_SIGNIFICANCE_INPUT_KEYS);
  const md = checkFinite(input.meanDifference, { field: 'meanDifference', study });
  if (md === 0) fail('must not be 0 (a difference of 0 is significant at no SD)', { field: 'meanDifference', study, code: 'E_OUT_OF_RANGE' }, md);
  const n1 = checkSampleSize(input.n1, 2, { field: 'n1', study }, 'for a group SD to exist');
  const n2 = checkSampleSize(input.n2, 2, { field: 'n2', study }, 'for a group SD to exist');
  const alpha = input.alpha ?? 0.05;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
    throw new InputError('must be strictly between 0 and 1 (e.g. 0.05)', { field: 'alpha', value: alpha, code: numberCode(alpha) });
  }
  const test = input.test ?? 't';
  assertOneOf(test, ['t', 'z'] as const, 'test');
  const df = test === 't' ? n1 + n2 - 2 : null;
  const critical = df === null ? normalQuantile(alpha / 2, true) : studentTQuantile(alpha / 2, df, true);
  const sd = Math.abs(md) / (critical * Math.sqrt(1 / n1 + 1 / n2));
  const quantile = df === null ? 'z(1 − α/2)' : 't(1 − α/2; n1 + n2 − 2)';
  return Object.freeze({
    sd,
    meanDifference: md,
    n1,
    n2,
    alpha,
    test,
    critical,
    df,
    assumptions: ASSUMPTIONS,
    provenance: Object.freeze({
      kind: 'derived' as const,
      formula: `SD_max = |MD|/(${quantile}·√(1/n1 + 1/n2)), α = ${alpha} (bound from a significance claim)`,
    }),
  });
}
