import type { EvidenceStudy } from './evidence-base.ts';
import { connectedComponents } from './connected-components.ts';
import { frozenCopy } from './deep-freeze.ts';
import { fail, list } from './read-fields.ts';
import { readStudyIdentity, type StudyIdentity } from './read-study.ts';
import { linksBetween } from './study-links.ts';

/** A pair of studies that are not independent, with the reasons as sentences. */
export interface StudyLink {
  readonly studies: readonly [string, string];
  readonly reasons: readonly string[];
}

/** Connected components of "not independent" and the links that form them. */
export interface IndependenceClusters {
  /** Study ids per cluster, clusters and members in input order. */
  readonly clusters: readonly (readonly string[])[];
  readonly links: readonly StudyLink[];
}

/** `independenceClusters` on validated studies (no copy, not frozen). Internal helper. */
export function clustersOf(studies: readonly StudyIdentity[]): { clusters: string[][]; links: StudyLink[] } {
  const links: StudyLink[] = [];
  studies.forEach((a, i) => {
    for (const b of studies.slice(i + 1)) {
      const reasons = linksBetween(a, b);
      if (reasons.length > 0) links.push({ studies: [a.id, b.id], reasons });
    }
  });
  return { clusters: connectedComponents(studies.map((s) => s.id), links.map((l) => l.studies)), links };
}

/**
 * Groups studies into independence clusters: two studies are linked when they share a
 * research group, an author or a declared cohort (`studyLinks`, names compared by `nameKey`),
 * and the clusters are the connected components of that relation among the given studies
 * (O(k²) pairs). Studies in different clusters are independent of each other. The result is
 * deeply frozen and shares nothing with the input.
 *
 * @throws {InputError} for a non-array or sparse array, a study without a string (or number)
 *   id, label or group, or two studies with the same id, naming the row.
 * @example
 * const study = (id: string, group: string) => ({ id, label: id, group, authors: [], cohort: null });
 * independenceClusters([study('trial2022', 'SNU'), study('followUp2024', 'SNU'), study('usTrial', 'US')]).clusters
 * // => [['trial2022', 'followUp2024'], ['usTrial']]   (the first two share a group)
 */
export function independenceClusters(studies: readonly Pick<EvidenceStudy, 'id' | 'label' | 'group' | 'authors' | 'cohort'>[]): IndependenceClusters {
  const seen = new Set<string>();
  const valid = list(studies, { field: 'studies' }).map((s, i) => {
    const study = readStudyIdentity(s, { field: 'studies', row: i + 1 }, true);
    if (seen.has(study.id)) fail('duplicate study id', { field: 'studies.id', row: i + 1, study: study.id, code: 'E_DUPLICATE' }, study.id);
    seen.add(study.id);
    return study;
  });
  return frozenCopy(clustersOf(valid));
}
