// Human date ranges for expected results; calendar facts (month lengths, leap years) are the oracle.
import { describe, expect, it } from 'vitest';
import { loadEvidence } from '../../src/evidence/load-evidence.ts';
import { parseExpectedWindow, resultsTiming } from '../../src/evidence/results-timing.ts';
import { thrownInputError } from '../input-error.ts';
import { arm, evidence, study } from './build.ts';

const years = { from: '2026-01-01', to: '2027-12-31' };
const ongoing = (resultsExpected: unknown) =>
  evidence({ studies: [{ ...study({ id: 'P', status: 'ongoing' }), resultsExpected }], arms: [arm('P', 'drug', null, { outcome: null, timepoint: null })] });

describe('human date windows', () => {
  it('reads the seed wording and its variants', () => {
    for (const text of ['2026–2027', '2026-2027', '2026/2027', '2026 – 2027', '2026—2027', '2026 to 2027', '2026 - 2027']) {
      expect(parseExpectedWindow(text), text).toEqual(years);
    }
  });

  it('reads thirds, quarters, halves and month names', () => {
    expect(parseExpectedWindow('mid-2027')).toEqual({ from: '2027-05-01', to: '2027-08-31' });
    expect(parseExpectedWindow('early 2027')).toEqual({ from: '2027-01-01', to: '2027-04-30' });
    expect(parseExpectedWindow('Late 2027')).toEqual({ from: '2027-09-01', to: '2027-12-31' });
    expect(parseExpectedWindow('Q1 2028')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(parseExpectedWindow('2028-Q4')).toEqual({ from: '2028-10-01', to: '2028-12-31' });
    expect(parseExpectedWindow('H2 2026')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(parseExpectedWindow('February 2028')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(parseExpectedWindow('mid-2026 to early 2027')).toEqual({ from: '2026-05-01', to: '2027-04-30' });
  });

  it('compares four-digit years as dates: 0999 is long before 2026', () => {
    expect(parseExpectedWindow('0999')).toEqual({ from: '0999-01-01', to: '0999-12-31' });
    expect(resultsTiming('0999', '2026-01-01').status).toBe('overdue');
    expect(resultsTiming('0999/2030', '2026-01-01').status).toBe('due');
    expect(parseExpectedWindow('0000-02-29')).toEqual({ from: '0000-02-29', to: '0000-02-29' }); // year 0 is a leap year
    expect(parseExpectedWindow('1900-02-29')).toBeNull(); // 1900 is not
  });

  it('refuses ambiguous forms, and the loader says why', () => {
    for (const bad of ['2026-27', '2026/27', '2026–27', '03/2027', '1/2/2027', 'soon', 'Q5 2027', '2027/2026']) {
      expect(parseExpectedWindow(bad), bad).toBeNull();
    }
    expect(thrownInputError(() => loadEvidence(ongoing('2026/27'))).message).toMatch(/^studies.resultsExpected, study "P", row 1: "2026\/27" is ambiguous .*write the end year in full, e.g. "2026–2027"/);
    expect(thrownInputError(() => loadEvidence(ongoing('2026-27'))).message).toMatch(/month 27 does not exist \(for the years 2026–2027, write "2026–2027"\)/);
    expect(thrownInputError(() => loadEvidence(ongoing('03/2027'))).message).toMatch(/"03\/2027" is ambiguous/);
    expect(thrownInputError(() => loadEvidence(ongoing('2027/2026'))).message).toMatch(/ends before it starts/);
  });

  it('loads the seed wording with an en dash, and judges it as the seed does', () => {
    const base = loadEvidence({ ...ongoing('2026–2027'), asOf: '2026-11-25' });
    expect(base.studies[0]!.resultsExpected).toBe('2026–2027');
    expect(resultsTiming('2026-2027', '2026-11-25')).toEqual({ status: 'due', window: years, display: '2026–2027' });
    expect(loadEvidence(ongoing(2027)).studies[0]!.resultsExpected).toBe('2027');
  });

  it('validates the arguments of resultsTiming and parseExpectedWindow', () => {
    expect(thrownInputError(() => resultsTiming('2026', '2026-13-01')).field).toBe('asOf');
    expect(thrownInputError(() => resultsTiming('soon', '2026-01-01')).field).toBe('resultsExpected');
    expect(thrownInputError(() => resultsTiming(undefined as never, '2026-01-01')).field).toBe('resultsExpected');
    expect(thrownInputError(() => parseExpectedWindow(null as never)).field).toBe('resultsExpected');
  });
});
