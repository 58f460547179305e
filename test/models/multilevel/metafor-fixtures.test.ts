// multilevel() and robust() against R metafor 3.8-1 rma.mv(yi, vi, random = ~ 1 | outer/inner)
// and robust() (CR1) / robust(clubSandwich = TRUE) (clubSandwich 0.5.8 CR2, Satterthwaite df).
// Fixtures: test/fixtures/metafor-multilevel/*.json from generate.R in that folder:
//   konstantopoulos2011 (schools in districts; REML z, REML t at level 0.90, ML z),
//   assink2016 (effect sizes in studies; REML z, ML t), inner-zero / outer-zero (synthetic,
//   one REML/ML variance component at its boundary 0), shared-inner (synthetic, several rows per
//   inner level, inner labels reused across outer clusters, robust by a coarser `region` (CR1,
//   CR2) and by a crossing `sample` (CR1)).
// Every reference is metafor's output at the exact (RE)ML optimum: generate.R polishes nlminb's
// solution with dense-matrix Fisher scoring and refits with sigma2 fixed there (see its header).
// Tolerances (test/tolerances.ts): iterative tier 1e-8 for everything that depends on the fitted
// variance components, closed tier 1e-10 for Cochran's Q.
import { describe, expect, it } from 'vitest';
import { multilevel, robust, type MultilevelResult, type RobustResult } from '../../../src/index.ts';
import { TOLERANCES, arrayMismatches, mismatch } from '../../tolerances.ts';
import { MULTILEVEL_FIXTURES, fixtureInput, loadMultilevelFixture, type FitRef, type RobustRef } from './fixtures.ts';

const IT = TOLERANCES.iterative;

function fitProblems(r: MultilevelResult, ref: FitRef): string[] {
  const out = [
    mismatch(r.k, ref.k, 0, 'k'),
    mismatch(r.estimate, ref.b, IT, 'estimate'),
    mismatch(r.se, ref.se, IT, 'se'),
    mismatch(r.statistic, ref.statistic, IT, 'statistic'),
    mismatch(r.pValue, ref.pval, IT, 'pValue'),
    mismatch(r.ci.lower, ref['ci.lb'], IT, 'ci.lower'),
    mismatch(r.ci.upper, ref['ci.ub'], IT, 'ci.upper'),
    mismatch(r.q, ref.QE, TOLERANCES.closed, 'q'),
    mismatch(r.qDf, ref.QEdf, 0, 'qDf'),
    mismatch(r.qPValue, ref.QEp, TOLERANCES.closed, 'qPValue'),
    mismatch(r.logLik, ref.logLik, IT, 'logLik'),
    mismatch(r.nOuter, ref['s.nlevels'][0], 0, 'nOuter'),
    mismatch(r.nInner, ref['s.nlevels'][1], 0, 'nInner'),
    mismatch(r.df, ref.df ?? null, 0, 'df'),
  ];
  return [
    ...out.filter((m): m is string => m !== null),
    ...arrayMismatches(r.sigma2, ref.sigma2, IT, 'sigma2'),
    ...arrayMismatches(r.weights, ref.weightsRowsum, IT, 'weights'),
  ];
}

function robustProblems(r: RobustResult, ref: RobustRef, label: string): string[] {
  return [
    mismatch(r.se, ref.se, IT, `${label} se`),
    mismatch(r.statistic, ref.statistic, IT, `${label} statistic`),
    mismatch(r.df, ref.df, IT, `${label} df`),
    mismatch(r.pValue, ref.pval, IT, `${label} pValue`),
    mismatch(r.ci.lower, ref['ci.lb'], IT, `${label} ci.lower`),
    mismatch(r.ci.upper, ref['ci.ub'], IT, `${label} ci.upper`),
  ].filter((m): m is string => m !== null);
}

for (const name of MULTILEVEL_FIXTURES) {
  const fx = loadMultilevelFixture(name);
  const { input, outer, inner } = fixtureInput(fx);
  describe(`${name}: ${fx.description}`, () => {
    for (const ref of fx.fits) {
      const label = `${ref.method}, test ${ref.test}, level ${ref.level}`;
      const fit = () => multilevel(input, { outer, inner, method: ref.method, test: ref.test, level: ref.level });

      it(`${label}: estimate, se, test, CI, σ², Q, logLik and weights match rma.mv`, () => {
        const r = fit();
        expect(fitProblems(r, ref)).toEqual([]);
        expect(r.converged).toBe(true);
        expect(r.warnings).toEqual([]);
      });

      it(`${label}: CR1 and CR2 by outer cluster match robust()`, () => {
        const r = fit();
        expect([
          ...robustProblems(robust(r, { cluster: outer, adjust: 'CR1' }), ref.robust.CR1, 'CR1'),
          ...robustProblems(robust(r, { cluster: outer, adjust: 'CR2' }), ref.robust.CR2, 'CR2'),
        ]).toEqual([]);
      });

      for (const by of ref.robustBy ?? []) {
        it(`${label}: robust by ${by.cluster} matches robust()`, () => {
          const r = fit();
          const cluster = fx.rows.map((row) => String(row[by.cluster]));
          const problems = robustProblems(robust(r, { cluster, adjust: 'CR1' }), by.CR1, `${by.cluster} CR1`);
          if (by.CR2) problems.push(...robustProblems(robust(r, { cluster, adjust: 'CR2' }), by.CR2, `${by.cluster} CR2`));
          expect(problems).toEqual([]);
        });
      }

      it(`${label}: at least as high a likelihood as metafor's own optimizer, σ² within its precision`, () => {
        const r = fit();
        // metafor's unpolished nlminb solution (rel.tol recorded in the fixture) is a feasible
        // point, so the maximum cannot lie below it.
        expect(r.logLik).toBeGreaterThanOrEqual(ref.metaforFree.logLik - 1e-12);
        // nlminb on log σ² stops within ~1e-6 of the optimum; a boundary 0 comes out as ≤ 1e-8.
        ref.metaforFree.sigma2.forEach((s, m) => {
          if (ref.sigma2[m] === 0) {
            expect(r.sigma2[m]).toBe(0);
            expect(s).toBeLessThan(1e-8);
          } else {
            expect(mismatch(r.sigma2[m], s, 1e-5, `sigma2[${m}] vs metafor nlminb`)).toBeNull();
          }
        });
      });
    }
  });
}
