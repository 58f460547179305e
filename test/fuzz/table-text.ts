// Random CSV/TSV texts for fuzzing readTable: quotes (balanced, doubled, stray, unclosed),
// byte-order marks, CRLF and lone CR, ragged rows, blank lines, huge and tiny numbers, 'NA' and
// the other missing spellings, odd Unicode, empty files, and random options. Shared by the
// seeded, time-bounded test (test/io/fuzz.test.ts) and the wider `npm run fuzz:table`.
import fc from 'fast-check';
import { InputError } from '../../src/errors.ts';
import { readTable, type ReadTableOptions, type Table } from '../../src/io/read-table.ts';
import { TableError } from '../../src/io/table-error.ts';

const CELLS = [
  '', ' ', 'NA', 'na', 'N/A', 'NaN', 'null', 'NULL', 'Na', '0', '-0', '+1', '1.', '.5', '1e3', '1E-3', '12a', '0x10', 'Inf', '-Inf',
  'Infinity', '1,5', '1e400', '-1e400', '1e-400', '4.9e-324', '1.7976931348623157e308', '9'.repeat(400), '1_000', ' 3 ', '\t4\t',
  'Smith 2001', 'Å', 'A\u0301', '\u00a0', '\u200b', '\u200e\u202e', '\ud800', '🧪', 'ﬁ', '\u0000', '__proto__', 'constructor',
  'toString', 'hasOwnProperty', '"quoted"', '"a,b"', '"a\tb"', '"a;b"', '"line\nbreak"', '"cr\r\nlf"', '"say ""hi"""', '""', '"',
  'a"b', '"open', 'x'.repeat(2000),
];

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CELLS) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n');

/** A table-like text: a header and records of a mostly fixed width, some ragged. */
const tableLike = fc
  .record({
    delimiter: fc.constantFrom(',', '\t', ';', ' ', '|'),
    width: fc.integer({ min: 1, max: 5 }),
    bom: fc.boolean(),
    headerKind: fc.constantFrom('names', 'cells'),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 8 }),
    breaks: fc.array(lineBreak, { minLength: 10, maxLength: 10 }),
    ragged: fc.boolean(),
    trailing: fc.boolean(),
  })
  .map(({ delimiter, width, bom, headerKind, rows, breaks, ragged, trailing }) => {
    const header = headerKind === 'names' ? Array.from({ length: width }, (_, i) => `c${i}`) : (rows[0] ?? []);
    const body = rows.map((r) => (ragged ? r : Array.from({ length: width }, (_, i) => r[i] ?? '')));
    const lines = [header, ...body].map((r) => r.join(delimiter));
    const text = lines.map((l, i) => l + (i < lines.length - 1 || trailing ? breaks[i % breaks.length]! : '')).join('');
    // a string without a line break is a path for readTable: keep one so that it reads text
    return (bom ? '\uFEFF' : '') + (/[\r\n]/.test(text) ? text : `${text}\n`);
  });

/** Any text with a line break: structured tables, raw binary strings, and the degenerate ones. */
export const tableText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: tableLike },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `${s}\n${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\uFEFF\n', ' \n ', ',\n', '"\n', '\n\n\n', 'a\n', 'a,a\n1,2\n', 'a,\n1,2\n') },
);

/** Options as a user might pass them, some of them wrong. */
export const tableOptions: fc.Arbitrary<ReadTableOptions | undefined> = fc.option(
  fc.record(
    {
      delimiter: fc.constantFrom<unknown>(',', '\t', ';', '|', '', 1),
      types: fc.dictionary(fc.constantFrom('c0', 'c1', 'c2', 'x', '__proto__'), fc.constantFrom<unknown>('number', 'text', 'date')),
      name: fc.constantFrom('input', 'data.csv', ''),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<ReadTableOptions>,
  { freq: 2 },
);

/**
 * Runs readTable on the text: it must return a well-formed table or throw the project's own
 * TableError (an InputError); anything else is rethrown for fast-check to report.
 */
export function exerciseTable(text: string, options?: ReadTableOptions): void {
  let table: Table;
  try {
    table = readTable(text, options);
  } catch (error) {
    if (error instanceof TableError || error instanceof InputError) {
      if (error.message.trim() === '') throw new Error('an InputError without a message');
      return;
    }
    throw error;
  }
  checkTable(table);
}

/** The invariants of a returned table; throws a plain Error (a counterexample) when one fails. */
export function checkTable(table: Table): void {
  const fail = (what: string) => {
    throw new Error(`readTable returned a malformed table: ${what}`);
  };
  if (!Object.isFrozen(table) || !Array.isArray(table)) fail('not a frozen array');
  if (table.lines.length !== table.length) fail('lines and rows differ in length');
  const names = table.columns.map((c) => c.name);
  if (new Set(names).size !== names.length || names.some((n) => n === '')) fail('empty or repeated column names');
  table.lines.forEach((line, i) => {
    if (!Number.isInteger(line) || line < 2 || (i > 0 && line <= table.lines[i - 1]!)) fail(`line ${line} of row ${i}`);
  });
  table.columns.forEach((col) => {
    const values = table.map((row) => row[col.name]);
    if (values.filter((v) => v === null).length !== col.missing) fail(`missing count of ${col.name}`);
    for (const v of values) {
      if (v === undefined) fail(`a row without column ${col.name}`);
      if (v !== null && typeof v !== (col.type === 'number' ? 'number' : 'string')) fail(`a ${typeof v} in ${col.type} column ${col.name}`);
      if (typeof v === 'number' && !Number.isFinite(v)) fail(`a non-finite number ${v} in column ${col.name}`);
    }
  });
  for (const row of table) {
    if (!Object.isFrozen(row)) fail('a row is not frozen');
    // integer-like names ('1', '12') come first in a JS object's key order: compare as sets
    if (Object.keys(row).sort().join('\u0001') !== [...names].sort().join('\u0001')) fail('row keys differ from the columns');
  }
  const copy = JSON.parse(JSON.stringify(table)) as unknown[];
  if (JSON.stringify(copy) !== JSON.stringify([...table])) fail('JSON round trip');
}
