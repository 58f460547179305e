// InputError shows the offending value as the user wrote it: JSON would print Infinity and NaN as null.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';

const shown = (value: unknown) => new InputError('bad', { field: 'x', value }).message;

describe('InputError value display', () => {
  it('shows Infinity, -Infinity and NaN as themselves, also inside arrays and objects', () => {
    expect(shown(Infinity)).toBe('x: bad (got Infinity)');
    expect(shown(-Infinity)).toBe('x: bad (got -Infinity)');
    expect(shown(NaN)).toBe('x: bad (got NaN)');
    expect(shown([1, NaN, -Infinity])).toBe('x: bad (got [1,NaN,-Infinity])');
    expect(shown({ sd: Infinity })).toBe('x: bad (got {"sd":Infinity})');
  });

  it('keeps the other displays, and survives cyclic and exotic values', () => {
    expect(shown(-1)).toBe('x: bad (got -1)');
    expect(shown('a')).toBe('x: bad (got "a")');
    expect(shown(null)).toBe('x: bad (got null)');
    expect(shown(undefined)).toBe('x: bad (got undefined)');
    expect(shown(10n)).toBe('x: bad (got 10n)');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(shown(cyclic)).toBe('x: bad (got [an object that contains itself])');
  });

  it('cuts a huge value', () => {
    expect(shown('a'.repeat(10_000)).length).toBeLessThan(260);
  });

  it('keeps the constructor compatible: no value, no "(got ...)"', () => {
    expect(new InputError('must be given', { field: 'x', row: 2, study: 'S' }).message).toBe('x, study "S", row 2: must be given');
  });
});
