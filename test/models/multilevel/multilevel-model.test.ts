// multilevel() with moderators and L nested levels against metafor 5.1-12 rma.mv
// (test/fixtures/metafor-multilevel-model/generate.R): coefficients, σ², Q_E, Q_M, logLik, PI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult, multilevel, resultKind } from '../../../src/index.ts';
import { mismatch, TOLERANCES } from '../../tolerances.ts';

type Num = number | null;
interface Case {
  name: string; method: 'REML' | 'ML'; test: 'z' | 't'; rel_tol: number; yi: number[]; vi: number[];
  moderators: Record<string, number[]> | never[]; levels: string[][]; sigma2: number[]; nlvls: number[];
  beta: number | number[]; se: number | number[]; zval: number | number[]; pval: number | number[];
  ci_lb: number | number[]; ci_ub: number | number[]; QE: number; QEp: number; QM: number; QMdf: number[]; QMp: number;
  logLik: number; pi_lb: Num; pi_ub: Num;
}
const dir = join(import.meta.dirname, '../../fixtures/metafor-multilevel-model');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Case);
const at = (x: number | number[], j: number) => (Array.isArray(x) ? x[j]! : x);
// metafor's nlminb stops at rel.tol 1e-12 … 1e-10 of the objective, up to ~1e-10 below our maximum
// (asserted below: our logLik is never lower), so σ² and what follows agree to a few 1e-6
const TOL = 1e-5;

describe('multilevel() with moderators / nested levels reproduces metafor 5.1 rma.mv', () => {
  for (const c of cases) {
    it(`${c.name} (${c.method}, ${c.test})`, () => {
      const hasMods = !Array.isArray(c.moderators);
      const fit = multilevel({ yi: c.yi, vi: c.vi }, {
        levels: c.levels, method: c.method, test: c.test, ...(hasMods ? { moderators: c.moderators as Record<string, number[]> } : {}),
      });
      expect(fit.nGroups).toEqual(c.nlvls);
      // the global maximum: never below metafor's
      expect(fit.logLik).toBeGreaterThanOrEqual(c.logLik - 1e-9 * Math.abs(c.logLik));
      const scale = Math.max(...c.sigma2);
      const problems = [
        ...fit.sigma2.map((s, l) => mismatch(s, c.sigma2[l]!, 1e-5, `sigma2[${l}]`, 1e-7 * scale)),
        mismatch(fit.logLik, c.logLik, 1e-9, 'logLik'),
        ...fit.coefficients.flatMap((coef, j) => [
          mismatch(coef.estimate, at(c.beta, j), TOL, `beta[${j}]`, 1e-8),
          mismatch(coef.se, at(c.se, j), TOL, `se[${j}]`),
          mismatch(coef.statistic, at(c.zval, j), TOL, `zval[${j}]`, 1e-7),
          mismatch(coef.pValue, at(c.pval, j), TOL, `pval[${j}]`),
          mismatch(coef.ci.lower, at(c.ci_lb, j), TOL, `ci.lb[${j}]`, 1e-8),
          mismatch(coef.ci.upper, at(c.ci_ub, j), TOL, `ci.ub[${j}]`, 1e-8),
        ]),
        mismatch(fit.qe, c.QE, TOLERANCES.closed, 'QE'),
        mismatch(fit.qePValue, c.QEp, TOLERANCES.closed, 'QEp', 1e-300),
      ];
      if (hasMods) {
        problems.push(mismatch(fit.qm, c.QM, TOL, 'QM'), mismatch(fit.qmPValue, c.QMp, TOL, 'QMp'));
        expect(fit.qmDf).toBe(c.QMdf[0]);
      } else {
        problems.push(mismatch(fit.predictionInterval?.lower, c.pi_lb, TOL, 'pi.lb'), mismatch(fit.predictionInterval?.upper, c.pi_ub, TOL, 'pi.ub'));
      }
      expect(problems.filter(Boolean)).toEqual([]);
      expect(resultKind(fit)).toBe('multilevelModel');
      expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
      expect(formatResult(fit)).toContain('Variance Components');
    });
  }
});
