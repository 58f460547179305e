import { isMissing } from '../missing.ts';
import { TableError } from './table-error.ts';

/** The type of a table column: numbers, or text (labels). */
export type ColumnType = 'number' | 'text';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether a trimmed cell reads as a decimal number (`12`, `-0.5`, `1e-3`, `.5`); `Inf`,
 * hexadecimal and thousands separators are not numbers.
 *
 * @example
 * isNumberText('1.5e-3'); // => true
 * isNumberText('12a');    // => false
 */
export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}

/**
 * The type of one column: `number` when every present cell is a number (a column with no
 * present cell is `number` too, all missing), else `text`; `forced` overrides.
 *
 * @param cells the column's cells, trimmed
 * @param at locates cell `i` for the error when `forced` is `number`
 * @throws TableError when `forced` is `number` and a present cell is not a number, or when a
 *   numeric column holds a number beyond the double range (`1e400`), naming its line
 * @example
 * columnType(['1', 'NA', '2.5']); // => 'number'
 * columnType(['1', 'b']);         // => 'text'
 */
export function columnType(cells: readonly string[], forced?: ColumnType, at?: (i: number) => { file: string; line: number; column: string }): ColumnType {
  const bad = cells.findIndex((cell) => !isMissing(cell) && !isNumberText(cell));
  if (forced === 'text') return 'text';
  if (forced === 'number' && bad >= 0) {
    throw new TableError(`is not a number (got ${JSON.stringify(cells[bad])}); the column was declared numeric`, at!(bad));
  }
  if (bad >= 0) return 'text';
  const huge = cells.findIndex((cell) => !isMissing(cell) && !Number.isFinite(Number(cell)));
  if (huge >= 0 && at !== undefined) {
    throw new TableError(
      `is too large for a number (got ${JSON.stringify(cells[huge])}, beyond ±1.8e308); declare the column as text in options.types to keep it as a label`,
      { ...at(huge), code: 'E_NOT_FINITE' },
    );
  }
  return 'number';
}

/**
 * One cell as a value of its column's type: `null` when missing (`isMissing`), a number in a
 * numeric column, the trimmed text otherwise.
 *
 * @example
 * cellValue('NA', 'number');  // => null
 * cellValue('12', 'number');  // => 12
 * cellValue('12', 'text');    // => '12'
 */
export function cellValue(cell: string, type: ColumnType): number | string | null {
  if (isMissing(cell)) return null;
  return type === 'number' ? Number(cell) : cell;
}
