import { describe, expect, it } from 'vitest';
import { backTransform, naturalTransform, MEASURES } from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';

// Freeman–Tukey forward transform written here from Freeman & Tukey (1950): the mean of the two
// arcsines, as metafor's escalc("PFT") computes yi.
const pft = (x: number, n: number) => 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));

describe('backTransform', () => {
  it('picks the natural transform of each measure', () => {
    expect(['OR', 'RR', 'PETO', 'ROM', 'PLN', 'MNLN'].map((m) => naturalTransform(m as never))).toEqual(Array(6).fill('exp'));
    expect(naturalTransform('ZCOR')).toBe('tanh');
    expect(naturalTransform('PLO')).toBe('ilogit');
    expect(naturalTransform('PAS')).toBe('iarcsin');
    expect(naturalTransform('PFT')).toBe('ipft');
    expect(naturalTransform('MD')).toBe('none');
    expect(naturalTransform(null)).toBe('none');
    for (const m of MEASURES) expect(backTransform(m, 'auto', { n: [10, 20] }).description.length).toBeGreaterThan(10);
  });

  it('inverts the forward transforms', () => {
    expect(backTransform('OR').apply(Math.log(2.5))).toBeCloseTo(2.5, 14);
    expect(backTransform('ZCOR').apply(Math.atanh(0.37))).toBeCloseTo(0.37, 14);
    expect(backTransform('PLO').apply(Math.log(0.2 / 0.8))).toBeCloseTo(0.2, 14);
    expect(backTransform('PLO').apply(-800)).toBe(0);
    expect(backTransform('PAS').apply(Math.asin(Math.sqrt(0.3)))).toBeCloseTo(0.3, 14);
    expect(backTransform('PAS').apply(-0.1)).toBe(0);
    expect(backTransform('PAS').apply(2)).toBe(1);
  });

  it('inverts Freeman–Tukey at a common sample size, and clamps beyond the ends (Miller 1978)', () => {
    for (const n of [5, 20, 137]) {
      const t = backTransform('PFT', 'auto', { n: [n, n, n] });
      for (const x of [1, Math.floor(n / 3), n - 1]) expect(t.apply(pft(x, n))).toBeCloseTo(x / n, 12);
      expect(t.apply(pft(0, n) - 1e-3)).toBe(0);
      expect(t.apply(pft(n, n) + 1e-3)).toBe(1);
    }
    // harmonic mean of 10 and 40 is 16
    expect(backTransform('PFT', 'auto', { n: [10, 40] }).apply(pft(4, 16))).toBeCloseTo(0.25, 12);
  });

  it('says what it did, and honours an explicit choice', () => {
    const t = backTransform('OR');
    expect(t.automatic).toBe(true);
    expect(t.scale).toBe('Odds Ratio');
    expect(t.description).toMatch(/exponentiated/);
    expect(t.description).toMatch(/standard errors stay/);
    const none = backTransform('OR', 'none');
    expect(none.apply(0.3)).toBe(0.3);
    expect(none.scale).toBe('Log Odds Ratio');
  });

  it('rejects unknown transforms and ipft without sample sizes', () => {
    expect(thrownInputError(() => backTransform('OR', 'log' as never)).message).toMatch(/transform/);
    expect(thrownInputError(() => backTransform('PFT')).message).toMatch(/^n: /);
    expect(thrownInputError(() => backTransform('PFT', 'auto', { n: [10, -1] })).message).toMatch(/row 2/);
  });
});
