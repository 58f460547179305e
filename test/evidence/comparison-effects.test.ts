// Per-study effects for a comparison, checked against R metafor 3.8-1 escalc():
//   escalc("MD",  m1i=11.5, sd1i=10, n1i=30, m2i=2.8, sd2i=10, n2i=30) -> yi 8.7, vi 6.66666666666667,
//     summary(): ci.lb 3.63939475247336, ci.ub 13.76060524752664
//   escalc("SMD", same) -> yi 0.8586931154943638, vi 0.0728112822216451,
//     summary(): ci.lb 0.329824944457017, ci.ub 1.387561286531710
//   escalc("MD",  m1i=10, sd1i=1.2*sqrt(25), n1i=25, m2i=7, sd2i=1*sqrt(36), n2i=36) -> yi 3, vi 2.44
//   escalc("SMD", same) -> yi 0.4936124772798878, vi 0.0697749357919285
import { describe, expect, it } from 'vitest';
import { comparisonEffects } from '../../src/evidence/comparison-effects.ts';
import { InputError } from '../../src/errors.ts';
import { arm, DRUG_VS_PLACEBO, evidence, study } from './build.ts';

const meansOnly = evidence({ studies: [study({ id: 'A', n: 60 })], arms: [arm('A', 'drug', 11.5), arm('A', 'placebo', 2.8)] });

describe('comparisonEffects', () => {
  it('keeps unknown SDs unknown: MD only, no variance, no SMD, no assumptions', () => {
    const [e] = comparisonEffects(meansOnly, DRUG_VS_PLACEBO);
    expect(e!.meanDifference).toBeCloseTo(8.7, 12);
    expect([e!.variance, e!.se, e!.ci, e!.smd, e!.smdCi, e!.provenance]).toEqual([null, null, null, null, null, null]);
    expect(e!.assumptions).toEqual([]);
    expect([e!.intervention.nSource, e!.intervention.sdSource]).toEqual(['unknown', 'unknown']);
  });

  it('uses stated assumptions (SD 10, 60 split equally) and matches escalc MD and SMD', () => {
    const [e] = comparisonEffects(meansOnly, DRUG_VS_PLACEBO, { assume: { sd: 10, splitStudyN: true } });
    expect(e!.variance).toBeCloseTo(6.66666666666667, 12);
    expect(e!.ci!.lower).toBeCloseTo(3.63939475247336, 12);
    expect(e!.ci!.upper).toBeCloseTo(13.76060524752664, 12);
    expect(e!.smd).toBeCloseTo(0.8586931154943638, 12);
    expect(e!.smdVariance).toBeCloseTo(0.0728112822216451, 12);
    expect(e!.smdCi!.lower).toBeCloseTo(0.329824944457017, 12);
    expect(e!.smdCi!.upper).toBeCloseTo(1.38756128653171, 12);
    expect(e!.provenance).toEqual({ kind: 'assumed', value: 10 });
    expect(e!.assumptions).toEqual([
      'Study A: n of the drug arm assumed to be 30 (60 participants split equally between 2 arms; the split is not reported).',
      'Study A: SD of the drug arm assumed to be 10 (not reported).',
      'Study A: n of the placebo arm assumed to be 30 (60 participants split equally between 2 arms; the split is not reported).',
      'Study A: SD of the placebo arm assumed to be 10 (not reported).',
    ]);
  });

  it('prefers reported values to assumptions, and assumes armN when no total is given', () => {
    const raw = evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 11.5, { sd: 10 }), arm('A', 'placebo', 2.8, { n: 30 })] });
    const [e] = comparisonEffects(raw, DRUG_VS_PLACEBO, { assume: { sd: 10, armN: 30, splitStudyN: true } });
    expect([e!.intervention.sdSource, e!.intervention.nSource, e!.comparator.sdSource, e!.comparator.nSource]).toEqual(['reported', 'assumed', 'assumed', 'reported']);
    expect(e!.variance).toBeCloseTo(6.66666666666667, 12);
  });

  it('derives SD = SE·√n from reported standard errors', () => {
    const raw = evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 10, { se: 1.2, n: 25 }), arm('A', 'placebo', 7, { se: 1, n: 36 })] });
    const [e] = comparisonEffects(raw, DRUG_VS_PLACEBO);
    expect(e!.meanDifference).toBe(3);
    expect(e!.variance).toBeCloseTo(2.44, 12);
    expect(e!.smd).toBeCloseTo(0.4936124772798878, 12);
    expect(e!.smdVariance).toBeCloseTo(0.0697749357919285, 12);
    expect(e!.provenance).toEqual({ kind: 'derived', formula: 'SD = SE·√n' });
  });

  it('uses SE² directly when n is unknown (MD variance 1.2² + 1² = 2.44, no SMD)', () => {
    const raw = evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 10, { se: 1.2 }), arm('A', 'placebo', 7, { se: 1 })] });
    const [e] = comparisonEffects(raw, DRUG_VS_PLACEBO);
    expect(e!.variance).toBeCloseTo(2.44, 12);
    expect(e!.smd).toBeNull();
  });

  it('widens the interval with the level: at 0.99 the half-width is qnorm(0.995)·se', () => {
    const [e] = comparisonEffects(meansOnly, DRUG_VS_PLACEBO, { assume: { sd: 10, armN: 30 }, level: 0.99 });
    // qnorm(0.995) = 2.5758293035489; se = sqrt(6.666666666666667)
    expect(e!.ci!.upper! - 8.7).toBeCloseTo(2.5758293035489 * Math.sqrt(20 / 3), 10);
  });

  it('rejects bad assumptions and levels', () => {
    expect(() => comparisonEffects(meansOnly, DRUG_VS_PLACEBO, { assume: { sd: 0 } })).toThrow(InputError);
    expect(() => comparisonEffects(meansOnly, DRUG_VS_PLACEBO, { assume: { armN: 0 } })).toThrow(/assume.armN/);
    expect(() => comparisonEffects(meansOnly, DRUG_VS_PLACEBO, { level: 1 })).toThrow(/level/);
  });
});
