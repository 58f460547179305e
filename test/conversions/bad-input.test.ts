// Bad input to the SD conversions: InputError naming the field and the study, never a
// TypeError or a silent NaN.
import { describe, expect, it } from 'vitest';
import {
  InputError, changeScoreCorrelation, pooledSdFromCi, pooledSdFromP, pooledSdFromSe, pooledSdFromT, sdFromCi, sdFromSe,
} from '../../src/index.ts';

describe('SD conversions reject bad input', () => {
  it('negative SE → InputError naming the field and study', () => {
    expect(() => sdFromSe({ se: -1, n: 10, study: 'Ahn 2020' })).toThrow(InputError);
    expect(() => sdFromSe({ se: -1, n: 10, study: 'Ahn 2020' })).toThrow('se, study "Ahn 2020": must not be negative (got -1)');
    expect(() => pooledSdFromSe({ se: -0.5, n1: 10, n2: 10 })).toThrow(/se: must not be negative/);
  });

  it('n < 2 → InputError', () => {
    expect(() => sdFromSe({ se: 1, n: 1 })).toThrow(/n: must be at least 2/);
    expect(() => sdFromCi({ lower: 0, upper: 1, n: 1 })).toThrow(/n: must be at least 2/);
    expect(() => pooledSdFromT({ meanDifference: 1, t: 2, n1: 1, n2: 10 })).toThrow(/n1: must be at least 2/);
    expect(() => pooledSdFromP({ meanDifference: 1, pValue: 0.1, n1: 10, n2: 0 })).toThrow(/n2/);
  });

  it('a CI whose upper bound is not above the lower → InputError', () => {
    expect(() => sdFromCi({ lower: 2, upper: 2, n: 10 })).toThrow(/upper: must be greater than lower/);
    expect(() => pooledSdFromCi({ lower: 3, upper: 1, n1: 10, n2: 10 })).toThrow(/upper/);
  });

  it('level and distribution are checked', () => {
    expect(() => sdFromCi({ lower: 0, upper: 1, n: 10, level: 95 })).toThrow(/level/);
    expect(() => sdFromCi({ lower: 0, upper: 1, n: 10, distribution: 'chisq' as never })).toThrow(/distribution/);
    expect(() => pooledSdFromCi({ lower: 0, upper: 1, n1: 10, n2: 10, level: 0 })).toThrow(/level/);
  });

  it('non-numbers and non-objects → InputError, not TypeError', () => {
    expect(() => sdFromSe({ se: '1' as never, n: 10 })).toThrow(/se: must be a finite number/);
    expect(() => sdFromSe(null as never)).toThrow(InputError);
    expect(() => sdFromCi({ lower: 0, upper: Number.POSITIVE_INFINITY, n: 10 })).toThrow(/upper/);
    expect(() => sdFromSe({ se: 1, n: 10, study: 3 as never })).toThrow(/study/);
    expect(() => changeScoreCorrelation({ sdBaseline: 0, sdFinal: 1, sdChange: 1 })).toThrow(/sdBaseline: must be greater than 0/);
  });
});
