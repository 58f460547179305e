// Effect size and variance from a reported estimate with CI or p-value (metafor conv.wald
// formulas). With the log transform metafor 5.1 was not run here (see metafor-fixtures), so the
// expected values come from the formula in R: r-reference/formulas.R, e.g.
// `((log(2.1) - log(1.1)) / (2 * qnorm(0.975)))^2`.
import { describe, expect, it } from 'vitest';
import { InputError, fromEstimateAndCi } from '../../src/index.ts';
import { expectClose } from '../tolerances.ts';
import { formulaReference } from './helpers.ts';
import { TOLERANCES } from '../tolerances.ts';

const TOL = TOLERANCES.closed;
const W = formulaReference().wald;

describe('fromEstimateAndCi', () => {
  it('OR 1.5 (1.1 to 2.1) with transform log: yi = ln 1.5, vi from the log-scale CI width', () => {
    const r = fromEstimateAndCi({ estimate: 1.5, lower: 1.1, upper: 2.1, transform: 'log' });
    expectClose(r.yi, W['log_ci']!.yi, TOL, 'yi');
    expectClose(r.vi, W['log_ci']!.vi, TOL, 'vi');
    expect(r).toMatchObject({ source: 'ci', transform: 'log', warnings: [] });
    expect(r.provenance).toMatchObject({ kind: 'derived', formula: expect.stringContaining('ln upper − ln lower') });
  });

  it('RR 0.8 with p = 0.03, transform log: se = |ln 0.8|/z(0.985)', () => {
    const r = fromEstimateAndCi({ estimate: 0.8, pValue: 0.03, transform: 'log' });
    expectClose(r.yi, W['log_p']!.yi, TOL, 'yi');
    expectClose(r.vi, W['log_p']!.vi, TOL, 'vi');
    expect(r.source).toBe('pValue');
  });

  it('a 90% CI uses z(0.95)', () => {
    const r = fromEstimateAndCi({ estimate: 2.3, lower: 0.4, upper: 4.2, level: 0.9 });
    expectClose(r.vi, W['ci90']!.vi, TOL, 'vi');
  });

  it('the CI wins over the p-value when both are given (as in conv.wald)', () => {
    const both = fromEstimateAndCi({ estimate: 2.3, lower: 0.4, upper: 4.2, pValue: 0.5 });
    const ci = fromEstimateAndCi({ estimate: 2.3, lower: 0.4, upper: 4.2 });
    expect(both.vi).toBe(ci.vi);
    expect(both.source).toBe('ci');
  });

  it('se = √vi', () => {
    const r = fromEstimateAndCi({ estimate: 2.3, lower: 0.4, upper: 4.2 });
    expectClose(r.se * r.se, r.vi, TOL, 'se²');
  });

  it('a CI that does not contain its estimate gives a warning naming the study', () => {
    const r = fromEstimateAndCi({ estimate: 5, lower: 0.4, upper: 4.2, study: 'Park 2021' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/Park 2021.*outside its CI/);
  });

  it('an OR CI read without the log transform is flagged as not halfway (metafor\'s 10% check)', () => {
    const r = fromEstimateAndCi({ estimate: 2, lower: 1.2, upper: 3.333 });
    expect(r.warnings[0]).toMatch(/not about halfway.*transform: "log"/);
    expect(fromEstimateAndCi({ estimate: 2, lower: 1.2, upper: 3.333, transform: 'log' }).warnings).toEqual([]);
  });

  it('p of 0 or 1 → a clear InputError', () => {
    expect(() => fromEstimateAndCi({ estimate: 0.8, pValue: 0 })).toThrow(InputError);
    expect(() => fromEstimateAndCi({ estimate: 0.8, pValue: 0 })).toThrow(/pValue: must be strictly between 0 and 1/);
    expect(() => fromEstimateAndCi({ estimate: 0.8, pValue: 1 })).toThrow(/pValue/);
  });

  it('other bad input → InputError', () => {
    expect(() => fromEstimateAndCi({ estimate: 1, lower: 0.5 })).toThrow(/upper: a CI needs both bounds/);
    expect(() => fromEstimateAndCi({ estimate: 1, lower: 2, upper: 1 })).toThrow(/upper: must be greater than lower/);
    expect(() => fromEstimateAndCi({ estimate: 1 })).toThrow(/needs a CI .* or a p-value/);
    expect(() => fromEstimateAndCi({ estimate: -1, lower: 0.5, upper: 2, transform: 'log' })).toThrow(/estimate: must be greater than 0/);
    expect(() => fromEstimateAndCi({ estimate: 1, lower: 0, upper: 2, transform: 'log' })).toThrow(/lower/);
    expect(() => fromEstimateAndCi({ estimate: 0, pValue: 0.2 })).toThrow(/estimate: must not be 0/);
    expect(() => fromEstimateAndCi({ estimate: 1, lower: 0.5, upper: 2, level: 95 })).toThrow(/level/);
    expect(() => fromEstimateAndCi({ estimate: 1, lower: 0.5, upper: 2, transform: 'exp' as never })).toThrow(/transform/);
  });

  it('result is frozen and JSON-safe', () => {
    const r = fromEstimateAndCi({ estimate: 1.5, lower: 1.1, upper: 2.1, transform: 'log' });
    expect(Object.isFrozen(r)).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
