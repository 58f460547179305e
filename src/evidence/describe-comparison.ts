import type { Comparison } from './evidence-base.ts';
import { readComparison } from './read-comparison.ts';

/**
 * One-line description of a comparison for messages and reports:
 * `intervention vs comparator (outcome, timepoint)`, saying "not stated" for `null` fields.
 *
 * @example
 * describeComparison({ intervention: 'CM', comparator: 'placebo', outcome: 'hair density', timepoint: '6 months' })
 * // => "CM vs placebo (hair density, 6 months)"
 * @throws {InputError} when `comparison` is not a comparison (a finding of `assessReplication` also serves).
 */
export function describeComparison(comparison: Comparison): string {
  return describeValid(readComparison(comparison, { field: 'comparison' }, true));
}

/** `describeComparison` without the check. Internal helper. */
export function describeValid(comparison: Comparison): string {
  const comparator = comparison.comparator ?? 'a comparator not stated';
  const outcome = comparison.outcome ?? 'outcome not stated';
  const timepoint = comparison.timepoint ?? 'timepoint not stated';
  return `${comparison.intervention} vs ${comparator} (${outcome}, ${timepoint})`;
}
