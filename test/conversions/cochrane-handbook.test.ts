// Worked examples of the Cochrane Handbook (chapter 6, version 6.4), checked two ways: to the
// rounding the Handbook prints, and exactly against R (r-reference/formulas.R, e.g.
// `3.8 / qt(0.008/2, 45, lower.tail = FALSE) / sqrt(1/25 + 1/22)`).
import { describe, expect, it } from 'vitest';
import {
  InputError, changeScoreCorrelation, changeScoreSd, pooledSdFromCi, pooledSdFromP, pooledSdFromSe, pooledSdFromT,
  sdFromCi, sdFromSe,
} from '../../src/index.ts';
import { expectClose } from '../tolerances.ts';
import { formulaReference } from './helpers.ts';
import { TOLERANCES } from '../tolerances.ts';

const TOL = TOLERANCES.closed;
const R = formulaReference().cochrane;
const r = (name: string): number => {
  const v = R[name];
  if (v === undefined) throw new Error(`no R reference ${name}`);
  return v;
};

describe('Cochrane Handbook 6.5.2.2: SD from the SE or CI of a group mean', () => {
  it('SD = SE·√n: SE 2.5 with 25 participants gives 12.5 (by hand)', () => {
    const res = sdFromSe({ se: 2.5, n: 25 });
    expect(res.sd).toBe(12.5);
    expect(res.provenance).toEqual({ kind: 'derived', formula: 'SD = SE·√n (Cochrane 6.5.2.2)' });
  });

  it('n = 25 < 60: t with 24 df, divisor 2 × 2.0639 = 4.128 (Handbook: TINV(0.05, 24) = 2.0639)', () => {
    const res = sdFromCi({ lower: 3.3, upper: 6.7, n: 25 });
    expect(res.distribution).toBe('t');
    expect(res.df).toBe(24);
    expect(2 * res.critical).toBeCloseTo(4.128, 3);
    expectClose(res.critical, r('t24'), TOL, 'critical');
    expectClose(res.sd, r('sd_ci_small'), TOL, 'sd'); // sqrt(25)*(6.7-3.3)/(2*qt(0.975,24))
    expect(res.note).toMatch(/t distribution with 24 df.*6\.5\.2\.2/);
    expect(res.provenance).toMatchObject({ kind: 'derived', formula: expect.stringContaining('t(0.975; 24)') });
  });

  it('n = 100 ≥ 60: normal, divisor 3.92 (SD = √100 × 4.8/3.92 = 12.245)', () => {
    const res = sdFromCi({ lower: 1.1, upper: 5.9, n: 100 });
    expect(res.distribution).toBe('normal');
    expect(res.df).toBeNull();
    expect(2 * res.critical).toBeCloseTo(3.92, 2);
    expectClose(res.sd, r('sd_ci_large'), TOL, 'sd');
    expect(res.note).toMatch(/normal.*at least 60/);
  });

  it('90% and 99% CIs: divisors 3.29 and 5.15 (Handbook)', () => {
    const r90 = sdFromCi({ lower: 1.1, upper: 5.9, n: 100, level: 0.9 });
    const r99 = sdFromCi({ lower: 1.1, upper: 5.9, n: 100, level: 0.99 });
    expect(2 * r90.critical).toBeCloseTo(3.29, 2);
    expect(2 * r99.critical).toBeCloseTo(5.15, 2);
    expectClose(r90.sd, r('sd_ci_90'), TOL, 'sd 90%');
    expectClose(r99.sd, r('sd_ci_99'), TOL, 'sd 99%');
  });

  it('the distribution can be forced, and the result says so', () => {
    const res = sdFromCi({ lower: 3.3, upper: 6.7, n: 25, distribution: 'normal' });
    expect(res.distribution).toBe('normal');
    expect(res.note).toMatch(/as requested/);
  });

  it('a mean outside its CI gives a warning', () => {
    expect(sdFromCi({ lower: 3.3, upper: 6.7, n: 25, mean: 7, study: 'X' }).warnings[0]).toMatch(/X.*outside its CI/);
    expect(sdFromCi({ lower: 3.3, upper: 6.7, n: 25, mean: 5 }).warnings).toEqual([]);
  });
});

describe('Cochrane Handbook 6.5.2.3: pooled SD from a t value, p-value or CI of a difference in means', () => {
  // Handbook example: MD 3.8, groups of 25 and 22, p = 0.008 → t = TINV(0.008, 45) = 2.78,
  // SE = 3.8/2.78 = 1.37, SD = 1.37/√(1/25 + 1/22) = 4.69.
  it('from p = 0.008: t = 2.78, SE = 1.37, SD = 4.69 (Handbook rounding), exact against R', () => {
    const res = pooledSdFromP({ meanDifference: 3.8, pValue: 0.008, n1: 25, n2: 22 });
    expect(res.df).toBe(45);
    expect(res.t).toBeCloseTo(2.78, 2);
    expect(res.se).toBeCloseTo(1.37, 2);
    expect(res.sd).toBeCloseTo(4.68, 2); // 4.683 exact; the Handbook's 4.69 uses the rounded SE 1.37
    expectClose(res.t, r('t_p'), TOL, 't');
    expectClose(res.se, r('se_p'), TOL, 'se');
    expectClose(res.sd, r('sd_p'), TOL, 'sd');
  });

  it('from the rounded SE 1.37: SD = 4.69 as printed', () => {
    const res = pooledSdFromSe({ se: 1.37, n1: 25, n2: 22 });
    expect(res.sd).toBeCloseTo(4.69, 2);
    expectClose(res.sd, r('sd_se'), TOL, 'sd');
  });

  it('from t = 2.78', () => {
    const res = pooledSdFromT({ meanDifference: 3.8, t: 2.78, n1: 25, n2: 22 });
    expectClose(res.se, 3.8 / 2.78, TOL, 'se');
    expectClose(res.sd, r('sd_t'), TOL, 'sd');
    // the sign of MD and t does not matter
    expect(pooledSdFromT({ meanDifference: -3.8, t: -2.78, n1: 25, n2: 22 }).sd).toBe(res.sd);
  });

  it('from a 95% CI of the difference with small groups: t with n1 + n2 − 2 = 45 df (TINV(0.05, 45) = 2.0141)', () => {
    const res = pooledSdFromCi({ lower: 1.05, upper: 6.55, n1: 25, n2: 22 });
    expect(res.distribution).toBe('t');
    expect(res.df).toBe(45);
    expectClose(res.critical, r('t45'), TOL, 'critical');
    expectClose(res.sd, r('sd_diff_ci'), TOL, 'sd');
  });

  it('from a 95% CI of the difference with large groups: 3.92', () => {
    const res = pooledSdFromCi({ lower: 1.05, upper: 6.55, n1: 80, n2: 90 });
    expect(res.distribution).toBe('normal');
    expectClose(res.sd, r('sd_diff_ci_large'), TOL, 'sd');
  });

  it('every result carries a derived provenance citing 6.5.2.3', () => {
    for (const res of [
      pooledSdFromSe({ se: 1, n1: 5, n2: 5 }),
      pooledSdFromT({ meanDifference: 1, t: 2, n1: 5, n2: 5 }),
      pooledSdFromP({ meanDifference: 1, pValue: 0.04, n1: 5, n2: 5 }),
      pooledSdFromCi({ lower: 0, upper: 2, n1: 5, n2: 5 }),
    ]) {
      expect(res.provenance).toMatchObject({ kind: 'derived', formula: expect.stringContaining('Cochrane 6.5.2.3') });
    }
  });

  it('p of 0 or 1 → InputError; zero MD or t → InputError', () => {
    expect(() => pooledSdFromP({ meanDifference: 3.8, pValue: 0, n1: 25, n2: 22 })).toThrow(/pValue.*strictly between 0 and 1/);
    expect(() => pooledSdFromP({ meanDifference: 3.8, pValue: 1, n1: 25, n2: 22 })).toThrow(InputError);
    expect(() => pooledSdFromP({ meanDifference: 0, pValue: 0.5, n1: 25, n2: 22 })).toThrow(/meanDifference/);
    expect(() => pooledSdFromT({ meanDifference: 1, t: 0, n1: 25, n2: 22 })).toThrow(/t: must not be 0/);
  });
});

describe('Cochrane Handbook 6.5.2.8: SD of change scores from baseline and final SDs and a correlation', () => {
  // Handbook 5.1, 16.4.6.4 (the same formula for paired differences): SDs 2.38 and 2.21,
  // r = 0.68, n = 10 → SE of the mean difference 0.583.
  it('SDs 2.38 and 2.21 with r = 0.68: SD 1.8426, SE with n = 10 0.583 (Handbook)', () => {
    const res = changeScoreSd({ sdBaseline: 2.38, sdFinal: 2.21, correlation: 0.68 });
    expectClose(res.sd, r('sd_change'), TOL, 'sd');
    expect(res.sd / Math.sqrt(10)).toBeCloseTo(0.583, 3);
    expect(res.provenance).toMatchObject({ kind: 'derived', formula: expect.stringMatching(/r = 0\.68 \(Cochrane 6\.5\.2\.8\)/) });
  });

  it('the correlation implied by three SDs inverts the formula', () => {
    const res = changeScoreCorrelation({ sdBaseline: 2.38, sdFinal: 2.21, sdChange: r('sd_change') });
    expectClose(res.correlation, 0.68, TOL, 'correlation');
    expect(res.warnings).toEqual([]);
  });

  it('r = 0 gives √(a² + b²), r = 1 gives |a − b| (by hand)', () => {
    expect(changeScoreSd({ sdBaseline: 3, sdFinal: 4, correlation: 0 }).sd).toBe(5);
    expect(changeScoreSd({ sdBaseline: 3, sdFinal: 4, correlation: 1 }).sd).toBe(1);
  });

  it('inconsistent SDs give a correlation outside [−1, 1] with a warning; a bad correlation is an InputError', () => {
    const res = changeScoreCorrelation({ sdBaseline: 1, sdFinal: 1, sdChange: 3, study: 'Y' });
    expect(res.correlation).toBe(-3.5);
    expect(res.warnings[0]).toMatch(/Y.*outside \[-1, 1\]/);
    expect(() => changeScoreSd({ sdBaseline: 1, sdFinal: 1, correlation: 1.2 })).toThrow(/correlation/);
    expect(() => changeScoreSd({ sdBaseline: -1, sdFinal: 1, correlation: 0.5 })).toThrow(/sdBaseline: must not be negative/);
  });
});
