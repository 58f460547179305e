import { assertOneOf } from '../errors.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { studentTQuantile } from '../distributions/student-t.ts';
import { show } from './check-number.ts';

/** Distribution a reported confidence interval was computed with. */
export type IntervalDistribution = 't' | 'normal';

/**
 * How to choose the distribution behind a reported CI: `auto` follows the Cochrane Handbook
 * (section 6.5.2.2: a t distribution when a group has fewer than 60 participants, else the
 * normal), `t` and `normal` force one.
 */
export type DistributionChoice = 'auto' | IntervalDistribution;

export const DISTRIBUTION_CHOICES: readonly DistributionChoice[] = Object.freeze(['auto', 't', 'normal']);

/** Sample size below which `auto` takes a t distribution (Cochrane Handbook 6.5.2.2). */
export const SMALL_SAMPLE = 60;

/** The multiplier of the SE in a two-sided CI, and a sentence saying which one was used. */
export interface IntervalCritical {
  /** The two-sided quantile: t(1 − α/2; df) or z(1 − α/2), α = 1 − level. */
  readonly critical: number;
  readonly distribution: IntervalDistribution;
  /** Degrees of freedom of the t distribution; null for the normal. */
  readonly df: number | null;
  /** The probability whose quantile was taken, (1 + level)/2, for formula texts. */
  readonly probability: number;
  /** Which distribution was used and why, citing the Handbook. */
  readonly note: string;
}

/**
 * Resolves the critical value of a two-sided `level` CI.
 * @param level confidence level, a proportion (already validated)
 * @param df degrees of freedom should a t distribution be used
 * @param choice the user's choice (validated here)
 * @param small whether the sample counts as small (for `auto`)
 * @param sizeText how the sample size reads in the note, e.g. `n = 25`
 * @throws InputError for an unknown `choice`.
 */
export function intervalCritical(
  level: number,
  df: number,
  choice: unknown,
  small: boolean,
  sizeText: string,
): IntervalCritical {
  assertOneOf(choice, DISTRIBUTION_CHOICES, 'distribution');
  const useT = choice === 't' || (choice === 'auto' && small);
  const probability = (1 + level) / 2;
  const why =
    choice === 'auto'
      ? small
        ? `because ${sizeText}: fewer than ${SMALL_SAMPLE} participants in a group (Cochrane Handbook 6.5.2.2)`
        : `because ${sizeText}: at least ${SMALL_SAMPLE} participants per group (Cochrane Handbook 6.5.2.2)`
      : 'as requested';
  if (useT) {
    return {
      critical: studentTQuantile(probability, df),
      distribution: 't',
      df,
      probability,
      note: `t distribution with ${show(df)} df, ${why}`,
    };
  }
  return {
    critical: normalQuantile(probability),
    distribution: 'normal',
    df: null,
    probability,
    note: `standard normal distribution, ${why}`,
  };
}

/** The quantile in formula texts, e.g. `t(0.975; 24)` or `z(0.975)`. */
export function quantileText(c: IntervalCritical): string {
  return c.distribution === 't' ? `t(${show(c.probability)}; ${show(c.df!)})` : `z(${show(c.probability)})`;
}
