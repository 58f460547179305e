// leaveOneOut, cumulative and influence against R metafor 5.1-12 beyond the fixtures: all tau²
// estimators, the t and Knapp–Hartung tests, level 0.9, k = 2, omitted rows, sort keys (ties,
// decreasing, a missing key, strings), a zero sampling variance; also dfbetas and the
// influential flag. Reference: r-reference/diagnostics.json, written by
// `Rscript r-reference/diagnostics.R > r-reference/diagnostics.json` (rma(yi, vi, method, test,
// level, slab, control = list(threshold = 1e-12, tol = 1e-12)); leave1out(r); cumul(r, order,
// decreasing); influence(r)).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cumulative, influence, leaveOneOut, metaAnalysis } from '../../src/index.ts';
import type { SubsetFit, Tau2Method, TestType } from '../../src/index.ts';
import { TOLERANCES, tierOf } from '../tolerances.ts';
import { columnMismatches, toNumbers, type Column } from './compare.ts';

interface ReferenceCase {
  readonly name: string;
  readonly yi: (number | null)[];
  readonly vi: (number | null)[];
  readonly labels: string[];
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly level: number;
  readonly decreasing: boolean;
  readonly order?: (number | string | null)[];
  readonly leave1out?: Record<string, Column> & { slab: string[] };
  readonly cumul?: Record<string, Column> & { slab: string[] };
  readonly influence?: Record<string, Column> & { slab: string[]; 'is.infl': boolean[] };
}

const reference = JSON.parse(
  readFileSync(new URL('./r-reference/diagnostics.json', import.meta.url), 'utf8'),
) as { cases: ReferenceCase[] };

/** R makes duplicate study labels unique by appending .1, .2, ...; the fit keeps them as given. */
const baseLabel = (slab: string) => slab.replace(/\.\d+$/, '');

function subsetMismatches(rows: readonly SubsetFit[], want: Record<string, Column>, tol: number): string[] {
  return [
    ...columnMismatches(rows, (r) => r.estimate, want.estimate, tol, 'estimate'),
    ...columnMismatches(rows, (r) => r.se, want.se, tol, 'se'),
    ...columnMismatches(rows, (r) => r.statistic, want.statistic, tol, 'statistic'),
    ...columnMismatches(rows, (r) => r.pValue, want.pval, tol, 'pValue'),
    ...columnMismatches(rows, (r) => r.ci.lower, want['ci.lb'], tol, 'ci.lower'),
    ...columnMismatches(rows, (r) => r.ci.upper, want['ci.ub'], tol, 'ci.upper'),
    ...columnMismatches(rows, (r) => r.q, want.Q, tol, 'q'),
    ...columnMismatches(rows, (r) => r.qPValue, want.Qp, tol, 'qPValue'),
    ...columnMismatches(rows, (r) => r.tau2, want.tau2, tol, 'tau2'),
    ...columnMismatches(rows, (r) => r.i2, want.I2, tol, 'i2', tol),
    ...columnMismatches(rows, (r) => r.h2, want.H2, tol, 'h2'),
  ];
}

describe.each(reference.cases)('$name', (c) => {
  const tol = TOLERANCES[tierOf(c.method)];
  const fit = metaAnalysis({ yi: toNumbers(c.yi), vi: toNumbers(c.vi), labels: c.labels }, { method: c.method, test: c.test, level: c.level });

  if (c.leave1out !== undefined) it('leaveOneOut matches leave1out()', () => {
    const rows = leaveOneOut(fit);
    expect(subsetMismatches(rows, c.leave1out!, tol)).toEqual([]);
    expect(rows.map((r) => r.label)).toEqual(c.leave1out!.slab.map(baseLabel));
  });

  if (c.cumul !== undefined) it('cumulative matches cumul()', () => {
    let rows = c.order === undefined ? cumulative(fit) : cumulative(fit, c.order as number[], { decreasing: c.decreasing });
    const missingKeys = (c.order ?? []).filter((x) => x === null).length;
    if (missingKeys > 0) {
      // Deliberate difference: metafor 5.x's cumul() drops studies whose sort key is NA
      // (order(na.last = NA)); cumulative() adds them last, as metafor 3.8-1 did, so that no
      // study disappears silently. The rows before them must agree.
      expect(rows).toHaveLength(c.cumul!.slab.length + missingKeys);
      rows = rows.slice(0, c.cumul!.slab.length);
    }
    expect(subsetMismatches(rows, c.cumul!, tol)).toEqual([]);
    expect(rows.map((r) => r.label)).toEqual(c.cumul!.slab.map(baseLabel));
  });

  if (c.influence !== undefined) it('influence matches influence()', () => {
    const rows = influence(fit);
    const f = c.influence!;
    const problems = [
      ...columnMismatches(rows, (r) => r.rstudent, f.rstudent, tol, 'rstudent'),
      ...columnMismatches(rows, (r) => r.dffits, f.dffits, tol, 'dffits'),
      ...columnMismatches(rows, (r) => r.cookD, f['cook.d'], tol, 'cookD'),
      ...columnMismatches(rows, (r) => r.covRatio, f['cov.r'], tol, 'covRatio'),
      ...columnMismatches(rows, (r) => r.tau2Deleted, f['tau2.del'], tol, 'tau2Deleted'),
      ...columnMismatches(rows, (r) => r.qDeleted, f['QE.del'], tol, 'qDeleted'),
      ...columnMismatches(rows, (r) => r.hat, f.hat, tol, 'hat'),
      ...columnMismatches(rows, (r) => r.weight, f.weight, tol, 'weight'),
      ...columnMismatches(rows, (r) => r.dfbetas, f.dfbs, tol, 'dfbetas'),
    ];
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.isInfluential)).toEqual(f['is.infl']);
    expect(rows.map((r) => r.label)).toEqual(f.slab.map(baseLabel));
  });
});

describe('rows where metafor reports NA', () => {
  const c = reference.cases.find((x) => x.name === 'zero variance REML')!;
  const fit = metaAnalysis({ yi: toNumbers(c.yi), vi: toNumbers(c.vi), labels: c.labels });
  it('a refit with a zero variance and tau² = 0 fails: nulls and the reason', () => {
    const rows = cumulative(fit);
    // R: cumul(r)$estimate[1:2] is NA (rma.uni stops: division by zero in the weights)
    expect(c.cumul!.estimate!.slice(0, 2)).toEqual([null, null]);
    for (const row of rows.slice(0, 2)) {
      expect(row.estimate).toBeNull();
      expect(row.error).toMatch(/weight 1\/\(vi \+ tau²\) is infinite/);
    }
    expect(rows[2]!.error).toBeUndefined();
  });
});
