import { connectedComponents } from './connected-components.ts';
import { domain, type CertaintyDomain, type FindingData } from './certainty-domain.ts';

/**
 * Replication, this project's own domain (not GRADE's): whether the finding rests on more than
 * one independent cluster (studies sharing no group, author or cohort). Results from two or
 * more independent clusters: not serious (their agreement is judged under inconsistency and
 * imprecision). All results from one cluster: serious (−1), since nothing outside one research
 * group or author network has reproduced them. All results from one cluster that is a single
 * cohort reported more than once (overlapping reports of the same patients): very serious
 * (−2), since the repeated report makes one set of patients look like corroboration.
 * Internal rule of `assessCertainty`.
 */
export function rateReplication(d: FindingData): CertaintyDomain {
  const { clusters } = d.finding;
  if (clusters.length >= 2) {
    const agree = d.finding.status === 'independently-replicated';
    return domain('replication', 'not serious', 0, [
      `The results come from ${clusters.length} independent clusters${agree ? ', each showing a significant effect in the same direction' : '; they do not all show a significant effect in the same direction, which inconsistency and imprecision weigh'}.`,
    ]);
  }
  const only = clusters[0] ?? [];
  const label = (id: string) => d.studies.find((s) => s.id === id)?.label ?? id;
  const cohorts = connectedComponents([...only], d.overlaps.map((o) => o.studies));
  if (only.length >= 2 && cohorts.length === 1) {
    return domain('replication', 'very serious', 2, [
      `All results come from one cluster (${only.map(label).join(', ')}), and its reports probably describe the same patients: one cohort reported ${only.length === 2 ? 'twice' : `${only.length} times`}, not corroboration.`,
    ]);
  }
  return domain('replication', 'serious', 1, [
    only.length === 1
      ? `All results come from one study (${label(only[0]!)}); no independent group has reproduced them.`
      : `All results come from one cluster of related studies (${only.map(label).join(', ')}); no independent group has reproduced them.`,
  ]);
}
