import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vcalc } from '../../../src/models/multivariate/vcalc.ts';
import { InputError } from '../../../src/errors.ts';
import { TOLERANCES } from '../../tolerances.ts';

const dir = new URL('../../fixtures/metafor-multivariate/', import.meta.url);
const load = (name: string) => {
  const f = JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Fixture;
  // jsonlite writes a one-row block's rows and 1×1 matrix as scalars
  f.blocks = f.blocks.map((b) => ({ ...b, rows: [b.rows].flat(), V: Array.isArray(b.V) ? b.V : [[b.V as unknown as number]] }));
  return f;
};
interface Fixture {
  name: string; columns: Record<string, unknown[]>; rho?: number | number[]; phi?: number;
  rhoLabels?: string[]; rhoMatrix?: number[][];
  blocks: { cluster: string; rows: number[]; V: number[][] }[];
}

function expectBlocks(got: ReturnType<typeof vcalc>, want: Fixture['blocks']) {
  expect(got.blocks.map((b) => b.cluster)).toEqual(want.map((b) => b.cluster));
  got.blocks.forEach((b, i) => {
    expect(b.index).toEqual(want[i]!.rows.map((r) => r - 1));
    b.matrix.forEach((row, a) => row.forEach((x, c) => {
      const w = want[i]!.V[a]![c]!;
      expect(Math.abs(x - w)).toBeLessThanOrEqual(TOLERANCES.closed * Math.max(Math.abs(w), 1e-3));
    }));
  });
}

describe('vcalc reproduces metafor 5.1 vcalc', () => {
  const files = readdirSync(dir).filter((f) => f.startsWith('vcalc-'));
  it('has the fixtures', () => expect(files.length).toBeGreaterThanOrEqual(7));
  for (const file of files) {
    it(file, () => {
      const f = load(file);
      const { vi, ...cols } = f.columns;
      const rho = f.rhoMatrix ? { labels: f.rhoLabels!, values: f.rhoMatrix } : Array.isArray(f.rho) ? (f.rho as [number, number]) : f.rho;
      const opts = { ...cols, ...(rho === undefined ? {} : { rho }), ...(f.phi === undefined ? {} : { phi: f.phi }) };
      expectBlocks(vcalc({ vi: vi as number[] }, opts as never), f.blocks);
    });
  }
});

describe('vcalc: published values of metafor test_misc_vcalc.r', () => {
  it('dat.ishak2007, AR(1) with phi 0.97: the Burchiel (1999) block', () => {
    const f = load('vcalc-ishak-time.json');
    const v = vcalc({ vi: f.columns.vi as number[] }, { cluster: f.columns.cluster as string[], time1: f.columns.time1 as number[], phi: 0.97 });
    const burchiel = v.blocks.find((b) => b.cluster === 'Burchiel (1999)')!;
    const want = [[8, 7.76, 5.95077410090486], [7.76, 8, 6.13481866072665], [5.95077410090486, 6.13481866072665, 5]];
    burchiel.matrix.forEach((row, a) => row.forEach((x, c) => expect(x).toBeCloseTo(want[a]![c]!, 10)));
  });
  it('dat.assink2016, rho 0.6: study 2 rounded to 4 digits', () => {
    const f = load('vcalc-assink-obs.json');
    const v = vcalc(f.columns as never, { cluster: 'cluster', obs: 'obs', rho: 0.6 });
    expect(v.blocks[1]!.matrix.map((r) => r.map((x) => Number(x.toFixed(4))))).toEqual([[0.0115, 0.0056, 0.0052], [0.0056, 0.0076, 0.0042], [0.0052, 0.0042, 0.0065]]);
  });
  it('warns for a cluster whose matrix is not positive definite', () => {
    const v = vcalc({ vi: [1, 1, 1] }, { cluster: [1, 1, 1], obs: ['a', 'b', 'c'], rho: { labels: ['a', 'b', 'c'], values: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]] } });
    expect(v.warnings).toEqual(['The covariance matrix of cluster 1 is not positive definite.']);
  });
});

describe('vcalc: properties and bad input', () => {
  it('rows of one cluster with no type or obs are perfectly correlated; clusters are independent', () => {
    const v = vcalc({ vi: [4, 9, 1] }, { cluster: ['x', 'y', 'x'] });
    expect(v.blocks).toEqual([{ cluster: 'x', index: [0, 2], matrix: [[4, 2], [2, 1]] }, { cluster: 'y', index: [1], matrix: [[9]] }]);
  });
  it('rejects bad input naming the field and row', () => {
    expect(() => vcalc({ vi: [1, 1] }, { cluster: ['a', null] })).toThrow(/cluster, row 2/);
    expect(() => vcalc({ vi: [1, 1] }, { cluster: ['a', 'a'], obs: [1, 2] })).toThrow(/rho/);
    expect(() => vcalc({ vi: [1, 1] }, { cluster: ['a', 'a'], obs: [1, 2], rho: 1.5 })).toThrow(InputError);
    expect(() => vcalc({ vi: [1, 1] }, { cluster: ['a', 'a'], obs: [1, 2], rho: [0.1, 0.2] })).toThrow(/one number or one matrix/);
    expect(() => vcalc({ vi: [1, 1] }, { cluster: ['a'] })).toThrow(/cluster: has 1 values but there are 2 rows/);
    expect(() => vcalc({ vi: [1, 1] }, { cluster: ['a', 'a'], time1: [1, 2] })).toThrow(/phi/);
    expect(() => vcalc({ vi: [1, 1] }, { cluster: ['a', 'a'], rhoo: 1 } as never)).toThrow(/rho/);
  });
});
