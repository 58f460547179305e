// influenceRegression (metafor influence.rma.uni with moderators) against metafor 5.1-12:
// test/fixtures/metafor-influence-regression (BCG, Raudenbush 1985, and dat.egger2001, new).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baujat, formatResult, influenceRegression, metaRegression, resultKind } from '../../src/index.ts';
import type { Tau2Method, TestType } from '../../src/types.ts';
import { mismatch } from '../tolerances.ts';

interface Fixture {
  name: string; method: Tau2Method; test: TestType; yi: number[]; vi: number[]; moderators: Record<string, number[]>;
  rstudent: number[]; dffits: number[]; cookD: number[]; covRatio: number[]; tau2Deleted: number[]; qDeleted: number[];
  hat: number[]; weight: number[]; inf: boolean[]; dfbs: Record<string, number[]>; baujat_x: number[]; baujat_y: number[];
}
const dir = join(import.meta.dirname, '../fixtures/metafor-influence-regression');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

describe('influenceRegression reproduces metafor 5.1 influence() for rma.uni with moderators', () => {
  for (const fx of fixtures) {
    it(fx.name, () => {
      const fit = metaRegression({ yi: fx.yi, vi: fx.vi }, { moderators: fx.moderators, method: fx.method, test: fx.test });
      const rows = influenceRegression(fit);
      // designs with raw years are ill-conditioned (cond(XᵀWX) ~ 1e8): both sides lose ~8 digits there
      const tol = 1e-7;
      const names = Object.keys(fx.dfbs).filter((n) => n !== 'slab' && n !== 'digits');
      const problems = rows.flatMap((r, i) => [
        mismatch(r.rstudent, fx.rstudent[i], tol, `rstudent[${i}]`), mismatch(r.dffits, fx.dffits[i], tol, `dffits[${i}]`),
        mismatch(r.cookD, fx.cookD[i], tol, `cookD[${i}]`), mismatch(r.covRatio, fx.covRatio[i], tol, `covRatio[${i}]`),
        mismatch(r.tau2Deleted, fx.tau2Deleted[i], tol, `tau2.del[${i}]`, 1e-10), mismatch(r.qDeleted, fx.qDeleted[i], tol, `QE.del[${i}]`),
        mismatch(r.hat, fx.hat[i], tol, `hat[${i}]`), mismatch(r.weight, fx.weight[i], tol, `weight[${i}]`),
        ...names.map((n, a) => mismatch(Object.values(r.dfbetas)[a], fx.dfbs[n]![i], tol, `dfbs.${n}[${i}]`)),
        r.isInfluential === fx.inf[i] ? null : `inf[${i}]: got ${r.isInfluential}`,
      ]).filter(Boolean);
      expect(problems).toEqual([]);
      expect(resultKind(rows)).toBe('influenceRegression');
      expect(formatResult(JSON.parse(JSON.stringify(rows)))).toBe(formatResult(rows));
    });
  }
  for (const fx of fixtures) {
    it(`${fx.name}: baujat(fit) of the regression reproduces metafor baujat.rma`, () => {
      const fit = metaRegression({ yi: fx.yi, vi: fx.vi }, { moderators: fx.moderators, method: fx.method, test: fx.test });
      const points = baujat(fit);
      const problems = points.flatMap((pt, i) => [mismatch(pt.x, fx.baujat_x[i], 1e-7, `x[${i}]`), mismatch(pt.y, fx.baujat_y[i], 1e-7, `y[${i}]`)]).filter(Boolean);
      expect(problems).toEqual([]);
    });
  }
  it('hat values sum to p', () => {
    const fx = fixtures[0]!;
    const fit = metaRegression({ yi: fx.yi, vi: fx.vi }, { moderators: fx.moderators });
    expect(influenceRegression(fit).reduce((s, r) => s + r.hat, 0)).toBeCloseTo(fit.p, 9);
  });
});
