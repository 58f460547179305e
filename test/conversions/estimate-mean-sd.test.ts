// Mean and SD from five-number summaries: each estimator against its published formula,
// evaluated independently in R (r-reference/formulas.R -> formulas.json), and against
// Wan et al. (2014) Table 1.
import { describe, expect, it } from 'vitest';
import { InputError, estimateMeanSd } from '../../src/index.ts';
import { expectClose } from '../tolerances.ts';
import { formulaReference } from './helpers.ts';
import { TOLERANCES } from '../tolerances.ts';

const TOL = TOLERANCES.closed;
const ref = formulaReference();

describe('estimators against the papers\' formulas (Rscript r-reference/formulas.R)', () => {
  for (const c of ref.fivenum) {
    it(`${c.name}`, () => {
      const r = estimateMeanSd({ ...c.input, ...(c.method === null ? {} : { method: c.method }) });
      expectClose(r.mean, c.mean, TOL, 'mean');
      expectClose(r.sd, c.sd, TOL, 'sd');
      expectClose(r.skewness?.statistic, c.statistic, TOL, 'skewness statistic');
      expectClose(r.skewness?.critical, c.critical, TOL, 'skewness critical value');
      expect(r.skewed).toBe(c.skewed);
      if (c.method !== null) expect(r.method).toEqual(c.method);
    });
  }

  it('Hozo et al. (2005) S1, n = 10: mean (1 + 2·4 + 12)/4 = 5.25 and SD √(((1 − 8 + 12)²/4 + 11²)/12) = 3.2564 by hand', () => {
    const r = estimateMeanSd({ n: 10, min: 1, median: 4, max: 12, method: { mean: 'hozo', sd: 'hozo' } });
    expect(r.mean).toBe(5.25);
    expectClose(r.sd, Math.sqrt((25 / 4 + 121) / 12), TOL, 'sd');
  });

  it('Hozo et al. (2005) S1: range/4 for 15 < n ≤ 70, range/6 for n > 70, the median as mean for n > 25', () => {
    expect(estimateMeanSd({ n: 70, min: 0, median: 5, max: 12, method: { mean: 'hozo', sd: 'hozo' } })).toMatchObject({ sd: 3, mean: 5 });
    expect(estimateMeanSd({ n: 71, min: 0, median: 5, max: 12, method: { mean: 'hozo', sd: 'hozo' } })).toMatchObject({ sd: 2 });
    expect(estimateMeanSd({ n: 25, min: 0, median: 5, max: 12, method: { mean: 'hozo', sd: 'hozo' } }).mean).toBe(5.5);
  });

  it('Bland (2015) S3 by hand: 0, 3, 5, 7, 10 → mean 40/8 = 5, SD √(266/16 + 120/8 − 40²/64) = √6.625', () => {
    // squares: 0 + 2·9 + 2·25 + 2·49 + 100 = 266; products: 0·3 + 3·5 + 5·7 + 7·10 = 120;
    // total: 0 + 6 + 10 + 14 + 10 = 40 → variance 16.625 + 15 − 25 = 6.625
    const r = estimateMeanSd({ n: 50, min: 0, q1: 3, median: 5, q3: 7, max: 10, method: { mean: 'bland', sd: 'bland' } });
    expect(r.mean).toBe(5);
    expectClose(r.sd, Math.sqrt(6.625), TOL, 'sd');
  });
});

describe('Wan et al. (2014) Table 1: ξ(n), the expected range of n standard normal values', () => {
  // Published exact values; eq. 9 uses Blom's approximation 2·Φ⁻¹((n − 0.375)/(n + 0.25)),
  // which the paper recommends for all n and which is within 1.5% of the table for n ≥ 5.
  const table: [number, number][] = [
    [5, 2.326], [10, 3.078], [15, 3.472], [20, 3.735], [25, 3.931], [30, 4.086], [40, 4.322], [50, 4.498],
  ];
  for (const [n, xi] of table) {
    it(`n = ${n}: a range of ${xi} gives an SD within 1.5% of 1`, () => {
      const r = estimateMeanSd({ n, min: 0, median: xi / 2, max: xi });
      expect(Math.abs(r.sd - 1)).toBeLessThan(0.015);
    });
  }
});

describe('Luo et al. (2018) weights', () => {
  it('S1 weight 4/(4 + n^0.75): the mean moves from the mid-range towards the median as n grows', () => {
    const small = estimateMeanSd({ n: 5, min: 0, median: 2, max: 10 }).mean!;
    const large = estimateMeanSd({ n: 5000, min: 0, median: 2, max: 10 }).mean!;
    // by hand: n = 5 → w = 4/(4 + 5^0.75) = 4/7.3437 = 0.54469; mean = 0.54469·5 + 0.45531·2 = 3.6341
    expect(small).toBeCloseTo(3.6341, 4);
    expect(large).toBeLessThan(small);
    expect(large).toBeGreaterThan(2);
  });

  it('S2 at n → ∞: weight 0.7 on the mid-quartile (mean = 0.7·(q1 + q3)/2 + 0.3·median)', () => {
    const r = estimateMeanSd({ n: 1e9, q1: 2, median: 3, q3: 6 });
    expect(r.mean).toBeCloseTo(0.7 * 4 + 0.3 * 3, 8);
  });
});

describe('scenarios, methods and provenance', () => {
  it('detects S1, S2, S3 and states the methods used (metafor 5.1 defaults)', () => {
    expect(estimateMeanSd({ n: 20, min: 1, median: 3, max: 9 })).toMatchObject({ scenario: 'S1', method: { mean: 'luo', sd: 'wan' } });
    expect(estimateMeanSd({ n: 20, q1: 2, median: 3, q3: 5 })).toMatchObject({ scenario: 'S2', method: { mean: 'luo', sd: 'wan' } });
    expect(estimateMeanSd({ n: 20, min: 1, q1: 2, median: 3, q3: 5, max: 9 })).toMatchObject({ scenario: 'S3', method: { mean: 'luo', sd: 'shi' } });
  });

  it('provenance names the formula and its source', () => {
    const r = estimateMeanSd({ n: 20, min: 1, q1: 2, median: 3, q3: 5, max: 9 });
    expect(r.provenance).toEqual({ kind: 'derived', formula: expect.stringContaining('Shi et al. 2020, eq. 10') });
    expect(r.meanProvenance).toEqual({ kind: 'derived', formula: expect.stringContaining('Luo et al. 2018, eq. 15') });
    expect(estimateMeanSd({ n: 20, q1: 2, median: 3, q3: 5 }).provenance).toMatchObject({ formula: expect.stringContaining('Wan et al. 2014, eq. 16') });
  });

  it('without the median: SD only, mean and skewness null (the SD formulas do not use it)', () => {
    const withMedian = estimateMeanSd({ n: 30, q1: 2, median: 3, q3: 5 });
    const without = estimateMeanSd({ n: 30, q1: 2, q3: 5 });
    expect(without.sd).toBe(withMedian.sd);
    expect(without).toMatchObject({ mean: null, skewed: null, skewness: null, meanProvenance: null, method: { mean: null } });
  });

  it('null and NaN count as not reported', () => {
    const a = estimateMeanSd({ n: 30, min: null, q1: 2, median: 3, q3: 5, max: Number.NaN });
    expect(a.scenario).toBe('S2');
  });

  it('a skewed study is estimated and flagged, with a warning naming the study', () => {
    const r = estimateMeanSd({ n: 100, min: 0, median: 1, max: 20, study: 'Kim 2022' });
    expect(r.skewed).toBe(true);
    expect(r.warnings[0]).toMatch(/Kim 2022.*skewed/);
  });

  it('the result is frozen and survives JSON', () => {
    const r = estimateMeanSd({ n: 30, q1: 2, median: 3, q3: 5 });
    expect(Object.isFrozen(r)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('bad input', () => {
  it('quartiles out of order → InputError naming the study', () => {
    expect(() => estimateMeanSd({ n: 30, q1: 5, median: 3, q3: 7, study: 'Lee 2019' })).toThrow(InputError);
    expect(() => estimateMeanSd({ n: 30, q1: 5, median: 3, q3: 7, study: 'Lee 2019' })).toThrow(/Lee 2019.*q1 = 5 > median = 3/);
    expect(() => estimateMeanSd({ n: 30, min: 4, q1: 2, median: 3, q3: 7, max: 9 })).toThrow(/min ≤ q1/);
    expect(() => estimateMeanSd({ n: 30, min: 1, median: 3, max: 2 })).toThrow(/median = 3 > max = 2/);
  });

  it('n < 5 → InputError', () => {
    expect(() => estimateMeanSd({ n: 4, min: 1, median: 3, max: 9 })).toThrow(/n.*at least 5/);
    expect(() => estimateMeanSd({ n: Number.NaN, min: 1, median: 3, max: 9 })).toThrow(InputError);
  });

  it('an incomplete set of quantiles → InputError listing what was given', () => {
    expect(() => estimateMeanSd({ n: 30, min: 1, q1: 2, median: 3, q3: 5 })).toThrow(/got min, q1, median, q3/);
    expect(() => estimateMeanSd({ n: 30, median: 3 })).toThrow(InputError);
  });

  it('a method that does not fit the scenario → InputError with the valid choices', () => {
    expect(() => estimateMeanSd({ n: 30, q1: 2, median: 3, q3: 5, method: { sd: 'shi' } })).toThrow(/valid choices are wan/);
    expect(() => estimateMeanSd({ n: 30, min: 1, median: 3, max: 9, method: { mean: 'bland' } })).toThrow(/method.mean/);
    expect(() => estimateMeanSd({ n: 30, min: 1, median: 3, max: 9, method: { sd: 'nope' as never } })).toThrow(InputError);
  });

  it('Hozo SD for n ≤ 15 and Bland SD need the median', () => {
    expect(() => estimateMeanSd({ n: 10, min: 1, max: 9, method: { sd: 'hozo' } })).toThrow(/needs the median/);
  });

  it('non-numeric quantiles → InputError', () => {
    expect(() => estimateMeanSd({ n: 30, min: '1' as never, median: 3, max: 9 })).toThrow(/min: must be a finite number/);
  });
});
