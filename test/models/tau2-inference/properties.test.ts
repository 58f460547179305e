import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, metaRegression, permutationTest, tau2Interval } from '../../../src/index.ts';

const study = fc.record({
  yi: fc.double({ min: -2, max: 2, noNaN: true }),
  vi: fc.double({ min: 0.01, max: 1, noNaN: true }),
  x: fc.integer({ min: 0, max: 5 }),
});

describe('properties of tau2Interval and permutationTest', () => {
  it('tau2Interval is scale-equivariant: y·c, v·c² give bounds·c² and the same I² bounds (inside the search limit)', () => {
    fc.assert(fc.property(fc.array(study, { minLength: 4, maxLength: 9 }), fc.constantFrom('QP', 'PL', 'Wald' as const), (rows, type) => {
      const c = 8;
      const a = tau2Interval(metaAnalysis({ yi: rows.map((r) => r.yi), vi: rows.map((r) => r.vi) }), { type });
      const b = tau2Interval(metaAnalysis({ yi: rows.map((r) => c * r.yi), vi: rows.map((r) => c * c * r.vi) }), { type });
      // metafor's search limit max(100, 10·tau²) is in absolute units; a bound reported at it is not equivariant
      if (a.warnings.length > 0 || b.warnings.length > 0) return;
      for (const key of ['lower', 'upper'] as const) {
        const x = a.tau2Ci[key]!;
        expect(Math.abs(b.tau2Ci[key]! - c * c * x)).toBeLessThanOrEqual(1e-7 * Math.max(1, c * c * x));
        expect(Math.abs(b.i2Ci[key]! - a.i2Ci[key]!)).toBeLessThanOrEqual(1e-6);
      }
      expect(a.tau2Ci.lower!).toBeLessThanOrEqual(a.tau2 + 1e-12);
    }), { seed: 20261201, numRuns: 40 });
  });

  it('exact permutation p-values do not depend on the order of the studies', () => {
    fc.assert(fc.property(fc.array(study, { minLength: 5, maxLength: 6 }), (rows) => {
      const reversed = [...rows].reverse();
      const fit = (r: typeof rows) => metaAnalysis({ yi: r.map((s) => s.yi), vi: r.map((s) => s.vi) }, { method: 'DL' });
      const a = permutationTest(fit(rows), { progress: false });
      const b = permutationTest(fit(reversed), { progress: false });
      expect(b.coefficients[0]!.permutationPValue).toBe(a.coefficients[0]!.permutationPValue);
    }), { seed: 20261201, numRuns: 20 });
  });

  it('an exact meta-regression test enumerates k!/∏nⱼ! distinct row permutations', () => {
    const fit = metaRegression({ yi: [0.1, 0.5, 0.2, 0.9, 0.4], vi: [0.1, 0.2, 0.1, 0.3, 0.2] }, { moderators: { x: [1, 1, 2, 3, 3] }, method: 'DL' });
    expect(permutationTest(fit, { progress: false }).permutations).toBe(30); // 5!/(2!·1!·2!)
  });
});
