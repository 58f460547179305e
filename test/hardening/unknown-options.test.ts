// Issue #10, class "unknown or misspelt options are ignored": every public function with an
// options object rejects an unknown key with E_UNKNOWN_OPTION, names it and suggests the nearest
// valid key; null, arrays and Maps are not options objects.
import { describe, expect, it } from 'vitest';
import { cumulative, InputError, metaAnalysis, metaRegression } from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';
import { fit, vi, WITH_OPTIONS, WITH_REQUIRED_OPTIONS, yi } from './calls.ts';

describe('unknown option keys', () => {
  for (const [name, call] of Object.entries(WITH_OPTIONS)) {
    it(`${name}: works without options, rejects { bogusKey } and null, a Map and an array`, () => {
      expect(() => call(undefined)).not.toThrow();
      const e = thrownInputError(() => call({ bogusKey: 1 }));
      expect(e.code).toBe('E_UNKNOWN_OPTION');
      expect(e.message).toContain('"bogusKey"');
      for (const bad of [null, new Map([['method', 'DL']]), [1]]) {
        expect(thrownInputError(() => call(bad)).code).toBe('E_INVALID_TYPE');
      }
    });
  }
  for (const [name, call] of Object.entries(WITH_REQUIRED_OPTIONS)) {
    it(`${name}: rejects { bogusKey } next to its required options`, () => {
      expect(() => call({})).not.toThrow();
      const e = thrownInputError(() => call({ bogusKey: 1 }));
      expect(e.code).toBe('E_UNKNOWN_OPTION');
      expect(e.message).toContain('"bogusKey"');
    });
  }

  it('the examples of the issue: metod, weighted: false, collapse: true', () => {
    const metod = thrownInputError(() => metaAnalysis({ yi, vi }, { metod: 'DL' } as never));
    expect(metod.message).toContain('did you mean "method"?');
    expect(metod.code).toBe('E_UNKNOWN_OPTION');
    // `weighted: false` (metafor's habit) must not silently fit the weighted model: it gives the unweighted mean.
    const unweighted = metaAnalysis({ yi, vi }, { weighted: false });
    expect(unweighted.estimate).toBeCloseTo(Array.from(yi).reduce((a, b) => a + b, 0) / yi.length, 12);
    expect(unweighted.weighting).toBe('unweighted');
    // `collapse: true` is now metafor's collapse of tied sort keys; without an order there is nothing to collapse
    expect(cumulative(fit(), undefined, { collapse: true })).toEqual(cumulative(fit()));
    expect(thrownInputError(() => cumulative(fit(), undefined, { colapse: true } as never)).code).toBe('E_UNKNOWN_OPTION');
    // options passed where the order goes are not taken for sort keys
    expect(thrownInputError(() => cumulative(fit(), { decreasing: true } as never)).field).toBe('order');
  });

  it('nested option objects are checked too (control, arms)', () => {
    expect(thrownInputError(() => metaAnalysis({ yi, vi }, { control: { maxiters: 10 } as never })).message).toContain('did you mean "maxiter"?');
    const e = thrownInputError(() => metaRegression({ yi, vi }, { moderators: { x: [1, 2, 3, 4, 5] }, levle: 0.9 } as never));
    expect(e.message).toContain('did you mean "level"?');
    expect(e).toBeInstanceOf(InputError);
  });
});

describe('unknown fields of the conversions\' input objects', () => {
  it('a misspelt field is E_UNKNOWN_FIELD with a suggestion, not silently ignored', async () => {
    const p = await import('../../src/index.ts');
    const e = thrownInputError(() => p.fromEstimateAndCi({ estimate: 1, lower: 0.5, upper: 1.5, levle: 0.9 } as never));
    expect(e.code).toBe('E_UNKNOWN_FIELD');
    expect(e.message).toContain('did you mean "level"?');
    expect(thrownInputError(() => p.sdFromSe({ se: 1, n: 10, N: 3 } as never)).code).toBe('E_UNKNOWN_FIELD');
    expect(thrownInputError(() => p.estimateMeanSd(new Map() as never)).code).toBe('E_INVALID_TYPE');
  });
});
