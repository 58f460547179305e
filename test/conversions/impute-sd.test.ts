// Imputing missing SDs from other studies. Expected pooled SD from R (r-reference/formulas.R):
// sqrt(((10-1)*2^2 + (20-1)*4^2 + (15-1)*3^2 + (12-1)*5^2) / ((10-1) + (20-1) + (15-1) + (12-1))).
import { describe, expect, it } from 'vitest';
import { InputError, effectSizes, imputeSd } from '../../src/index.ts';
import { expectClose } from '../tolerances.ts';
import { formulaReference } from './helpers.ts';

const I = formulaReference().impute;

const rows = [
  { study: 'A', m1i: 10, sd1i: 2, n1i: 10, m2i: 8, sd2i: 4, n2i: 20 },
  { study: 'B', m1i: 12, sd1i: 3, n1i: 15, m2i: 9, sd2i: 5, n2i: 12 },
  { study: 'C', m1i: 11, sd1i: null, n1i: 30, m2i: 7, sd2i: null, n2i: 30 },
  { study: 'D', m1i: 11, sd1i: 'NA', n1i: 25, m2i: 7, sd2i: 4.5, n2i: 25 },
];
const complete = rows.slice(0, 2);

describe('imputeSd', () => {
  it('pooled: √(Σ(n − 1)s²/Σ(n − 1)) over every reported SD (R reference)', () => {
    const r = imputeSd([...complete, rows[2]!], { method: 'pooled' });
    expectClose(r.value, I['pooled']!, 1e-12, 'pooled SD');
    expect(r.rows[2]).toMatchObject({ sd1i: r.value, sd2i: r.value, m1i: 11 });
    expect(r.provenance).toEqual([
      { kind: 'reported' },
      { kind: 'reported' },
      { kind: 'imputed', method: 'pooled', sources: ['A', 'B'] },
    ]);
  });

  it('median and maximum of the reported SDs (2, 4, 3, 5 → 3.5 and 5)', () => {
    expect(imputeSd([...complete, rows[2]!], { method: 'median' }).value).toBe(I['median']);
    expect(imputeSd([...complete, rows[2]!], { method: 'maximum' }).value).toBe(I['maximum']);
  });

  it('assumed: the stated value, provenance { kind: "assumed", value }', () => {
    const r = imputeSd(rows, { method: 'assumed', value: 6 });
    expect(r.rows[2]).toMatchObject({ sd1i: 6, sd2i: 6 });
    expect(r.rows[3]).toMatchObject({ sd1i: 6, sd2i: 4.5 });
    expect(r.provenance[2]).toEqual({ kind: 'assumed', value: 6 });
    expect(r.provenance[3]).toEqual({ kind: 'assumed', value: 6 });
    expect(r.sources).toEqual([]);
  });

  it('sources list every study that reported an SD, including a partly reported one', () => {
    const r = imputeSd(rows, { method: 'median' });
    expect(r.sources).toEqual(['A', 'B', 'D']);
    expect(r.value).toBe(4); // median of 2, 4, 3, 5, 4.5
    expect(r.filled.map((f) => [f.study, f.field])).toEqual([['C', 'sd1i'], ['C', 'sd2i'], ['D', 'sd1i']]);
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings[0]).toMatch(/"C" \(row 3\): sd1i missing, imputed 4 \(median of 5 reported SDs\)/);
  });

  it('does not change the input rows; returns frozen copies', () => {
    const input = [{ study: 'A', sd1i: 2, n1i: 10 }, { study: 'B', n1i: 10 }];
    const r = imputeSd(input, { method: 'maximum' });
    expect(input[1]).toEqual({ study: 'B', n1i: 10 });
    expect(Object.isFrozen(r.rows[1])).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('columns map roles to other keys; roles restricts which SDs are filled', () => {
    const data = [
      { id: 'A', sd_t: 2, n_t: 10, sd_c: 3, n_c: 10 },
      { id: 'B', sd_t: null, n_t: 12, sd_c: null, n_c: 12 },
    ];
    const r = imputeSd(data, {
      method: 'pooled',
      label: 'id',
      roles: ['sd2i'],
      columns: { sd1i: 'sd_t', n1i: 'n_t', sd2i: 'sd_c', n2i: 'n_c' },
    });
    expect(r.rows[1]).toEqual({ id: 'B', sd_t: null, n_t: 12, sd_c: 3, n_c: 12 });
    expect(r.provenance[1]).toEqual({ kind: 'imputed', method: 'pooled', sources: ['A'] });
  });

  it('carries earlier provenance forward and keeps the least sourced kind', () => {
    const first = imputeSd(rows, { method: 'median', roles: ['sd1i'] });
    const second = imputeSd(first.rows, { method: 'assumed', value: 9, roles: ['sd2i'], provenance: first.provenance });
    expect(second.provenance[2]).toEqual({ kind: 'assumed', value: 9 });
    expect(second.provenance[3]).toEqual(first.provenance[3]);
    const derived = [{ kind: 'derived', formula: 'SD = SE·√n (Cochrane 6.5.2.2)' } as const, undefined, undefined, undefined];
    expect(imputeSd(rows, { method: 'median', provenance: derived }).provenance[0]).toEqual(derived[0]);
  });

  it('feeds effectSizes: the provenance reaches the effect sizes', () => {
    const r = imputeSd(rows, { method: 'pooled' });
    const es = effectSizes('MD', r.rows, { provenance: r.provenance });
    expect(es.vi.every(Number.isFinite)).toBe(true);
    expect(es.provenance[2]).toEqual({ kind: 'imputed', method: 'pooled', sources: ['A', 'B', 'D'] });
    expect(es.provenance[0]).toEqual({ kind: 'reported' });
  });

  it('label falls back to "row N"', () => {
    const r = imputeSd([{ sdi: 2, ni: 5 }, { ni: 5 }], { method: 'median' });
    expect(r.sources).toEqual(['row 1']);
    expect(r.filled[0]).toMatchObject({ row: 2, study: 'row 2', field: 'sdi' });
  });

  it('bad input → InputError naming row and study', () => {
    expect(() => imputeSd(rows, { method: 'mean' as never })).toThrow(/method/);
    expect(() => imputeSd(rows, { method: 'assumed' })).toThrow(/value/);
    expect(() => imputeSd(rows, { method: 'assumed', value: -1 })).toThrow(/value/);
    expect(() => imputeSd(rows, { method: 'median', value: 3 })).toThrow(/only used with method "assumed"/);
    expect(() => imputeSd([{ study: 'Z', sd1i: -2, n1i: 5 }], { method: 'median' })).toThrow(/sd1i, study "Z", row 1: must not be negative/);
    expect(() => imputeSd([{ study: 'Z', sd1i: 'x', n1i: 5 }], { method: 'median' })).toThrow(InputError);
    expect(() => imputeSd([{ study: 'Z', sd1i: 2 }, { study: 'Q' }], { method: 'pooled' })).toThrow(/n1i, study "Z", row 1: is needed to pool/);
    expect(() => imputeSd([{ study: 'Z', sd1i: null, n1i: 5 }], { method: 'median' })).toThrow(/no row reports an SD/);
    expect(() => imputeSd([{ study: 'Z', m: 1 }], { method: 'median' })).toThrow(/no row has an SD key/);
    expect(() => imputeSd(rows, { method: 'median', provenance: [] })).toThrow(/provenance/);
    expect(() => imputeSd('rows' as never, { method: 'median' })).toThrow(/rows/);
  });
});
