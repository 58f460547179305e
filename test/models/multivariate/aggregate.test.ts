import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregate, type AggregateOptions } from '../../../src/models/multivariate/aggregate.ts';
import { vcalc } from '../../../src/models/multivariate/vcalc.ts';
import { TOLERANCES } from '../../tolerances.ts';

const dir = new URL('../../fixtures/metafor-multivariate/', import.meta.url);
interface Fixture {
  name: string; yi: number[]; vi: number[]; cluster: string[]; struct: AggregateOptions['struct']; rho?: number; phi?: number;
  weighted: boolean; time?: number[]; obs?: string[]; out: { cluster: string[]; yi: number[]; vi: number[] };
}
const close = (got: readonly number[], want: readonly number[]) => {
  expect(got.length).toBe(want.length);
  got.forEach((x, i) => expect(Math.abs(x - want[i]!)).toBeLessThanOrEqual(TOLERANCES.closed * Math.max(Math.abs(want[i]!), 1e-3)));
};

describe('aggregate reproduces metafor 5.1 aggregate.escalc', () => {
  const files = readdirSync(dir).filter((f) => f.startsWith('aggregate-'));
  it('has the fixtures', () => expect(files.length).toBe(6));
  for (const file of files) {
    it(file, () => {
      const f = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture;
      const opts: AggregateOptions = {
        cluster: f.cluster, struct: f.struct, weighted: f.weighted,
        ...(f.rho === undefined ? {} : { rho: f.rho }), ...(f.phi === undefined ? {} : { phi: f.phi }),
        ...(f.time ? { time: f.time } : {}), ...(f.obs ? { obs: f.obs } : {}),
      };
      const agg = aggregate({ yi: f.yi, vi: f.vi }, opts);
      expect(agg.cluster).toEqual(f.out.cluster);
      close(agg.yi, f.out.yi);
      close(agg.vi, f.out.vi);
    });
  }
});

describe('aggregate: properties', () => {
  const f = JSON.parse(readFileSync(new URL('aggregate-assink-cs.json', dir), 'utf8')) as Fixture;
  it('a V built by vcalc with obs and rho gives the CS aggregate', () => {
    const obs = f.yi.map((_, i) => i);
    const V = vcalc({ vi: f.vi }, { cluster: f.cluster, obs, rho: 0.6 });
    const agg = aggregate({ yi: f.yi, vi: f.vi }, { cluster: f.cluster, V });
    close(agg.yi, f.out.yi);
    close(agg.vi, f.out.vi);
  });
  it('with ID the aggregate is the inverse-variance mean (direct computation)', () => {
    const agg = aggregate({ yi: [1, 3, 5], vi: [1, 3, 2] }, { cluster: [1, 1, 2], struct: 'ID' });
    expect(agg.yi[0]).toBeCloseTo((1 + 3 / 3) / (1 + 1 / 3), 14);
    expect(agg.vi[0]).toBeCloseTo(1 / (1 + 1 / 3), 14);
    expect(agg.ki).toEqual([2, 1]);
  });
  it('aggregates the other columns of rows and omits rows with a missing yi', () => {
    const rows = [{ study: 'a', yi: 1, vi: 1, n: 10, design: 'rct' }, { study: 'a', yi: 2, vi: 1, n: 20, design: 'rct' }, { study: 'b', yi: null, vi: 1, n: 5, design: 'obs' }, { study: 'b', yi: 3, vi: 2, n: 7, design: 'obs' }];
    const agg = aggregate(rows, { cluster: 'study', rho: 0 });
    expect(agg.rows).toEqual([{ study: 'a', yi: 1.5, vi: 0.5, n: 15, design: 'rct', ki: 2 }, { study: 'b', yi: 3, vi: 2, n: 7, design: 'obs', ki: 1 }]);
    expect(agg.warnings).toEqual(['Row 3 omitted: yi is missing.']);
  });
  it('rejects bad input naming the field', () => {
    expect(() => aggregate({ yi: [1, 2], vi: [1, 1] }, { cluster: [1, 1] })).toThrow(/rho: give rho for struct CS/);
    expect(() => aggregate({ yi: [1, 2], vi: [1, 1] }, { cluster: [1, 1], struct: 'AR' as never })).toThrow(/struct/);
    expect(() => aggregate({ yi: [1, 2], vi: [1, 1] }, { cluster: [1, 1], struct: 'CAR', phi: 0.5 })).toThrow(/time/);
    expect(() => aggregate({ yi: [1, 2], vi: [1, 1] }, { cluster: [1, 1], rho: [0.5, 0.5] })).toThrow(/one per cluster \(1\)/);
    expect(() => aggregate({ yi: [1, 2], vi: [1, 1] }, { cluster: [1, 1], rho: -1 })).toThrow(/not positive definite/);
  });
});
