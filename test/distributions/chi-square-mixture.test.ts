import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareMixtureCdf } from '../../src/distributions/chi-square-mixture.ts';
import { chiSquareCdf } from '../../src/distributions/chi-square.ts';
import { mismatch } from '../tolerances.ts';

// R 4, CompQuadForm: 1 − farebrother(x, lambda, eps = 1e-15)$Qq, and 1 − davies(x, lambda, acc = 1e-12)$Qq
// for the 300 coefficients from 0.05 to 10 (where farebrother's default stops early and gives 0)
const R_VALUES: readonly [number, number[], number][] = [
  [2, [1, 3], 0.424676558746588],
  [5, [0.5, 1, 2, 4, 0.1], 0.436269433296966],
  [2000, Array.from({ length: 300 }, (_, i) => 0.05 + i / 30), 0.999128526662003],
];

describe('chiSquareMixtureCdf (Ruben\'s series for Σ λⱼ χ²₁)', () => {
  it.each(R_VALUES)('x = %d reproduces CompQuadForm', (x, lambdas, want) => {
    expect(mismatch(chiSquareMixtureCdf(x, lambdas), want, 1e-12, 'cdf')).toBeNull();
  });

  it('equal coefficients give the scaled χ²ₙ CDF (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 200, noNaN: true }),
      (n, lambda, x) => mismatch(chiSquareMixtureCdf(x, new Array(n).fill(lambda)), chiSquareCdf(x / lambda, n), 1e-12, 'cdf', 1e-15) === null));
  });

  it('is invariant to the order of the coefficients and scales with them (property)', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0.1, max: 50, noNaN: true }), fc.double({ min: 0.5, max: 4, noNaN: true }),
      (lambdas, x, c) => {
        const base = chiSquareMixtureCdf(x, lambdas);
        return mismatch(chiSquareMixtureCdf(x, [...lambdas].reverse()), base, 1e-11, 'order', 1e-14) === null
          && mismatch(chiSquareMixtureCdf(c * x, lambdas.map((l) => c * l)), base, 1e-11, 'scale', 1e-14) === null;
      }));
  });

  it('gives NaN for no or non-positive coefficients, 0 below 0', () => {
    expect(chiSquareMixtureCdf(1, [])).toBeNaN();
    expect(chiSquareMixtureCdf(1, [1, 0])).toBeNaN();
    expect(chiSquareMixtureCdf(-1, [1, 2])).toBe(0);
  });
});
