import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, TableError, column, columnNames, readTable } from '../../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'pooled-read-table-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const thrown = (f: () => unknown): TableError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TableError);
    expect(e).toBeInstanceOf(InputError);
    return e as TableError;
  }
  throw new Error('expected a TableError');
};

describe('readTable', () => {
  it('types numeric columns and reads NA, empty, null as missing (null) everywhere', () => {
    const rows = readTable('study,ai,n1i,group\nA,4,123,x\nB,NA,306,\n"C, Jr",,50,null\nD, null ,7,NA\n');
    expect([...rows]).toEqual([
      { study: 'A', ai: 4, n1i: 123, group: 'x' },
      { study: 'B', ai: null, n1i: 306, group: null },
      { study: 'C, Jr', ai: null, n1i: 50, group: null },
      { study: 'D', ai: null, n1i: 7, group: null },
    ]);
    expect(rows.columns).toEqual([
      { name: 'study', type: 'text', missing: 0 },
      { name: 'ai', type: 'number', missing: 3 },
      { name: 'n1i', type: 'number', missing: 0 },
      { name: 'group', type: 'text', missing: 3 },
    ]);
    expect(rows.lines).toEqual([2, 3, 4, 5]);
    expect(Object.isFrozen(rows) && Object.isFrozen(rows[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(rows))).toHaveLength(4);
  });

  it('reads files: CSV, TSV by extension, semicolons by guess, a byte-order mark, CRLF and blank lines', () => {
    const csv = readTable(file('a.csv', '\uFEFFx,y\r\n1,2\r\n\r\n3,4\r\n'));
    expect([...csv]).toEqual([{ x: 1, y: 2 }, { x: 3, y: 4 }]);
    expect(csv.lines).toEqual([2, 4]);
    expect(csv.source).toMatch(/a\.csv$/);
    expect([...readTable(file('b.tsv', 'x\ty\n1\ta,b\n'))]).toEqual([{ x: 1, y: 'a,b' }]);
    expect([...readTable(file('c.txt', 'x;y\n1;2\n'))]).toEqual([{ x: 1, y: 2 }]);
    expect([...readTable('x;y\n1,5;2\n', { delimiter: ';' })]).toEqual([{ x: '1,5', y: 2 }]);
  });

  it('types: a column can be forced to text or number', () => {
    const rows = readTable('id,v\n007,1\n008,2\n', { types: { id: 'text' } });
    expect(rows[0]!.id).toBe('007');
    const e = thrown(() => readTable('id,v\n1,2\n2,x\n', { types: { v: 'number' } }));
    expect(e.message).toBe('input, line 3, column "v": is not a number (got "x"); the column was declared numeric');
    expect([e.line, e.column]).toEqual([3, 'v']);
    expect(() => readTable('id,v\n1,2\n', { types: { w: 'number' } })).toThrow(/options.types names column "w", which is not in the header \(id, v\)/);
  });

  it('malformed lines are errors that name the file and the line', () => {
    const bad = file('bad.csv', 'a,b,c\n1,2,3\n4,5\n');
    const e = thrown(() => readTable(bad));
    expect(e.message).toBe(`${bad}, line 3: has 2 fields, but the header has 3 (a stray delimiter, or a text with the delimiter in it that needs quotes?)`);
    expect([e.file, e.line]).toEqual([bad, 3]);
    expect(thrown(() => readTable('a,b\n1,2\n3,"4\n5,6\n')).message).toBe('input, line 3: a quote opened on this line is never closed');
    expect(thrown(() => readTable('a,b\n1,2"x"\n')).message).toMatch(/^input, line 2: a quote in the middle of a field/);
    expect(thrown(() => readTable('a,a\n1,2\n')).message).toBe('input, line 1: column name "a" appears twice in the header');
    expect(thrown(() => readTable('a,,c\n1,2,3\n')).message).toBe('input, line 1: column 2 of the header has no name');
  });

  it('file problems name the file', () => {
    expect(thrown(() => readTable(join(dir, 'none.csv'))).message).toBe(`${join(dir, 'none.csv')}: no such file`);
    expect(thrown(() => readTable(dir)).message).toBe(`${dir}: is a folder, not a file`);
    expect(thrown(() => readTable(file('empty.csv', '\n\n'))).message).toMatch(/empty\.csv: is empty$/);
  });

  it('rejects bad options', () => {
    expect(() => readTable('a\n1\n', { sep: ',' } as never)).toThrow(/^sep: unknown option/);
    expect(() => readTable('a\n1\n', { delimiter: '|' as never })).toThrow(/^delimiter: must be/);
    expect(() => readTable(42 as never)).toThrow(InputError);
  });
});

describe('column', () => {
  const rows = readTable('g,y\na,1\nNA,2\n3,\n');
  it('gives a column index-aligned with the rows, null where missing', () => {
    expect(column(rows, 'g')).toEqual(['a', null, '3']);
    expect(column(rows, 'y')).toEqual([1, 2, null]);
    expect(columnNames(rows)).toEqual(['g', 'y']);
    expect(column([{ a: 1 }, { b: 2 }], 'a')).toEqual([1, null]);
  });
  it('an unknown column is an error that lists the columns', () => {
    expect(() => column(rows, 'z')).toThrow('input: no column "z"; the columns are "g", "y"');
    expect(() => column([{ a: 1 }], 'z')).toThrow('z: no column "z"; the columns are "a"');
  });
});
