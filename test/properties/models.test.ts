// Properties of the other model entry points (metaRegression, subgroupAnalysis, multilevel,
// mantelHaenszel, peto), with a fixed fast-check seed: the rows' order does not matter, every CI
// contains its estimate and widens monotonely with `level` (the estimate itself does not move),
// and random-effects fits equal the equal-effects fits where tau² (or σ²) is 0.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MANTEL_HAENSZEL_MEASURES, mantelHaenszel, metaRegression, multilevel, peto, subgroupAnalysis, TAU2_METHODS, TEST_TYPES,
} from '../../src/index.ts';
import { TOLERANCES } from '../tolerances.ts';
import { close, closeInterval, contains, levelPair, SEED, within } from './arbitraries.ts';

const options = { seed: SEED, numRuns: 25 };
const tol = TOLERANCES.iterative * 10;
const permuted = <T>(xs: readonly T[], order: readonly number[]) => order.map((i) => xs[i]!);

/** Rows of any shape with a permutation of their indices. */
function withOrder<T>(row: fc.Arbitrary<T>, minK: number, maxK: number): fc.Arbitrary<{ rows: T[]; order: number[] }> {
  return fc.array(row, { minLength: minK, maxLength: maxK }).chain((rows) =>
    fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length, maxLength: rows.length }).map((order) => ({ rows, order })),
  );
}

const y = fc.double({ min: -3, max: 3, noNaN: true });
const v = fc.double({ min: 0.01, max: 2, noNaN: true });
const regressionRow = fc.record({ yi: y, vi: v, x1: fc.double({ min: -2, max: 2, noNaN: true }), g: fc.constantFrom('a', 'b', 'c') });
type RegressionRow = { yi: number; vi: number; x1: number; g: string };
const regressionInput = (rows: readonly RegressionRow[]) => ({ yi: rows.map((r) => r.yi), vi: rows.map((r) => r.vi) });
const moderators = (rows: readonly RegressionRow[]) => ({ x1: rows.map((r) => r.x1), g: rows.map((r) => r.g) });
// every level of g present, and x1 varying within a level: otherwise the design is rank-deficient
const varies = (rows: readonly RegressionRow[]) =>
  ['a', 'b', 'c'].some((g) => {
    const x = rows.filter((r) => r.g === g).map((r) => r.x1);
    return x.length > 1 && Math.max(...x) - Math.min(...x) > 0.1;
  });
const regressionRows = withOrder(regressionRow, 7, 14).filter(({ rows }) => new Set(rows.map((r) => r.g)).size === 3 && varies(rows));

describe('metaRegression', () => {
  const setup = fc.record({ method: fc.constantFrom(...TAU2_METHODS), test: fc.constantFrom(...TEST_TYPES) });

  it('is invariant to the order of the studies, for every method and test', () => {
    fc.assert(
      fc.property(regressionRows, setup, ({ rows, order }, { method, test }) => {
        const fit = (r: readonly RegressionRow[]) => metaRegression(regressionInput(r), { moderators: moderators(r), method, test });
        const a = fit(rows);
        const b = fit(permuted(rows, order));
        expect(b.coefficients.map((c) => c.name)).toEqual(a.coefficients.map((c) => c.name));
        a.coefficients.forEach((c, j) => {
          close(b.coefficients[j]!.estimate, c.estimate, tol, `${c.name} estimate`);
          close(b.coefficients[j]!.se, c.se, tol, `${c.name} se`);
          closeInterval(b.coefficients[j]!.ci, c.ci, tol, `${c.name} ci`);
        });
        close(b.tau2, a.tau2, tol, 'tau2');
        close(b.qe, a.qe, tol, 'qe');
        close(b.qm, a.qm, tol, 'qm');
      }),
      options,
    );
  });

  it('has CIs around the coefficients that widen with level', () => {
    fc.assert(
      fc.property(regressionRows, setup, levelPair, ({ rows }, { method, test }, [low, high]) => {
        const fit = (level: number) => metaRegression(regressionInput(rows), { moderators: moderators(rows), method, test, level });
        const a = fit(low);
        const b = fit(high);
        a.coefficients.forEach((c, j) => {
          within(c.estimate, c.ci, c.name);
          contains(b.coefficients[j]!.ci, c.ci, `${c.name}: CI at ${high} ⊇ CI at ${low}`);
          close(b.coefficients[j]!.estimate, c.estimate, 1e-13, c.name);
        });
      }),
      options,
    );
  });
});

describe('subgroupAnalysis', () => {
  it('is invariant to the order of the studies; every subgroup CI contains its estimate and widens with level', () => {
    fc.assert(
      fc.property(regressionRows, fc.constantFrom(...TAU2_METHODS), levelPair, ({ rows, order }, method, [low, high]) => {
        const fit = (r: readonly RegressionRow[], level = 0.95) => subgroupAnalysis(regressionInput(r), r.map((x) => x.g), { method, level });
        const a = fit(rows);
        const b = fit(permuted(rows, order));
        expect(b.groups.map((g) => [g.level, g.k])).toEqual(a.groups.map((g) => [g.level, g.k]));
        a.groups.forEach((g, j) => {
          close(b.groups[j]!.estimate, g.estimate, tol, `${g.level} estimate`);
          close(b.groups[j]!.tau2, g.tau2, tol, `${g.level} tau2`);
          within(g.estimate, g.ci, g.level);
        });
        close(b.between.q, a.between.q, tol, 'between q');
        const lo = fit(rows, low);
        const hi = fit(rows, high);
        lo.groups.forEach((g, j) => contains(hi.groups[j]!.ci, g.ci, `${g.level}: CI widens with level`));
      }),
      options,
    );
  });
});

describe('multilevel', () => {
  const row = fc.record({ yi: y, vi: v, outer: fc.constantFrom('s1', 's2', 's3', 's4') });
  type Row = { yi: number; vi: number; outer: string };
  const rowsWithOrder = withOrder(row, 6, 12).filter(({ rows }) => new Set(rows.map((r) => r.outer)).size >= 2);
  const fit = (rows: readonly Row[], ids: readonly string[], test: 'z' | 't', level = 0.95) =>
    multilevel({ yi: rows.map((r) => r.yi), vi: rows.map((r) => r.vi) }, { outer: rows.map((r) => r.outer), inner: ids, test, level });

  it('is invariant to the order of the rows; the CI contains the estimate and widens with level', () => {
    fc.assert(
      fc.property(rowsWithOrder, fc.constantFrom('z' as const, 't' as const), levelPair, ({ rows, order }, test, [low, high]) => {
        const ids = rows.map((_, i) => `e${i}`);
        const a = fit(rows, ids, test);
        const b = fit(permuted(rows, order), permuted(ids, order), test);
        close(b.estimate, a.estimate, 1e-6, 'estimate');
        close(b.se, a.se, 1e-6, 'se');
        close(b.sigma2[0], a.sigma2[0], 1e-6, 'sigma2 outer');
        close(b.sigma2[1], a.sigma2[1], 1e-6, 'sigma2 inner');
        close(b.logLik, a.logLik, 1e-9, 'logLik');
        close(b.q, a.q, tol, 'q');
        within(a.estimate, a.ci, 'estimate in CI');
        contains(fit(rows, ids, test, high).ci, fit(rows, ids, test, low).ci, 'CI widens with level');
      }),
      { ...options, numRuns: 15 },
    );
  });
});

describe('EE = RE at tau² = 0', () => {
  const exact = fc.record({
    a: fc.double({ min: -2, max: 2, noNaN: true }),
    b: fc.double({ min: -1, max: 1, noNaN: true }),
    vi: fc.array(v, { minLength: 6, maxLength: 12 }),
    method: fc.constantFrom(...TAU2_METHODS.filter((m) => m !== 'EE')),
    test: fc.constantFrom(...TEST_TYPES),
  });

  it('metaRegression and subgroupAnalysis of effects on an exact line / equal within groups equal the EE fits', () => {
    fc.assert(
      fc.property(exact, ({ a, b, vi, method, test }) => {
        const x = vi.map((_, i) => i - 2.5);
        const g = vi.map((_, i) => (i % 2 === 0 ? 'even' : 'odd'));
        const input = { yi: x.map((xi) => a + b * xi), vi };
        const re = metaRegression(input, { moderators: { x }, method, test });
        const ee = metaRegression(input, { moderators: { x }, method: 'EE', test });
        expect(re.tau2).toBeLessThan(1e-20);
        re.coefficients.forEach((c, j) => {
          close(c.estimate, ee.coefficients[j]!.estimate, 1e-9, c.name);
          close(c.se, ee.coefficients[j]!.se, 1e-9, c.name);
        });
        const grouped = { yi: g.map((l) => (l === 'even' ? a : a + b)), vi };
        const sre = subgroupAnalysis(grouped, g, { method });
        const see = subgroupAnalysis(grouped, g, { method: 'EE' });
        sre.groups.forEach((grp, j) => {
          close(grp.estimate, see.groups[j]!.estimate, 1e-12, grp.level);
          close(grp.se, see.groups[j]!.se, 1e-12, grp.level);
        });
        close(sre.between.q, see.between.q, 1e-9, 'between q');
      }),
      options,
    );
  });

  it('multilevel of identical effects has both variance components at 0 and the EE estimate', () => {
    fc.assert(
      fc.property(exact, ({ a, vi }) => {
        const input = { yi: vi.map(() => a), vi };
        const ml = multilevel(input, { outer: vi.map((_, i) => `s${i % 3}`), inner: vi.map((_, i) => `e${i}`) });
        expect(ml.sigma2[0]).toBeLessThan(1e-12);
        expect(ml.sigma2[1]).toBeLessThan(1e-12);
        const w = vi.map((x) => 1 / x);
        const sw = w.reduce((s, x) => s + x, 0);
        close(ml.estimate, a, 1e-12, 'estimate');
        close(ml.se, 1 / Math.sqrt(sw), 1e-6, 'se = 1/√Σw');
      }),
      { ...options, numRuns: 10 },
    );
  });
});

describe('mantelHaenszel and peto', () => {
  const table = fc
    .record({ n1: fc.integer({ min: 5, max: 80 }), n2: fc.integer({ min: 5, max: 80 }), p1: fc.double({ min: 0.02, max: 0.98, noNaN: true }), p2: fc.double({ min: 0.02, max: 0.98, noNaN: true }) })
    .map(({ n1, n2, p1, p2 }) => {
      const ai = Math.round(p1 * n1);
      const ci = Math.round(p2 * n2);
      return { ai, bi: n1 - ai, ci, di: n2 - ci };
    });
  type Table = { ai: number; bi: number; ci: number; di: number };
  const tables = withOrder(table, 2, 10);
  const labelled = (rows: readonly object[], ids: readonly number[]) => rows.map((r, i) => ({ ...r, study: `t${ids[i]}` }));
  // IRR and IRD take person-time data: the events of each group over a person-time of its size
  const asData = (measure: string, rows: readonly Table[]) =>
    measure === 'IRR' || measure === 'IRD' ? rows.map((r) => ({ x1i: r.ai, t1i: r.ai + r.bi, x2i: r.ci, t2i: r.ci + r.di })) : rows;

  it.each(MANTEL_HAENSZEL_MEASURES)('mantelHaenszel (%s): order does not matter; the CI contains the estimate and widens with level', (measure) => {
    fc.assert(
      fc.property(tables, levelPair, ({ rows: tableRows, order }, [low, high]) => {
        const rows: readonly object[] = asData(measure, tableRows);
        const ids = rows.map((_, i) => i);
        const a = mantelHaenszel(labelled(rows, ids), { measure });
        const b = mantelHaenszel(labelled(permuted(rows, order), order), { measure });
        close(b.estimate, a.estimate, 1e-12, 'estimate');
        close(b.se, a.se, 1e-12, 'se');
        close(b.q, a.q, 1e-10, 'q');
        close(b.tarone, a.tarone, 1e-8, 'tarone');
        close(b.cmh, a.cmh, 1e-10, 'cmh');
        if (a.estimate !== null) within(a.estimate, a.ci, 'estimate in CI');
        const lo = mantelHaenszel(rows, { measure, level: low });
        const hi = mantelHaenszel(rows, { measure, level: high });
        contains(hi.ci, lo.ci, 'CI widens with level');
        if (lo.ratio && hi.ratio) contains(hi.ratio.ci, lo.ratio.ci, 'ratio CI widens with level');
      }),
      options,
    );
  });

  it('peto: order does not matter; the CI contains the estimate and widens with level', () => {
    fc.assert(
      fc.property(tables, levelPair, ({ rows, order }, [low, high]) => {
        const ids = rows.map((_, i) => i);
        const a = peto(labelled(rows, ids));
        const b = peto(labelled(permuted(rows, order), order));
        close(b.estimate, a.estimate, 1e-12, 'estimate');
        close(b.se, a.se, 1e-12, 'se');
        close(b.q, a.q, 1e-10, 'q');
        within(a.estimate, a.ci, 'estimate in CI');
        const lo = peto(rows, { level: low });
        const hi = peto(rows, { level: high });
        contains(hi.ci, lo.ci, 'CI widens with level');
        contains(hi.ratio.ci, lo.ratio.ci, 'ratio CI widens with level');
      }),
      options,
    );
  });
});
