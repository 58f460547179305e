// The example checker itself, on hand-made values: how stated results are read and compared.
import { describe, expect, it } from 'vitest';
import { compareOutcome, compareStated, freeNames, instrument, parseStated, splitExample } from './examples.ts';

const agrees = (actual: unknown, text: string) => compareStated(actual, parseStated(text)).length === 0;

describe('stated numbers count at the digits shown', () => {
  it('rounded: half a unit of the last digit', () => {
    expect(agrees(0.28464, '0.2846')).toBe(true);
    expect(agrees(0.28455, '0.2846')).toBe(true);
    expect(agrees(0.2922, '0.2846')).toBe(false);
    expect(agrees(0.28466, '0.2846')).toBe(false);
    expect(agrees(1.5e-281, '1.4717437106980768e-281')).toBe(false);
    expect(agrees(1.4717437106980768e-281, '1.4717437106980768e-281')).toBe(true);
    expect(agrees(-20, '-20')).toBe(true);
  });
  it('truncated (... or …): one unit', () => {
    expect(agrees(0.29216449, '0.2921...')).toBe(true);
    expect(agrees(0.29219, '0.2921…')).toBe(true);
    expect(agrees(0.2923, '0.2921...')).toBe(false);
  });
  it('a string is not a number, NaN only matches NaN', () => {
    expect(agrees('0.5', '0.5')).toBe(false);
    expect(agrees(NaN, 'NaN')).toBe(true);
    expect(agrees(0, 'NaN')).toBe(false);
  });
});

describe('structures', () => {
  it('arrays are closed unless ... ends them; typed arrays must have the stated type', () => {
    expect(agrees([1, 2], '[1, 2]')).toBe(true);
    expect(agrees([1, 2, 3], '[1, 2]')).toBe(false);
    expect(agrees([1, 2, 3], '[1, 2, ...]')).toBe(true);
    expect(agrees(Float64Array.of(1, 2), 'Float64Array [1, 2]')).toBe(true);
    expect(agrees([1, 2], 'Float64Array [1, 2]')).toBe(false);
    expect(agrees(Int32Array.of(1, 2), 'Float64Array [1, 2]')).toBe(false);
  });
  it('objects are closed unless ... appears; strings and literals are exact', () => {
    expect(agrees({ a: 1, b: 'x' }, "{ a: 1, b: 'x' }")).toBe(true);
    expect(agrees({ a: 1, b: 'x', c: null }, "{ a: 1, b: 'x' }")).toBe(false);
    expect(agrees({ a: 1, b: 'x', c: null }, "{ a: 1, ... }")).toBe(true);
    expect(agrees({ a: null }, '{ a: null }')).toBe(true);
    expect(agrees({ a: undefined }, '{ a: null }')).toBe(false);
  });
  it('a note follows in parentheses; anything else after the value is refused', () => {
    expect(agrees(18, '18   (metafor: fsn gives 18)')).toBe(true);
    expect(() => parseStated('1.4 up to rounding')).toThrow(/parentheses/);
  });
});

describe('examples are split and instrumented', () => {
  it('a result on the line, on the next line, and continued', () => {
    const s = splitExample(['const a = f(1);', 'a.x // => 1', 'g(2,', '  3)', '// => { y: 2,', '//      z: 3 }'].join('\n'));
    expect(s.results).toEqual([{ line: 1, text: '1' }, { line: 3, text: '{ y: 2, z: 3 }' }]);
    const code = instrument(s);
    expect(code).toContain('__results[0] = { returned: (a.x) };');
    expect(code).toContain('__results[1] = { returned: (g(2,\n  3)) };');
  });
  it('free names exclude declarations, parameters and property names', () => {
    expect(freeNames('const fit = metaAnalysis({ yi: [1] }); fit.estimate; [1].map((r) => r.k + hedgesCorrection(3));'))
      .toEqual(['hedgesCorrection', 'metaAnalysis']);
  });
  it('a result that does not follow an expression is refused', () => {
    expect(() => instrument(splitExample('const a = 1 // => 1'))).toThrow(/expression statement/);
  });
});

describe('stated strings with … and stated throws', () => {
  it('… in a string stands for any text, pieces in order, anchored at both ends', () => {
    expect(agrees('Random-Effects Model (k = 13)\np-val = 2.00e-26', "'Random-Effects Model…2.00e-26'")).toBe(true);
    expect(agrees('Random-Effects Model', "'Random…Model'")).toBe(true);
    expect(agrees('Model Random', "'Random…Model'")).toBe(false);
    expect(agrees('Random-Effects Model!', "'Random…Model'")).toBe(false);
    expect(agrees('ab', "'ab…b'")).toBe(false);
    expect(agrees('a\nb', "'a\\nb'")).toBe(true);
  });
  it('throws Name [message]', () => {
    const err = Object.assign(new Error('options: unknown option "levl"'), { name: 'InputError' });
    expect(compareOutcome({ thrown: err }, parseStated("throws InputError 'options: unknown…'"))).toEqual([]);
    expect(compareOutcome({ thrown: err }, parseStated('throws InputError'))).toEqual([]);
    expect(compareOutcome({ thrown: err }, parseStated('throws TypeError'))).toHaveLength(1);
    expect(compareOutcome({ thrown: err }, parseStated('1'))).toHaveLength(1);
    expect(compareOutcome({ returned: 1 }, parseStated('throws InputError'))).toHaveLength(1);
    expect(compareOutcome({ returned: 1 }, parseStated('1'))).toEqual([]);
  });
});
