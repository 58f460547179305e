// Counterexamples found by fuzzing readTable (test/io/fuzz.test.ts, `npm run fuzz:table`), each
// kept as a named regression test.
import { describe, expect, it } from 'vitest';
import { readTable, TableError } from '../../src/index.ts';

describe('readTable fuzz regressions', () => {
  it('a number beyond the double range ("c0\\n1e400") is a TableError naming its line and column, not Infinity', () => {
    // found with seed 20261201: the cell read as Infinity, which JSON turns into null
    let error: unknown;
    try {
      readTable('c0\n1e400');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TableError);
    expect((error as TableError).line).toBe(2);
    expect((error as TableError).column).toBe('c0');
    expect((error as TableError).message).toMatch(/too large for a number \(got "1e400"/);
    expect(() => readTable('x,id\n1,-1e999\n', { types: { id: 'number' } })).toThrow(TableError);
  });

  it('a huge number stays text in a column declared text, and 1e-400 underflows to 0 as in R', () => {
    expect(readTable('id\n1e400\n', { types: { id: 'text' } })[0]).toEqual({ id: '1e400' });
    expect(readTable('x\n1e-400\n')[0]).toEqual({ x: 0 });
  });
});
