// Results that did not survive JSON, found by the round-trip properties (json-round-trip.test.ts)
// on degenerate data: a ±Infinity in a result became null in JSON, and the printout of the
// parsed copy then differed. Fixed: an infinite statistic or fail-safe N is NaN (null in JSON,
// metafor's NA) with a warning saying it is infinite (metafor: Inf).
import { describe, expect, it } from 'vitest';
import { failSafeN, metaAnalysis, multilevel, robust } from '../../src/index.ts';
import { roundTrips } from './json.ts';

const vi = [0.1, 0.2, 0.3, 0.4, 0.1, 0.2];
const outer = ['a', 'a', 'b', 'b', 'c', 'c'];
const inner = ['1', '2', '3', '4', '5', '6'];

describe('JSON round trips of degenerate results', () => {
  // identical effects give s² = 0, se = 0 and θ̂/SE = Infinity (metafor 5.1: zval = Inf, pval = 0)
  it('metaAnalysis with test knha on identical effects: statistic infinite, NaN with a warning', () => {
    const fit = metaAnalysis({ yi: [0.3, 0.3, 0.3, 0.3], vi: vi.slice(0, 4) }, { test: 'knha' });
    expect(fit.se).toBe(0);
    expect(fit.pValue).toBe(0);
    expect(fit.statistic).toBeNaN();
    expect(fit.warnings.join(' ')).toMatch(/test statistic is infinite \(metafor: Inf\)/);
    roundTrips('metaAnalysis knha', fit);
  });

  // identical effects give a robust se of 0 (metafor 5.1 robust(clubSandwich = TRUE): se 0, zval NA, pval 0)
  it.each(['CR1', 'CR2'] as const)('robust (%s) on identical effects: statistic infinite, NaN with a warning', (adjust) => {
    const fit = multilevel({ yi: vi.map(() => 1e-3), vi }, { outer, inner });
    const r = robust(fit, { cluster: outer, adjust });
    expect([r.se, r.pValue]).toEqual([0, 0]);
    expect(r.statistic).toBeNaN();
    roundTrips(`robust ${adjust}`, r);
  });

  // Orwin's N when the pooled effect is 0 is infinite (metafor 5.1 fsn(type = "Orwin"): Inf)
  it('failSafeN (Orwin) with a zero pooled effect: n infinite, NaN with a warning', () => {
    const r = failSafeN({ yi: [0, 0, 0, 0], vi: vi.slice(0, 4) }, { type: 'Orwin' });
    expect(r.n).toBeNaN();
    expect(r.warnings.join(' ')).toMatch(/infinite \(metafor: Inf\)/);
    roundTrips('failSafeN Orwin', r);
  });
});
