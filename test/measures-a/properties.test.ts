// Properties of the measures of issue #13 (part A) that hold whatever the data: swapping the
// groups (or the two conditions of a paired table) negates the effect and keeps its variance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import type { Measure } from '../../src/types.ts';

const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

const count = fc.integer({ min: 1, max: 400 });
const tables = fc.array(fc.record({ ai: count, bi: count, ci: count, di: count }), { minLength: 1, maxLength: 5 });
const personTime = fc.array(
  fc.record({ x1i: fc.integer({ min: 1, max: 300 }), t1i: fc.double({ min: 1, max: 1e5, noNaN: true }), x2i: fc.integer({ min: 1, max: 300 }), t2i: fc.double({ min: 1, max: 1e5, noNaN: true }) }),
  { minLength: 1, maxLength: 5 },
);

function antisymmetric(measure: Measure, a: readonly object[], b: readonly object[], tol = 1e-9): void {
  const x = effectSizes(measure, a), y = effectSizes(measure, b);
  x.yi.forEach((v, i) => expect(close(v, -y.yi[i]!, tol), `${measure} yi[${i}]: ${v} vs ${-y.yi[i]!}`).toBe(true));
  x.vi.forEach((v, i) => expect(close(v, y.vi[i]!, tol), `${measure} vi[${i}]: ${v} vs ${y.vi[i]!}`).toBe(true));
}

describe('swapping the groups of a 2x2 table negates the effect, keeps the variance', () => {
  for (const measure of ['PHI', 'ZPHI', 'YUQ', 'YUY', 'PBIT', 'OR2DN', 'OR2DL', 'RTET', 'ZTET'] as Measure[]) {
    it(measure, () => {
      fc.assert(
        fc.property(tables, (rows) => antisymmetric(measure, rows, rows.map((r) => ({ ai: r.ci, bi: r.di, ci: r.ai, di: r.bi })), measure.endsWith('TET') ? 1e-7 : 1e-9)),
        { numRuns: measure.endsWith('TET') ? 30 : 100 },
      );
    });
  }
});

describe('swapping the conditions of a paired table (b <-> c) negates the effect, keeps the variance', () => {
  for (const measure of ['MPRD', 'MPRR', 'MPOR', 'MPORC', 'MPPETO'] as Measure[]) {
    it(measure, () => {
      fc.assert(fc.property(tables, (rows) => antisymmetric(measure, rows, rows.map((r) => ({ ...r, bi: r.ci, ci: r.bi })))));
    });
  }
});

describe('swapping the groups of person-time data negates the effect, keeps the variance', () => {
  for (const measure of ['IRR', 'IRD', 'IRSD'] as Measure[]) {
    it(measure, () => {
      fc.assert(fc.property(personTime, (rows) => antisymmetric(measure, rows, rows.map((r) => ({ x1i: r.x2i, t1i: r.t2i, x2i: r.x1i, t2i: r.t1i })))));
    });
  }
});

describe('person-time scale', () => {
  it('IRR and IRLN do not depend on the unit of person-time; IRD scales with it', () => {
    fc.assert(
      fc.property(personTime, fc.double({ min: 0.01, max: 100, noNaN: true }), (rows, c) => {
        const scaled = rows.map((r) => ({ ...r, t1i: r.t1i * c, t2i: r.t2i * c }));
        const a = effectSizes('IRR', rows), b = effectSizes('IRR', scaled);
        a.yi.forEach((v, i) => expect(close(v, b.yi[i]!)).toBe(true));
        const d = effectSizes('IRD', rows), e = effectSizes('IRD', scaled);
        d.yi.forEach((v, i) => expect(close(v, c * e.yi[i]!)).toBe(true));
      }),
    );
  });
});
