// predict, blup, anova, fitStatistics and moderators (factors with a reference level,
// interactions, intercept: false) against R metafor 5.1-12 on BCG, Raudenbush (1985),
// Konstantopoulos (2011) and two data sets new to the project, Crede et al. (2010) and Lim et al.
// (2014) (test/fixtures/metafor-predict/generate.R). The fixtures were fitted with metafor's
// threshold at 1e-12; rma.mv's optimum holds to about 1e-7, hence the looser multilevel tier.
import { describe, expect, it } from 'vitest';
import { anova, blup, fitStatistics, formatResult, predict, resultKind } from '../../../src/index.ts';
import type { CoefficientTestResult, ContrastTestResult, LikelihoodRatioResult, MetaRegressionResult } from '../../../src/index.ts';
import { TOLERANCES, arrayMismatches, expectClose } from '../../tolerances.ts';
import {
  FIXTURE_FILES, arr, fitCase, fitMultilevel, loadFixture, pooledNames, studies, type RPrediction,
} from './fixtures.ts';
import { metaAnalysis, metaRegression } from '../../../src/index.ts';

const TOL = TOLERANCES.derived;
/** rma.mv maximises with nlminb; its σ² agree with the exact optimum to ~1e-7, which moves BLUPs near 0 relatively more. */
const MULTILEVEL_TOL = 1e-4;

function expectAll(got: readonly (number | null | undefined)[], want: unknown, tol: number, label: string): void {
  const problems = arrayMismatches(got, arr(want as number | number[]), tol, label);
  expect(problems, problems.join('\n')).toEqual([]);
}

function expectPredictions(
  got: readonly { estimate: number | null; se: number | null; ci?: { lower: number | null; upper: number | null }; pi: { lower: number | null; upper: number | null } }[],
  want: RPrediction, tol: number, label: string, withPi = true,
): void {
  expectAll(got.map((p) => p.estimate), want.pred, tol, `${label} pred`);
  if (want.se !== null && arr(want.se).some((s) => s !== null)) expectAll(got.map((p) => p.se), want.se, tol, `${label} se`);
  if (got[0]?.ci) {
    expectAll(got.map((p) => p.ci!.lower), want['ci.lb'], tol, `${label} ci.lb`);
    expectAll(got.map((p) => p.ci!.upper), want['ci.ub'], tol, `${label} ci.ub`);
  }
  if (withPi && want['pi.lb'] !== undefined && want['pi.lb'] !== null) {
    expectAll(got.map((p) => p.pi.lower), want['pi.lb'], tol, `${label} pi.lb`);
    expectAll(got.map((p) => p.pi.upper), want['pi.ub'], tol, `${label} pi.ub`);
  }
}

const STAT_KEYS = ['logLik', 'deviance', 'aic', 'bic', 'aicc'] as const;

for (const file of FIXTURE_FILES) {
  const f = loadFixture(file);
  describe(`${f.dataset}: rma() cases`, () => {
    for (const c of f.cases) {
      describe(c.name, () => {
        const fit = fitCase(f, c);
        it('names and estimates the coefficients as metafor (factors, interactions, intercept)', () => {
          if ('coefficients' in fit) {
            const reg = fit as MetaRegressionResult;
            expect(reg.coefficients.map((x) => x.name)).toEqual(pooledNames(c.names));
            expectAll(reg.coefficients.map((x) => x.estimate), c.beta, TOL, 'beta');
            expectAll(reg.coefficients.map((x) => x.se), c.se, TOL, 'se');
            expectClose(reg.qm, c.QM, TOL, 'QM');
            expect(reg.qmDf).toBe(c.QMdf[0]);
            expectClose(reg.qmPValue, c.QMp, TOL, 'QMp');
            expectClose(reg.qe, c.QE, TOL, 'QE');
            expectClose(reg.r2, c.R2, TOL, 'R2', 1e-6);
            expectClose(reg.tau2, c.tau2, TOL, 'tau2', 1e-12);
          } else {
            expectClose(fit.estimate, arr(c.beta)[0], TOL, 'estimate');
          }
        });
        it('fitStatistics: logLik, deviance, AIC, BIC, AICc under ML and REML, parameters', () => {
          const s = fitStatistics(fit);
          expect(s.parameters).toBe(c.fitStats.parms);
          expectAll(STAT_KEYS.map((key) => s.ml[key]), c.fitStats.ML, TOL, 'ML');
          expectAll(STAT_KEYS.map((key) => s.reml[key]), c.fitStats.REML, TOL, 'REML');
          const own = c.method === 'REML' ? c.fitStats.REML : c.fitStats.ML;
          expectClose(s.logLik, own[0], TOL, 'logLik (the fit’s likelihood)');
        });
        it('predict: fitted values, or the pooled estimate, with CI and PI; exp back-transform', () => {
          const p = predict(fit);
          const isEE = c.method === 'EE';
          if (c.fitted) expectPredictions(p.predictions, c.fitted, TOL, 'fitted', !isEE);
          if (c.predict) expectPredictions(p.predictions, c.predict, TOL, 'predict', !isEE);
          const e = predict(fit, { transform: 'exp' });
          expectPredictions(e.predictions, c.predictExp, TOL, 'exp', !isEE);
          expect(e.predictions.every((x) => x.se === null)).toBe(true);
        });
        it('blup: study-level predictions with SE and interval', () => {
          expectPredictions(blup(fit).blups, c.blup, TOL, 'blup');
        });
        if (c.newdata) {
          it('predict(newmods): new moderator values as table rows, by variable', () => {
            const p = predict(fit, { newmods: c.newdata! });
            expectPredictions(p.predictions, c.newPredict!, TOL, 'newmods', c.method !== 'EE');
            const p90 = predict(fit, { newmods: c.newdata!, level: 0.9 });
            expectPredictions(p90.predictions, c.newPredict90!, TOL, 'newmods 90%', c.method !== 'EE');
            // the same rows as metafor's design rows (p columns)
            const byX = predict(fit, { newmods: c.newX! });
            expectPredictions(byX.predictions, c.newPredict!, TOL, 'newmods as X', c.method !== 'EE');
          });
        }
        for (const a of c.anova) {
          it(`anova(coefficients: ${arr(a.coefficients).join(', ')})`, () => {
            const t = anova(fit, { coefficients: pooledNames(a.coefficients) }) as CoefficientTestResult;
            expectClose(t.qm, a.QM, TOL, 'QM');
            expect(t.qmDf).toBe(a.QMdf[0]);
            expectClose(t.pValue, a.QMp, TOL, 'QMp');
          });
        }
        if (c.contrasts) {
          const x = c.contrasts;
          it('anova(contrasts): linear combinations and their omnibus test', () => {
            const t = anova(fit, { contrasts: x.X, ...(x.rhs === null ? {} : { rhs: x.rhs }) }) as ContrastTestResult;
            expectAll(t.contrasts.map((r) => r.estimate), x.estimate, TOL, 'Xb');
            expectAll(t.contrasts.map((r) => r.se), x.se, TOL, 'se');
            expectAll(t.contrasts.map((r) => r.statistic), x.zval, TOL, 'zval');
            expectAll(t.contrasts.map((r) => r.pValue), x.pval, TOL, 'pval');
            expectClose(t.qm, x.QM, TOL, 'QM');
            expectClose(t.qmPValue, x.QMp, TOL, 'QMp');
          });
        }
      });
    }
  });

  if (f.lrt.length > 0) describe(`${f.dataset}: likelihood-ratio tests`, () => {
    for (const l of f.lrt) {
      it(l.name, () => {
        const method = l.method as 'ML';
        const fitOf = (terms: string[]) => (terms.length === 0
          ? metaAnalysis(studies(f), { method })
          : metaRegression(studies(f), { moderators: terms, data: f.rows, method }));
        const full = fitOf(arr(l.full));
        const reduced = fitOf(arr(l.reduced));
        for (const [a, b] of [[full, reduced], [reduced, full]] as const) {
          const t = anova(a, b) as LikelihoodRatioResult;
          expectClose(t.lrt, l.LRT, TOL, 'LRT');
          expectClose(t.pValue, l.pval, TOL, 'pval');
          expect([t.full.parameters, t.reduced.parameters]).toEqual([l['parms.f'], l['parms.r']]);
          expectClose(t.r2, l.R2, TOL, 'R2', 1e-6);
          expectAll(STAT_KEYS.map((key) => t.full[key]), l['fit.f'], TOL, 'full');
          expectAll(STAT_KEYS.map((key) => t.reduced[key]), l['fit.r'], TOL, 'reduced');
          expect(t.warnings.some((w) => w.startsWith('REML comparisons'))).toBe(l.method === 'REML');
        }
      });
    }
  });

  if (f.multilevel) {
    describe(`${f.dataset}: multilevel fits (rma.mv ~ 1 | outer/inner)`, () => {
      for (const m of f.multilevel!) {
        const fit = fitMultilevel(f, m.method as 'REML');
        it(`${m.method}: predict, fitStatistics`, () => {
          expectClose(fit.estimate, m.beta, MULTILEVEL_TOL, 'estimate');
          expectPredictions(predict(fit).predictions, m.predict, MULTILEVEL_TOL, 'predict');
          const s = fitStatistics(fit);
          expect(s.parameters).toBe(m.fitStats.parms);
          expectAll(STAT_KEYS.map((key) => s.ml[key]), m.fitStats.ML, MULTILEVEL_TOL, 'ML');
          expectAll(STAT_KEYS.map((key) => s.reml[key]), m.fitStats.REML, MULTILEVEL_TOL, 'REML');
          expectClose(s.logLik, fit.logLik, 1e-10, 'logLik of multilevel() itself');
        });
        it(`${m.method}: blup rows (X b + G V⁻¹ e, dense R) and ranef by cluster and level`, () => {
          const b = blup(fit);
          expectAll(b.blups.map((x) => x.estimate), m.blupRows.pred, MULTILEVEL_TOL, 'blup');
          expectAll(b.blups.map((x) => x.se), m.blupRows.se, MULTILEVEL_TOL, 'blup se');
          const outer = new Map(b.randomEffects!.outer.map((x) => [x.label, x]));
          const inner = new Map(b.randomEffects!.inner.map((x) => [x.label, x]));
          const order = (names: string[], map: Map<string, { estimate: number | null; se: number | null; pi: { lower: number | null; upper: number | null } }>) =>
            names.map((n) => map.get(n)!);
          expectPredictions(order(m.ranefOuterNames, outer), m.ranefOuter, MULTILEVEL_TOL, 'ranef outer');
          expectPredictions(order(m.ranefInnerNames, inner), m.ranefInner, MULTILEVEL_TOL, 'ranef inner');
        });
      }
      if (f.lrtThreeVsTwo) {
        it('LRT of the three-level model against the two-level model (metaAnalysis)', () => {
          const t = anova(fitMultilevel(f, 'REML'), metaAnalysis(studies(f))) as LikelihoodRatioResult;
          expectClose(t.lrt, f.lrtThreeVsTwo!.LRT, MULTILEVEL_TOL, 'LRT');
          expect([t.full.parameters, t.reduced.parameters]).toEqual([f.lrtThreeVsTwo!['parms.f'], f.lrtThreeVsTwo!['parms.r']]);
        });
      }
    });
  }
}

describe('every new result prints with formatResult and survives JSON', () => {
  const f = loadFixture('bcg.json');
  const c = f.cases.find((x) => x.name === 'ablat + alloc knha')!;
  const fit = fitCase(f, c);
  const ml = fitMultilevel(loadFixture('konstantopoulos2011.json'), 'REML');
  const results = {
    predict: predict(fit, { newmods: c.newdata! }),
    blup: blup(ml),
    coefficientTest: anova(fit, { coefficients: ['alloc'] }),
    contrastTest: anova(fit, { contrasts: [{ allocrandom: 1, allocsystematic: -1 }] }),
    likelihoodRatioTest: anova(metaRegression(studies(f), { moderators: ['ablat'], data: f.rows, method: 'ML' }), metaAnalysis(studies(f), { method: 'ML' })),
    fitStatistics: fitStatistics(fit),
  };
  for (const [kind, result] of Object.entries(results)) {
    it(kind, () => {
      const round = JSON.parse(JSON.stringify(result));
      expect(resultKind(result)).toBe(kind);
      expect(resultKind(round)).toBe(kind);
      expect(formatResult(round)).toBe(formatResult(result));
      expect(formatResult(result).length).toBeGreaterThan(20);
    });
  }
  it('predict, blup, anova and fitStatistics accept a fit after a JSON round trip', () => {
    const round = JSON.parse(JSON.stringify(fit));
    expect(predict(round, { newmods: c.newdata! })).toEqual(results.predict);
    expect(fitStatistics(round)).toEqual(results.fitStatistics);
    expect(blup(JSON.parse(JSON.stringify(ml)))).toEqual(results.blup);
  });
});
