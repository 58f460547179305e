import { describe, expect, it } from 'vitest';
import { formatResult, gosh, InputError, metaAnalysis } from '../../src/index.ts';
import { matchingKinds } from '../../src/report/result-kind.ts';

const yi = [0.1, 0.3, 0.5, -0.2, 0.8, 0.25];
const vi = [0.01, 0.02, 0.015, 0.03, 0.02, 0.01];
const fit = metaAnalysis({ yi, vi });

describe('gosh', () => {
  it('fits every non-empty subset when 2^k − 1 ≤ subsets, each as metaAnalysis does', () => {
    const g = gosh(fit);
    expect(g.subsets).toBe(63);
    expect(g.exhaustive).toBe(true);
    for (const s of [0, 5, 20, 62]) {
      const keep = Array.from({ length: 6 }, (_, i) => g.included[s * 6 + i] === 1);
      const sub = { yi: yi.filter((_, i) => keep[i]), vi: vi.filter((_, i) => keep[i]) };
      const direct = metaAnalysis(sub);
      expect(g.size[s]).toBe(sub.yi.length);
      expect(g.estimate[s]).toBeCloseTo(direct.estimate, 12);
      expect(g.i2[s]).toBeCloseTo(direct.i2, 10);
    }
    // the full set is one of the subsets: its estimate is the fit's
    expect(g.estimate[62]).toBeCloseTo(fit.estimate, 12);
  });

  it('draws distinct non-empty random subsets, the same for the same seed', () => {
    const a = gosh(fit, { subsets: 40, seed: 3 });
    const b = gosh(fit, { subsets: 40, seed: 3 });
    expect(a.exhaustive).toBe(false);
    expect(Array.from(a.included)).toEqual(Array.from(b.included));
    expect(Math.min(...a.size)).toBeGreaterThan(0);
  });

  it('10⁴ subsets of k = 30 run (functional check, not timed)', () => {
    const k = 30;
    const big = metaAnalysis({ yi: Array.from({ length: k }, (_, i) => Math.sin(i)), vi: Array.from({ length: k }, (_, i) => 0.05 + 0.01 * (i % 5)) });
    const g = gosh(big, { subsets: 10_000 });
    expect(g.estimate.length).toBe(10_000);
    expect(g.estimate.every(Number.isFinite)).toBe(true);
  }, 60_000);

  it('prints, is one result kind and survives JSON', () => {
    const g = gosh(fit);
    expect(matchingKinds(g)).toEqual(['gosh']);
    const json = JSON.parse(JSON.stringify(g));
    expect(matchingKinds(json)).toEqual(['gosh']);
    expect(formatResult(json)).toBe(formatResult(g));
    expect(formatResult(g)).toMatch(/^Model fits attempted: 63 \(every subset\)/);
  });

  it('rejects bad options with InputError', () => {
    expect(() => gosh(fit, { subsets: 0 })).toThrow(InputError);
    expect(() => gosh(fit, { subset: 10 } as never)).toThrow(/subsets/);
  });
});
