import { InputError } from '../errors.ts';
import { cellValue, columnType, type ColumnType } from './column-types.ts';
import { DELIMITERS, parseDelimited, type Delimiter } from './parse-delimited.ts';
import { readTextFile } from './read-text-file.ts';
import { TableError } from './table-error.ts';
import { checkOptionsByKey, isPlainObject, optionKeys } from '../check-options.ts';

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** Field separator; default from the file extension (`.tsv`, `.tab`: tab), else guessed from the header line. */
  readonly delimiter?: Delimiter;
  /** Column name → type, overriding the guess (e.g. `{ id: 'text' }` keeps `007` as a label). */
  readonly types?: Readonly<Record<string, ColumnType>>;
  /** Name of text input in messages; default `input`. */
  readonly name?: string;
}

/** One column of a table: its name, type and how many cells are missing. */
export interface TableColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly missing: number;
}

/** One row: column name → number, text, or `null` when missing. */
export type TableRow = Readonly<Record<string, number | string | null>>;

/** The rows of a table (a frozen array of frozen plain objects), with what was read. */
export interface Table extends ReadonlyArray<TableRow> {
  /** The columns, in file order. */
  readonly columns: readonly TableColumn[];
  /** 1-based line of the file on which each row starts (the header is line 1 or later). */
  readonly lines: readonly number[];
  /** The file's path, or the name of text input. */
  readonly source: string;
}

/**
 * Reads a CSV or TSV table into rows for `effectSizes` and the models: one plain object per
 * line, keyed by the header's column names. Quoting follows RFC 4180 (csv-parse); a byte-order
 * mark and blank lines are skipped; names and cells are trimmed.
 *
 * - **Types.** A column whose present cells are all decimal numbers holds numbers; any other
 *   column holds text (labels). `options.types` overrides the guess.
 * - **Missing values.** A cell that is empty, `NA`, `null`, `NaN` (the `isMissing` rule of
 *   the whole package) is `null`, in every column. `effectSizes` and the models then omit the
 *   row with a warning naming it; a subgroup or cluster `NA` never becomes a category.
 * - **Input.** A string with a line break is the table's text; any other string is a path.
 *
 * @param pathOrText a file path, or the CSV/TSV text itself
 * @throws TableError (an `InputError`) naming the file, the line and the column: a missing
 *   or empty file, no header, an empty or repeated column name, a line with more or fewer
 *   fields than the header, an unclosed quote, an unknown column in `types`, or a text cell in
 *   a column declared numeric, or a number beyond the double range (`1e400`) in a numeric column
 * @example
 * const rows = readTable('study,ai,n1i\nA,4,123\nB,NA,306\n');
 * rows[1];             // => { study: 'B', ai: null, n1i: 306 }
 * rows.columns[1];     // => { name: 'ai', type: 'number', missing: 1 }
 * rows.lines;          // => [2, 3]
 */
export function readTable(pathOrText: string, options: ReadTableOptions = {}): Table {
  if (typeof pathOrText !== 'string') {
    throw new InputError('pass a file path or the CSV/TSV text', { field: 'pathOrText', value: typeof pathOrText, code: 'E_INVALID_TYPE' });
  }
  checkOptions(options);
  const isText = /[\r\n]/.test(pathOrText);
  const file = isText ? (options.name ?? 'input') : pathOrText;
  const text = isText ? pathOrText : readTextFile(pathOrText);
  const delimiter = options.delimiter ?? guessDelimiter(text, isText ? undefined : pathOrText);
  const parsed = parseDelimited(text, delimiter, file);
  for (const name of Object.keys(options.types ?? {})) {
    if (!parsed.header.includes(name)) {
      throw new TableError(`options.types names column "${name}", which is not in the header (${parsed.header.join(', ')})`, { file, code: 'E_MISSING_COLUMN' });
    }
  }
  const columns = parsed.header.map((name, c) => {
    const cells = parsed.records.map((record) => record[c]!);
    const type = columnType(cells, options.types?.[name], (i) => ({ file, line: parsed.lines[i]!, column: name }));
    return Object.freeze({ name, type, missing: cells.filter((cell) => cellValue(cell, 'text') === null).length });
  });
  const rows = parsed.records.map((record) =>
    Object.freeze(Object.fromEntries(columns.map((col, c) => [col.name, cellValue(record[c]!, col.type)]))),
  );
  return Object.freeze(Object.assign(rows, {
    columns: Object.freeze(columns),
    lines: Object.freeze([...parsed.lines]),
    source: file,
  })) as Table;
}

/** The valid keys of {@link ReadTableOptions}. */
export const READ_TABLE_OPTION_KEYS = optionKeys<ReadTableOptions>()('delimiter', 'types', 'name');

function checkOptions(options: ReadTableOptions): void {
  checkOptionsByKey(options, READ_TABLE_OPTION_KEYS);
  if (options.types !== undefined && !isPlainObject(options.types)) {
    throw new InputError('must be an object mapping column names to "number" or "text"', { field: 'types', value: options.types, code: 'E_INVALID_TYPE' });
  }
  if (options.delimiter !== undefined && !(DELIMITERS as readonly string[]).includes(options.delimiter)) {
    throw new InputError('must be ",", "\\t" or ";"', { field: 'delimiter', value: options.delimiter, code: 'E_INVALID_CHOICE' });
  }
  for (const [name, type] of Object.entries(options.types ?? {})) {
    if (type !== 'number' && type !== 'text') throw new InputError('must be "number" or "text"', { field: `types.${name}`, value: type, code: 'E_INVALID_CHOICE' });
  }
}

/** Tab for `.tsv`/`.tab` files, comma for `.csv`; else the separator found most often in the first line. */
function guessDelimiter(text: string, path: string | undefined): Delimiter {
  if (path !== undefined && /\.(tsv|tab)$/i.test(path)) return '\t';
  if (path !== undefined && /\.csv$/i.test(path)) return ',';
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (d: string) => first.split(d).length - 1;
  return [...DELIMITERS].sort((a, b) => count(b) - count(a))[0]!;
}
