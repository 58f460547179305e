// Properties of leaveOneOut, cumulative and influence that hold for any data. No expected number
// comes from the code under test: they come from the other study alone (k = 2), from the public
// metaAnalysis on the same subsets, from closed forms of the equal-effects model, or from the
// invariances of the model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulative, influence, leaveOneOut, metaAnalysis, TAU2_METHODS, TEST_TYPES } from '../../src/index.ts';
import type { MetaAnalysisResult, SubsetFit, Tau2Method, TestType } from '../../src/index.ts';

interface Study { readonly yi: number; readonly vi: number }
const study = fc.record({
  yi: fc.double({ min: -3, max: 3, noNaN: true }),
  vi: fc.double({ min: 0.005, max: 2, noNaN: true }),
});
const studies = (minLength: number, maxLength = 15) => fc.array(study, { minLength, maxLength });
const method = fc.constantFrom(...TAU2_METHODS);
const test = fc.constantFrom(...TEST_TYPES);
const rel = (a: number | null, b: number | null) => (a === null || b === null ? (a === b ? 0 : Infinity) : Math.abs(a - b) / Math.max(1, Math.abs(b)));

function fit(data: readonly Study[], m: Tau2Method, t: TestType = 'z', labels?: string[]): MetaAnalysisResult {
  return metaAnalysis({ yi: data.map((d) => d.yi), vi: data.map((d) => d.vi), labels }, { method: m, test: t });
}

/** The fields a SubsetFit shares with a MetaAnalysisResult, for comparison. */
function sameModel(row: SubsetFit, full: MetaAnalysisResult, tol: number): void {
  expect(row.k).toBe(full.k);
  expect(rel(row.estimate, full.estimate)).toBeLessThan(tol);
  expect(rel(row.se, full.se)).toBeLessThan(tol);
  expect(rel(row.tau2, full.tau2)).toBeLessThan(tol);
  expect(rel(row.ci.lower, full.ci.lower)).toBeLessThan(tol);
  expect(rel(row.ci.upper, full.ci.upper)).toBeLessThan(tol);
  expect(rel(row.pValue, full.pValue)).toBeLessThan(tol);
  expect(rel(row.q, full.q)).toBeLessThan(tol);
  expect(rel(row.i2, full.i2)).toBeLessThan(tol);
  expect(rel(row.h2, full.h2)).toBeLessThan(tol);
  expect(row.df).toBe(full.df);
}

describe('leaveOneOut', () => {
  it('with k = 2, each row is the other study alone (tau² = 0, z test)', () => {
    fc.assert(
      fc.property(studies(2, 2), method, test, (data, m, t) => {
        const rows = leaveOneOut(fit(data, m, t));
        rows.forEach((row, i) => {
          const other = data[1 - i]!;
          expect(row.k).toBe(1);
          expect(rel(row.estimate, other.yi)).toBeLessThan(1e-14);
          expect(rel(row.se, Math.sqrt(other.vi))).toBeLessThan(1e-14);
          expect(row.tau2).toBe(0);
          expect(row.q).toBe(0);
          expect(row.qPValue).toBe(1);
          expect(row.i2).toBe(0);
          expect(row.h2).toBe(1);
          expect(row.df).toBeNull();
          // z interval: 1.959963984540054 is the 97.5% normal quantile (R: qnorm(0.975))
          expect(rel(row.ci.upper, other.yi + 1.959963984540054 * Math.sqrt(other.vi))).toBeLessThan(1e-12);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('row i is metaAnalysis of the studies without study i', () => {
    fc.assert(
      fc.property(studies(3, 12), method, test, (data, m, t) => {
        const rows = leaveOneOut(fit(data, m, t));
        expect(rows).toHaveLength(data.length);
        rows.forEach((row, i) => sameModel(row, fit(data.filter((_, j) => j !== i), m, t), 1e-10));
      }),
      { numRuns: 60 },
    );
  });

  it('equal-effects estimates are the inverse-variance means of the others', () => {
    fc.assert(
      fc.property(studies(3, 20), (data) => {
        leaveOneOut(fit(data, 'EE')).forEach((row, i) => {
          const rest = data.filter((_, j) => j !== i);
          const sumW = rest.reduce((s, d) => s + 1 / d.vi, 0);
          const mean = rest.reduce((s, d) => s + d.yi / d.vi, 0) / sumW;
          expect(rel(row.estimate, mean)).toBeLessThan(1e-12);
          expect(rel(row.se, 1 / Math.sqrt(sumW))).toBeLessThan(1e-12);
        });
      }),
    );
  });

  it('labels each row with the study left out', () => {
    const labels = ['A', 'B', 'C'];
    const rows = leaveOneOut(fit([{ yi: 0, vi: 1 }, { yi: 1, vi: 1 }, { yi: 2, vi: 1 }], 'DL', 'z', labels));
    expect(rows.map((r) => r.label)).toEqual(labels);
  });
});

describe('cumulative', () => {
  it('the last row is the full fit, the first the first study alone', () => {
    fc.assert(
      fc.property(studies(1, 15), method, test, (data, m, t) => {
        const full = fit(data, m, t);
        const rows = cumulative(full);
        expect(rows.map((r) => r.k)).toEqual(data.map((_, i) => i + 1));
        sameModel(rows[rows.length - 1]!, full, 1e-10);
        expect(rel(rows[0]!.estimate, data[0]!.yi)).toBeLessThan(1e-14);
        expect(rows[0]!.tau2).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('with sort keys, equals the cumulative analysis of the data sorted by them (stable, missing last)', () => {
    fc.assert(
      fc.property(
        studies(2, 12).chain((data) => fc.tuple(fc.constant(data), fc.array(fc.option(fc.integer({ min: 1990, max: 1995 }), { nil: null }), { minLength: data.length, maxLength: data.length }))),
        method,
        fc.boolean(),
        ([data, keys], m, decreasing) => {
          const labels = data.map((_, i) => `S${i}`);
          const index = data.map((_, i) => i);
          const present = index.filter((i) => keys[i] !== null);
          const missing = index.filter((i) => keys[i] === null);
          // an independent stable sort: bucket by key, keep the input order within a key
          const distinct = [...new Set(present.map((i) => keys[i]!))].sort((a, b) => (decreasing ? b - a : a - b));
          const sorted = [...distinct.flatMap((key) => present.filter((i) => keys[i] === key)), ...missing];
          const rows = cumulative(fit(data, m, 'z', labels), keys, { decreasing });
          const direct = cumulative(fit(sorted.map((i) => data[i]!), m, 'z', sorted.map((i) => labels[i]!)));
          expect(rows.map((r) => r.label)).toEqual(sorted.map((i) => labels[i]));
          rows.forEach((row, j) => expect(rel(row.estimate, direct[j]!.estimate)).toBeLessThan(1e-12));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('string keys sort by code point', () => {
    const rows = cumulative(fit([{ yi: 0, vi: 1 }, { yi: 1, vi: 1 }, { yi: 2, vi: 1 }], 'EE', 'z', ['x', 'y', 'z']), ['b', 'c', 'a']);
    expect(rows.map((r) => r.label)).toEqual(['z', 'x', 'y']);
  });
});

describe('influence', () => {
  it('hat values sum to 1 and weights are the fit\'s weights (percent)', () => {
    fc.assert(
      fc.property(studies(2, 30), method, test, (data, m, t) => {
        const full = fit(data, m, t);
        const rows = influence(full);
        expect(Math.abs(rows.reduce((s, r) => s + r.hat, 0) - 1)).toBeLessThan(1e-12);
        rows.forEach((r, i) => {
          expect(rel(r.weight, full.weights[i]!)).toBeLessThan(1e-12);
          expect(rel(r.weight, 100 * r.hat)).toBeLessThan(1e-14);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('deletion statistics agree with metaAnalysis without the study', () => {
    fc.assert(
      fc.property(studies(3, 12), method, (data, m) => {
        const full = fit(data, m);
        influence(full).forEach((row, i) => {
          const del = fit(data.filter((_, j) => j !== i), m);
          expect(rel(row.tau2Deleted, del.tau2)).toBeLessThan(1e-10);
          expect(rel(row.qDeleted, del.q)).toBeLessThan(1e-10);
          // Cook's distance and the covariance ratio by their definitions (Viechtbauer & Cheung, 2010)
          expect(rel(row.cookD, (full.estimate - del.estimate) ** 2 / full.se ** 2)).toBeLessThan(1e-8);
          expect(rel(row.covRatio, del.se ** 2 / full.se ** 2)).toBeLessThan(1e-10);
          const resid = data[i]!.yi - del.estimate;
          expect(rel(row.rstudent, resid / Math.sqrt(data[i]!.vi + del.tau2 + del.se ** 2))).toBeLessThan(1e-8);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('is invariant to shifting and scaling the effects (vi scaled by c²)', () => {
    fc.assert(
      fc.property(studies(3, 12), method, test, fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.2, max: 5, noNaN: true }), (data, m, t, shift, scale) => {
        const a = influence(fit(data, m, t));
        const b = influence(fit(data.map((d) => ({ yi: shift + scale * d.yi, vi: scale * scale * d.vi })), m, t));
        a.forEach((r, i) => {
          const s = b[i]!;
          expect(rel(s.hat, r.hat)).toBeLessThan(1e-6);
          expect(rel(s.tau2Deleted, r.tau2Deleted === null ? null : r.tau2Deleted * scale * scale)).toBeLessThan(1e-6);
          for (const key of ['rstudent', 'dffits', 'cookD', 'covRatio', 'dfbetas'] as const) {
            expect(rel(s[key], r[key])).toBeLessThan(1e-5);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('rows follow the studies when they are permuted', () => {
    fc.assert(
      fc.property(studies(3, 10), method, (data, m) => {
        const labels = data.map((_, i) => `S${i}`);
        const a = influence(fit(data, m, 'z', labels));
        const order = data.map((_, i) => i).reverse();
        const b = influence(fit(order.map((i) => data[i]!), m, 'z', order.map((i) => labels[i]!)));
        b.forEach((row, j) => {
          const same = a[order[j]!]!;
          expect(row.label).toBe(same.label);
          expect(rel(row.cookD, same.cookD)).toBeLessThan(1e-6);
          expect(rel(row.rstudent, same.rstudent)).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('results are frozen plain data', () => {
  const full = fit([{ yi: 0.1, vi: 0.01 }, { yi: 0.3, vi: 0.02 }, { yi: 0.5, vi: 0.015 }], 'REML');
  it.each([
    ['leaveOneOut', () => leaveOneOut(full)],
    ['cumulative', () => cumulative(full)],
    ['influence', () => influence(full)],
  ] as const)('%s survives JSON and is frozen', (_, run) => {
    const rows = run() as readonly object[];
    expect(Array.isArray(rows)).toBe(true);
    expect(Object.isFrozen(rows)).toBe(true);
    for (const row of rows) {
      expect(Object.isFrozen(row)).toBe(true);
      if ('ci' in row) expect(Object.isFrozen(row.ci)).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });
});
