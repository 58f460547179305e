import { InputError } from '../../errors.ts';
import { designRow } from '../regression/model-terms.ts';
import type { ModelView } from './model-view.ts';

/** One moderator row as `predict` accepts it. */
export type NewModeratorRow = number | readonly number[] | Readonly<Record<string, unknown>>;

/** New moderator values: one row, or an array of rows (a flat array of numbers for a one-moderator model is one row per number, as metafor). */
export type NewModerators = NewModeratorRow | readonly NewModeratorRow[];

/**
 * Design rows (p columns, the intercept included when the model has one) for new moderator
 * values, as metafor's `predict(newmods = )`:
 *
 * - numbers: the design columns after the intercept in coefficient order (p − 1 values), or all
 *   p columns; a model with a single moderator takes a flat array as one value per row;
 * - objects by variable: `{ ablat: 30, alloc: 'random' }`, coded as the model was (dummies,
 *   interactions; other keys, such as the other columns of a table, are ignored);
 * - objects by coefficient: `{ ablat: 30, allocrandom: 1, allocsystematic: 0 }`, every column
 *   after the intercept named.
 *
 * @throws InputError naming `newmods` (and the row) for a wrong number of values, a value that
 *   is not finite, an unknown level, or missing moderators.
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] } });
 * newDesignRows(readModelView(fit, 'predict'), [1, 2]) // => [[1, 1], [1, 2]]
 */
export function newDesignRows(view: ModelView, newmods: unknown): number[][] {
  const { p, intercept } = view;
  const free = intercept ? p - 1 : p;
  if (free === 0) throw new InputError('the model has no moderators, so it takes no new moderator values', { field: 'newmods' });
  let rows: unknown[];
  if (typeof newmods === 'number') rows = [newmods];
  else if (Array.isArray(newmods) && newmods.every((x) => typeof x === 'number')) rows = free === 1 ? newmods : [newmods];
  else if (Array.isArray(newmods)) rows = newmods;
  else if (newmods !== null && typeof newmods === 'object') rows = [newmods];
  else throw new InputError('must be numbers, an array of rows, or objects of moderator values', { field: 'newmods', value: newmods });
  if (rows.length === 0) throw new InputError('needs at least one row', { field: 'newmods' });
  return rows.map((row, r) => designFor(view, row, rows.length > 1 ? `newmods[${r}]` : 'newmods', free));
}

function designFor(view: ModelView, row: unknown, field: string, free: number): number[] {
  const withIntercept = (values: number[]) => (view.intercept && values.length === free ? [1, ...values] : values);
  if (typeof row === 'number') row = [row];
  if (Array.isArray(row)) {
    row.forEach((x, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must hold finite numbers', { field: `${field}[${j}]`, value: x });
    });
    if (row.length !== free && row.length !== view.p) {
      throw new InputError(`needs ${free} values (${view.names.slice(view.intercept ? 1 : 0).join(', ')})${view.intercept ? ` or ${view.p} with the intercept` : ''}; got ${row.length}`, { field });
    }
    return withIntercept(row as number[]);
  }
  if (row === null || typeof row !== 'object') throw new InputError('must be numbers or an object of moderator values', { field, value: row });
  const record = row as Record<string, unknown>;
  const columns = view.names.slice(view.intercept ? 1 : 0);
  const variables = view.terms?.variables.map((v) => v.name) ?? columns;
  if (view.terms !== null && variables.every((v) => v in record)) return withIntercept(designRow(view.terms, record, field));
  if (columns.every((c) => c in record)) {
    return withIntercept(columns.map((c) => {
      const x = record[c];
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError('must be a finite number', { field: `${field}.${c}`, value: x });
      return x;
    }));
  }
  const missing = variables.filter((v) => !(v in record));
  throw new InputError(`needs a value for every moderator (${variables.join(', ')}) or every coefficient (${columns.join(', ')}); missing: ${missing.join(', ')}`, { field });
}
