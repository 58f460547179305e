// Shared generators and comparisons for the property tests in test/properties (fixed seeds).
import fc from 'fast-check';
import { expect } from 'vitest';

/** The fixed fast-check seed of every property in test/properties. */
export const SEED = 20261201;

export interface Study {
  readonly yi: number;
  readonly vi: number;
}

export const study: fc.Arbitrary<Study> = fc.record({
  yi: fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }),
  vi: fc.double({ min: 0.01, max: 2, noNaN: true, noDefaultInfinity: true }),
});

/** k studies and a permutation of 0..k−1. */
export function studiesWithOrder(minK: number, maxK: number): fc.Arbitrary<{ data: Study[]; order: number[] }> {
  return fc.array(study, { minLength: minK, maxLength: maxK }).chain((data) =>
    fc.shuffledSubarray(data.map((_, i) => i), { minLength: data.length, maxLength: data.length }).map((order) => ({ data, order })),
  );
}

export const columns = (data: readonly Study[]) => ({ yi: data.map((d) => d.yi), vi: data.map((d) => d.vi) });

/** |a − b| ≤ tol·max(1, |b|); null (NA) equals only null. */
export function close(a: number | null | undefined, b: number | null | undefined, tol: number, what = ''): void {
  if (a === null || b === null || a === undefined || b === undefined) {
    expect(a ?? null, what).toBe(b ?? null);
    return;
  }
  if (!Number.isFinite(b)) {
    expect(a, what).toBe(b);
    return;
  }
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
}

export function closeInterval(a: { lower: number | null; upper: number | null }, b: { lower: number | null; upper: number | null }, tol: number, what = ''): void {
  close(a.lower, b.lower, tol, `${what}.lower`);
  close(a.upper, b.upper, tol, `${what}.upper`);
}

/** lower ≤ x ≤ upper, up to a relative slack for rounding. */
export function within(x: number, iv: { lower: number | null; upper: number | null }, what = '', slack = 1e-12): void {
  const pad = slack * Math.max(1, Math.abs(x));
  if (iv.lower !== null) expect(iv.lower, what).toBeLessThanOrEqual(x + pad);
  if (iv.upper !== null) expect(iv.upper, what).toBeGreaterThanOrEqual(x - pad);
}

/** inner ⊆ outer, up to a relative slack for rounding. */
export function contains(outer: { lower: number | null; upper: number | null }, inner: { lower: number | null; upper: number | null }, what = '', slack = 1e-12): void {
  if (inner.lower !== null) within(inner.lower, { lower: outer.lower, upper: null }, `${what} (lower)`, slack);
  if (inner.upper !== null) within(inner.upper, { lower: null, upper: outer.upper }, `${what} (upper)`, slack);
}

/** Two levels a < b in (0.5, 0.999). */
export const levelPair: fc.Arbitrary<[number, number]> = fc
  .tuple(fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true }))
  .filter(([a, b]) => Math.abs(a - b) > 1e-6)
  .map(([a, b]) => (a < b ? [a, b] : [b, a]));
