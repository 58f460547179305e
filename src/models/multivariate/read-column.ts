import { InputError } from '../../errors.ts';
import { denseArray } from '../../dense-array.ts';
import { isPlainObject } from '../../check-options.ts';

/** Data as `vcalc` and `aggregate` take it: rows (objects), or a record of columns. */
export type ColumnData = readonly object[] | Readonly<Record<string, unknown>>;

/** A column given as an array (one value per row) or by its name in the data. */
export type ColumnSpec<T> = ArrayLike<T> | string;

/** The number of rows of `data`: its length, or the length of its `vi` (else `yi`) column. */
export function rowCount(data: ColumnData, field = 'data'): number {
  if (Array.isArray(data)) return data.length;
  if (!isPlainObject(data)) throw new InputError('must be an array of rows or a record of columns ({ yi, vi, … })', { field, code: 'E_INVALID_TYPE' });
  const col = data.vi ?? data.yi;
  if (col === undefined) throw new InputError('has no vi column', { field, code: 'E_MISSING_COLUMN' });
  return denseArray(col, 'vi').length;
}

/**
 * Reads one column: `spec` itself when it is an array (its length must be k), else the column
 * named `spec` (rows' key, or the record's entry). Returns `undefined` when `spec` is undefined.
 *
 * @throws InputError naming `field` when the column is absent or its length is not k.
 * @example
 * readColumn([{ s: 'a' }, { s: 'b' }], 's', 'cluster', 2) // => ['a', 'b']
 */
export function readColumn<T = unknown>(data: ColumnData, spec: ColumnSpec<T> | undefined, field: string, k: number): T[] | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === 'string') {
    if (Array.isArray(data)) {
      if (!data.some((row) => isPlainObject(row) && spec in row)) throw new InputError(`no row has a column "${spec}"`, { field, code: 'E_MISSING_COLUMN' });
      return data.map((row) => (row as Record<string, T>)[spec]!);
    }
    const col = (data as Record<string, unknown>)[spec];
    if (col === undefined) throw new InputError(`the data have no column "${spec}"`, { field, code: 'E_MISSING_COLUMN' });
    return readColumn(data, col as ArrayLike<T>, field, k);
  }
  const values = denseArray<T>(spec, field);
  if (values.length !== k) throw new InputError(`has ${values.length} values but there are ${k} rows`, { field, code: 'E_LENGTH_MISMATCH' });
  return Array.from(values);
}
