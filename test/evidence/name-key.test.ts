// Names of groups, authors and cohorts compare after NFKC, invisible characters removed, case
// folding and white space collapsed; the assessment says which spellings it merged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessReplication } from '../../src/evidence/assess-replication.ts';
import { nameKey, sameName } from '../../src/evidence/name-key.ts';
import { replicationMarkdown } from '../../src/report/replication-markdown.ts';
import { evidence, study, trial } from './build.ts';

const twoGroups = (a: string, b: string) =>
  assessReplication(evidence({ studies: [study({ id: 'A', group: a }), study({ id: 'B', group: b })], arms: [...trial('A', 4), ...trial('B', 3)] }));

describe('nameKey', () => {
  it('merges spellings that differ by inner spaces, no-break spaces, case, width or invisible characters', () => {
    const spellings = ['Seoul National University', 'Seoul  National University', 'Seoul\u00a0National University', 'SEOUL NATIONAL UNIVERSITY', ' seoul national university\n', 'Ｓｅｏｕｌ National University', 'Seoul\u200b National University'];
    for (const s of spellings) expect(nameKey(s), JSON.stringify(s)).toBe('seoul national university');
    expect(sameName('Straße', 'STRASSE')).toBe(true);
    expect(sameName('Oslo', 'Lyon')).toBe(false);
  });

  it('is idempotent and ignores case and surrounding space (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
        expect(nameKey(nameKey(s))).toBe(nameKey(s));
        expect(nameKey(` ${s.toUpperCase()}\u00a0`)).toBe(nameKey(s.toLowerCase()));
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});

describe('merged spellings in the assessment', () => {
  it.each([
    ['an inner space', 'Seoul National University', 'Seoul  National University'],
    ['a no-break space', 'Seoul National University', 'Seoul\u00a0National University'],
    ['letter case', 'Seoul National University', 'SEOUL NATIONAL UNIVERSITY'],
  ])('one group spelt with %s is one cluster, not independent replication', (_what, a, b) => {
    const { findings, mergedNames } = twoGroups(a, b);
    expect(findings[0]!.status).toBe('not-independently-replicated');
    expect(findings[0]!.clusters).toEqual([['A', 'B']]);
    expect(mergedNames).toEqual([{ field: 'group', spellings: [a, b], studies: ['A', 'B'], reason: expect.stringContaining('are read as one research group') }]);
    expect(findings[0]!.reasons).toContain(mergedNames[0]!.reason);
  });

  it('merges author and cohort spellings too, and the Markdown report lists the merges', () => {
    const raw = evidence({
      studies: [study({ id: 'A', group: 'Oslo', authors: ['Kim\u00a0J'], cohort: 'HUNT' }), study({ id: 'B', group: 'Lyon', authors: ['kim j'], cohort: 'hunt ' })],
      arms: [...trial('A', 4), ...trial('B', 3)],
    });
    const a = assessReplication(raw);
    expect(a.findings[0]!.status).toBe('not-independently-replicated');
    expect(a.mergedNames.map((m) => m.field)).toEqual(['cohort', 'author']);
    expect(a.overlaps.map((o) => o.basis)).toEqual([['declared-cohort']]);
    expect(replicationMarkdown(a)).toContain('## Spellings merged as one name');
  });

  it('identical spellings are no merge', () => {
    expect(twoGroups('Oslo', 'Oslo').mergedNames).toEqual([]);
    expect(twoGroups('Oslo', 'Lyon').findings[0]!.status).toBe('independently-replicated');
  });
});
