import { CsvError, parse } from 'csv-parse/sync';
import { TableError } from './table-error.ts';

/** Field separators `readTable` understands. */
export const DELIMITERS = Object.freeze([',', '\t', ';'] as const);
export type Delimiter = (typeof DELIMITERS)[number];

/** A delimited text split into a header and records of strings. */
export interface DelimitedText {
  readonly header: readonly string[];
  readonly records: readonly (readonly string[])[];
  /** 1-based line on which each record starts. */
  readonly lines: readonly number[];
}

/**
 * Splits CSV or TSV text (RFC 4180 quoting, a byte-order mark and blank lines allowed) into a
 * header and records with csv-parse. Header names and cells are trimmed.
 *
 * @param file the file name used in messages
 * @throws TableError naming the line: no header, an empty or repeated column name, a record
 *   with more or fewer fields than the header, or a quote left open or misplaced
 * @example
 * parseDelimited('a,b\n1,2\n', ',', 'x.csv').records; // => [['1', '2']]
 */
export function parseDelimited(text: string, delimiter: Delimiter, file: string): DelimitedText {
  let lastLine = 0;
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter, bom: true, info: true, skip_empty_lines: true, trim: true,
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error, lastLine, file);
    throw error;
  }
  const [first, ...rest] = rows;
  if (first === undefined) throw new TableError('has no header line', { file });
  checkHeader(first.record, first.info.lines, file);
  return {
    header: first.record,
    records: rest.map((r) => r.record),
    lines: rest.map((r) => r.info.lines - r.record.reduce((n, cell) => n + newlines(cell), 0)),
  };
}

function newlines(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

function checkHeader(header: readonly string[], line: number, file: string): void {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') throw new TableError(`column ${i + 1} of the header has no name`, { file, line });
    if (seen.has(name)) throw new TableError(`column name "${name}" appears twice in the header`, { file, line });
    seen.add(name);
  });
}

function csvProblem(error: CsvError, lastLine: number, file: string): TableError {
  const context = error as CsvError & { lines?: number; record?: unknown[]; columns?: unknown[] | false };
  const line = context.lines;
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS': {
      const got = Array.isArray(context.record) ? context.record.length : undefined;
      const match = /expect (\d+)/.exec(error.message);
      const expected = match ? Number(match[1]) : undefined;
      return new TableError(
        `has ${got ?? 'a different number of'} field${got === 1 ? '' : 's'}, but the header has ${expected ?? 'another number'}`
          + ' (a stray delimiter, or a text with the delimiter in it that needs quotes?)',
        { file, line },
      );
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return new TableError('a quote opened on this line is never closed', { file, line: lastLine + 1 });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return new TableError('a quote in the middle of a field (double it as "" inside a quoted field)', { file, line });
    default:
      return new TableError(`cannot be parsed: ${error.message}`, { file, line });
  }
}
