// A CSV the rest of the suite has never seen (metadat's dat.dorn2007, written by R's write.csv),
// read with readTable and pooled, against R metafor (test/fixtures/io/generate.R).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  backTransform, column, effectSizes, metaAnalysis, metaRegression, multilevel, readTable, subgroupAnalysis,
} from '../../src/index.ts';
import { TOLERANCES, arrayMismatches, expectClose } from '../tolerances.ts';

const here = new URL('../fixtures/io/', import.meta.url);
const ref = JSON.parse(readFileSync(new URL('dorn2007.json', here), 'utf8'));
const csv = new URL('dorn2007.csv', here).pathname;
const csvMissing = new URL('dorn2007-missing.csv', here).pathname;
const columns = { ai: 'x.a', n1i: 'n.a', ci: 'x.p', n2i: 'n.p' } as const;
const { closed, iterative } = TOLERANCES;

describe('dat.dorn2007 as CSV: readTable → effectSizes → models, against metafor', () => {
  const rows = readTable(csv);
  const es = effectSizes('OR', rows, { columns, label: 'study' });

  it('reads the table: types, missing values and line numbers', () => {
    expect(rows).toHaveLength(19);
    expect(rows.columns.find((c) => c.name === 'visits')).toEqual({ name: 'visits', type: 'number', missing: 7 });
    expect(rows.columns.find((c) => c.name === 'ibs.crit')!.type).toBe('text');
    expect(rows[5]!.visits).toBeNull();
    expect(rows.lines[0]).toBe(2);
  });

  it('escalc OR', () => {
    expect(arrayMismatches(es.yi, ref.escalc.yi, closed, 'yi')).toEqual([]);
    expect(arrayMismatches(es.vi, ref.escalc.vi, closed, 'vi')).toEqual([]);
  });

  it('rma REML (z and knha) and DL, and the odds ratio back-transformed', () => {
    for (const [name, test, method] of [['reml', 'z', 'REML'], ['knha', 'knha', 'REML'], ['dl', 'z', 'DL']] as const) {
      const fit = metaAnalysis(es, { method, test });
      const want = ref[name];
      const tol = method === 'DL' ? closed : iterative;
      expectClose(fit.estimate, want.b, tol, `${name} b`);
      expectClose(fit.se, want.se, tol, `${name} se`);
      expectClose(fit.tau2, want.tau2, tol, `${name} tau2`);
      expectClose(fit.ci.lower, want['ci.lb'], tol, `${name} ci.lb`);
      expectClose(fit.ci.upper, want['ci.ub'], tol, `${name} ci.ub`);
      expectClose(fit.i2, want.I2, tol, `${name} I2`);
      expectClose(fit.q, want.QE, closed, `${name} QE`);
      expectClose(fit.predictionInterval.lower, want['pi.lb'], tol, `${name} pi.lb`);
    }
    const fit = metaAnalysis(es);
    const exp = backTransform('OR').apply;
    expectClose(exp(fit.estimate), ref.or.pred, iterative, 'OR');
    expectClose(exp(fit.ci.lower!), ref.or['ci.lb'], iterative, 'OR ci.lb');
    expectClose(exp(fit.ci.upper!), ref.or['ci.ub'], iterative, 'OR ci.ub');
    expectClose(exp(fit.predictionInterval.upper!), ref.or['pi.ub'], iterative, 'OR pi.ub');
  });

  it('subgroups by a text column', () => {
    const r = subgroupAnalysis(es, column(rows, 'ibs.crit'));
    const want = ref.subgroups;
    expect(r.groups.map((g) => g.level)).toEqual(want.levels);
    expect(r.groups.map((g) => g.k)).toEqual(want.k);
    expect(arrayMismatches(r.groups.map((g) => g.estimate), want.b, iterative, 'b')).toEqual([]);
    expectClose(r.between.q, want.Q, iterative, 'Q between');
    expect(r.between.df).toBe(want.df);
    expectClose(r.between.pValue, want.pval, iterative, 'p between');
  });

  it('a numeric moderator with missing values: rows omitted as R na.omit, named in warnings', () => {
    const r = metaRegression(es, { moderators: { visits: column(rows, 'visits'), year: column(rows, 'year') } });
    const want = ref.regressionVisits;
    expect(r.k).toBe(want.k);
    expect(arrayMismatches(r.coefficients.map((c) => c.estimate), want.b, iterative, 'b')).toEqual([]);
    expect(arrayMismatches(r.coefficients.map((c) => c.se), want.se, iterative, 'se')).toEqual([]);
    expectClose(r.tau2, want.tau2, iterative, 'tau2');
    expect(r.warnings).toContain('Row 6 (Dew) omitted: moderator "visits" missing.');
    expect(r.warnings.filter((w) => w.includes('omitted'))).toHaveLength(7);
  });

  it('a categorical moderator is dummy-coded as R model.matrix', () => {
    const r = metaRegression(es, { moderators: { 'ibs.crit': column(rows, 'ibs.crit') } });
    const want = ref.regressionCrit;
    expect(r.coefficients.map((c) => c.name)).toEqual(['intercept', ...want.names.slice(1)]);
    expect(arrayMismatches(r.coefficients.map((c) => c.estimate), want.b, iterative, 'b')).toEqual([]);
    expectClose(r.qm, want.QM, iterative, 'QM');
  });
});

describe('dat.dorn2007 with NA labels: a missing label omits the row, never forms a category', () => {
  const rows = readTable(csvMissing);
  const es = effectSizes('OR', rows, { columns, label: 'study' });

  it('subgroupAnalysis drops the NA study as R does', () => {
    const r = subgroupAnalysis(es, column(rows, 'ibs.crit'));
    const want = ref.subgroupsMissing;
    expect(r.groups.map((g) => g.level)).toEqual(want.levels);
    expect(r.groups.map((g) => g.k)).toEqual(want.k);
    expectClose(r.between.q, want.Q, iterative, 'Q between');
    expect(r.between.df).toBe(3);
    expect(r.warnings).toContain('Row 3 (Brinkhaus) omitted: subgroup label missing.');
  });

  it('metaRegression omits the row with the NA category', () => {
    const r = metaRegression(es, { moderators: { 'ibs.crit': column(rows, 'ibs.crit') } });
    const want = ref.regressionCritMissing;
    expect(r.k).toBe(want.k);
    expect(arrayMismatches(r.coefficients.map((c) => c.estimate), want.b, iterative, 'b')).toEqual([]);
    expect(r.warnings).toContain('Row 3 (Brinkhaus) omitted: moderator "ibs.crit" missing.');
  });

  it('multilevel omits the row whose cluster (country) is NA', () => {
    const r = multilevel(es, { outer: column(rows, 'country'), inner: column(rows, 'id') });
    const want = ref.multilevelMissing;
    expect(r.k).toBe(want.k);
    expectClose(r.estimate, want.b, 1e-6, 'b');
    expectClose(r.sigma2[0], want.sigma2[0], 1e-5, 'sigma2 outer');
    expectClose(r.sigma2[1], want.sigma2[1], 1e-5, 'sigma2 inner');
    expectClose(r.logLik, want.logLik, 1e-8, 'logLik');
    expect(r.warnings).toContain('Row 5 (Davis) omitted: outer label missing.');
  });
});
