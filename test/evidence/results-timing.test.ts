// Expected-results dates against asOf; calendar facts (month lengths, leap years) are the oracle.
import { describe, expect, it } from 'vitest';
import { parseExpectedWindow, resultsTiming } from '../../src/evidence/results-timing.ts';

describe('resultsTiming', () => {
  it('parses years, months, days and windows', () => {
    expect(parseExpectedWindow('2026/2027')).toEqual({ from: '2026-01-01', to: '2027-12-31' });
    expect(parseExpectedWindow('2026–2027')).toEqual({ from: '2026-01-01', to: '2027-12-31' });
    expect(parseExpectedWindow('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseExpectedWindow('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(parseExpectedWindow('2026-06-15')).toEqual({ from: '2026-06-15', to: '2026-06-15' });
    expect(parseExpectedWindow('2026-03/2026-09')).toEqual({ from: '2026-03-01', to: '2026-09-30' });
  });

  it('rejects malformed dates and reversed windows', () => {
    for (const bad of ['soon', '2026-13', '2025-02-29', '2027/2026', '2026/2027/2028', '']) expect(parseExpectedWindow(bad), bad).toBeNull();
  });

  it('judges upcoming, due, overdue and unknown against asOf', () => {
    expect(resultsTiming('2026/2027', '2026-11-25')).toEqual({ status: 'due', window: { from: '2026-01-01', to: '2027-12-31' }, display: '2026–2027' });
    expect(resultsTiming('2026/2027', '2025-12-31').status).toBe('upcoming');
    expect(resultsTiming('2026/2027', '2027-12-31').status).toBe('due');
    expect(resultsTiming('2026/2027', '2028-01-01').status).toBe('overdue');
    expect(resultsTiming('2026-12', '2027-01-01')).toMatchObject({ status: 'overdue', display: '2026-12' });
    expect(resultsTiming(null, '2026-11-25')).toEqual({ status: 'unknown', window: null, display: null });
  });
});
