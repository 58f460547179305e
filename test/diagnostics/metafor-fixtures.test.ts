// Reproduces metafor 5.1-12's leave1out(), cumul() and influence() for the REML fit of every
// fixture with a `diagnostics` block (test/fixtures/metafor*/ , written by generate.R:
// r <- rma(yi, vi, method = "REML", control = list(threshold = 1e-12, ...));
// leave1out(r); cumul(r); influence(r)$inf).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cumulative, influence, leaveOneOut, metaAnalysis } from '../../src/index.ts';
import { TOLERANCES } from '../tolerances.ts';
import { columnMismatches, toNumbers, type Column } from './compare.ts';

interface DiagnosticsFixture {
  readonly effectSizes: { measure: string; yi: (number | null)[]; vi: (number | null)[] }[];
  readonly diagnostics: {
    readonly measure: string;
    readonly method: string;
    readonly leave1out: Record<string, Column>;
    readonly cumul: Record<string, Column>;
    readonly influence: Record<string, Column>;
  };
}

const FIXTURES = [
  'metafor/bcg.json', 'metafor/normand1999.json', 'metafor/mcdaniel1994.json', 'metafor/hackshaw1998.json',
  'metafor/pritz1997.json', 'metafor/raudenbush1985.json',
  'metafor-extra/hine1989.json', 'metafor-extra/molloy2014.json', 'metafor-extra/li2007.json',
  'metafor-extra/bangertdrowns2004.json', 'metafor-extra/synthetic-k60.json',
];

const tol = TOLERANCES.iterative;
/** I² is in percent: an absolute floor of tol percentage points (see test/tolerances.ts). */
const i2Floor = tol;

describe.each(FIXTURES)('%s', (path) => {
  const fx = JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as DiagnosticsFixture;
  const d = fx.diagnostics;
  const es = fx.effectSizes.find((e) => e.measure === d.measure);
  if (es === undefined) throw new Error(`${path}: no effectSizes entry for ${d.measure}`);
  const fit = metaAnalysis({ yi: toNumbers(es.yi), vi: toNumbers(es.vi) }, { method: 'REML' });

  it('has the fixture\'s method and one row per study used', () => {
    expect(d.method).toBe('REML');
    expect(d.leave1out.estimate).toHaveLength(fit.k);
  });

  it('leaveOneOut matches leave1out()', () => {
    const rows = leaveOneOut(fit);
    const l = d.leave1out;
    const problems = [
      ...columnMismatches(rows, (r) => r.estimate, l.estimate, tol, 'estimate'),
      ...columnMismatches(rows, (r) => r.se, l.se, tol, 'se'),
      ...columnMismatches(rows, (r) => r.pValue, l.pval, tol, 'pValue'),
      ...columnMismatches(rows, (r) => r.ci.lower, l['ci.lb'], tol, 'ci.lower'),
      ...columnMismatches(rows, (r) => r.ci.upper, l['ci.ub'], tol, 'ci.upper'),
      ...columnMismatches(rows, (r) => r.q, l.Q, tol, 'q'),
      ...columnMismatches(rows, (r) => r.tau2, l.tau2, tol, 'tau2'),
      ...columnMismatches(rows, (r) => r.i2, l.I2, tol, 'i2', i2Floor),
    ];
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.label)).toEqual(fit.labels);
    expect(rows.every((r) => r.k === fit.k - 1)).toBe(true);
  });

  it('cumulative matches cumul()', () => {
    const rows = cumulative(fit);
    const c = d.cumul;
    const problems = [
      ...columnMismatches(rows, (r) => r.estimate, c.estimate, tol, 'estimate'),
      ...columnMismatches(rows, (r) => r.se, c.se, tol, 'se'),
      ...columnMismatches(rows, (r) => r.ci.lower, c['ci.lb'], tol, 'ci.lower'),
      ...columnMismatches(rows, (r) => r.ci.upper, c['ci.ub'], tol, 'ci.upper'),
      ...columnMismatches(rows, (r) => r.tau2, c.tau2, tol, 'tau2'),
      ...columnMismatches(rows, (r) => r.i2, c.I2, tol, 'i2', i2Floor),
    ];
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.k)).toEqual(Array.from({ length: fit.k }, (_, i) => i + 1));
  });

  it('influence matches influence()$inf', () => {
    const rows = influence(fit);
    const f = d.influence;
    const problems = [
      ...columnMismatches(rows, (r) => r.rstudent, f.rstudent, tol, 'rstudent'),
      ...columnMismatches(rows, (r) => r.dffits, f.dffits, tol, 'dffits'),
      ...columnMismatches(rows, (r) => r.cookD, f['cook.d'], tol, 'cookD'),
      ...columnMismatches(rows, (r) => r.covRatio, f['cov.r'], tol, 'covRatio'),
      ...columnMismatches(rows, (r) => r.tau2Deleted, f['tau2.del'], tol, 'tau2Deleted'),
      ...columnMismatches(rows, (r) => r.qDeleted, f['QE.del'], tol, 'qDeleted'),
      ...columnMismatches(rows, (r) => r.hat, f.hat, tol, 'hat'),
      ...columnMismatches(rows, (r) => r.weight, f.weight, tol, 'weight'),
    ];
    expect(problems).toEqual([]);
  });
});
