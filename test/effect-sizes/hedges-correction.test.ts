import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hedgesCorrection } from '../../src/effect-sizes/hedges-correction.ts';
import { expectReproduces } from './helpers.ts';

describe('hedgesCorrection', () => {
  it("matches metafor's exact correction", () => {
    // R: m <- c(1.5, 2, 3, 10, 18, 100, 1000, 1e5, 1e6); sprintf("%.17g", metafor:::.cmicalc(m))
    const m = [1.5, 2, 3, 10, 18, 100, 1000, 1e5, 1e6];
    const want = [
      0.39027621886917635, 0.56418958354775628, 0.72360125455826774, 0.92274560805308703, 0.95764642702372005,
      0.99247805498141328, 0.99924978117947805, 0.99999250002922391, 0.99999925028560843,
    ];
    expectReproduces(m.map(hedgesCorrection), want, 'J', 1e-12);
  });
  it('is NaN where metafor gives NA (m <= 1) and for non-finite m', () => {
    for (const m of [1, 0.5, 0, -3, NaN, Infinity]) expect(hedgesCorrection(m)).toBeNaN();
  });
  it('lies in (0, 1), increases with m, and is close to the approximation 1 - 3/(4m - 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 1e4, noNaN: true }), (m) => {
        const j = hedgesCorrection(m);
        const approx = 1 - 3 / (4 * m - 1);
        return j > 0 && j < 1 && hedgesCorrection(m * 1.5) > j && Math.abs(j - approx) < 0.035 / (m * m);
      }),
    );
  });
});
