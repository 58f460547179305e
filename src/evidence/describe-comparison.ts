import type { Comparison } from './evidence-base.ts';

/**
 * One-line description of a comparison for messages and reports:
 * `intervention vs comparator (outcome, timepoint)`, saying "not stated" for `null` fields.
 *
 * @example
 * describeComparison({ intervention: 'CM', comparator: 'placebo', outcome: 'hair density', timepoint: '6 months' })
 * // => "CM vs placebo (hair density, 6 months)"
 */
export function describeComparison(comparison: Comparison): string {
  const comparator = comparison.comparator ?? 'a comparator not stated';
  const outcome = comparison.outcome ?? 'outcome not stated';
  const timepoint = comparison.timepoint ?? 'timepoint not stated';
  return `${comparison.intervention} vs ${comparator} (${outcome}, ${timepoint})`;
}
