// predict, blup, anova and fitStatistics against published values, to the 4 decimals printed,
// as metafor's own tests reproduce them (wviechtb/metafor, tests/testthat):
// - Raudenbush & Bryk (1985), J Educ Stat 10:75, Figure 2: empirical Bayes estimates of the
//   teacher-expectancy effects (test_analysis_example_raudenbush1985.r);
// - Raudenbush (2009), The Handbook of Research Synthesis and Meta-Analysis, 2nd ed., ch. 16,
//   Table 16.2 and p. 302: prediction interval and range of the BLUPs (…_raudenbush2009.r);
// - Konstantopoulos (2011), Res Synth Methods 2:61, Table 5: the three-level model's prediction
//   interval, and its REML log-likelihood (…_konstantopoulos2011.r);
// - BCG vaccine trials (Viechtbauer, 2010, J Stat Softw 36(3)): the fit statistics, Wald tests
//   and likelihood-ratio tests of test_misc_fitstats.r and test_misc_anova.r.
import { describe, expect, it } from 'vitest';
import { anova, blup, fitStatistics, metaAnalysis, metaRegression, predict } from '../../src/index.ts';
import type { CoefficientTestResult, ContrastTestResult, LikelihoodRatioResult } from '../../src/index.ts';
import { fitMultilevel, loadFixture, studies } from '../models/predict/fixtures.ts';

/**
 * Printed to 4 decimals from fits that stopped at metafor's default convergence (|Δτ²| < 1e-5):
 * within half a unit of the last digit plus 0.1% (metafor's own tests allow 1%).
 */
function expect4(got: readonly (number | null)[], want: readonly number[], label: string): void {
  expect(got.length, label).toBe(want.length);
  got.forEach((g, i) => expect(Math.abs(g! - want[i]!), `${label}[${i}]: got ${g}, want ${want[i]}`).toBeLessThanOrEqual(5e-5 + 1e-3 * Math.abs(want[i]!)));
}

const bcg = loadFixture('bcg.json');
const bcgInput = studies(bcg);
const ra = loadFixture('raudenbush1985.json');
const raInput = studies(ra);

describe('Raudenbush & Bryk (1985) and Raudenbush (2009): teacher expectancy', () => {
  const re = metaAnalysis(raInput);
  it('Figure 2: empirical Bayes estimates and their 95% intervals', () => {
    const b = blup(re).blups;
    expect4(b.map((x) => x.estimate), [0.0543, 0.1006, -0.0064, 0.2144, 0.1051, -0.0082, 0.0174, -0.0293, 0.1604, 0.2485, 0.1618, 0.1102, 0.0646, 0.1105, -0.0288, 0.0258, 0.1905, 0.0744, 0.0248], 'pred');
    expect4(b.map((x) => x.pi.lower), [-0.1324, -0.1033, -0.2228, -0.0533, -0.1622, -0.1737, -0.1481, -0.2689, -0.0543, 0, -0.097, -0.1303, -0.192, -0.1463, -0.2405, -0.1906, -0.0076, -0.0808, -0.1954], 'pi.lb');
    expect4(b.map((x) => x.pi.upper), [0.2411, 0.3045, 0.21, 0.4821, 0.3724, 0.1572, 0.1828, 0.2102, 0.3751, 0.497, 0.4206, 0.3507, 0.3212, 0.3672, 0.1829, 0.2422, 0.3886, 0.2295, 0.245], 'pi.ub');
  });
  it('Table 16.2: prediction interval (-0.2036, 0.3711) and BLUPs from -0.0293 to 0.2485', () => {
    const p = predict(re).predictions[0]!;
    expect4([p.pi.lower, p.pi.upper], [-0.2036, 0.3711], 'PI');
    const est = blup(re).blups.map((x) => x.estimate!);
    expect4([Math.min(...est), Math.max(...est)], [-0.0293, 0.2485], 'range');
  });
  it('Table 16.2: mixed-effects model on weeks (capped at 3): BLUPs from -0.0646 to 0.4072, fitted values', () => {
    const weeks = ra.rows.map((r) => Math.min(3, r.weeks as number));
    const me = metaRegression(raInput, { moderators: { 'weeks.c': weeks } });
    const est = blup(me).blups.map((x) => x.estimate!);
    expect4([Math.min(...est), Math.max(...est)], [-0.0646, 0.4072], 'range');
    const fitted = predict(me).predictions;
    expect4(fitted.slice(0, 4).map((x) => x.estimate), [0.0927, -0.0645, -0.0645, 0.4072], 'pred');
    expect4(fitted.slice(0, 4).map((x) => x.ci.lower), [0.0198, -0.1552, -0.1552, 0.2366], 'ci.lb');
  });
});

describe('Konstantopoulos (2011): schools within districts', () => {
  const k11 = loadFixture('konstantopoulos2011.json');
  it('Table 5: three-level model (ML), prediction interval (-0.4262, 0.7951)', () => {
    const fit = fitMultilevel(k11, 'ML');
    const p = predict(fit).predictions[0]!;
    expect4([p.estimate, p.se], [0.1845, 0.0805], 'estimate, se');
    expect4([p.pi.lower, p.pi.upper], [-0.4262, 0.7951], 'PI');
  });
  it('three-level model (REML): log-likelihood -7.9587', () => {
    expect4([fitStatistics(fitMultilevel(k11, 'REML')).logLik], [-7.9587], 'logLik');
  });
});

describe('BCG vaccine trials: metafor test_misc_fitstats.r and test_misc_anova.r', () => {
  const rows = bcg.rows;
  const ml0 = metaAnalysis(bcgInput, { method: 'ML' });
  const ml1 = metaRegression(bcgInput, { moderators: ['ablat'], data: rows, method: 'ML' });
  it('fitstats: logLik, deviance, AIC, BIC, AICc of the ML random-effects and ablat models', () => {
    const s0 = fitStatistics(ml0);
    const s1 = fitStatistics(ml1);
    expect4([s0.logLik, s0.deviance, s0.aic, s0.bic, s0.aicc], [-12.6651, 37.116, 29.3302, 30.4601, 30.5302], 'random-effects');
    expect4([s1.logLik, s1.deviance, s1.aic, s1.bic, s1.aicc], [-7.6857, 27.1572, 21.3713, 23.0662, 24.038], 'ablat');
    expect([s0.parameters, s1.parameters]).toEqual([2, 3]);
  });
  it('likelihood-ratio tests: ML 9.9588, REML 8.2301 (with the REML warning)', () => {
    expect4([(anova(ml0, ml1) as LikelihoodRatioResult).lrt], [9.9588], 'ML');
    const reml = anova(metaAnalysis(bcgInput), metaRegression(bcgInput, { moderators: ['ablat'], data: rows })) as LikelihoodRatioResult;
    expect4([reml.lrt], [8.2301], 'REML');
    expect(reml.warnings[0]).toMatch(/^REML comparisons/);
  });
  const z = metaRegression(bcgInput, { moderators: ['ablat', 'alloc'], data: rows });
  const kh = metaRegression(bcgInput, { moderators: ['ablat', 'alloc'], data: rows, test: 'knha' });
  it('Wald tests of coefficients: alloc QM = 1.2850 (p 0.5260); knha F = 0.6007 (p 0.5690), ablat F = 8.2194 (p 0.0186)', () => {
    const a = anova(z, { coefficients: ['alloc'] }) as CoefficientTestResult;
    expect4([a.qm, a.pValue], [1.285, 0.526], 'z');
    const b = anova(kh, { coefficients: ['allocrandom', 'allocsystematic'] }) as CoefficientTestResult;
    expect4([b.qm, b.pValue], [0.6007, 0.569], 'knha');
    const c = anova(kh, { coefficients: ['ablat'] }) as CoefficientTestResult;
    expect4([c.qm, c.pValue], [8.2194, 0.0186], 'knha ablat');
    const full = metaRegression(bcgInput, { moderators: ['ablat', 'alloc', 'year'], data: rows, test: 'knha' });
    expect4(['ablat', 'alloc', 'year'].map((t) => (anova(full, { coefficients: [t] }) as CoefficientTestResult).qm), [3.0213, 0.6503, 0.141], 'by term');
  });
  it('Wald tests of linear combinations (X), with rhs, and under Knapp–Hartung', () => {
    const x = [[1, 10, 0, 0], [1, 30, 0, 0], [1, 50, 0, 0]];
    expect4((anova(z, { contrasts: x }) as ContrastTestResult).contrasts.map((c) => c.statistic), [0.0588, -1.7964, -3.121], 'zval');
    expect4((anova(z, { contrasts: x, rhs: -0.1 }) as ContrastTestResult).contrasts.map((c) => c.statistic), [0.3463, -1.4543, -2.8295], 'rhs');
    const t = anova(kh, { contrasts: [[1, 10, 0, 0], [1, 10, 1, 0], [1, 10, 0, 1]] }) as ContrastTestResult;
    expect4(t.contrasts.map((c) => c.statistic), [0.0568, -0.8252, 0.2517], 'tval');
    expect4([t.qm, t.qmPValue], [0.423, 0.7412], 'omnibus');
  });
  it('predict matches new moderators by variable, by coefficient name and by position (test_misc_predict.r)', () => {
    const byPosition = predict(z, { newmods: [30, 0, 1] });
    expect(predict(z, { newmods: { ablat: 30, allocrandom: 0, allocsystematic: 1 } })).toEqual(byPosition);
    expect(predict(z, { newmods: { allocsystematic: 1, ablat: 30, allocrandom: 0 } })).toEqual(byPosition);
    expect(predict(z, { newmods: { alloc: 'systematic', ablat: 30 } }).predictions[0]!.estimate).toBe(byPosition.predictions[0]!.estimate);
    const inter = metaRegression(bcgInput, { moderators: ['ablat*year'], data: rows });
    expect(predict(inter, { newmods: { ablat: 30, year: 1970 } }).predictions[0]!.estimate)
      .toBeCloseTo(predict(inter, { newmods: [30, 1970, 30 * 1970] }).predictions[0]!.estimate!, 12);
    expect(() => predict(z, { newmods: [30, 0] })).toThrow(/needs 3 values/);
    expect(() => predict(z, { newmods: { ablat: 30, alloc: 'sometimes' } })).toThrow(/one of its levels/);
  });
});
