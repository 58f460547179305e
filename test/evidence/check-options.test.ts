// The reusable options check: unknown keys are errors that suggest the nearest valid key.
import { describe, expect, it } from 'vitest';
import { checkKeys, checkOptions, nearestName } from '../../src/check-options.ts';
import { thrownInputError } from '../input-error.ts';

describe('nearestName', () => {
  it('suggests the valid name within a few edits, ignoring case', () => {
    expect(nearestName('levl', ['assume', 'level'])).toBe('level');
    expect(nearestName('mesure', ['measure', 'method'])).toBe('measure');
    expect(nearestName('headinglevel', ['headingLevel'])).toBe('headingLevel');
    expect(nearestName('split', ['splitStudyN', 'sd'])).toBe('splitStudyN'); // a prefix
  });

  it('suggests nothing when no valid name is close', () => {
    expect(nearestName('colour', ['level', 'assume'])).toBeNull();
    expect(nearestName('x', [])).toBeNull();
  });
});

describe('checkOptions', () => {
  it('accepts undefined and known keys, returning the options', () => {
    expect(checkOptions(undefined, ['level'])).toEqual({});
    const options = { level: 0.9 };
    expect(checkOptions(options, ['level', 'assume'])).toBe(options);
  });

  it('names an unknown key, suggests the nearest and lists the valid ones', () => {
    const e = thrownInputError(() => checkOptions({ levle: 0.9 }, ['level', 'assume']));
    expect(e.message).toBe('options: unknown option "levle" (did you mean "level"?); valid options: level, assume');
    expect(e.field).toBe('options');
    expect(thrownInputError(() => checkOptions({ colour: 1 }, ['level'], 'options.assume')).message).toBe(
      'options.assume: unknown option "colour"; valid options: level',
    );
  });

  it('rejects options that are not a plain object', () => {
    for (const bad of [null, 0.95, 'level', [0.95], new Map([['level', 0.95]])]) {
      expect(thrownInputError(() => checkOptions(bad, ['level'])).field).toBe('options');
    }
  });

  it('checkKeys passes row and study on', () => {
    const e = thrownInputError(() => checkKeys({ resultExpected: '2027' }, ['resultsExpected'], 'studies', 'field', { row: 2, study: 'A' }));
    expect(e.message).toBe('studies, study "A", row 2: unknown field "resultExpected" (did you mean "resultsExpected"?); valid fields: resultsExpected');
  });
});
