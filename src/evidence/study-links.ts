import type { EvidenceStudy } from './evidence-base.ts';

/** Names are the same ignoring case and surrounding spaces. Internal helper. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Why two studies are not independent, as sentences: a shared research group, shared authors
 * or a shared declared cohort (names compared ignoring case and surrounding spaces). An empty
 * array means the two are independent by the evidence base's definition.
 *
 * @example
 * studyLinks({ label: 'Trial 2022', group: 'SNU', authors: [], cohort: null },
 *            { label: 'Follow-up 2024', group: 'SNU', authors: [], cohort: null })
 * // => ['Trial 2022 and Follow-up 2024 come from the same research group (SNU).']
 */
export function studyLinks(
  a: Pick<EvidenceStudy, 'label' | 'group' | 'authors' | 'cohort'>,
  b: Pick<EvidenceStudy, 'label' | 'group' | 'authors' | 'cohort'>,
): string[] {
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
