// leaveOneOutTables / cumulativeTables (metafor leave1out and cumul for rma.mh and rma.peto) and
// cumulative(..., { collapse: true }) (metafor cumul(collapse = TRUE)) against metafor 5.1-12:
// test/fixtures/metafor-subsets/generate.R (BCG, and dat.egger2001, new to the project).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cumulative, cumulativeTables, formatResult, leaveOneOutTables, metaAnalysis, resultKind, type SubsetFit } from '../../src/index.ts';
import { mismatch, TOLERANCES } from '../tolerances.ts';

type Arr = number | number[] | null;
interface Table { label: string | string[]; k?: Arr; estimate: Arr; se: Arr; zval: Arr; pval: Arr; ci_lb: Arr; ci_ub: Arr; Q: Arr; Qp: Arr; I2: Arr; H2: Arr; tau2?: Arr }
interface Fixture { name: string; rows: Record<string, unknown>[]; spec: { method: string; measure?: 'OR' | 'RR' | 'RD' }; out: Record<string, Table> }

const dir = join(import.meta.dirname, '../fixtures/metafor-subsets');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
const list = <T,>(x: T | T[] | null | undefined): (T | null)[] => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]);

function compare(got: readonly SubsetFit[], want: Table, tol: number): string[] {
  // metafor 5 prefixes leave-one-out labels with '-'; ours name the study left out
  // and makes repeated study labels unique with '.1', '.2' suffixes (dat.egger2001 has two 'Shechter')
  const labels = list(want.label).map((l) => String(l).replace(/^-/, '').replace(/\.\d+$/, ''));
  expect(got.map((r) => r.label)).toEqual(labels);
  const at = (x: Arr, j: number) => list(x)[j] ?? null;
  return got.flatMap((r, j) => [
    want.k === undefined || want.k === null ? null : mismatch(r.k, at(want.k, j), 0, `k[${j}]`),
    mismatch(r.estimate, at(want.estimate, j), tol, `estimate[${j}]`), mismatch(r.se, at(want.se, j), tol, `se[${j}]`),
    mismatch(r.statistic, at(want.zval, j), tol, `zval[${j}]`), mismatch(r.pValue, at(want.pval, j), tol, `pval[${j}]`),
    mismatch(r.ci.lower, at(want.ci_lb, j), tol, `ci.lb[${j}]`), mismatch(r.ci.upper, at(want.ci_ub, j), tol, `ci.ub[${j}]`),
    mismatch(r.q, at(want.Q, j), tol, `Q[${j}]`), mismatch(r.qPValue, at(want.Qp, j), tol, `Qp[${j}]`, 1e-12),
    mismatch(r.i2, at(want.I2, j), tol, `I2[${j}]`, 1e-8), mismatch(r.h2, at(want.H2, j), tol, `H2[${j}]`),
    // rma.mh / rma.peto have no τ² (NA in metafor): the rows carry 0, the equal-effects value
    want.tau2 === undefined ? null : list(want.tau2).every((t) => t === null) ? (r.tau2 === 0 || r.tau2 === null ? null : `tau2[${j}] not 0`) : mismatch(r.tau2, at(want.tau2, j), TOLERANCES.iterative, `tau2[${j}]`, 1e-12),
  ].filter((m): m is string => m !== null));
}

describe('leave-one-out and cumulative analyses of Mantel–Haenszel and Peto fits reproduce metafor 5.1', () => {
  for (const fx of fixtures.filter((f) => f.spec.method === 'MH' || f.spec.method === 'PETO')) {
    const options = { method: fx.spec.method as 'MH' | 'PETO', label: 'study', ...(fx.spec.measure ? { measure: fx.spec.measure } : {}) };
    const order = fx.rows.map((r) => r.year as number);
    it(`${fx.name}: leave1out`, () => {
      const loo = leaveOneOutTables(fx.rows, options);
      expect(compare(loo, fx.out.loo!, TOLERANCES.closed)).toEqual([]);
      expect(resultKind(loo)).toBe('leaveOneOut');
      expect(formatResult(JSON.parse(JSON.stringify(loo)))).toBe(formatResult(loo));
    });
    it(`${fx.name}: cumul(order = year) and collapse = TRUE`, () => {
      expect(compare(cumulativeTables(fx.rows, { ...options, order }), fx.out.cumul!, TOLERANCES.closed)).toEqual([]);
      const collapsed = cumulativeTables(fx.rows, { ...options, order, collapse: true });
      expect(compare(collapsed, fx.out.collapse!, TOLERANCES.closed)).toEqual([]);
      expect(resultKind(collapsed)).toBe('cumulative');
    });
  }
});

describe('cumulative(fit, order, { collapse: true }) reproduces metafor cumul(collapse = TRUE) for rma.uni', () => {
  for (const fx of fixtures.filter((f) => f.spec.method === 'REML' || f.spec.method === 'DL')) {
    it(fx.name, () => {
      const fit = metaAnalysis({ yi: fx.rows.map((r) => r.yi as number), vi: fx.rows.map((r) => r.vi as number) }, { method: fx.spec.method as 'REML' });
      const rows = cumulative(fit, fx.rows.map((r) => r.year as number), { collapse: true });
      const tol = fx.spec.method === 'DL' ? TOLERANCES.closed : TOLERANCES.iterative;
      expect(compare(rows, fx.out.collapse!, tol)).toEqual([]);
      expect(resultKind(rows)).toBe('cumulative');
      expect(formatResult(rows)).toContain(rows.at(-1)!.label);
    });
  }
});
