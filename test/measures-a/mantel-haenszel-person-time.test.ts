// mantelHaenszel for IRR and IRD against metafor 5.1-12 rma.mh (test/fixtures/metafor-measures-a/mh.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mantelHaenszel } from '../../src/models/mantel-haenszel.ts';
import type { MantelHaenszelOptions } from '../../src/models/mantel-haenszel.ts';
import { thrownInputError } from '../input-error.ts';
import { TOLERANCES, arrayMismatches, mismatch } from '../tolerances.ts';

interface Fit {
  dataset: string;
  measure: 'IRR' | 'IRD';
  options: Record<string, unknown> | unknown[];
  k: number;
  'k.yi': number;
  b: number | null;
  se: number | null;
  zval: number | null;
  pval: number | null;
  'ci.lb': number | null;
  'ci.ub': number | null;
  QE: number | null;
  QEp: number | null;
  I2: number | null;
  H2: number | null;
  MH: number | null;
  MHp: number | null;
  yi: (number | null)[];
  vi: (number | null)[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/metafor-measures-a/mh.json', import.meta.url), 'utf8')) as {
  datasets: Record<string, Record<string, unknown>[]>;
  fits: Fit[];
};

function expectInputError(f: () => unknown, where: { field: string; row?: number }): void {
  const e = thrownInputError(f);
  expect(e.field).toBe(where.field);
  if (where.row !== undefined) expect(e.row).toBe(where.row);
}

/** rma.mh arguments as mantelHaenszel options (level in percent there; add/to/drop00 first elements). */
function asOptions(fit: Fit): MantelHaenszelOptions {
  const o = Array.isArray(fit.options) ? {} : (fit.options as Record<string, unknown>);
  const out: Record<string, unknown> = { measure: fit.measure, ...o };
  if (typeof o['level'] === 'number') out['level'] = (o['level'] as number) / 100;
  return out as MantelHaenszelOptions;
}

describe('mantelHaenszel reproduces rma.mh for person-time data (IRR, IRD)', () => {
  it('has the fits', () => expect(fixture.fits.length).toBeGreaterThanOrEqual(20));
  for (const fit of fixture.fits) {
    const options = asOptions(fit);
    it(`${fit.dataset} ${JSON.stringify(options)}`, () => {
      const got = mantelHaenszel(fixture.datasets[fit.dataset]!, options);
      const tol = TOLERANCES.closed;
      const checks: [unknown, number | null, string][] = [
        [got.estimate, fit.b, 'estimate'], [got.se, fit.se, 'se'], [got.statistic, fit.zval, 'zval'], [got.pValue, fit.pval, 'pval'],
        [got.ci.lower, fit['ci.lb'], 'ci.lb'], [got.ci.upper, fit['ci.ub'], 'ci.ub'], [got.q, fit.QE, 'QE'], [got.qPValue, fit.QEp, 'QEp'],
        [got.i2, fit.I2, 'I2'], [got.h2, fit.H2, 'H2'], [got.cmh, fit.MH, 'MH'], [got.cmhPValue, fit.MHp, 'MHp'],
      ];
      const problems = checks.map(([g, w, l]) => mismatch(g, w, tol, l, l === 'I2' ? tol : undefined)).filter((m) => m !== null);
      problems.push(...arrayMismatches(got.yi, fit.yi.filter((y) => y !== null), tol, 'yi'));
      problems.push(...arrayMismatches(got.vi, fit.vi.filter((v) => v !== null), tol, 'vi'));
      expect(problems).toEqual([]);
      expect(got.k).toBe(fit.k);
      expect(got.qDf).toBe(Math.max(0, fit['k.yi'] - 1));
      expect(JSON.parse(JSON.stringify(got)).measure).toBe(fit.measure);
    });
  }
});

describe('mantelHaenszel person-time input errors', () => {
  it('names the field and row of a negative count', () => {
    expectInputError(() => mantelHaenszel([{ x1i: 1, t1i: 10, x2i: -2, t2i: 10 }], { measure: 'IRR' }), { field: 'x2i', row: 1 });
  });
  it('names the field and row of a person-time of 0', () => {
    expectInputError(() => mantelHaenszel([{ x1i: 1, t1i: 10, x2i: 2, t2i: 10 }, { x1i: 1, t1i: 0, x2i: 2, t2i: 10 }], { measure: 'IRD' }), { field: 't1i', row: 2 });
  });
  it('rejects 2x2 roles for IRR', () => {
    expectInputError(() => mantelHaenszel([{ x1i: 1, t1i: 10, x2i: 2, t2i: 10 }], { measure: 'IRR', columns: { ai: 'x' } as never }), { field: 'columns role' });
  });
  it('gives a null estimate with a warning when one group has no events at all', () => {
    const fit = mantelHaenszel([{ x1i: 0, t1i: 10, x2i: 2, t2i: 10 }, { x1i: 0, t1i: 12, x2i: 3, t2i: 9 }], { measure: 'IRR' });
    expect(fit.estimate).toBeNull();
    expect(fit.warnings.join(' ')).toMatch(/no events/);
  });
  it('omits a row with a missing value, with a warning', () => {
    const fit = mantelHaenszel([{ x1i: 4, t1i: 10, x2i: 2, t2i: 10 }, { x1i: null, t1i: 12, x2i: 3, t2i: 9 }], { measure: 'IRD' });
    expect(fit.k).toBe(1);
    expect(fit.warnings).toContain('row 2 omitted: x1i missing');
  });
});
