// Synthetic scenarios for every replication status. Significance from a CI is decided by
// |md| / sqrt(sd²/n + sd²/n) against 1.96: with sd 4 and n 50 the SE is 0.8 (4²/50·2 = 0.64,
// as escalc("MD", m1i=5, sd1i=4, n1i=50, m2i=0, sd2i=4, n2i=50) gives vi = 0.64), so md = ±4
// is significant (z = 5) and md = 0.5 is not (z = 0.625).
import { describe, expect, it } from 'vitest';
import { assessReplication } from '../../src/evidence/assess-replication.ts';
import { InputError } from '../../src/errors.ts';
import { arm, claim, evidence, study, trial } from './build.ts';

const only = (ev: Record<string, unknown>) => assessReplication(ev).findings[0]!;

describe('assessReplication statuses', () => {
  it('independently replicated: two groups, each significant in the same direction', () => {
    const f = only(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' })], arms: [...trial('A', 4), ...trial('B', 3)] }));
    expect(f.status).toBe('independently-replicated');
    expect(f.clusters).toEqual([['A'], ['B']]);
    expect(f.results.map((r) => [r.significant, r.significanceFrom, r.direction])).toEqual([
      [true, 'ci', 'positive'],
      [true, 'ci', 'positive'],
    ]);
    expect(f.reasons.at(-1)).toBe('Independently replicated: each of the 2 independent clusters shows a significant difference in the same direction (drug higher than placebo).');
  });

  it('not independently replicated: two significant studies of one group', () => {
    const f = only(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'oslo ' })], arms: [...trial('A', 4), ...trial('B', 3)] }));
    expect(f.status).toBe('not-independently-replicated');
    expect(f.clusters).toEqual([['A', 'B']]);
    expect(f.reasons).toContain('Study A and Study B come from the same research group (Oslo).');
  });

  it('not independently replicated: linked by a shared author across groups', () => {
    const f = only(
      evidence({
        studies: [study({ id: 'A', group: 'Oslo', authors: ['K. Lee', 'M. Ode'] }), study({ id: 'B', group: 'Lyon', authors: ['k. lee'] })],
        arms: [...trial('A', 4), ...trial('B', 3)],
      }),
    );
    expect(f.status).toBe('not-independently-replicated');
    expect(f.clusters).toEqual([['A', 'B']]);
    expect(f.reasons).toContain('Study A and Study B share an author (K. Lee).');
  });

  it('links are transitive: A–B share an author, B–C a group, so A, B and C form one cluster', () => {
    const f = only(
      evidence({
        studies: [study({ id: 'A', group: 'Oslo', authors: ['K. Lee'] }), study({ id: 'B', group: 'Lyon', authors: ['K. Lee'] }), study({ id: 'C', group: 'Lyon' })],
        arms: [...trial('A', 4), ...trial('B', 3), ...trial('C', 5)],
      }),
    );
    expect(f.clusters).toEqual([['A', 'B', 'C']]);
    expect(f.status).toBe('not-independently-replicated');
  });

  it('not independently replicated: linked by a declared shared cohort, which is also flagged as an overlap', () => {
    const a = assessReplication(
      evidence({ studies: [study({ id: 'A', group: 'Oslo', cohort: 'HUNT' }), study({ id: 'B', group: 'Lyon', cohort: 'HUNT' })], arms: [...trial('A', 4), ...trial('B', 3)] }),
    );
    expect(a.findings[0]!.status).toBe('not-independently-replicated');
    expect(a.findings[0]!.clusters).toEqual([['A', 'B']]);
    expect(a.overlaps).toEqual([
      {
        studies: ['A', 'B'],
        basis: ['declared-cohort'],
        identical: [],
        reasons: ['Study A and Study B declare the same cohort (HUNT), so they report on shared participants.'],
      },
    ]);
  });

  it('conflicting: significant effects in opposite directions from independent groups', () => {
    const f = only(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' })], arms: [...trial('A', 4), ...trial('B', -4)] }));
    expect(f.status).toBe('conflicting');
    expect(f.results.map((r) => r.direction)).toEqual(['positive', 'negative']);
    expect(f.reasons.at(-1)).toBe('Conflicting: significant differences in opposite directions (positive in Study A; negative in Study B).');
  });

  it('inconclusive: two independent groups, one significant and one not', () => {
    const f = only(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' })], arms: [...trial('A', 4), ...trial('B', 0.5)] }));
    expect(f.status).toBe('inconclusive');
    expect(f.results.map((r) => r.significant)).toEqual([true, false]);
  });

  it('inconclusive: two independent groups whose significance is unknown (means only)', () => {
    const arms = ['A', 'B'].flatMap((id) => [arm(id, 'drug', 14), arm(id, 'placebo', 10)]);
    const f = only(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' })], arms }));
    expect(f.status).toBe('inconclusive');
    expect(f.results.map((r) => [r.meanDifference, r.significant, r.significanceFrom])).toEqual([
      [4, null, null],
      [4, null, null],
    ]);
  });

  it('claim-only significance: means without SDs, significance from the sources’ claims', () => {
    const arms = ['A', 'B', 'C'].flatMap((id) => [arm(id, 'drug', 14), arm(id, 'placebo', 10)]);
    const studies = [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' }), study({ id: 'C', group: 'Kyiv' })];
    const claims = [claim('A', { significant: true }), claim('B', { pValue: 0.01 }), claim('C', { pValue: 0.03, significant: true })];
    const f = only(evidence({ studies, arms, claims }));
    expect(f.status).toBe('independently-replicated');
    expect(f.results.map((r) => [r.significant, r.significanceFrom])).toEqual([
      [true, 'claim'],
      [true, 'claim'],
      [true, 'claim'],
    ]);
    // At level 0.995 (alpha 0.005) B's p = 0.01 is no longer significant; A's explicit claim stands.
    const strict = assessReplication(evidence({ studies: studies.slice(0, 2), arms: arms.slice(0, 4), claims: claims.slice(0, 2) }), { level: 0.995 });
    expect(strict.findings[0]!.results.map((r) => r.significant)).toEqual([true, false]);
    expect(strict.findings[0]!.status).toBe('inconclusive');
  });

  it('a claim with no means gives direction and significance; a CI overrides a claim', () => {
    const arms = [arm('A', 'drug', null), arm('A', 'placebo', null), ...trial('B', 0.5)];
    const claims = [claim('A', { significant: true, direction: 'positive' }), claim('B', { significant: true })];
    const f = only(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' })], arms, claims }));
    expect(f.results.map((r) => [r.meanDifference, r.direction, r.significant, r.significanceFrom])).toEqual([
      [null, 'positive', true, 'claim'],
      [0.5, 'positive', false, 'ci'],
    ]);
    expect(f.status).toBe('inconclusive');
  });

  it('pending: only an ongoing study, with its expected results judged against asOf', () => {
    const f = only(
      evidence({
        studies: [study({ id: 'P', status: 'ongoing', year: null, resultsExpected: '2025-03' })],
        arms: [arm('P', 'drug', null, { outcome: null, timepoint: null })],
      }),
    );
    expect(f.status).toBe('pending');
    expect(f.studies).toEqual([]);
    expect(f.clusters).toEqual([]);
    expect(f.pendingStudies).toEqual([
      {
        study: 'P',
        label: 'Study P',
        group: 'group of P',
        design: 'planned RCT',
        resultsExpected: '2025-03',
        timing: 'overdue',
        independent: true,
        reason: 'Results of Study P (group of P) were expected by 2025-03 and are not yet reported as of 2025-06-30: they are overdue.',
      },
    ]);
  });

  it('lists pending studies beside published results, saying whether they could replicate independently', () => {
    const f = only(
      evidence({
        studies: [
          study({ id: 'A', group: 'Oslo' }),
          study({ id: 'P', group: 'Oslo', status: 'ongoing', resultsExpected: '2026' }),
          study({ id: 'Q', group: 'Lyon', status: 'ongoing' }),
        ],
        arms: [...trial('A', 4), arm('P', 'drug', null, { timepoint: null }), arm('Q', 'drug', null, { outcome: null, timepoint: null })],
      }),
    );
    expect(f.status).toBe('not-independently-replicated');
    expect(f.pendingStudies.map((p) => [p.study, p.timing, p.independent])).toEqual([
      ['P', 'upcoming', false],
      ['Q', 'unknown', true],
    ]);
    expect(f.pendingStudies[0]!.reason).toMatch(/linked to Study A .* would not count as independent replication/);
    expect(f.pendingStudies[1]!.reason).toMatch(/could replicate the finding independently/);
  });

  it('no evidence: a published study with the arms but neither means nor a claim', () => {
    const f = only(evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', null), arm('A', 'placebo', null)] }));
    expect(f.status).toBe('no-evidence');
    expect(f.studies).toEqual([]);
    expect(f.reasons[0]).toMatch(/reports neither their means nor a claim/);
  });

  it('flags identical arm summaries from one group, but not from different groups', () => {
    const arms = [...trial('A', 4), arm('B', 'drug', 14, { sd: 4, n: 50 }), arm('B', 'placebo', 11, { sd: 4, n: 50 })];
    const same = assessReplication(evidence({ studies: [study({ id: 'A', group: 'Oslo', year: 2021 }), study({ id: 'B', group: 'Oslo', year: 2019 })], arms }));
    expect(same.overlaps.map((o) => [o.studies, o.basis, o.identical.map((i) => i.arm)])).toEqual([[['B', 'A'], ['identical-arm-summaries'], ['drug']]]);
    expect(same.overlaps[0]!.reasons[0]).toMatch(/Study A re-reports patients of Study B/);
    const other = assessReplication(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' })], arms }));
    expect(other.overlaps).toEqual([]);
    // Same mean but a different reported n is not an identical summary.
    const differentN = [...trial('A', 4), arm('B', 'drug', 14, { sd: 4, n: 60 }), arm('B', 'placebo', 11, { sd: 4, n: 60 })];
    expect(assessReplication(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Oslo' })], arms: differentN })).overlaps).toEqual([]);
  });

  it('returns deeply frozen results that survive JSON', () => {
    const a = assessReplication(evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' })], arms: [...trial('A', 4), ...trial('B', 3)] }));
    expect(Object.isFrozen(a) && Object.isFrozen(a.findings[0]) && Object.isFrozen(a.findings[0]!.results[0]!.ci)).toBe(true);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('rejects a bad level', () => {
    expect(() => assessReplication(evidence({ studies: [study({ id: 'A' })], arms: trial('A', 4) }), { level: 95 })).toThrow(InputError);
  });
});
