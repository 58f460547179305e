import { optionKeys } from '../check-options.ts';
import { assertLevel } from '../errors.ts';
import { checkFinite, checkInput, fail, optionalFinite, show, checkComputed } from './check-number.ts';
import { SMALL_SAMPLE, intervalCritical, quantileText } from './interval-critical.ts';
import type { DistributionChoice, IntervalDistribution } from './interval-critical.ts';
import { checkGroupSizes, twoGroupFactor } from './pooled-sd-from-se.ts';
import type { PooledSdResult } from './pooled-sd-from-se.ts';

/** Input of {@link pooledSdFromCi}. */
export interface PooledSdFromCiInput {
  /** Lower bound of the CI of the difference in means. */
  readonly lower: number;
  /** Upper bound of the CI of the difference in means (> lower). */
  readonly upper: number;
  readonly n1: number;
  readonly n2: number;
  /** Confidence level as a proportion; default 0.95. */
  readonly level?: number;
  /**
   * `auto` (default): t with n1 + n2 − 2 df when a group has fewer than 60 participants, else
   * the normal (Cochrane 6.5.2.2–6.5.2.3).
   */
  readonly distribution?: DistributionChoice;
  /** The reported mean difference, if any: outside its CI it gives a warning. */
  readonly meanDifference?: number;
  readonly study?: string;
}

/** The valid fields of {@link PooledSdFromCiInput} (any other is an `E_UNKNOWN_FIELD` error). */
const POOLED_SD_FROM_CI_INPUT_KEYS = optionKeys<PooledSdFromCiInput>()('lower', 'upper', 'n1', 'n2', 'level', 'distribution', 'meanDifference', 'study');

/** Result of {@link pooledSdFromCi}. */
export interface PooledSdFromCiResult extends PooledSdResult {
  readonly critical: number;
  readonly distribution: IntervalDistribution;
  /** n1 + n2 − 2 for the t distribution, null for the normal. */
  readonly df: number | null;
  readonly note: string;
}

/**
 * Pooled within-group standard deviation from the confidence interval of a difference in
 * means of two independent groups (Cochrane Handbook, section 6.5.2.3):
 * SE = (upper − lower)/(2·c), SD = SE/√(1/n1 + 1/n2), with c the two-sided quantile of the t
 * distribution with n1 + n2 − 2 df when a group has fewer than 60 participants, else of the
 * standard normal (3.92 = 2·1.96 for a 95% CI). The result says which (`note`).
 *
 * @throws InputError for upper ≤ lower, a group size < 2, a level outside (0, 1).
 * @example
 * pooledSdFromCi({ lower: 1.05, upper: 6.55, n1: 25, n2: 22 }).sd
 * // => 4.670715 (t(0.975; 45) = 2.0141, SE = 1.365372)
 */
export function pooledSdFromCi(input: PooledSdFromCiInput): PooledSdFromCiResult {
  const study = checkInput(input, 'pooledSdFromCi input', POOLED_SD_FROM_CI_INPUT_KEYS);
  const lower = checkFinite(input.lower, { field: 'lower', study });
  const upper = checkFinite(input.upper, { field: 'upper', study });
  if (!(upper > lower)) fail('must be greater than lower', { field: 'upper', study, code: 'E_OUT_OF_RANGE' }, upper);
  const [n1, n2] = checkGroupSizes(input, study);
  const level = input.level ?? 0.95;
  assertLevel(level);
  const md = optionalFinite(input.meanDifference, { field: 'meanDifference', study });
  const small = Math.min(n1, n2) < SMALL_SAMPLE;
  const c = intervalCritical(level, n1 + n2 - 2, input.distribution ?? 'auto', small, `n1 = ${show(n1)}, n2 = ${show(n2)}`);
  const se = checkComputed((upper - lower) / (2 * c.critical), 'the SE from the CI width', { field: 'upper', study });
  const warnings: string[] = [];
  if (md !== undefined && !(md >= lower && md <= upper)) {
    warnings.push(
      `${study === undefined ? '' : `study "${study}": `}the mean difference ${show(md)} lies outside its CI [${show(lower)}, ${show(upper)}]; check the reported values`,
    );
  }
  const formula = `SE = (upper − lower)/(2·${quantileText(c)}); SD = SE/√(1/n1 + 1/n2) (Cochrane 6.5.2.3)`;
  return Object.freeze({
    sd: se / twoGroupFactor(n1, n2),
    se,
    critical: c.critical,
    distribution: c.distribution,
    df: c.df,
    note: c.note,
    provenance: Object.freeze({ kind: 'derived' as const, formula }),
    warnings: Object.freeze(warnings),
  });
}
