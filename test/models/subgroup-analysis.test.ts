import { describe, expect, it } from 'vitest';
import { InputError, metaAnalysis, subgroupAnalysis } from '../../src/index.ts';

const yi = [0.1, 0.3, 0.2, 0.8, 1.0, 0.7];
const vi = [0.02, 0.03, 0.025, 0.02, 0.04, 0.03];
const groups = ['b', 'b', 'b', 'a', 'a', 'a'];

describe('subgroupAnalysis', () => {
  it('fits each subgroup exactly as metaAnalysis on that subset', () => {
    const r = subgroupAnalysis({ yi, vi }, groups, { method: 'DL' });
    expect(r.groups.map((g) => g.level)).toEqual(['a', 'b']);
    const b = metaAnalysis({ yi: yi.slice(0, 3), vi: vi.slice(0, 3) }, { method: 'DL' });
    expect(r.groups[1]!.estimate).toBe(b.estimate);
    expect(r.groups[1]!.tau2).toBe(b.tau2);
  });

  it('between-group Q is the EE Q of the subgroup estimates (direct computation)', () => {
    const r = subgroupAnalysis({ yi, vi }, groups, { method: 'EE' });
    const [a, b] = r.groups as [typeof r.groups[0], typeof r.groups[0]];
    const wa = 1 / a.se ** 2;
    const wb = 1 / b.se ** 2;
    const mean = (wa * a.estimate + wb * b.estimate) / (wa + wb);
    expect(r.between.q).toBeCloseTo(wa * (a.estimate - mean) ** 2 + wb * (b.estimate - mean) ** 2, 12);
    expect(r.between.df).toBe(1);
  });

  it('does not depend on the order of studies', () => {
    const order = [5, 2, 0, 4, 1, 3];
    const r1 = subgroupAnalysis({ yi, vi }, groups, { method: 'REML' });
    const r2 = subgroupAnalysis({ yi: order.map((i) => yi[i]!), vi: order.map((i) => vi[i]!) }, order.map((i) => groups[i]!), { method: 'REML' });
    expect(r2.between.q).toBeCloseTo(r1.between.q, 10);
  });

  it('rejects a groups array of the wrong length, naming the field', () => {
    expect(() => subgroupAnalysis({ yi, vi }, ['a'], {})).toThrow(InputError);
    expect(() => subgroupAnalysis({ yi, vi }, ['a'], {})).toThrow(/groups: length mismatch/);
  });

  it('omits a study with a missing label (never a subgroup "NA"), naming the row', () => {
    for (const missing of ['', 'NA', null, undefined, NaN]) {
      const r = subgroupAnalysis({ yi, vi }, ['a', 'a', missing, 'b', 'b', 'b'], { method: 'DL' });
      expect(r.groups.map((g) => [g.level, g.k])).toEqual([['a', 2], ['b', 3]]);
      expect(r.warnings).toEqual(['Row 3 omitted: subgroup label missing.']);
      const a = metaAnalysis({ yi: yi.slice(0, 2), vi: vi.slice(0, 2) }, { method: 'DL' });
      expect(r.groups[0]!.estimate).toBe(a.estimate);
    }
  });

  it('takes numbers as labels (2 and "2" are one subgroup)', () => {
    const r = subgroupAnalysis({ yi, vi }, [2, '2', 2, 1, 1, '1'], { method: 'DL' });
    expect(r.groups.map((g) => [g.level, g.k])).toEqual([['1', 3], ['2', 3]]);
  });

  it('rejects a label that is not text or a number, naming the row', () => {
    expect(() => subgroupAnalysis({ yi, vi }, ['a', 'a', {} as never, 'b', 'b', 'b'], {})).toThrow(/groups, row 3/);
  });
});
