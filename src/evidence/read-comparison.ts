import type { Comparison } from './evidence-base.ts';
import { sameName } from './name-key.ts';
import { checkFields, fail, record, text, textOrNull, type Where } from './read-fields.ts';

/** The fields of a comparison. */
export const COMPARISON_KEYS = ['intervention', 'comparator', 'outcome', 'timepoint'] as const;

/**
 * Further fields a `ReplicationFinding`, a `CertaintyFinding` or a `WhatWouldChange` result
 * carries, so that any of them can be passed as its comparison.
 */
const FINDING_KEYS = [
  'status', 'studies', 'clusters', 'pendingStudies', 'reasons', 'results',
  'replicationStatus', 'start', 'certainty', 'downgrade', 'domains', 'effect', 'cohorts', 'participants', 'changes', 'assumptions',
] as const;

/**
 * Validates a comparison and returns a fresh copy of its four fields (`null` for an absent
 * comparator, outcome or timepoint). `intervention` is required. Other keys are an error
 * suggesting the nearest field (`timePoint` → `timepoint`); `asArgument` also allows the fields
 * of a `ReplicationFinding` (or a certainty finding, or a `whatWouldChange` result), so a finding can be passed where a comparison is expected.
 * Internal helper of the evidence functions and `loadEvidence`.
 */
export function readComparison(value: unknown, where: Where, asArgument = false): Comparison {
  const obj = record(value, where);
  const own = asArgument ? Object.fromEntries(Object.entries(obj).filter(([k]) => !(FINDING_KEYS as readonly string[]).includes(k))) : obj;
  checkFields(own, COMPARISON_KEYS, where);
  const at = (field: string): Where => ({ ...where, field: `${where.field}.${field}` });
  const intervention = text(obj.intervention, at('intervention'));
  const comparator = textOrNull(obj.comparator, at('comparator'));
  if (comparator !== null && sameName(intervention, comparator)) fail('names the same arm as the intervention', { ...at('comparator'), code: 'E_INVALID_TYPE' }, comparator);
  return { intervention, comparator, outcome: textOrNull(obj.outcome, at('outcome')), timepoint: textOrNull(obj.timepoint, at('timepoint')) };
}
