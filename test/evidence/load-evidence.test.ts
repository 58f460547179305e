// Validation of evidence bases: every error names the study, arm or field (and the row).
import { describe, expect, it } from 'vitest';
import { loadEvidence } from '../../src/evidence/load-evidence.ts';
import { InputError } from '../../src/errors.ts';
import { arm, claim, DRUG_VS_PLACEBO, evidence, study, trial } from './build.ts';

function error(input: unknown): InputError {
  try {
    loadEvidence(input);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('loadEvidence did not throw');
}

const valid = () => evidence({ studies: [study({ id: 'A' }), study({ id: 'B' })], arms: [...trial('A', 4), ...trial('B', 3)] });

describe('loadEvidence', () => {
  it('accepts a valid base, fills optional fields and freezes it', () => {
    const raw = evidence({
      studies: [{ id: 'A', label: 'A', year: 2020, group: 'G', design: 'RCT', status: 'published', source: { document: 'doc', quote: 'q' } }],
      arms: trial('A', 4),
    });
    const ev = loadEvidence(raw);
    expect(ev.studies[0]).toMatchObject({ authors: [], cohort: null, n: null, resultsExpected: null, registry: null, notes: [] });
    expect(ev.claims).toEqual([]);
    expect(ev.arms[0]).toMatchObject({ sd: 4, se: null, n: 50 });
    expect(Object.isFrozen(ev.arms[0])).toBe(true);
    expect(loadEvidence(ev)).toBe(ev);
  });

  it('accepts a published arm whose mean is not reported, its finding in claims', () => {
    const raw = evidence({
      studies: [study({ id: 'A' })],
      arms: [arm('A', 'drug', 14), arm('A', 'placebo', null, { timepoint: null })],
      claims: [claim('A', { text: 'drug outperformed placebo', direction: 'positive' })],
    });
    expect(loadEvidence(raw).arms[1]!.mean).toBeNull();
  });

  it('rejects a non-object, a bad asOf and missing arrays', () => {
    expect(error(null).message).toMatch(/^evidence: must be an object/);
    expect(error({ ...valid(), asOf: '2025-02-30' }).message).toBe('asOf: must be an ISO date YYYY-MM-DD (got "2025-02-30")');
    expect(error({ ...valid(), arms: undefined }).field).toBe('arms');
  });

  it('rejects an arm of an unknown study, naming it', () => {
    const e = error(evidence({ studies: [study({ id: 'A' })], arms: [...trial('A', 4), arm('Z', 'drug', 1)] }));
    expect(e.message).toBe('arms.study, study "Z", row 3: unknown study id; known studies: A (got "Z")');
    expect([e.field, e.row, e.study]).toEqual(['arms.study', 3, 'Z']);
  });

  it('rejects duplicate study ids, source ids and arms', () => {
    expect(error(evidence({ studies: [study({ id: 'A' }), study({ id: 'A' })], arms: trial('A', 4) })).message).toBe(
      'studies.id, study "A", row 2: duplicate study id (got "A")',
    );
    const twoSources = { ...valid(), sources: [{ id: 'doc', citation: 'x' }, { id: 'doc', citation: 'y' }] };
    expect(error(twoSources).message).toBe('sources.id, row 2: duplicate source id (got "doc")');
    const e = error(evidence({ studies: [study({ id: 'A' })], arms: [...trial('A', 4), arm('A', 'drug', 3)] }));
    expect(e.message).toMatch(/^arms.arm, study "A", row 3: duplicate arm: "drug" at outcome score and timepoint 12 weeks/);
  });

  it('rejects a study without a group', () => {
    const e = error(evidence({ studies: [study({ id: 'A', group: null })], arms: trial('A', 4) }));
    expect(e.message).toBe('studies.group, study "A", row 1: every study needs a group (research group, institution or sponsor)');
  });

  it('rejects a comparison that matches no arms', () => {
    const raw = evidence({ studies: [study({ id: 'A' })], arms: trial('A', 4), comparisons: [DRUG_VS_PLACEBO, { ...DRUG_VS_PLACEBO, timepoint: '52 weeks' }] });
    expect(error(raw).message).toMatch(/^comparisons, row 2: comparison drug vs placebo \(score, 52 weeks\) matches no arms/);
  });

  it('rejects a duplicate comparison', () => {
    const raw = evidence({ studies: [study({ id: 'A' })], arms: trial('A', 4), comparisons: [DRUG_VS_PLACEBO, { ...DRUG_VS_PLACEBO }] });
    expect(error(raw).message).toBe('comparisons, row 2: duplicate comparison drug vs placebo (score, 12 weeks)');
  });

  it('rejects a comparison that matches several pairs of one study', () => {
    const arms = [...trial('A', 4), arm('A', 'drug', 12, { timepoint: '24 weeks' }), arm('A', 'placebo', 9, { timepoint: '24 weeks' })];
    const e = error(evidence({ studies: [study({ id: 'A' })], arms, comparisons: [{ ...DRUG_VS_PLACEBO, timepoint: null }] }));
    expect(e.message).toMatch(/^comparisons, study "A", row 1: .* matches several pairs of this study's arms \(score at 12 weeks; score at 24 weeks\)/);
  });

  it('rejects a published arm without an outcome, but accepts an ongoing planned arm without one', () => {
    const e = error(evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 14, { outcome: null }), arm('A', 'placebo', 10)] }));
    expect(e.message).toMatch(/^arms.outcome \(arm "drug"\), study "A", row 1: a published study's arm needs an outcome/);
    const ongoing = evidence({ studies: [study({ id: 'P', status: 'ongoing' })], arms: [arm('P', 'drug', null, { outcome: null, timepoint: null })] });
    expect(loadEvidence(ongoing).arms[0]!.outcome).toBeNull();
  });

  it('rejects results for an ongoing study', () => {
    const e = error(evidence({ studies: [study({ id: 'P', status: 'ongoing' })], arms: [arm('P', 'drug', 3)] }));
    expect(e.message).toMatch(/^arms.mean \(arm "drug"\), study "P", row 1: an ongoing study has no results yet/);
  });

  it('rejects bad numbers, naming arm and field', () => {
    expect(error(evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 14, { sd: -1 }), arm('A', 'placebo', 10)] })).message).toBe(
      'arms.sd (arm "drug"), study "A", row 1: must be a positive number or null (got -1)',
    );
    expect(error(evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 14, { n: 2.5 }), arm('A', 'placebo', 10)] })).message).toBe(
      'arms.n (arm "drug"), study "A", row 1: must be a positive integer or null (got 2.5)',
    );
    const textMean = evidence({ studies: [study({ id: 'A' })], arms: [{ ...arm('A', 'drug', 14), mean: '14' }, arm('A', 'placebo', 10)] });
    expect(error(textMean).field).toBe('arms.mean (arm "drug")');
  });

  it('rejects bad study fields: status, resultsExpected, source document', () => {
    expect(error(evidence({ studies: [{ ...study({ id: 'A' }), status: 'done' }], arms: trial('A', 4) })).message).toBe(
      'studies.status, study "A", row 1: must be "published" or "ongoing" (got "done")',
    );
    expect(error(evidence({ studies: [study({ id: 'A', resultsExpected: 'soon' })], arms: trial('A', 4) })).field).toBe('studies.resultsExpected');
    expect(error(evidence({ studies: [{ ...study({ id: 'A' }), source: { document: 'nope', quote: 'q' } }], arms: trial('A', 4) })).message).toBe(
      'studies.source.document, study "A", row 1: names no entry of sources (known: doc) (got "nope")',
    );
    expect(error(evidence({ studies: [{ ...study({ id: 'A' }), source: { document: 'doc', quote: '' } }], arms: trial('A', 4) })).field).toBe(
      'studies.source.quote',
    );
  });

  it('rejects claims about unknown studies, arms the study lacks, or with bad fields', () => {
    const base = { studies: [study({ id: 'A' })], arms: trial('A', 4) };
    expect(error(evidence({ ...base, claims: [claim('Z', {})] })).message).toMatch(/^claims.study, study "Z", row 1: unknown study id/);
    const otherArms = claim('A', { comparison: { ...DRUG_VS_PLACEBO, comparator: 'surgery' } });
    expect(error(evidence({ ...base, claims: [otherArms] })).message).toMatch(/^claims.comparison, study "A", row 1: the claim is about drug vs surgery/);
    expect(error(evidence({ ...base, claims: [claim('A', { significant: 'yes' })] })).field).toBe('claims.significant');
    expect(error(evidence({ ...base, claims: [claim('A', { pValue: 1.5 })] })).field).toBe('claims.pValue');
    expect(error(evidence({ ...base, claims: [claim('A', { direction: 'up' })] })).field).toBe('claims.direction');
  });
});
