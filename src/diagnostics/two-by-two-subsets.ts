import { InputError } from '../errors.ts';
import { mantelHaenszel, type MantelHaenszelOptions } from '../models/mantel-haenszel.ts';
import { peto } from '../models/peto.ts';
import { readTables, resolveTwoByTwoOptions } from '../models/two-by-two/read-tables.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import { keyLabel, tieEnds } from './tie-ends.ts';
import { sortOrder } from './sort-order.ts';
import type { SubsetFit } from './subset-fit.ts';

/** Options of {@link leaveOneOutTables} and {@link cumulativeTables}. */
export interface TableSubsetOptions extends MantelHaenszelOptions {
  /** `'MH'` (Mantel–Haenszel, default; `measure`, `correct` as `mantelHaenszel`) or `'PETO'`. */
  readonly method?: 'MH' | 'PETO';
}

/** Options of {@link cumulativeTables}: the order of the studies. */
export interface TableCumulativeOptions extends TableSubsetOptions {
  /** One sort key per row of `rows` (e.g. years); default the rows' order. */
  readonly order?: ArrayLike<number | null> | readonly (string | null)[];
  readonly decreasing?: boolean;
  /** Add rows with equal keys together (metafor's `collapse = TRUE`). */
  readonly collapse?: boolean;
}

/**
 * Leave-one-out analysis of a Mantel–Haenszel or Peto meta-analysis (metafor's `leave1out` for
 * `rma.mh` and `rma.peto`): for each study with a complete 2×2 table, the pooled estimate of the
 * other studies' tables, refitted by `mantelHaenszel` or `peto` with the same options (so the
 * MH weights, the Robins–Breslow–Greenland variance and Q are recomputed without it). The
 * estimate stays on the analysis scale (log OR, log RR, RD). A refit that would fail (e.g. no
 * events left) gives a row of `null`s with `error`, as metafor's NA.
 *
 * @param rows  the rows given to `mantelHaenszel` / `peto`
 * @param options  their options, plus `method: 'MH' | 'PETO'`
 * @throws InputError for bad rows or options (as `mantelHaenszel` / `peto`) or fewer than 2 complete tables.
 * @example
 * const rows = [{ ai: 4, n1i: 123, ci: 11, n2i: 139 }, { ai: 6, n1i: 306, ci: 29, n2i: 303 }, { ai: 3, n1i: 231, ci: 11, n2i: 220 }];
 * leaveOneOutTables(rows, { method: 'MH', measure: 'OR' })[0].k // => 2
 */
export function leaveOneOutTables(rows: readonly object[], options: TableSubsetOptions = {}): readonly SubsetFit[] {
  const { fit, complete, labels } = prepare(rows, options);
  if (complete.length < 2) throw new InputError('leave-one-out needs at least 2 complete tables (metafor: "Stopped because k = 1")', { field: 'rows' });
  return Object.freeze(complete.map((i, j) => tableFit(labels[i]!, fit, complete.filter((_, t) => t !== j).map((r) => rows[r]!))));
}

/**
 * Cumulative meta-analysis of a Mantel–Haenszel or Peto analysis (metafor's `cumul` for
 * `rma.mh` and `rma.peto`): the complete tables are added one at a time (in the rows' order, or
 * by increasing `order` key, decreasing with `decreasing: true`; ties keep their order, missing
 * keys come last) and the model is refitted after each addition; with `collapse: true` rows with
 * equal keys enter together and each row is labelled with its key.
 *
 * @throws InputError for bad rows or options, or an `order` that is not one key per row.
 * @example
 * const rows = [{ ai: 4, n1i: 123, ci: 11, n2i: 139 }, { ai: 6, n1i: 306, ci: 29, n2i: 303 }, { ai: 3, n1i: 231, ci: 11, n2i: 220 }];
 * cumulativeTables(rows, { method: 'PETO', order: [1950, 1948, 1950], collapse: true }).map((r) => r.k) // => [1, 3]
 */
export function cumulativeTables(rows: readonly object[], options: TableCumulativeOptions = {}): readonly SubsetFit[] {
  const { order, decreasing = false, collapse = false, ...rest } = options ?? {};
  if (typeof decreasing !== 'boolean') throw new InputError('must be true or false', { field: 'decreasing', value: decreasing });
  if (typeof collapse !== 'boolean') throw new InputError('must be true or false', { field: 'collapse', value: collapse });
  const { fit, complete, labels } = prepare(rows, rest);
  let keys: (number | string | null)[] | undefined;
  if (order !== undefined) {
    if (!Array.isArray(order) && !ArrayBuffer.isView(order)) throw new InputError('must be an array of sort keys, one per row', { field: 'order' });
    if (order.length !== rows.length) throw new InputError(`length mismatch: order has ${order.length} keys but there are ${rows.length} rows`, { field: 'order' });
    keys = complete.map((i) => (order as ArrayLike<number | string | null>)[i] ?? null);
  }
  const sequence = keys === undefined ? complete.map((_, j) => j) : sortOrder(keys as never, complete.length, decreasing);
  const ends = collapse && keys !== undefined ? tieEnds(keys, sequence) : sequence.map((_, j) => j + 1);
  return Object.freeze(ends.map((e) => {
    const last = sequence[e - 1]!;
    const label = collapse && keys !== undefined ? keyLabel(keys[last]) : labels[complete[last]!]!;
    return tableFit(label, fit, sequence.slice(0, e).map((j) => rows[complete[j]!]!));
  }));
}

type Fitter = (rows: readonly object[]) => { k: number; estimate: number | null; se: number | null; statistic: number | null; pValue: number | null; ci: { lower: number | null; upper: number | null }; q: number | null; qPValue: number | null; i2: number | null; h2: number | null };

/** The model's refit function (validated on all rows) and the rows with a complete table. */
function prepare(rows: readonly object[], options: TableSubsetOptions): { fit: Fitter; complete: readonly number[]; labels: readonly string[] } {
  if (options === null || typeof options !== 'object') throw new InputError('must be an options object', { field: 'options', value: options });
  const { method = 'MH', ...modelOptions } = options;
  if (method !== 'MH' && method !== 'PETO') throw new InputError("must be 'MH' or 'PETO'", { field: 'method', value: method });
  const { measure, correct, ...shared } = modelOptions;
  if (method === 'PETO' && (measure !== undefined || correct !== undefined)) {
    throw new InputError("Peto's method takes no measure or correct option", { field: measure !== undefined ? 'measure' : 'correct' });
  }
  const fit: Fitter = method === 'MH' ? (r) => mantelHaenszel(r, modelOptions) : (r) => peto(r, shared);
  fit(rows); // validates rows and options as the model does
  const tables = readTables(rows, resolveTwoByTwoOptions(shared, []), method);
  return { fit, complete: tables.completeRows, labels: tables.labels };
}

function tableFit(label: string, fit: Fitter, subset: readonly object[]): SubsetFit {
  try {
    const r = fit(subset);
    return Object.freeze({
      label, k: r.k, estimate: r.estimate, se: r.se, statistic: r.statistic, df: null, pValue: r.pValue,
      ci: Object.freeze({ lower: r.ci.lower, upper: r.ci.upper }), tau2: 0,
      i2: finiteOrNull(r.i2 ?? NaN), h2: finiteOrNull(r.h2 ?? NaN), q: finiteOrNull(r.q ?? NaN), qPValue: finiteOrNull(r.qPValue ?? NaN),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return Object.freeze({
      label, k: subset.length, estimate: null, se: null, statistic: null, df: null, pValue: null,
      ci: Object.freeze({ lower: null, upper: null }), tau2: null, i2: null, h2: null, q: null, qPValue: null, error: error.message,
    });
  }
}
