// Issue #10, "error classes with a stable code": every InputError, TableError and UsageError
// carries one of ERROR_CODES; the default is E_INVALID_INPUT.
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';

describe('error codes', () => {
  it('ERROR_CODES lists each code once with its meaning', () => {
    const codes = Object.keys(p.ERROR_CODES);
    expect(codes).toContain('E_NOT_FINITE');
    expect(codes).toContain('E_UNKNOWN_OPTION');
    expect(codes).toContain('E_MISSING_COLUMN');
    for (const code of codes) expect(code).toMatch(/^E_[A-Z_]+$/);
    for (const meaning of Object.values(p.ERROR_CODES)) expect(meaning.length).toBeGreaterThan(10);
    expect(Object.isFrozen(p.ERROR_CODES)).toBe(true);
  });

  it('the constructor stays compatible: code is optional, default E_INVALID_INPUT', () => {
    expect(new p.InputError('bad').code).toBe('E_INVALID_INPUT');
    expect(new p.InputError('bad', { field: 'x', code: 'E_NOT_FINITE' }).code).toBe('E_NOT_FINITE');
    expect(new p.TableError('is empty', { file: 'a.csv' }).code).toBe('E_PARSE');
    expect(new p.UsageError('unknown option --x').code).toBe('E_USAGE');
  });

  it('typical failures carry the right code', () => {
    expect(thrownInputError(() => p.metaAnalysis({ yi: [1, 2], vi: [1] })).code).toBe('E_LENGTH_MISMATCH');
    expect(thrownInputError(() => p.metaAnalysis({ yi: [1, 2], vi: [1, Infinity] })).code).toBe('E_NOT_FINITE');
    expect(thrownInputError(() => p.metaAnalysis({ yi: [1, 2], vi: [1, -1] })).code).toBe('E_OUT_OF_RANGE');
    expect(thrownInputError(() => p.metaAnalysis({ yi: [1, 'x'] as never, vi: [1, 1] })).code).toBe('E_INVALID_TYPE');
    expect(thrownInputError(() => p.metaAnalysis({ yi: [1, 2], vi: [1, 1] }, { method: 'XX' as never })).code).toBe('E_INVALID_CHOICE');
    expect(thrownInputError(() => p.effectSizes('OR', [{ x: 1 }])).code).toBe('E_MISSING_COLUMN');
    expect(thrownInputError(() => p.readTable('/no/such/file.csv')).code).toBe('E_FILE');
    expect(thrownInputError(() => p.column(p.readTable('a,b\n1,2\n'), 'c')).code).toBe('E_MISSING_COLUMN');
    expect(thrownInputError(() => p.trimAndFill(p.metaAnalysis({ yi: [1], vi: [1] }))).code).toBe('E_TOO_FEW_STUDIES');
  });
});
