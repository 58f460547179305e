// Issue #10, class "numbers": texts that overflow ("1e999") or are not decimal ("0x10"), and
// finite inputs whose derived quantities overflow (CI width, max − min, z sums), never give a
// silent Infinity or NaN: they are E_NOT_FINITE errors or explicit warnings.
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';

const md = (m1i: unknown) => [{ m1i, sd1i: 1, n1i: 10, m2i: 1, sd2i: 1, n2i: 10 }];

describe('numbers', () => {
  it('"1e999" in a row is E_NOT_FINITE, "0x10" is not a number', () => {
    const big = thrownInputError(() => p.effectSizes('MD', md('1e999')));
    expect([big.code, big.field, big.row]).toEqual(['E_NOT_FINITE', 'm1i', 1]);
    expect(thrownInputError(() => p.effectSizes('MD', md('0x10'))).code).toBe('E_INVALID_TYPE');
    expect(p.effectSizes('MD', md(' 2.5e0 ')).yi[0]).toBe(1.5);
  });

  it('readTable: "1e999" is a TableError naming line and column; "0x10" stays text', () => {
    const e = thrownInputError(() => p.readTable('a,b\n1,2\n1e999,3\n'));
    expect(e).toBeInstanceOf(p.TableError);
    expect(e.code).toBe('E_NOT_FINITE');
    expect(e.message).toContain('line 3, column "a"');
    expect(p.readTable('a,b\n0x10,2\n')[0]).toEqual({ a: '0x10', b: 2 });
  });

  it('overflow of max − min or of a CI width is E_NOT_FINITE, not an SD of Infinity', () => {
    expect(thrownInputError(() => p.sdFromCi({ lower: -1.7e308, upper: 1.7e308, n: 10 })).code).toBe('E_NOT_FINITE');
    expect(thrownInputError(() => p.pooledSdFromCi({ lower: -1.7e308, upper: 1.7e308, n1: 10, n2: 10 })).code).toBe('E_NOT_FINITE');
    expect(thrownInputError(() => p.estimateMeanSd({ n: 10, min: -1.7e308, median: 0, max: 1.7e308 })).code).toBe('E_NOT_FINITE');
    expect(thrownInputError(() => p.sdFromSe({ se: 1e308, n: 100 })).code).toBe('E_NOT_FINITE');
  });

  it('conversions whose result overflows (SD from t, p or SE; change-score SD; vi from a CI or p) are E_NOT_FINITE', () => {
    const overflows: [string, () => unknown, string][] = [
      ['pooledSdFromT', () => p.pooledSdFromT({ t: 1e-300, meanDifference: 1e300, n1: 10, n2: 10 }), 't'],
      ['pooledSdFromP', () => p.pooledSdFromP({ pValue: 0.999999999, meanDifference: 1.7e308, n1: 10, n2: 10 }), 'meanDifference'],
      ['pooledSdFromSe', () => p.pooledSdFromSe({ se: 1e308, n1: 1e10, n2: 1e10 }), 'se'],
      ['changeScoreSd', () => p.changeScoreSd({ sdBaseline: 1.7e308, sdFinal: 1.7e308, correlation: -1 }), 'sdFinal'],
      ['fromEstimateAndCi width', () => p.fromEstimateAndCi({ estimate: 0, lower: -1.7e308, upper: 1.7e308 }), 'upper'],
      ['fromEstimateAndCi vi', () => p.fromEstimateAndCi({ estimate: 0, lower: -1e160, upper: 1e160 }), 'upper'],
      ['fromEstimateAndCi p-value', () => p.fromEstimateAndCi({ estimate: 1e300, pValue: 0.5 }), 'estimate'],
    ];
    for (const [name, call, field] of overflows) {
      const e = thrownInputError(call);
      expect([name, e.code, e.field]).toEqual([name, 'E_NOT_FINITE', field]);
    }
  });

  it('changeScoreSd with SDs whose squares overflow still gives the finite SD', () => {
    // r = 0, equal SDs s: SD_change = √(2)·s, computed directly
    expect(p.changeScoreSd({ sdBaseline: 1e200, sdFinal: 1e200, correlation: 0 }).sd).toBeCloseTo(Math.SQRT2 * 1e200, -190);
  });

  it('failSafeN: z-values that overflow are an error; an N beyond doubles is NaN (null in JSON) with a warning', () => {
    expect(thrownInputError(() => p.failSafeN({ yi: [1e300, 1e300], vi: [1e-300, 1e-300] })).code).toBe('E_NOT_FINITE');
    // z = 1e200 per study: N = (Σz)²/(k·z²_α) − k overflows
    const r = p.failSafeN({ yi: [1e200, 1e200], vi: [1, 1] });
    expect(r.n).toBeNaN();
    expect(r.warnings.join(' ')).toMatch(/larger than the largest.*NaN \(null in JSON\)/);
    // a moderate case is still exact: Rosenthal N = (Σz)²/z²_α − k, computed directly
    const z = 40 / 0.1;
    const direct = Math.ceil((2 * z) ** 2 / p.normalQuantile(0.05, true) ** 2 - 2);
    expect(p.failSafeN({ yi: [40, 40], vi: [0.01, 0.01] }).n).toBe(direct);
  });

  it('maxSdForSignificance rejects a mean difference of 0', () => {
    const e = thrownInputError(() => p.maxSdForSignificance({ meanDifference: 0, n1: 10, n2: 10 }));
    expect([e.code, e.field]).toEqual(['E_OUT_OF_RANGE', 'meanDifference']);
  });
});
