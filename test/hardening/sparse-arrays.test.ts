// Issue #10, class "sparse arrays": a hole ([a, , c]) is skipped by forEach/map, so it used to
// crash a later read, form its own cluster or shift provenance. Every array argument is now
// checked: a hole is E_SPARSE_ARRAY naming the row; an array-like whose length lies (1e9) fails
// at once with E_TOO_LARGE or E_SPARSE_ARRAY instead of hanging.
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';
import { fit, tables, vi, yi } from './calls.ts';

// eslint-disable-next-line no-sparse-arrays
const hole = <T>(a: T, c: T): T[] => [a, , c] as T[];

describe('sparse arrays', () => {
  const cases: [string, () => unknown, string][] = [
    ['metaAnalysis yi', () => p.metaAnalysis({ yi: hole(1, 2), vi: [1, 1, 1] }), 'yi'],
    ['metaAnalysis vi', () => p.metaAnalysis({ yi: [1, 2, 3], vi: hole(1, 1) }), 'vi'],
    ['metaAnalysis labels', () => p.metaAnalysis({ yi: [1, 2, 3], vi: [1, 1, 1], labels: hole('a', 'c') }), 'labels'],
    ['effectSizes rows', () => p.effectSizes('OR', hole(tables[0]!, tables[1]!)), 'rows'],
    ['effectSizes provenance', () => p.effectSizes('OR', tables, { provenance: hole({ kind: 'reported' }, { kind: 'reported' }) as never }), 'provenance'],
    ['mantelHaenszel rows', () => p.mantelHaenszel(hole(tables[0]!, tables[1]!)), 'rows'],
    ['peto rows', () => p.peto(hole(tables[0]!, tables[1]!)), 'rows'],
    ['subgroupAnalysis groups', () => p.subgroupAnalysis({ yi: [1, 2, 3], vi: [1, 1, 1] }, hole('a', 'b')), 'groups'],
    ['metaRegression moderator', () => p.metaRegression({ yi: [1, 2, 3, 4], vi: [1, 1, 1, 1] }, { moderators: { x: [1, , 3, 4] } }), 'moderators.x'],
    ['multilevel outer', () => p.multilevel({ yi: [1, 2, 3], vi: [1, 1, 1] }, { outer: hole('a', 'b'), inner: ['1', '2', '3'] }), 'outer'],
    ['cumulative order', () => p.cumulative(p.metaAnalysis({ yi: [1, 2, 3], vi: [1, 1, 1] }), hole(1, 3)), 'order'],
    ['failSafeN yi', () => p.failSafeN({ yi: hole(1, 3), vi: [1, 1, 1] }), 'yi'],
    ['imputeSd rows', () => p.imputeSd(hole({ sd1i: 1 }, { sd1i: null }), { method: 'median' }), 'rows'],
  ];
  for (const [name, call, field] of cases) {
    it(`${name}: a hole is E_SPARSE_ARRAY at row 2`, () => {
      const e = thrownInputError(call);
      expect(e.code).toBe('E_SPARSE_ARRAY');
      expect(e.field).toBe(field);
      expect(e.row).toBe(2);
    });
  }

  it('an array-like whose length exceeds its entries fails at once (no O(length) hang)', () => {
    const start = performance.now();
    expect(thrownInputError(() => p.metaAnalysis({ yi: { length: 1e9, 0: 1 } as never, vi: [1] })).code).toBe('E_TOO_LARGE');
    expect(thrownInputError(() => p.metaAnalysis({ yi: { length: 1e6, 0: 1 } as never, vi: { length: 1e6, 0: 1 } as never })).code).toBe('E_SPARSE_ARRAY');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('dense array-likes and typed arrays still work, and give the same fit as arrays', () => {
    const a = p.metaAnalysis({ yi, vi });
    const b = p.metaAnalysis({ yi: Float64Array.from(yi), vi: { length: 5, 0: vi[0], 1: vi[1], 2: vi[2], 3: vi[3], 4: vi[4] } as never });
    expect(b.estimate).toBe(a.estimate);
    expect(p.leaveOneOut(fit()).length).toBe(5);
  });

  it('labels must be strings: null and objects are errors, a missing label falls back to the row', () => {
    expect(thrownInputError(() => p.metaAnalysis({ yi: [1, 2], vi: [1, 1], labels: null as never })).code).toBe('E_INVALID_TYPE');
    const e = thrownInputError(() => p.metaAnalysis({ yi: [1, 2], vi: [1, 1], labels: ['a', {}] as never }));
    expect([e.field, e.row, e.code]).toEqual(['labels', 2, 'E_INVALID_TYPE']);
    expect(p.metaAnalysis({ yi: [1, 2], vi: [1, 1], labels: ['a', null] as never }).labels).toEqual(['a', 'row 2']);
  });
});
