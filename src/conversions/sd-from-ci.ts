import { optionKeys } from '../check-options.ts';
import { assertLevel } from '../errors.ts';
import type { Inference, Provenance, Warnings } from '../types.ts';
import { checkFinite, checkInput, checkSampleSize, fail, optionalFinite, show, checkComputed } from './check-number.ts';
import { SMALL_SAMPLE, intervalCritical, quantileText } from './interval-critical.ts';
import type { DistributionChoice, IntervalDistribution } from './interval-critical.ts';

/** Input of {@link sdFromCi}. */
export interface SdFromCiInput {
  /** Lower bound of the CI of a group mean. */
  readonly lower: number;
  /** Upper bound of the CI of a group mean (> lower). */
  readonly upper: number;
  /** Number of participants in the group (≥ 2). */
  readonly n: number;
  /** Confidence level as a proportion; default 0.95. */
  readonly level?: number;
  /** `auto` (default): t with n − 1 df when n < 60, else normal (Cochrane 6.5.2.2). */
  readonly distribution?: DistributionChoice;
  /** The reported mean, if any: a mean outside its CI gives a warning. */
  readonly mean?: number;
  /** Study label, for messages. */
  readonly study?: string;
}

/** The valid fields of {@link SdFromCiInput} (any other is an `E_UNKNOWN_FIELD` error). */
const SD_FROM_CI_INPUT_KEYS = optionKeys<SdFromCiInput>()('lower', 'upper', 'n', 'level', 'distribution', 'mean', 'study');

/** Result of {@link sdFromCi}. */
export interface SdFromCiResult extends Pick<Inference, 'se'>, Warnings {
  readonly sd: number;
  /** Standard error of the mean, (upper − lower)/(2·critical). */
  readonly se: number;
  readonly critical: number;
  readonly distribution: IntervalDistribution;
  /** n − 1 for the t distribution, null for the normal. */
  readonly df: number | null;
  /** Which distribution was used and why. */
  readonly note: string;
  readonly provenance: Provenance;
  readonly warnings: readonly string[];
}

/**
 * Standard deviation of a group from the confidence interval of its mean (Cochrane Handbook,
 * section 6.5.2.2): SE = (upper − lower)/(2·c), SD = SE·√n, with c the two-sided quantile of
 * the t distribution with n − 1 df when n < 60 and of the standard normal otherwise (for a 95%
 * CI, 2·c = 3.92 for large samples; 2·t(0.975; 24) = 4.128 for n = 25). The result says which
 * was used (`distribution`, `note`). Assumes a symmetric CI on the outcome's scale.
 *
 * @throws InputError for upper ≤ lower, n < 2, a level outside (0, 1), an unknown
 *   `distribution`; the message names the field and the study.
 * @example
 * sdFromCi({ lower: 1.1, upper: 5.9, n: 100 }).sd
 * // => 12.24512 (= 10 × 4.8 / 3.919928, normal since n ≥ 60)
 */
export function sdFromCi(input: SdFromCiInput): SdFromCiResult {
  const study = checkInput(input, 'sdFromCi input', SD_FROM_CI_INPUT_KEYS);
  const lower = checkFinite(input.lower, { field: 'lower', study });
  const upper = checkFinite(input.upper, { field: 'upper', study });
  if (!(upper > lower)) fail('must be greater than lower', { field: 'upper', study, code: 'E_OUT_OF_RANGE' }, upper);
  const n = checkSampleSize(input.n, 2, { field: 'n', study }, 'for an SD to exist');
  const level = input.level ?? 0.95;
  assertLevel(level);
  const mean = optionalFinite(input.mean, { field: 'mean', study });
  const c = intervalCritical(level, n - 1, input.distribution ?? 'auto', n < SMALL_SAMPLE, `n = ${show(n)}`);
  const se = (upper - lower) / (2 * c.critical);
  checkComputed(se * Math.sqrt(n), 'the SD from the CI width', { field: 'upper', study });
  const warnings: string[] = [];
  if (mean !== undefined && !(mean >= lower && mean <= upper)) {
    warnings.push(
      `${study === undefined ? '' : `study "${study}": `}the mean ${show(mean)} lies outside its CI [${show(lower)}, ${show(upper)}]; check the reported values`,
    );
  }
  const formula = `SD = √n·(upper − lower)/(2·${quantileText(c)}) (Cochrane 6.5.2.2)`;
  return Object.freeze({
    sd: se * Math.sqrt(n),
    se,
    critical: c.critical,
    distribution: c.distribution,
    df: c.df,
    note: c.note,
    provenance: Object.freeze({ kind: 'derived' as const, formula }),
    warnings: Object.freeze(warnings),
  });
}
