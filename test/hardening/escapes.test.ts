// Issue #10: regression tests for the escapes the adversarial test (adversarial.ts) found, each
// named after the call that let a raw TypeError or RangeError out (or crashed the process). Each
// now fails with the project's own InputError and a code; the fields and codes below are those
// the TSDoc of each function promises.
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';

const yi = [0.1, 0.5, -0.2, 0.8, 0.3, 0.2];
const vi = [0.04, 0.02, 0.05, 0.03, 0.06, 0.03];
const random = { levels: [['a', 'a', 'b', 'b', 'c', 'c'], ['1', '2', '3', '4', '5', '6']] };
const mv = (extra: object = {}) => p.multivariate({ yi, vi }, { random, ...extra });
const codeAndField = (f: () => unknown) => {
  const e = thrownInputError(f);
  return [e.code, e.field];
};
/** A copy of a frozen result with one field replaced (a hand-made or altered result). */
const spoiled = <T extends object>(r: T, key: string, value: unknown): T => ({ ...r, [key]: value });

describe('escapes found by the adversarial test', () => {
  it('bivariateNormalCdf: a Symbol, a BigInt or an object without prototype is E_INVALID_TYPE (was a raw TypeError)', () => {
    expect(codeAndField(() => p.bivariateNormalCdf(Symbol('h') as never, 0, 0))).toEqual(['E_INVALID_TYPE', 'h']);
    expect(codeAndField(() => p.bivariateNormalCdf(0, 10n as never, 0))).toEqual(['E_INVALID_TYPE', 'k']);
    expect(codeAndField(() => p.bivariateNormalCdf(0, 0, Object.create(null) as never))).toEqual(['E_INVALID_TYPE', 'r']);
    // independence: P(X ≤ 0, Y ≤ 0) = ¼ still holds for numbers
    expect(p.bivariateNormalCdf(0, 0, 0)).toBeCloseTo(0.25, 14);
  });

  it('multivariate(null) and other inputs that are not { yi, vi } objects are InputErrors (was a raw TypeError)', () => {
    for (const input of [null, undefined, 1, 'x', [1, 2], Symbol('x')]) {
      expect(codeAndField(() => p.multivariate(input as never, { random }))[0]).toBe('E_INVALID_TYPE');
    }
    expect(codeAndField(() => p.multivariate({ yi: null, vi } as never, { random }))).toEqual(['E_INVALID_TYPE', 'yi']);
    expect(codeAndField(() => p.multivariate({ vi } as never, { random }))).toEqual(['E_MISSING_VALUE', 'yi']);
    expect(codeAndField(() => p.multivariate({ yi: { length: 1e9 }, vi } as never, { random }))).toEqual(['E_TOO_LARGE', 'yi']);
    expect(codeAndField(() => p.multivariate({ yi, vi: { length: 6 } } as never, { random }))).toEqual(['E_SPARSE_ARRAY', 'vi']);
  });

  it('multivariateLikelihoodRatio on fits with spoiled fields is E_INVALID_RESULT (was a raw TypeError)', () => {
    const full = mv({ method: 'ML' });
    const reduced = mv({ method: 'ML', sigma2: [0, null] });
    expect(p.multivariateLikelihoodRatio(full, reduced).df).toBe(1);
    for (const [key, value] of [['fitStatistics', null], ['coefficients', undefined], ['yi', {}], ['p', 1.7e308]] as const) {
      expect(thrownInputError(() => p.multivariateLikelihoodRatio(spoiled(full, key, value), reduced)).code).toBe('E_INVALID_RESULT');
      // the reduced fit is read after the full one: a spoiled yi there is also "outcomes differ"
      expect(Object.keys(p.ERROR_CODES)).toContain(thrownInputError(() => p.multivariateLikelihoodRatio(full, spoiled(reduced, key, value))).code);
    }
    expect(codeAndField(() => p.multivariateLikelihoodRatio(spoiled(full, 'yi', { length: 1e9 }), reduced))).toEqual(['E_TOO_LARGE', 'full.yi']);
  });

  it('ranefMultivariate on a fit with spoiled fields is E_INVALID_RESULT (was a raw TypeError)', () => {
    const fit = mv();
    for (const key of ['coefficients', 'covariance', 'components', 'design', 'yi', 'marginal']) {
      expect(codeAndField(() => p.ranefMultivariate(spoiled(fit, key, null)))[0]).toMatch(/^E_(INVALID_RESULT|INVALID_TYPE)$/);
    }
    expect(codeAndField(() => p.ranefMultivariate(spoiled(fit, 'p', 1.7e308)))).toEqual(['E_INVALID_RESULT', 'fit.p']);
  });

  it('robustMultivariate on a fit with spoiled fields, or without options, is an InputError (was a raw TypeError)', () => {
    const fit = mv();
    const options = { cluster: random.levels[0]!, adjust: 'CR1' as const };
    for (const key of ['coefficients', 'design', 'yi', 'marginal']) {
      expect(thrownInputError(() => p.robustMultivariate(spoiled(fit, key, {}), options)).code).toMatch(/^E_(INVALID_RESULT|INVALID_TYPE)$/);
    }
    expect(codeAndField(() => p.robustMultivariate(fit, undefined as never))).toEqual(['E_INVALID_CHOICE', 'adjust']);
    expect(codeAndField(() => p.robust(spoiled(fit, 'design', null), options))[0]).toBe('E_INVALID_RESULT');
  });

  it('studyTable on a fit whose weights are an array-like of length 1e9 is E_TOO_LARGE (ran out of memory)', () => {
    const fit = p.metaAnalysis({ yi, vi });
    expect(codeAndField(() => p.studyTable(spoiled(fit, 'weights', { length: 1e9 })))).toEqual(['E_TOO_LARGE', 'fit.weights']);
    expect(codeAndField(() => p.studyTable(spoiled(fit, 'yi', { length: 1e9, 0: 1 })))).toEqual(['E_TOO_LARGE', 'fit.yi']);
  });

  it('toLong and toTable with null options are E_INVALID_TYPE (was a raw TypeError)', () => {
    const rows = [{ ai: 4, bi: 119, ci: 11, di: 128 }];
    expect(codeAndField(() => p.toLong(rows, 'OR', null as never))).toEqual(['E_INVALID_TYPE', 'options']);
    expect(codeAndField(() => p.toTable(rows, 'OR', null as never))).toEqual(['E_INVALID_TYPE', 'options']);
  });
});
