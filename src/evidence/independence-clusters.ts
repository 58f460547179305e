import type { EvidenceStudy } from './evidence-base.ts';
import { connectedComponents } from './connected-components.ts';
import { deepFreeze } from './deep-freeze.ts';
import { studyLinks } from './study-links.ts';

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

/**
 * Groups studies into independence clusters: two studies are linked when they share a
 * research group, an author or a declared cohort (`studyLinks`), and the clusters are the
 * connected components of that relation among the given studies (O(k²) pairs).
 * Studies in different clusters are independent of each other.
 *
 * @example
 * const study = (id: string, group: string) => ({ id, label: id, group, authors: [], cohort: null });
 * independenceClusters([study('trial2022', 'SNU'), study('followUp2024', 'SNU'), study('usTrial', 'US')]).clusters
 * // => [['trial2022', 'followUp2024'], ['usTrial']]   (the first two share a group)
 */
export function independenceClusters(
  studies: readonly Pick<EvidenceStudy, 'id' | 'label' | 'group' | 'authors' | 'cohort'>[],
): IndependenceClusters {
  const links: StudyLink[] = [];
  studies.forEach((a, i) => {
    for (const b of studies.slice(i + 1)) {
      const reasons = studyLinks(a, b);
      if (reasons.length > 0) links.push({ studies: [a.id, b.id], reasons });
    }
  });
  const clusters = connectedComponents(studies.map((s) => s.id), links.map((l) => l.studies));
  return deepFreeze({ clusters, links });
}
