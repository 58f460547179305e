import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { readTextFile } from './read-text-file.ts';
import { assertText } from '../errors.ts';
import { TableError } from './table-error.ts';

/**
 * Reads a JSON file (e.g. an evidence base) strictly: no comments, no trailing commas.
 * A syntax error names the file, the line and the column (Node's own `JSON.parse` says
 * neither), found with jsonc-parser's error offsets.
 *
 * @throws TableError naming the file and the line: not found, empty, or not valid JSON
 * @example
 * readJsonFile('datasets/conditioned-medium-hair-loss.json').title; // => 'Adipose-derived stem cell (ADSC) conditioned medium…'
 */
export function readJsonFile(path: string): unknown {
  assertText(path, 'path');
  return parseJsonText(readTextFile(path), path);
}

/**
 * Parses JSON text strictly, locating a syntax error by line and column.
 *
 * @param file the name used in messages
 * @throws TableError naming the file, the line and the column of the first syntax error
 * @example
 * parseJsonText('{"a": 1}', 'x.json'); // => { a: 1 }
 */
export function parseJsonText(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const value: unknown = parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) {
    const before = body.slice(0, first.offset);
    const line = before.split('\n').length;
    const col = first.offset - before.lastIndexOf('\n');
    throw new TableError(`is not valid JSON: ${describeCode(printParseErrorCode(first.error))} at column ${col}`, { file, line });
  }
  return value;
}

function describeCode(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
