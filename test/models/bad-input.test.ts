import { describe, expect, it } from 'vitest';
import { InputError, metaAnalysis } from '../../src/index.ts';

const ok = { yi: [0.1, 0.2, 0.3], vi: [0.01, 0.02, 0.03] };

describe('metaAnalysis rejects bad input with a named field', () => {
  it('unknown method lists the valid ones', () => {
    expect(() => metaAnalysis(ok, { method: 'FOO' as never })).toThrow(/method.*valid choices are EE, DL, HE, HS, HSk, SJ, ML, REML, EB, PM/);
  });
  it('unknown test lists the valid ones', () => {
    expect(() => metaAnalysis(ok, { test: 'f' as never })).toThrow(/test.*z, t, knha/);
  });
  it.each([0, 1, -0.5, 95, Number.NaN])('level %s outside (0, 1)', (level) => {
    expect(() => metaAnalysis(ok, { level })).toThrow(InputError);
    expect(() => metaAnalysis(ok, { level })).toThrow(/level/);
  });
  it('length mismatch', () => {
    expect(() => metaAnalysis({ yi: [1, 2], vi: [1] })).toThrow(/length mismatch: yi has 2 values but vi has 1/);
  });
  it('text in a numeric field names the row', () => {
    expect(() => metaAnalysis({ yi: [1, '2x' as never, 3], vi: [1, 1, 1] })).toThrow(/yi, row 2: must be a number \(got "2x"\)/);
  });
  it('negative variance names the study', () => {
    expect(() => metaAnalysis({ yi: [1, 2], vi: [1, -1], labels: ['A', 'B'] })).toThrow(/vi, study "B", row 2: sampling variance must not be negative/);
  });
  it('missing yi array', () => {
    expect(() => metaAnalysis({ vi: [1] } as never)).toThrow(/yi: missing/);
  });
  it('zero variance with a method that needs 1/vi', () => {
    expect(() => metaAnalysis({ yi: [1, 2], vi: [0, 1] }, { method: 'DL' })).toThrow(/vi.*positive for method DL/);
  });
  it('no usable study', () => {
    expect(() => metaAnalysis({ yi: [Number.NaN], vi: [1] })).toThrow(/nothing to pool/);
  });
});

describe('missing rows are omitted and named, never dropped silently', () => {
  it('names the row and what was missing', () => {
    const r = metaAnalysis({ yi: [0.1, Number.NaN, 0.3, 0.2], vi: [0.01, 0.02, null as never, 0.02], labels: ['A', 'B', 'C', 'D'] });
    expect(r.k).toBe(2);
    expect(r.labels).toEqual(['A', 'D']);
    expect(r.warnings).toContain('Row 2 (B) omitted: yi missing.');
    expect(r.warnings).toContain('Row 3 (C) omitted: vi missing.');
  });
});

describe('small k', () => {
  it('k = 1 returns the study itself with tau² = 0 and a warning', () => {
    const r = metaAnalysis({ yi: [0.4], vi: [0.04] });
    expect(r.estimate).toBe(0.4);
    expect(r.se).toBeCloseTo(0.2, 15);
    expect(r.tau2).toBe(0);
    expect(r.q).toBe(0);
    expect(r.qPValue).toBe(1);
    expect(r.warnings.join(' ')).toMatch(/Only one study/);
    expect(r.tau2Ci).toBeUndefined();
  });
  it('k = 1 with knha falls back to the z test and says so, like metafor', () => {
    const r = metaAnalysis({ yi: [0.4], vi: [0.04] }, { test: 'knha' });
    expect(r.test).toBe('z');
    expect(r.df).toBeNull();
    expect(r.se).toBeCloseTo(0.2, 15);
    expect(r.pValue).toBeCloseTo(0.04550026389635842, 12); // R: 2*pnorm(-2)
    expect(r.warnings.join(' ')).toMatch(/z test is used/);
  });
  it('a zero variance with tau² = 0 is an error naming the study (infinite weight)', () => {
    expect(() => metaAnalysis({ yi: [0.1, 0.1, 0.1], vi: [0, 0.01, 0.02], labels: ['A', 'B', 'C'] }, { method: 'REML' })).toThrow(
      /vi, study "A", row 1: sampling variance is 0 and the REML estimate of tau² is 0/,
    );
  });
  it('k = 2 fits every method', () => {
    for (const method of ['EE', 'DL', 'HE', 'HS', 'HSk', 'SJ', 'ML', 'REML', 'EB', 'PM'] as const) {
      const r = metaAnalysis({ yi: [0.1, 0.9], vi: [0.02, 0.03] }, { method });
      expect(Number.isFinite(r.estimate)).toBe(true);
    }
  });
});

describe('results', () => {
  it('are frozen and survive JSON.stringify', () => {
    const r = metaAnalysis(ok);
    expect(Object.isFrozen(r)).toBe(true);
    const back = JSON.parse(JSON.stringify(r));
    expect(back.estimate).toBe(r.estimate);
    expect(back.weights).toEqual(r.weights);
  });
});
