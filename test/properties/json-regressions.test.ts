// Results that do not survive JSON, found by the round-trip properties (json-round-trip.test.ts)
// on degenerate data: a ±Infinity in a result becomes null in JSON, and the printout of the
// parsed copy then differs. Each is a known bug, kept as `it.fails` until it is fixed (then
// turn it into `it`); the numbers match metafor (Inf), the question is how JSON should carry them.
import { describe, expect, it } from 'vitest';
import { failSafeN, metaAnalysis, multilevel, robust } from '../../src/index.ts';
import { roundTrips } from './json.ts';

const vi = [0.1, 0.2, 0.3, 0.4, 0.1, 0.2];
const outer = ['a', 'a', 'b', 'b', 'c', 'c'];
const inner = ['1', '2', '3', '4', '5', '6'];

describe('JSON round trips of degenerate results (known bugs)', () => {
  // BUG (src/models/inference, knha): identical effects give s² = 0, se = 0 and statistic = Infinity
  // (metafor: zval = Inf); JSON.stringify writes null and formatResult of the copy differs.
  it.fails('metaAnalysis with test knha on identical effects: statistic Infinity', () => {
    const fit = metaAnalysis({ yi: [0.3, 0.3, 0.3, 0.3], vi: vi.slice(0, 4) }, { test: 'knha' });
    expect(fit.se).toBe(0);
    roundTrips('metaAnalysis knha', fit);
  });

  // BUG (src/models/multilevel/robust.ts): identical effects give a robust se of 0 and statistic
  // Infinity, for CR1 and CR2 alike.
  it.fails.each(['CR1', 'CR2'] as const)('robust (%s) on identical effects: statistic Infinity', (adjust) => {
    const fit = multilevel({ yi: vi.map(() => 1e-3), vi }, { outer, inner });
    roundTrips(`robust ${adjust}`, robust(fit, { cluster: outer, adjust }));
  });

  // BUG (src/bias/fail-safe-n.ts): Orwin's N when the pooled effect is 0 is reported as
  // n = Infinity (the message says "infinite"); JSON writes null and the printout changes.
  it.fails('failSafeN (Orwin) with a zero pooled effect: n Infinity', () => {
    roundTrips('failSafeN Orwin', failSafeN({ yi: [0, 0, 0, 0], vi: vi.slice(0, 4) }, { type: 'Orwin' }));
  });
});
