// toLong / toTable against metafor 5.1-12 to.long / to.table (test/fixtures/metafor-measures-a/reshape.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLong } from '../../src/effect-sizes/to-long.ts';
import { toTable } from '../../src/effect-sizes/to-table.ts';
import type { Measure } from '../../src/types.ts';
import { thrownInputError } from '../input-error.ts';

interface Case {
  dataset: string;
  measure: Measure;
  columns: Record<string, string>;
  slab?: string;
  options?: Record<string, unknown>;
  long: Record<string, unknown>[];
  longWarnings: string[];
  table: { rows: string[]; cols: string[]; studies: string[]; tables: number[][][] };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/metafor-measures-a/reshape.json', import.meta.url), 'utf8')) as {
  datasets: Record<string, Record<string, unknown>[]>;
  cases: Case[];
};

/** metafor's columns after the appended data: the last `n` entries, `study.1` read as `study`. */
function metaforColumns(record: Record<string, unknown>, n: number): Record<string, unknown> {
  const entries = Object.entries(record).slice(-n).map(([k, v]) => [k === 'study.1' ? 'study' : k, v]);
  return Object.fromEntries(entries.map(([k, v]) => [k, k === 'study' ? String(v) : Number(v)]));
}

describe('toLong and toTable reproduce metafor 5.1-12 to.long and to.table', () => {
  for (const c of fixture.cases) {
    const { vlong, ...rest } = c.options ?? {};
    const options = { columns: c.columns, label: c.slab, ...rest } as Record<string, unknown>;
    it(`${c.dataset} ${c.measure} ${JSON.stringify(c.options ?? {})}`, () => {
      // without a label, metafor numbers the studies; our default label key `study` is then left out
      const rows = fixture.datasets[c.dataset]!.map(({ study, ...row }) => (c.slab === undefined ? row : { study, ...row }));
      const long = toLong(rows, c.measure, { ...options, vlong: vlong === true, append: false });
      const n = Object.keys(long.rows[0]!).length;
      expect(long.rows.map((r) => ({ ...r, study: String(r['study']) }))).toEqual(c.long.map((r) => metaforColumns(r, n)));
      expect(long.warnings.length > 0).toBe(c.longWarnings.length > 0);
      const table = toTable(rows, c.measure, options);
      expect([table.rowNames, table.colNames, table.studies, table.tables]).toEqual([c.table.rows, c.table.cols, c.table.studies, c.table.tables]);
    });
  }

  it('appends the input fields first, as metafor', () => {
    const rows = fixture.datasets['hart1999']!;
    const long = toLong(rows, 'IRR', { label: 'study' });
    expect(long.rows[0]).toEqual({ ...rows[0], study: 'AFASAK', group: 1, events: 9, ptime: 413 });
    expect(long.rows).toHaveLength(12);
  });

  it('names the omitted rows in warnings', () => {
    const long = toLong([{ study: 'a', xi: 3, ni: 10 }, { study: 'b', xi: null, ni: 5 }], 'PR');
    expect(long.warnings).toEqual(['row 2 (b) omitted: xi missing']);
    expect(long.rows).toHaveLength(1);
  });

  it('throws InputError for measures without a layout and for bad values', () => {
    expect(thrownInputError(() => toLong([{ yi: 1, vi: 1 }], 'GEN')).field).toBe('measure');
    const e = thrownInputError(() => toTable([{ x1i: 1, t1i: -2, x2i: 1, t2i: 3 }], 'IRD'));
    expect([e.field, e.row]).toEqual(['t1i', 1]);
    const f = thrownInputError(() => toLong([{ study: null, ai: 1, bi: 2, ci: 3, di: 4 }, { study: 'x', ai: 1, bi: 2, ci: 3, di: 4 }], 'OR'));
    expect([f.field, f.row]).toEqual(['study', 1]);
    expect(thrownInputError(() => toLong([], 'OR', { vlogn: true } as never)).message).toMatch(/vlong/);
  });

  it('results survive JSON.stringify', () => {
    const t = toTable(fixture.datasets['bcg']!, 'OR', { columns: { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' } });
    expect(JSON.parse(JSON.stringify(t)).tables[0]).toEqual([[4, 119], [11, 128]]);
  });
});
