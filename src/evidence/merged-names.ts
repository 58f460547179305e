import type { EvidenceBase } from './evidence-base.ts';
import { nameKey } from './name-key.ts';

/** What kind of name was spelt in more than one way. */
export type MergedNameField = 'group' | 'author' | 'cohort' | 'arm' | 'outcome' | 'timepoint';

/** Spellings of one name that compare as the same (`nameKey`) and were merged. */
export interface MergedName {
  readonly field: MergedNameField;
  /** The distinct spellings, in order of first appearance. */
  readonly spellings: readonly string[];
  /** Ids of the studies that use any of the spellings. */
  readonly studies: readonly string[];
  /** The merge as a sentence. */
  readonly reason: string;
}

const NOUN: Record<MergedNameField, string> = {
  group: 'research group',
  author: 'author',
  cohort: 'cohort',
  arm: 'arm',
  outcome: 'outcome',
  timepoint: 'timepoint',
};

type Use = { field: MergedNameField; name: string | null; study: string | null };

function uses(base: EvidenceBase): Use[] {
  const all: Use[] = [];
  for (const s of base.studies) {
    all.push({ field: 'group', name: s.group, study: s.id }, { field: 'cohort', name: s.cohort, study: s.id });
    for (const a of s.authors) all.push({ field: 'author', name: a, study: s.id });
  }
  for (const a of base.arms) {
    all.push({ field: 'arm', name: a.arm, study: a.study }, { field: 'outcome', name: a.outcome, study: a.study }, { field: 'timepoint', name: a.timepoint, study: a.study });
  }
  const fromComparison = (c: EvidenceBase['comparisons'][number], study: string | null): Use[] => [
    { field: 'arm', name: c.intervention, study },
    { field: 'arm', name: c.comparator, study },
    { field: 'outcome', name: c.outcome, study },
    { field: 'timepoint', name: c.timepoint, study },
  ];
  for (const c of base.comparisons) all.push(...fromComparison(c, null));
  for (const c of base.claims) all.push(...fromComparison(c.comparison, c.study));
  return all;
}

/**
 * The names of an evidence base that are spelt in more than one way but compare as the same
 * name (`nameKey`: case, spacing and Unicode form ignored), so that a report can say which
 * spellings it merged. Internal helper of `assessReplication`.
 */
export function mergedNames(base: EvidenceBase): MergedName[] {
  const label = new Map(base.studies.map((s) => [s.id, s.label]));
  const byKey = new Map<string, { field: MergedNameField; spellings: string[]; studies: string[] }>();
  for (const { field, name, study } of uses(base)) {
    if (name === null) continue;
    const key = `${field}\u0000${nameKey(name)}`;
    const entry = byKey.get(key) ?? { field, spellings: [], studies: [] };
    byKey.set(key, entry);
    if (!entry.spellings.includes(name)) entry.spellings.push(name);
    if (study !== null && !entry.studies.includes(study)) entry.studies.push(study);
  }
  return [...byKey.values()]
    .filter((e) => e.spellings.length > 1)
    .map((e) => {
      const spellings = e.spellings.map((s) => JSON.stringify(s)).join(', ');
      const where = e.studies.length > 0 ? ` (in ${e.studies.map((id) => label.get(id) ?? id).join(', ')})` : '';
      const reason = `The ${NOUN[e.field]} names ${spellings}${where} are read as one ${NOUN[e.field]}: names are compared ignoring case, spacing and Unicode form.`;
      return { ...e, reason };
    });
}
