// Bad input throws InputError naming the field and the row (and study); missing values do not.
import { describe, expect, it } from 'vitest';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import type { Measure } from '../../src/types.ts';
import { thrownInputError } from '../input-error.ts';

const smdRow = (over: Record<string, unknown> = {}) => ({
  study: 'Smith 2001',
  m1i: 10,
  sd1i: 2,
  n1i: 20,
  m2i: 8,
  sd2i: 2.5,
  n2i: 22,
  ...over,
});

describe('effectSizes rejects bad input', () => {
  it('an unknown measure, listing the valid ones', () => {
    const e = thrownInputError(() => effectSizes('SMDX' as Measure, [smdRow()]));
    expect(e.field).toBe('measure');
    expect(e.message).toContain('MD, SMD, SMDH, SMD1H, ROM, OR, RR, RD, AS, PETO, COR, ZCOR, PR, PLN, PLO, PAS, PFT, MN, MNLN, MC, SMCC, SMCR, SMCRH, GEN');
  });

  it('rows that are not an array of objects', () => {
    for (const rows of [null, undefined, { a: 1 }, 'rows', 3]) {
      const e = thrownInputError(() => effectSizes('MD', rows as never));
      expect(e.field).toBe('rows');
    }
    const e = thrownInputError(() => effectSizes('MD', [smdRow(), 7 as never, smdRow()]));
    expect(e).toMatchObject({ field: 'rows', row: 2 });
    expect(thrownInputError(() => effectSizes('MD', [null as never])).row).toBe(1);
    expect(thrownInputError(() => effectSizes('MD', [[1, 2] as never])).row).toBe(1);
  });

  it('a needed column absent from every row, naming the key looked for', () => {
    const rows = [smdRow({ sd2i: undefined }), smdRow({ sd2i: undefined })];
    const e = thrownInputError(() => effectSizes('SMD', rows));
    expect(e.field).toBe('sd2i');
    expect(e.message).toContain('"sd2i"');
    const mapped = thrownInputError(() => effectSizes('SMD', [smdRow()], { columns: { sd1i: 'sd_t' } }));
    expect(mapped.field).toBe('sd1i');
    expect(mapped.message).toContain('"sd_t"');
  });

  it('a 2x2 table with neither bi nor n1i, listing both keys', () => {
    const e = thrownInputError(() => effectSizes('OR', [{ ai: 1, ci: 2, di: 5 }]));
    expect(e.message).toContain('"bi" or "n1i"');
    const f = thrownInputError(() => effectSizes('GEN', [{ yi: 0.1 }]));
    expect(f.message).toContain('"vi" or "sei"');
  });

  it('text in a numeric field, naming field, row and study', () => {
    const rows = [smdRow(), smdRow(), smdRow({ study: 'Lee 2003', sd1i: '12a' })];
    const e = thrownInputError(() => effectSizes('SMD', rows));
    expect(e).toMatchObject({ field: 'sd1i', row: 3, study: 'Lee 2003' });
    expect(e.message).toBe('sd1i, study "Lee 2003", row 3: must be a number (got "12a")');
    const mapped = thrownInputError(() => effectSizes('MD', [{ m1i: 1, s: 'x', n1i: 3, m2i: 1, sd2i: 1, n2i: 3 }], { columns: { sd1i: 's' } }));
    expect(mapped.field).toBe('sd1i ("s")');
    for (const bad of [true, {}, [], Infinity, -Infinity, 'Inf', '1,5']) {
      expect(thrownInputError(() => effectSizes('MD', [smdRow({ m1i: bad })])).field).toBe('m1i');
    }
  });

  it('accepts numeric strings as numbers', () => {
    const asText = effectSizes('SMD', [smdRow({ m1i: '10', sd1i: ' 2 ', n1i: '20', m2i: '8.0', sd2i: '2.5e0', n2i: '+22' })]);
    const asNumbers = effectSizes('SMD', [smdRow()]);
    expect(asText.yi).toEqual(asNumbers.yi);
    expect(asText.vi).toEqual(asNumbers.vi);
  });

  it('negative SDs, variances, standard errors and counts', () => {
    expect(thrownInputError(() => effectSizes('MD', [smdRow({ sd2i: -1 })]))).toMatchObject({ field: 'sd2i', row: 1 });
    expect(thrownInputError(() => effectSizes('MN', [{ mi: 1, sdi: -0.5, ni: 10 }])).field).toBe('sdi');
    expect(thrownInputError(() => effectSizes('SMCC', [{ m1i: 1, m2i: 0, sd1i: 1, sd2i: -1, ni: 10, ri: 0.5 }])).field).toBe('sd2i');
    expect(thrownInputError(() => effectSizes('GEN', [{ yi: 0.1, vi: -0.01 }])).field).toBe('vi');
    expect(thrownInputError(() => effectSizes('GEN', [{ yi: 0.1, sei: -0.1 }])).field).toBe('sei');
    expect(thrownInputError(() => effectSizes('OR', [{ ai: -1, bi: 3, ci: 2, di: 4 }])).field).toBe('ai');
    expect(thrownInputError(() => effectSizes('PR', [{ xi: -1, ni: 3 }])).field).toBe('xi');
  });

  it('sample sizes below what the measure needs', () => {
    const cases: [Measure, Record<string, unknown>, string][] = [
      ['SMD', smdRow({ n1i: 1 }), 'n1i'],
      ['SMDH', smdRow({ n2i: 1 }), 'n2i'],
      ['SMD1H', smdRow({ n2i: 2 }), 'n2i'],
      ['SMD1H', smdRow({ n1i: 1 }), 'n1i'],
      ['SMCRH', { m1i: 1, m2i: 0, sd1i: 1, sd2i: 1, ni: 2, ri: 0.5 }, 'ni'],
      ['MD', smdRow({ n1i: 0 }), 'n1i'],
      ['ROM', smdRow({ n2i: -2 }), 'n2i'],
      ['ZCOR', { ri: 0.3, ni: 3 }, 'ni'],
      ['COR', { ri: 0.3, ni: 3 }, 'ni'],
      ['SMCC', { m1i: 1, m2i: 0, sd1i: 1, sd2i: 1, ni: 2, ri: 0.5 }, 'ni'],
      ['SMCR', { m1i: 1, m2i: 0, sd1i: 1, ni: 2, ri: 0.5 }, 'ni'],
      ['MC', { m1i: 1, m2i: 0, sd1i: 1, sd2i: 1, ni: 0, ri: 0.5 }, 'ni'],
      ['MN', { mi: 1, sdi: 1, ni: 0 }, 'ni'],
      ['PR', { xi: 0, ni: 0 }, 'ni'],
      ['OR', { ai: 0, n1i: 0, ci: 1, n2i: 5 }, 'n1i'],
      ['RR', { ai: 0, bi: 0, ci: 1, di: 5 }, 'bi'],
    ];
    for (const [measure, row, field] of cases) {
      const e = thrownInputError(() => effectSizes(measure, [row]));
      expect(e.field, measure).toBe(field);
      expect(e.row).toBe(1);
    }
    expect(thrownInputError(() => effectSizes('ZCOR', [{ ri: 0.3, ni: 3 }])).message).toContain('at least 4');
  });

  it('events above the group size, and inconsistent totals', () => {
    expect(thrownInputError(() => effectSizes('OR', [{ study: 'A', ai: 12, n1i: 10, ci: 1, n2i: 5 }]))).toMatchObject({
      field: 'ai',
      row: 1,
      study: 'A',
    });
    expect(thrownInputError(() => effectSizes('RR', [{ ai: 1, n1i: 10, ci: 6, n2i: 5 }])).field).toBe('ci');
    expect(thrownInputError(() => effectSizes('PLO', [{ xi: 11, ni: 10 }])).field).toBe('xi');
    // an unmapped n1i beside bi is ignored (as metafor); mapped explicitly, it must agree with ai + bi
    expect(effectSizes('OR', [{ ai: 1, bi: 9, n1i: 11, ci: 1, di: 4 }]).yi[0]).toBeCloseTo(Math.log((1 * 4) / (9 * 1)), 14);
    expect(thrownInputError(() => effectSizes('OR', [{ ai: 1, bi: 9, n1i: 11, ci: 1, di: 4 }], { columns: { n1i: 'n1i' } })).field).toBe('n1i');
    expect(thrownInputError(() => effectSizes('PR', [{ xi: 1, mi: 9, ni: 11 }], { columns: { mi: 'mi' } })).field).toBe('ni');
  });

  it('correlations outside [-1, 1]', () => {
    expect(thrownInputError(() => effectSizes('COR', [{ ri: 0.2, ni: 10 }, { ri: 1.2, ni: 10 }]))).toMatchObject({ field: 'ri', row: 2 });
    expect(thrownInputError(() => effectSizes('ZCOR', [{ ri: -1.01, ni: 10 }])).field).toBe('ri');
    expect(thrownInputError(() => effectSizes('SMCR', [{ m1i: 1, m2i: 0, sd1i: 1, ni: 10, ri: 2 }])).field).toBe('ri');
  });

  it('negative means for MNLN', () => {
    expect(thrownInputError(() => effectSizes('MNLN', [{ mi: -1, sdi: 1, ni: 10 }])).field).toBe('mi');
  });

  it('bad options', () => {
    const rows = [smdRow()];
    expect(thrownInputError(() => effectSizes('SMD', rows, { vtpye: 'UB' } as never)).field).toBe('vtpye');
    const v = thrownInputError(() => effectSizes('SMD', rows, { vtype: 'HO' }));
    expect(v.field).toBe('vtype');
    expect(v.message).toContain('LS, UB, LS2, AV');
    expect(thrownInputError(() => effectSizes('SMD', rows, { vtype: 'XX' as never })).field).toBe('vtype');
    expect(thrownInputError(() => effectSizes('SMDH', rows, { vtype: 'UB' })).field).toBe('vtype');
    expect(thrownInputError(() => effectSizes('OR', [{ ai: 1, bi: 2, ci: 3, di: 4 }], { to: 'some' as never })).field).toBe('to');
    expect(thrownInputError(() => effectSizes('OR', [{ ai: 1, bi: 2, ci: 3, di: 4 }], { add: -0.5 })).field).toBe('add');
    expect(thrownInputError(() => effectSizes('OR', [{ ai: 1, bi: 2, ci: 3, di: 4 }], { drop00: 'yes' as never })).field).toBe('drop00');
    expect(thrownInputError(() => effectSizes('SMD', rows, { correct: 1 as never })).field).toBe('correct');
    expect(thrownInputError(() => effectSizes('SMD', rows, { columns: { sd3i: 'x' } as never })).message).toContain('sd3i');
    expect(thrownInputError(() => effectSizes('SMD', rows, { columns: { sd1i: 3 } as never })).field).toBe('columns.sd1i');
    expect(thrownInputError(() => effectSizes('SMD', rows, { label: 'author' })).field).toBe('label');
    expect(thrownInputError(() => effectSizes('SMD', rows, { provenance: [] })).field).toBe('provenance');
    expect(
      thrownInputError(() => effectSizes('SMD', rows, { provenance: [{ kind: 'guessed' } as never] })),
    ).toMatchObject({ field: 'provenance', row: 1 });
    expect(
      thrownInputError(() => effectSizes('SMD', rows, { provenance: [{ kind: 'imputed', method: 'mean' } as never] })).field,
    ).toBe('provenance');
  });
});

describe('missing values are not errors', () => {
  it('gives NaN and a warning naming the row, the study and the field', () => {
    const rows = [smdRow({ study: 'A' }), smdRow({ study: 'B' }), smdRow({ sd1i: null }), { ...smdRow(), study: undefined, n2i: '' }];
    const got = effectSizes('SMD', rows);
    expect(got.yi.map(Number.isNaN)).toEqual([false, false, true, true]);
    expect(got.vi.map(Number.isNaN)).toEqual([false, false, true, true]);
    expect(got.warnings).toEqual(['row 3 (Smith 2001) omitted: sd1i missing', 'row 4 omitted: n2i missing']);
    expect(got.labels).toEqual(['A', 'B', 'Smith 2001', 'row 4']);
  });
  it('treats undefined, null, NaN, "" and "NA" alike and lists every missing field', () => {
    for (const v of [undefined, null, NaN, '', 'NA', '  ']) {
      const got = effectSizes('MD', [smdRow(), smdRow({ m1i: v, sd2i: v })]);
      expect(got.warnings).toEqual(['row 2 (Smith 2001) omitted: m1i, sd2i missing']);
      expect(got.yi[1]).toBeNaN();
    }
  });
  it('names alternatives and mapped keys', () => {
    const got = effectSizes('RR', [{ ai: 1, bi: 4, ci: 2, di: 3 }, { ai: 1, ci: 2, di: 3 }]);
    expect(got.warnings).toEqual(['row 2 omitted: bi (or n1i) missing']);
    const mapped = effectSizes('MN', [{ study: 9, m: 1, s: null, n: 4 }], { columns: { mi: 'm', sdi: 's', ni: 'n' } });
    // metafor: escalc("MN", mi = 1, sdi = NA, ni = 4) keeps yi = 1 with vi = NA
    expect(mapped.yi).toEqual([1]);
    expect(mapped.warnings).toEqual(['row 1 (study 9) has no sampling variance (sdi ("s") missing); yi is kept but the row cannot enter a model']);
  });
  it('uses sei where vi is missing (GEN)', () => {
    // sei fills in row by row when it is mapped explicitly (a stray unmapped sei column is ignored)
    const got = effectSizes('GEN', [
      { yi: 0.2, vi: 0.04 },
      { yi: 0.1, vi: null, sei: 0.3 },
      { yi: 0.3, vi: null, sei: null },
    ], { columns: { sei: 'sei' } });
    expect(got.vi.slice(0, 2)).toEqual([0.04, 0.3 * 0.3]);
    expect(got.vi[2]).toBeNaN();
    // metafor: escalc("GEN", yi = 0.3, vi = NA) keeps yi
    expect(got.yi[2]).toBe(0.3);
    expect(got.warnings).toEqual(['row 3 has no sampling variance (vi (or sei) missing); yi is kept but the row cannot enter a model']);
  });
  it('takes labels from options.label', () => {
    const got = effectSizes('MD', [smdRow({ author: 'Jones' }), smdRow({ author: null })], { label: 'author' });
    expect(got.labels).toEqual(['Jones', 'row 2']);
  });
  it('returns an empty result for no rows', () => {
    const got = effectSizes('SMD', []);
    expect(got).toEqual({
      measure: 'SMD', yi: [], vi: [], labels: [], provenance: [],
      provenanceCounts: { reported: 0, derived: 0, imputed: 0, assumed: 0 }, warnings: [],
    });
  });
});
