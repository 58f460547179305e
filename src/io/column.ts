import { denseArray } from '../dense-array.ts';
import { InputError } from '../errors.ts';
import type { Table, TableRow } from './read-table.ts';
import { TableError } from './table-error.ts';

/**
 * The values of one column, index-aligned with the rows (`null` where missing), for the
 * models' label and moderator options: `subgroupAnalysis(es, column(rows, 'alloc'))`,
 * `metaRegression(es, { moderators: { ablat: column(rows, 'ablat') } })`,
 * `multilevel(es, { outer: column(rows, 'district'), inner: column(rows, 'school') })`.
 *
 * @param rows a {@link Table} from `readTable`, or any array of row objects
 * @param name the column's name
 * @throws TableError (InputError for plain rows) when no row has the column, listing those there are
 * @example
 * column(readTable('g,y\na,1\nNA,2\n'), 'g'); // => ['a', null]
 */
export function column(rows: Table | readonly object[], name: string): (number | string | null)[] {
  if (typeof name !== 'string') throw new InputError('must be a column name (a string)', { field: 'name', value: name, code: 'E_INVALID_TYPE' });
  const names = columnNames(rows);
  if (!names.includes(name)) {
    const problem = `no column "${name}"; the columns are ${names.map((n) => `"${n}"`).join(', ') || 'none'}`;
    const source = (rows as Partial<Table>).source;
    throw source === undefined ? new InputError(problem, { field: name, code: 'E_MISSING_COLUMN' }) : new TableError(problem, { file: source, code: 'E_MISSING_COLUMN' });
  }
  return (rows as readonly (TableRow | null | undefined)[]).map((row) => {
    const value = row?.[name];
    return value === undefined ? null : value;
  });
}

/**
 * The column names of a table (`Table.columns`), or the keys found in plain row objects, in
 * order of first appearance.
 *
 * Entries that are not objects are skipped.
 *
 * @throws InputError `E_INVALID_TYPE` when `rows` is not an array, `E_SPARSE_ARRAY` for a hole.
 * @example
 * columnNames([{ a: 1 }, { b: 2 }]); // => ['a', 'b']
 */
export function columnNames(rows: Table | readonly object[]): string[] {
  if (!Array.isArray(rows)) throw new InputError('must be an array of rows (e.g. from readTable)', { field: 'rows', value: rows === null ? null : typeof rows, code: 'E_INVALID_TYPE' });
  const list = denseArray<unknown>(rows, 'rows');
  const columns = (rows as Partial<Table>).columns;
  if (columns !== undefined) return tableColumnNames(columns);
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const row = list[i];
    if (row !== null && typeof row === 'object') for (const key of Object.keys(row)) seen.add(key);
  }
  return [...seen];
}

/** The names of a table's `columns` (as `readTable` gives them). */
function tableColumnNames(columns: unknown): string[] {
  const list = denseArray<unknown>(columns, 'rows.columns');
  return Array.from(list, (c, i) => {
    const name = c !== null && typeof c === 'object' ? (c as { name?: unknown }).name : undefined;
    if (typeof name !== 'string') throw new InputError('must be a column of readTable ({ name, ... })', { field: 'rows.columns', row: i + 1, code: 'E_INVALID_RESULT' });
    return name;
  });
}
