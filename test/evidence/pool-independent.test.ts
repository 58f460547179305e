// Pooling one estimate per cohort, checked against R metafor 3.8-1:
//   d <- data.frame(m1=c(12,9,14), sd1=c(5,6,4), n1=c(40,25,60), m2=c(8,7,9), sd2=c(5,5,4.5), n2=c(40,25,60))
//   p <- escalc("MD", m1i=m1, sd1i=sd1, n1i=n1, m2i=m2, sd2i=sd2, n2i=n2, data=d)   # yi 4, 2, 5
//   rma(yi, vi, data=p, method="REML", control=list(threshold=1e-12))
//     -> b 4.110489454330402, se 0.756753921350876, tau2 0.558802385828482
//   rma(yi, vi, data=p, method="DL") -> b 4.091930658922530, se 0.778173347084469, tau2 0.645982922569377
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { poolIndependent } from '../../src/evidence/pool-independent.ts';
import { arm, DRUG_VS_PLACEBO, evidence, study } from './build.ts';

const arms = [
  arm('A', 'drug', 12, { sd: 5, n: 40 }), arm('A', 'placebo', 8, { sd: 5, n: 40 }),
  arm('B', 'drug', 9, { sd: 6, n: 25 }), arm('B', 'placebo', 7, { sd: 5, n: 25 }),
  arm('C', 'drug', 14, { sd: 4, n: 60 }), arm('C', 'placebo', 9, { sd: 4.5, n: 60 }),
  // D re-reports C's drug arm (same group, identical summary); its placebo n is not given.
  arm('D', 'drug', 14, { sd: 4, n: 60 }), arm('D', 'placebo', 9, { sd: 4.5 }),
];
const studies = [
  study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' }),
  study({ id: 'C', group: 'Kyiv', year: 2020 }), study({ id: 'D', group: 'Kyiv', year: 2023 }),
];
const raw = evidence({ studies, arms });

describe('poolIndependent', () => {
  it('pools one estimate per cohort and matches rma (REML)', () => {
    const p = poolIndependent(raw, DRUG_VS_PLACEBO);
    expect(p.labels).toEqual(['A', 'B', 'C']);
    expect(p.cohorts.map((c) => [c.studies, c.used])).toEqual([[['A'], 'A'], [['B'], 'B'], [['C', 'D'], 'C']]);
    expect(p.cohorts[2]!.reason).toBe('Study C and Study D report on the same participants; only Study C is used (the only usable report), Study D left out.');
    expect(p.result!.k).toBe(3);
    expect(p.result!.estimate).toBeCloseTo(4.110489454330402, 10);
    expect(p.result!.se).toBeCloseTo(0.756753921350876, 10);
    expect(p.result!.tau2).toBeCloseTo(0.558802385828482, 10);
    expect(p.reasons.at(-1)).toBe('3 independent cohorts are pooled for drug vs placebo (score, 12 weeks).');
  });

  it('passes the model options on (DL)', () => {
    const p = poolIndependent(raw, DRUG_VS_PLACEBO, { method: 'DL' });
    expect(p.result!.method).toBe('DL');
    expect(p.result!.estimate).toBeCloseTo(4.09193065892253, 10);
    expect(p.result!.tau2).toBeCloseTo(0.645982922569377, 10);
  });

  it('within a cohort prefers the larger, then the later, usable report', () => {
    const complete = arms.map((a) => (a.study === 'D' && a.arm === 'placebo' ? { ...a, n: 60 } : a));
    const p = poolIndependent(evidence({ studies, arms: complete }), DRUG_VS_PLACEBO);
    expect(p.cohorts[2]!.used).toBe('D');
    expect(p.cohorts[2]!.reason).toMatch(/the largest, then latest, usable report/);
  });

  it('says why it cannot pool when no cohort has a variance', () => {
    const seed = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8'));
    const p = poolIndependent(seed, seed.comparisons[1], { measure: 'SMD' });
    expect(p.result).toBeNull();
    expect(p.cohorts[0]!.reason).toBe('Seoul follow-up 2024: no usable SMD estimate (Seoul follow-up 2024: the SDs and arm sizes are not reported).');
    expect(p.reasons.at(-1)).toMatch(/^Pooling is not possible for .*: no cohort has a usable SMD estimate\.$/);
  });
});

describe('poolIndependent results', () => {
  it('a pooled result is deeply frozen, survives JSON and leaves the caller\'s objects alone', () => {
    const comparison = { ...DRUG_VS_PLACEBO };
    const p = poolIndependent(raw, comparison, { method: 'DL' });
    expect(p.result).not.toBeNull();
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    expect(Object.isFrozen(p.result) && Object.isFrozen(p.yi) && Object.isFrozen(p.comparison)).toBe(true);
    expect(Object.isFrozen(comparison)).toBe(false);
  });
});
