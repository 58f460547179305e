import { InputError } from '../errors.ts';
import { freezeResult } from '../freeze-result.ts';
import type { Measure } from '../types.ts';
import { readReshapeInput } from './reshape-input.ts';
import type { ReshapeOptions } from './reshape-input.ts';

/** Options of {@link toTable}. */
export interface ToTableOptions extends ReshapeOptions {
  /** Names of the table rows (metafor's `rows`), as many as the layout has; default metafor's (e.g. `Grp1`, `Grp2`). */
  readonly rowNames?: readonly string[];
  /** Names of the table columns (metafor's `cols`); default metafor's (e.g. `Out1`, `Out2`). */
  readonly colNames?: readonly string[];
}

/** Result of {@link toTable}: metafor's 3-dimensional array as one table per study. */
export interface StudyTables {
  readonly measure: Measure;
  /** Row names of each table (metafor's `rows`, e.g. `Grp1`, `Grp2`). */
  readonly rowNames: readonly string[];
  /** Column names of each table (metafor's `cols`, e.g. `Out1`, `Out2`). */
  readonly colNames: readonly string[];
  /** Study labels, one per table. */
  readonly studies: readonly string[];
  /** tables[s][r][c]: study s, row r, column c. */
  readonly tables: readonly (readonly (readonly number[])[])[];
  /** Rows left out (a missing value, or drop00), each with its reason. */
  readonly warnings: readonly string[];
}

/**
 * Study-level data as one table per study — metafor's `to.table` — with metafor's row and
 * column names: 2x2 tables `Grp1`, `Grp2` × `Out1`, `Out2` ([[ai, bi], [ci, di]]); MPRD, MPRR,
 * MPOR the marginal table `Time1`, `Time2` × `Out1`, `Out2` ([[ai+bi, ci+di], [ai+ci, bi+di]]);
 * MPORC, MPPETO `Time1.Out1`, `Time1.Out2` × `Time2.Out1`, `Time2.Out2`; person-time `Grp1`,
 * `Grp2` × `Events`, `Person-Time`; means `Grp1`, `Grp2` × `Mean`, `SD`, `n`; single-group
 * measures one row `Grp` (`r`, `n`; `Out1`, `Out2`; `Events`, `Person-Time`; `Mean`, `SD`, `n`;
 * `Mean1`, `Mean2`, `SD1`, `SD2`, `n`, `r`). Counts after drop00 and add/to as in {@link toLong};
 * rows with a missing value are left out (listed in `warnings`).
 *
 * @param rows one object per study, keyed as for `effectSizes`
 * @param measure metafor's measure code, which picks the layout
 * @throws InputError as {@link toLong}, and for `rowNames` or `colNames` of the wrong length.
 * @example
 * toTable([{ study: 'AFASAK', x1i: 9, t1i: 413, x2i: 19, t2i: 398 }], 'IRR').tables[0]
 * // => [[9, 413], [19, 398]]
 */
export function toTable(rows: readonly object[], measure: Measure, options: ToTableOptions = {}): StudyTables {
  const input = readReshapeInput(measure, rows, options, ['rowNames', 'colNames'], 'toTable');
  return freezeResult({
    measure,
    rowNames: names(options.rowNames, input.layout.rowNames, 'rowNames'),
    colNames: names(options.colNames, input.layout.colNames(measure), 'colNames'),
    studies: input.labels,
    tables: input.kept.map((i) => input.layout.table(input.cells, i, measure)),
    warnings: input.warnings,
  });
}

/** The user's names for the rows or columns, checked against the layout's count; else the layout's. */
function names(given: readonly string[] | undefined, layout: readonly string[], field: string): readonly string[] {
  if (given === undefined) return layout;
  if (!Array.isArray(given) || given.length !== layout.length || !given.every((n) => typeof n === 'string')) {
    throw new InputError(`must be ${layout.length} names (as ${layout.join(', ')})`, { field, value: given, code: 'E_LENGTH_MISMATCH' });
  }
  return [...given];
}
