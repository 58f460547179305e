// The less travelled paths of src/io: file-system errors other than "no such file", columns of
// plain row objects, and the messages that name what is there.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { column, columnNames, InputError, readTable, TableError } from '../../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'pooled-io-edges-'));

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('readTable: file-system errors become one clear TableError', () => {
  it('a path through a file (ENOTDIR) cannot be read, and says why', () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'x\n1\n');
    const error = thrown(() => readTable(join(file, 'inside.csv')));
    expect(error).toBeInstanceOf(TableError);
    expect(error.message).toMatch(/cannot be read \(ENOTDIR\)/);
  });

  it('a path with a NUL byte cannot be read, and the message names the path', () => {
    const error = thrown(() => readTable('bad\u0000name.csv'));
    expect(error).toBeInstanceOf(TableError);
    expect(error.message).toMatch(/cannot be read/);
  });

  it.runIf(process.getuid?.() !== 0)('an unreadable file is "permission denied"', () => {
    const file = join(dir, 'locked.csv');
    writeFileSync(file, 'x\n1\n');
    chmodSync(file, 0o000);
    expect(thrown(() => readTable(file)).message).toMatch(/permission denied/);
  });

  it('a file of blanks is empty; a folder is a folder', () => {
    const file = join(dir, 'blank.csv');
    writeFileSync(file, ' \n\t\n');
    expect(thrown(() => readTable(file)).message).toMatch(/is empty/);
    expect(thrown(() => readTable(dir)).message).toMatch(/is a folder/);
  });
});

describe('column and columnNames on plain rows', () => {
  it('column needs an array of rows', () => {
    const error = thrown(() => column({ a: [1] } as never, 'a'));
    expect(error).not.toBeInstanceOf(TableError);
    expect(error.field).toBe('rows');
  });

  it('an unknown column of plain rows is an InputError listing the columns, or saying there are none', () => {
    expect(thrown(() => column([{ a: 1 }, { b: 2 }], 'c')).message).toMatch(/no column "c"; the columns are "a", "b"/);
    expect(thrown(() => column([], 'c')).message).toMatch(/the columns are none/);
  });

  it('an unknown column of a table is a TableError naming the file', () => {
    const error = thrown(() => column(readTable('a,b\n1,2\n', { name: 'trials.csv' }), 'c'));
    expect(error).toBeInstanceOf(TableError);
    expect((error as TableError).file).toBe('trials.csv');
  });

  it('columnNames skips entries that are not objects, and a row without the column gives null', () => {
    expect(columnNames([null, 3, { a: 1 }, { b: 2, a: 3 }] as never)).toEqual(['a', 'b']);
    expect(column([{ a: 1 }, { b: 2 }], 'a')).toEqual([1, null]);
  });
});
