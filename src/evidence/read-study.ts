import type { EvidenceStudy } from './evidence-base.ts';
import { id, list, record, text, textOrNull, type Where } from './read-fields.ts';

/** The fields of a study. */
export const STUDY_KEYS = ['id', 'label', 'year', 'group', 'authors', 'cohort', 'design', 'status', 'n', 'resultsExpected', 'registry', 'source', 'notes', 'riskOfBias', 'indirectness'] as const;

/** What independence is judged on: a study's id, label, group, authors and cohort. */
export type StudyIdentity = Pick<EvidenceStudy, 'id' | 'label' | 'group' | 'authors' | 'cohort'>;

/**
 * Validates the fields of a study that independence is judged on and returns a fresh copy
 * (authors default to `[]`, cohort to `null`; an id is required only with `needId`, else
 * `''`). Other fields of a study are allowed and ignored; unknown fields are an error.
 * Internal helper of `studyLinks` and `independenceClusters`.
 */
export function readStudyIdentity(value: unknown, where: Where, needId: boolean): StudyIdentity {
  const obj = record(value, where, STUDY_KEYS);
  const studyId = needId || obj.id !== undefined ? id(obj.id, { ...where, field: `${where.field}.id` }) : '';
  const at = (field: string): Where => ({ ...where, field: `${where.field}.${field}`, ...(studyId !== '' && { study: studyId }) });
  return {
    id: studyId,
    label: text(obj.label, at('label')),
    group: text(obj.group, at('group')),
    authors: list(obj.authors, at('authors'), true).map((a, i) => text(a, at(`authors[${i + 1}]`))),
    cohort: textOrNull(obj.cohort, at('cohort')),
  };
}
