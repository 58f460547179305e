// Largest common SD compatible with a "significant at alpha" claim. Expected values from R
// (r-reference/formulas.R): 8.7 / (qt(0.975, 58) * sqrt(1/30 + 1/30)) etc.
import { describe, expect, it } from 'vitest';
import { InputError, maxSdForSignificance, studentTSf } from '../../src/index.ts';
import { expectClose } from '../tolerances.ts';
import { formulaReference } from './helpers.ts';
import { TOLERANCES } from '../tolerances.ts';

const TOL = TOLERANCES.closed;
const M = formulaReference().maxSd;

describe('maxSdForSignificance', () => {
  it('MD 8.7 with 30 per arm, t test at 5%', () => {
    const r = maxSdForSignificance({ meanDifference: 8.7, n1: 30, n2: 30 });
    expectClose(r.sd, M['t']!, TOL, 'sd');
    expect(r).toMatchObject({ test: 't', df: 58, alpha: 0.05 });
    expect(r.assumptions.join('; ')).toMatch(/independent.*one SD.*two-sided/);
    expect(r.provenance.kind).toBe('derived');
  });

  it('z test', () => {
    const r = maxSdForSignificance({ meanDifference: 8.7, n1: 30, n2: 30, test: 'z' });
    expectClose(r.sd, M['z']!, TOL, 'sd');
    expect(r.df).toBeNull();
  });

  it('alpha 0.01, unequal groups, negative difference', () => {
    const r = maxSdForSignificance({ meanDifference: -5, n1: 12, n2: 20, alpha: 0.01 });
    expectClose(r.sd, M['t_alpha01_unequal']!, TOL, 'sd');
  });

  it('at the bound the two-sided t test p-value equals alpha (by definition of the bound)', () => {
    const r = maxSdForSignificance({ meanDifference: 8.7, n1: 30, n2: 30 });
    const t = 8.7 / (r.sd * Math.sqrt(1 / 30 + 1 / 30));
    expectClose(2 * studentTSf(t, 58), 0.05, 1e-9, 'p at the bound');
  });

  it('bad input → InputError', () => {
    expect(() => maxSdForSignificance({ meanDifference: 1, n1: 1, n2: 30 })).toThrow(/n1: must be at least 2/);
    expect(() => maxSdForSignificance({ meanDifference: 1, n1: 30, n2: 30, alpha: 0 })).toThrow(/alpha/);
    expect(() => maxSdForSignificance({ meanDifference: 1, n1: 30, n2: 30, alpha: 1 })).toThrow(InputError);
    expect(() => maxSdForSignificance({ meanDifference: Number.NaN, n1: 30, n2: 30 })).toThrow(/meanDifference/);
    expect(() => maxSdForSignificance({ meanDifference: 1, n1: 30, n2: 30, test: 'f' as never })).toThrow(/test/);
  });
});
