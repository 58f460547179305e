// Seeded, time-bounded fuzzing of readTable: random CSV/TSV texts (quotes, BOMs, CRLF, ragged
// rows, huge numbers, 'NA', odd Unicode, empty files) and options either give a well-formed,
// frozen table that survives JSON, or throw the project's TableError/InputError, nothing else.
// The wider, unseeded run is `npm run fuzz:table` (test/fuzz/table.fuzz.ts).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { exerciseTable, tableOptions, tableText } from '../fuzz/table-text.ts';

describe('fuzzing readTable (seeded, at most ~2.5 s)', () => {
  it('returns a well-formed table or throws TableError, for any text and options', () => {
    fc.assert(fc.property(tableText, tableOptions, (text, options) => exerciseTable(text, options)), {
      seed: 20261201, numRuns: 20000, interruptAfterTimeLimit: 2500,
    });
  });
});
