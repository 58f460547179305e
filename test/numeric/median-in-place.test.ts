import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { medianInPlace } from '../../src/numeric/median-in-place.ts';

// Expectation: the median read off a sorted copy (middle value, or lower/2 + upper/2).
function sortedMedian(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : s[h - 1]! / 2 + s[h]! / 2;
}

describe('medianInPlace', () => {
  it('equals the median of a sorted copy, for short (insertion sort) and long (selection) arrays, ties included', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -3, max: 3 }));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), (values) => {
      expect(medianInPlace(Float64Array.from(values))).toBe(sortedMedian(values));
    }));
  });

  it('is NaN without a value and does not overflow for huge neighbours', () => {
    expect(medianInPlace(new Float64Array(0))).toBeNaN();
    const m = medianInPlace(Float64Array.of(1.7e308, 1.6e308));
    expect(m).toBe(1.6e308 / 2 + 1.7e308 / 2);
    expect(Number.isFinite(m)).toBe(true);
  });
});
