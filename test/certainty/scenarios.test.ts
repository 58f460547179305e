// assessCertainty and whatWouldChange on evidence bases built for the purpose.
import { describe, expect, it } from 'vitest';
import { assessCertainty, InputError, loadEvidence, whatWouldChange } from '../../src/index.ts';
import { arm, DRUG_VS_PLACEBO, evidence, study, trial } from '../evidence/build.ts';

const z = 1.959963984540054;
const rob = (overall: string) => ({ overall, domains: { randomization: 'low', measurement: overall } });

describe('assessCertainty on built evidence bases', () => {
  it('two independent significant trials of 100: replicated, rated down only for imprecision (200 < 786): moderate', () => {
    const ev = evidence({ studies: [study({ id: 'a' }), study({ id: 'b' })], arms: [...trial('a', 3), ...trial('b', 3)] });
    const f = assessCertainty(ev).findings[0]!;
    expect(f).toMatchObject({ replicationStatus: 'independently-replicated', start: 'high', certainty: 'moderate', participants: 200, clusters: 2, cohorts: 2 });
    expect(f.domains.filter((d) => d.downgrade > 0).map((d) => d.domain)).toEqual(['imprecision']);
    // EE = RE at tau² = 0: identical effects pool to 3 with variance 0.64/2
    expect(f.effect.estimate).toBeCloseTo(3, 10);
    expect(f.effect.ci!.lower!).toBeCloseTo(3 - z * Math.sqrt(0.64 / 2), 8);
  });
  it('the same trials with 500 per arm: high', () => {
    const ev = evidence({ studies: [study({ id: 'a' }), study({ id: 'b' })], arms: [...trial('a', 3, 4, 500), ...trial('b', 3, 4, 500)] });
    expect(assessCertainty(ev).findings[0]!.certainty).toBe('high');
  });
  it('observational studies start low; high risk of bias in half the information rates down two', () => {
    const obs = evidence({ studies: [{ ...study({ id: 'a' }), design: 'prospective cohort' }, study({ id: 'b' })], arms: [...trial('a', 3, 4, 500), ...trial('b', 3, 4, 500)] });
    expect(assessCertainty(obs).findings[0]).toMatchObject({ start: 'low', certainty: 'low' });
    const biased = evidence({ studies: [{ ...study({ id: 'a' }), riskOfBias: rob('high') }, { ...study({ id: 'b' }), riskOfBias: rob('low') }], arms: [...trial('a', 3, 4, 500), ...trial('b', 3, 4, 500)] });
    const f = assessCertainty(biased).findings[0]!;
    expect(f.domains[0]).toMatchObject({ domain: 'risk of bias', judgement: 'very serious', downgrade: 2 });
    expect(f.certainty).toBe('low');
  });
  it('significant results in opposite directions: conflicting, inconsistency rated down', () => {
    const ev = evidence({ studies: [study({ id: 'a' }), study({ id: 'b' })], arms: [...trial('a', 3, 4, 500), ...trial('b', -3, 4, 500)] });
    const f = assessCertainty(ev).findings[0]!;
    expect(f.replicationStatus).toBe('conflicting');
    expect(f.domains[1]).toMatchObject({ domain: 'inconsistency', judgement: 'very serious', downgrade: 2 });
  });
  it('a declared cohort shared by two reports of one group: replication very serious', () => {
    const ev = evidence({ studies: [study({ id: 'a', group: 'G', cohort: 'C' }), study({ id: 'b', group: 'G', cohort: 'C' })], arms: [...trial('a', 3), ...trial('b', 3.5)] });
    const f = assessCertainty(ev).findings[0]!;
    expect(f.domains[5]).toMatchObject({ judgement: 'very serious', downgrade: 2 });
    expect(f.cohorts).toBe(1);
    expect(f.effect.basis).toBe('single cohort');
  });
});

describe('whatWouldChange on built evidence bases', () => {
  it('one significant trial with reported SDs: the size and effect an independent study needs', () => {
    const ev = evidence({ studies: [study({ id: 'a' })], arms: trial('a', 3) });
    const w = whatWouldChange(ev, DRUG_VS_PLACEBO);
    const r = w.changes.find((c) => c.kind === 'independent-study')!.requirement!;
    expect(r).toMatchObject({ sd: 4, sdSource: 'reported', armN: 50 });
    expect(r.armNForSignificance).toBe(Math.floor((2 * z * z * 16) / 9) + 1);
    expect(r.minimalDifference).toBeCloseTo(z * 4 * Math.sqrt(2 / 50), 10);
    expect(w.assumptions).toEqual([]);
    expect(w.changes.find((c) => c.kind === 'independent-study')!.certaintyIf).toBe('moderate'); // high − imprecision only
  });
  it('an ongoing independent study past its expected window: overdue, and said to be a signal', () => {
    const ev = evidence({
      studies: [study({ id: 'a' }), study({ id: 'late', status: 'ongoing', resultsExpected: '2024', year: null })],
      arms: [...trial('a', 3), arm('late', 'drug', null, { outcome: null, timepoint: null })],
      asOf: '2025-06-30',
    });
    const w = whatWouldChange(ev, DRUG_VS_PLACEBO);
    const p = w.changes.find((c) => c.kind === 'pending-study')!;
    expect(p).toMatchObject({ timing: 'overdue', statusIf: 'independently-replicated' });
    expect(p.text).toMatch(/overdue.*itself a signal/);
    const pub = assessCertainty(ev).findings[0]!.domains.find((d) => d.domain === 'publication bias')!;
    expect(pub.reasons.join(' ')).toMatch(/overdue as of 2025-06-30/);
  });
  it('two clusters, one of unknown significance: inconclusive, and the missing statistics would settle the status', () => {
    const ev = evidence({ studies: [study({ id: 'a' }), study({ id: 'b' })], arms: [...trial('a', 3), arm('b', 'drug', 14), arm('b', 'placebo', 10)] });
    const w = whatWouldChange(ev, DRUG_VS_PLACEBO);
    expect(w.status).toBe('inconclusive');
    expect(w.changes.find((c) => c.kind === 'reported-statistics')).toMatchObject({ moves: 'both', studies: ['b'] });
  });
});

describe('riskOfBias and indirectness in evidence files', () => {
  const withStudy = (extra: Record<string, unknown>) => evidence({ studies: [{ ...study({ id: 'a' }), ...extra }], arms: trial('a', 3) });
  it('load with defaults and refuse bad values, naming the field and study', () => {
    const s = loadEvidence(withStudy({ riskOfBias: { overall: 'some concerns' } })).studies[0]!;
    expect(s.riskOfBias).toEqual({ overall: 'some concerns', domains: { randomization: null, deviations: null, missingData: null, measurement: null, selection: null }, source: null });
    expect(() => loadEvidence(withStudy({ riskOfBias: { overall: 'medium' } }))).toThrow(/studies\.riskOfBias\.overall, study "a".*must be "low", "some concerns" or "high"/);
    expect(() => loadEvidence(withStudy({ riskOfBias: { overall: 'low', domains: { randomisation: 'low' } } }))).toThrow(/did you mean "randomization"/);
    expect(() => loadEvidence(withStudy({ indirectness: [{ element: 'setting', reason: 'r', source: { document: 'doc', quote: 'q' } }] }))).toThrow(InputError);
    expect(() => loadEvidence(withStudy({ indirectness: [{ element: 'population', reason: 'r', source: { document: 'nope', quote: 'q' } }] }))).toThrow(/names no entry of sources/);
  });
});
