import { InputError, type ErrorCode } from '../errors.ts';

/** Where in a file a problem is. */
export interface FilePlace {
  /** The file's path, or the name given to text input. */
  readonly file: string;
  /** 1-based line number, when the problem is on one line. */
  readonly line?: number;
  /** The column (header name), when the problem is in one column. */
  readonly column?: string;
  /** The error's code; default `E_PARSE` (the file's text is malformed). */
  readonly code?: ErrorCode;
}

/**
 * An `InputError` about a file: its message starts with the file, the line and the column,
 * e.g. `trials.csv, line 5: has 4 fields, but the header has 6`.
 *
 * @example
 * new TableError('is not a number (got "12a")', { file: 'trials.csv', line: 7, column: 'ai' }).message
 * // => 'trials.csv, line 7, column "ai": is not a number (got "12a")'
 * new TableError('is empty', { file: 'a.csv', code: 'E_FILE' }).code // => 'E_FILE'
 */
export class TableError extends InputError {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;

  constructor(problem: string, place: FilePlace) {
    super(`${describePlace(place)}: ${problem}`, { code: place.code ?? 'E_PARSE' });
    this.name = 'TableError';
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
  }
}

/**
 * `file, line N, column "c"` for a message.
 *
 * @example
 * describePlace({ file: 'a.csv', line: 3 }); // => 'a.csv, line 3'
 */
export function describePlace(place: FilePlace): string {
  const parts = [place.file];
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.column !== undefined) parts.push(`column "${place.column}"`);
  return parts.join(', ');
}
