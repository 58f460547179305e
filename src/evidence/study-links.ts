import type { EvidenceStudy } from './evidence-base.ts';
import { sameName } from './name-key.ts';
import { readStudyIdentity, type StudyIdentity } from './read-study.ts';

/** `studyLinks` on validated studies. Internal helper. */
export function linksBetween(a: Omit<StudyIdentity, 'id'>, b: Omit<StudyIdentity, 'id'>): string[] {
  const reasons: string[] = [];
  const pair = `${a.label} and ${b.label}`;
  if (sameName(a.group, b.group)) reasons.push(`${pair} come from the same research group (${a.group}).`);
  const shared = a.authors.filter((x) => b.authors.some((y) => sameName(x, y)));
  if (shared.length === 1) reasons.push(`${pair} share an author (${shared[0]}).`);
  if (shared.length > 1) reasons.push(`${pair} share ${shared.length} authors (${shared.join(', ')}).`);
  if (a.cohort !== null && b.cohort !== null && sameName(a.cohort, b.cohort)) {
    reasons.push(`${pair} declare the same cohort (${a.cohort}), so they report on shared participants.`);
  }
  return reasons;
}

/**
 * Why two studies are not independent, as sentences: a shared research group, shared authors
 * or a shared declared cohort. Names are compared by `nameKey`: after Unicode normalisation
 * (NFKC), with case folded and white space (no-break spaces included) collapsed, so `Oslo`,
 * `oslo ` and `Oslo\u00a0` are one group. An empty array means the two are independent by the
 * evidence base's definition. The array is frozen.
 *
 * @throws {InputError} when a study lacks a label or group, or has authors that are not strings.
 * @example
 * studyLinks({ label: 'Trial 2022', group: 'SNU', authors: [], cohort: null },
 *            { label: 'Follow-up 2024', group: 'snu', authors: [], cohort: null })
 * // => ['Trial 2022 and Follow-up 2024 come from the same research group (SNU).']
 */
export function studyLinks(
  a: Pick<EvidenceStudy, 'label' | 'group' | 'authors' | 'cohort'>,
  b: Pick<EvidenceStudy, 'label' | 'group' | 'authors' | 'cohort'>,
): readonly string[] {
  return Object.freeze(linksBetween(readStudyIdentity(a, { field: 'a' }, false), readStudyIdentity(b, { field: 'b' }, false)));
}
