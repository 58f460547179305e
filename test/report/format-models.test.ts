import { describe, expect, it } from 'vitest';
import {
  formatResult, mantelHaenszel, metaAnalysis, metaRegression, multilevel, peto, robust, subgroupAnalysis,
} from '../../src/index.ts';
import { cellsByName, fixture, fx, labels, px, tableAfter } from './helpers.ts';

const bcg = fixture('metafor/bcg.json');
const rr = bcg.effectSizes.find((e: any) => e.measure === 'RR');
const input = { yi: rr.yi, vi: rr.vi, labels: labels(13), measure: 'RR' as const };
const model = (method: string, test: string) => bcg.models.find((m: any) => m.measure === 'RR' && m.method === method && m.test === test);

describe('formatResult: metaAnalysis (print.rma.uni)', () => {
  const m = model('REML', 'z');
  const text = formatResult(metaAnalysis(input));

  it('has every section a metafor user expects', () => {
    for (const s of [
      'Random-Effects Model (k = 13; tau^2 estimator: REML)', 'Test for Heterogeneity:', 'Model Results:', '---',
      "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1",
    ]) expect(text.split('\n')).toContain(s);
  });

  it("prints metafor's numbers at the printed digits", () => {
    expect(text).toContain(`tau^2 (estimated amount of total heterogeneity): ${fx(m.tau2)} (SE = ${fx(m['se.tau2'])}) [${fx(m['tau2.lb'])}, ${fx(m['tau2.ub'])}]`);
    expect(text).toContain(`tau (square root of estimated tau^2 value):      ${fx(Math.sqrt(m.tau2))}`);
    expect(text).toContain(`I^2 (total heterogeneity / total variability):   ${fx(m.I2, 2)}%`);
    expect(text).toContain(`H^2 (total variability / sampling variability):  ${fx(m.H2, 2)}`);
    expect(text).toContain(`Q(df = 12) = ${fx(m.QE)}, p-val = ${px(m.QEp)}`);
    expect(text).toContain('p-val = 2.00e-26'); // as it is, not <.0001
    const row = cellsByName(tableAfter(text, 'Model Results:'), 0);
    expect(row).toEqual({
      estimate: fx(m.b), se: fx(m.se), zval: fx(m.statistic), pval: px(m.pval), 'ci.lb': fx(m['ci.lb']), 'ci.ub': fx(m['ci.ub']), stars: '***',
    });
    expect(text).toContain(`95% prediction interval: [${fx(m['pi.lb'])}, ${fx(m['pi.ub'])}]`);
  });

  it('back-transforms estimate, CI and PI to the risk ratio scale by default (not the SE), and says so', () => {
    const row = cellsByName(tableAfter(text, 'Model Results (Risk Ratio scale):'), 0);
    expect(row).toEqual({
      estimate: fx(Math.exp(m.b)), 'ci.lb': fx(Math.exp(m['ci.lb'])), 'ci.ub': fx(Math.exp(m['ci.ub'])),
      'pi.lb': fx(Math.exp(m['pi.lb'])), 'pi.ub': fx(Math.exp(m['pi.ub'])), stars: '',
    });
    expect(text).toContain('exponentiated to the risk ratio scale (the natural scale for RR); standard errors stay on the analysis scale');
    expect(text).not.toContain(fx(Math.exp(m.se)));
    const none = formatResult(metaAnalysis(input), { transform: 'none' });
    expect(none).not.toContain('Risk Ratio scale');
    expect(none).not.toContain('exponentiated');
  });

  it('prints the Knapp–Hartung t test with its df, and the equal-effects model', () => {
    const k = model('REML', 'knha');
    const row = cellsByName(tableAfter(formatResult(metaAnalysis(input, { test: 'knha' })), 'Model Results:'), 0);
    expect(row).toMatchObject({ estimate: fx(k.b), se: fx(k.se), tval: fx(k.statistic), df: '12', pval: px(k.pval), 'ci.lb': fx(k['ci.lb']) });
    const ee = model('EE', 'z');
    const eeText = formatResult(metaAnalysis(input, { method: 'EE' }));
    expect(eeText).toContain('Equal-Effects Model (k = 13)');
    expect(eeText).not.toContain('tau^2');
    expect(cellsByName(tableAfter(eeText, 'Model Results:'), 0)).toMatchObject({ estimate: fx(ee.b), se: fx(ee.se), pval: px(ee.pval) });
  });

  it('keeps the digits option (a bare number, as before) and checks it', () => {
    expect(formatResult(metaAnalysis(input), 2)).toContain(`Q(df = 12) = ${fx(m.QE, 2)}`);
    expect(() => formatResult(metaAnalysis(input), { digits: -1 })).toThrow(/digits/);
    expect(() => formatResult(metaAnalysis(input), { transform: 'log' as never })).toThrow(/transform/);
  });
});

describe('formatResult: metaRegression (print.rma.uni with moderators)', () => {
  const ablat = bcg.rows.map((r: any) => r.ablat);
  const regression = (method: string, test: string) =>
    bcg.metaRegression.find((x: any) => x.moderators === 'ablat' && x.method === method && x.test === test);

  it('prints the QE and QM tests and the coefficient table with metafor values', () => {
    const m = regression('REML', 'z');
    const text = formatResult(metaRegression(input, { moderators: { ablat } }));
    for (const s of ['Mixed-Effects Model (k = 13; tau^2 estimator: REML)', 'Test for Residual Heterogeneity:', 'Test of Moderators (coefficient 2):', 'Model Results:']) {
      expect(text.split('\n')).toContain(s);
    }
    expect(text).toContain(`tau^2 (estimated amount of residual heterogeneity):     ${fx(m.tau2)} (SE = ${fx(m['se.tau2'])})`);
    expect(text).toContain(`I^2 (residual heterogeneity / unaccounted variability): ${fx(m.I2, 2)}%`);
    expect(text).toContain(`H^2 (unaccounted variability / sampling variability):   ${fx(m.H2, 2)}`);
    expect(text).toContain(`R^2 (amount of heterogeneity accounted for):            ${fx(m.R2, 2)}%`);
    expect(text).toContain(`QE(df = 11) = ${fx(m.QE)}, p-val = ${px(m.QEp)}`);
    expect(text).toContain(`QM(df = 1) = ${fx(m.QM)}, p-val = ${px(m.QMp)}`);
    const table = tableAfter(text, 'Model Results:');
    ['intercept', 'ablat'].forEach((name, j) => {
      expect(cellsByName(table, j, true)).toMatchObject({
        name, estimate: fx(m.b[j]), se: fx(m.se[j]), zval: fx(m.statistic[j]), pval: px(m.pval[j]), 'ci.lb': fx(m['ci.lb'][j]), 'ci.ub': fx(m['ci.ub'][j]),
      });
    });
    const exp = tableAfter(text, 'Model Results (Risk Ratio scale):');
    expect(cellsByName(exp, 1, true)).toMatchObject({ name: 'ablat', estimate: fx(Math.exp(m.b[1])), 'ci.lb': fx(Math.exp(m['ci.lb'][1])) });
    expect(text).not.toContain(fx(Math.exp(m.se[1])));
  });

  it('prints the F test and t table of a Knapp–Hartung regression', () => {
    const m = regression('DL', 'knha');
    const text = formatResult(metaRegression(input, { moderators: { ablat }, method: 'DL', test: 'knha' }));
    expect(text).toContain(`F(df1 = 1, df2 = 11) = ${fx(m.QM)}, p-val = ${px(m.QMp)}`);
    expect(cellsByName(tableAfter(text, 'Model Results:'), 1, true)).toMatchObject({ tval: fx(m.statistic[1]), df: '11', pval: px(m.pval[1]) });
  });

  it('prints the fixed-effects model with moderators', () => {
    const m = regression('EE', 'z');
    const text = formatResult(metaRegression(input, { moderators: { ablat }, method: 'EE' }));
    expect(text).toContain('Fixed-Effects with Moderators Model (k = 13)');
    expect(text).toContain(`QE(df = 11) = ${fx(m.QE)}, p-val = ${px(m.QEp)}`);
    expect(text).not.toContain('tau^2');
  });

  it('does not apply tanh or the inverse logit to slopes, and says why', () => {
    const text = formatResult(metaRegression({ yi: rr.yi, vi: rr.vi }, { moderators: { ablat } }), { transform: 'tanh' });
    expect(text).not.toContain('Correlation scale):');
    expect(text).toContain('Coefficients are not back-transformed by tanh');
  });
});

describe('formatResult: Mantel–Haenszel and Peto (print.rma.mh, print.rma.peto)', () => {
  const columns = rr.columns;
  it('prints the OR fit on the log and OR scales with the CMH and Tarone tests', () => {
    const mh = bcg.mantelHaenszel.find((x: any) => x.measure === 'OR');
    const text = formatResult(mantelHaenszel(bcg.rows, { measure: 'OR', columns }));
    expect(text).toContain('Equal-Effects Model (k = 13; Mantel-Haenszel method, measure OR)');
    expect(text).toContain(`I^2 (total heterogeneity / total variability):  ${fx(mh.I2, 2)}%`);
    expect(text).toContain(`H^2 (total variability / sampling variability): ${fx(mh.H2, 2)}`);
    expect(text).toContain(`Q(df = 12) = ${fx(mh.QE)}, p-val = ${px(mh.QEp)}`);
    expect(cellsByName(tableAfter(text, 'Model Results (log scale):'), 0)).toMatchObject({
      estimate: fx(mh.b), se: fx(mh.se), zval: fx(mh.statistic), pval: px(mh.pval), 'ci.lb': fx(mh['ci.lb']), 'ci.ub': fx(mh['ci.ub']),
    });
    expect(cellsByName(tableAfter(text, 'Model Results (Odds Ratio scale):'), 0)).toMatchObject({
      estimate: fx(Math.exp(mh.b)), 'ci.lb': fx(Math.exp(mh['ci.lb'])), 'ci.ub': fx(Math.exp(mh['ci.ub'])),
    });
    expect(text).toContain(`Cochran-Mantel-Haenszel Test:    CMH = ${fx(mh.CMH)}, df = 1, p-val = ${px(mh.CMHp)}`);
    expect(text).toContain(`Tarone's Test for Heterogeneity: X^2 = ${fx(mh.TA)}, df = 12, p-val = ${px(mh.TAp)}`);
  });

  it('prints a risk difference on its own scale, without a back-transformed block', () => {
    const mh = bcg.mantelHaenszel.find((x: any) => x.measure === 'RD');
    const text = formatResult(mantelHaenszel(bcg.rows, { measure: 'RD', columns }));
    expect(cellsByName(tableAfter(text, 'Model Results:'), 0)).toMatchObject({ estimate: fx(mh.b), se: fx(mh.se), pval: px(mh.pval) });
    expect(text).not.toContain('scale):');
    expect(text).not.toContain('Cochran-Mantel-Haenszel');
  });

  it("prints Peto's fit on the log and OR scales", () => {
    const p = bcg.peto;
    const text = formatResult(peto(bcg.rows, { columns }));
    expect(text).toContain("Equal-Effects Model (k = 13; Peto's method)");
    expect(text).toContain(`Q(df = 12) = ${fx(p.QE)}, p-val = ${px(p.QEp)}`);
    expect(text).toContain(`I^2 (total heterogeneity / total variability):  ${fx(p.I2, 2)}%`);
    expect(cellsByName(tableAfter(text, 'Model Results (log scale):'), 0)).toMatchObject({ estimate: fx(p.b), se: fx(p.se), zval: fx(p.statistic), pval: px(p.pval) });
    expect(cellsByName(tableAfter(text, 'Model Results (Odds Ratio scale):'), 0)).toMatchObject({
      estimate: fx(Math.exp(p.b)), 'ci.lb': fx(Math.exp(p['ci.lb'])), 'ci.ub': fx(Math.exp(p['ci.ub'])),
    });
  });
});

describe('formatResult: subgroupAnalysis', () => {
  const sg = bcg.subgroups;
  const groups = bcg.rows.map((r: any) => r[sg.by]);
  const text = formatResult(subgroupAnalysis(input, groups, { method: 'REML' }), { measure: 'RR' });

  it('prints each subgroup fit and the test of subgroup differences with metafor values', () => {
    const table = tableAfter(text, 'Subgroup Results:');
    sg.groups.forEach((g: any, j: number) => {
      expect(cellsByName(table, j, true)).toMatchObject({
        name: g.level, k: String(g.k), estimate: fx(g.b), se: fx(g.se), 'ci.lb': fx(g['ci.lb']), 'ci.ub': fx(g['ci.ub']),
        tau2: fx(g.tau2), I2: `${fx(g.I2, 2)}%`, Q: fx(g.QE),
      });
    });
    expect(text).toContain('Test for Subgroup Differences:');
    expect(text).toContain(`Q(df = ${sg.separateTau2.df}) = ${fx(sg.separateTau2.Q)}, p-val = ${px(sg.separateTau2.pval)}`);
  });

  it('back-transforms the subgroup estimates when the measure is given', () => {
    const table = tableAfter(text, 'Model Results (Risk Ratio scale):');
    sg.groups.forEach((g: any, j: number) => {
      expect(cellsByName(table, j, true)).toMatchObject({ estimate: fx(Math.exp(g.b)), 'ci.ub': fx(Math.exp(g['ci.ub'])) });
    });
    expect(formatResult(subgroupAnalysis(input, groups))).not.toContain('scale):');
  });
});

describe('formatResult: multilevel and robust (print.rma.mv, print.robust.rma)', () => {
  const ko = fixture('metafor-multilevel/konstantopoulos2011.json');
  const rows = ko.rows;
  const data = { yi: rows.map((r: any) => r.yi), vi: rows.map((r: any) => r.vi) };
  const outer = rows.map((r: any) => String(r.outer));
  const inner = rows.map((r: any) => String(r.inner));
  const m = ko.fits.find((f: any) => f.method === 'REML' && f.test === 'z');
  const fit = multilevel(data, { outer, inner });

  it('prints the variance components, Q test and model results with metafor values', () => {
    const text = formatResult(fit);
    expect(text).toContain(`Multivariate Meta-Analysis Model (k = ${m.k}; method: REML)`);
    const vc = tableAfter(text, 'Variance Components:');
    expect(cellsByName(vc, 0, true)).toMatchObject({ name: 'sigma^2.1', estim: fx(m.sigma2[0]), sqrt: fx(Math.sqrt(m.sigma2[0])), nlvls: String(m['s.nlevels'][0]), fixed: 'no' });
    expect(cellsByName(vc, 1, true)).toMatchObject({ name: 'sigma^2.2', estim: fx(m.sigma2[1]), nlvls: String(m['s.nlevels'][1]) });
    expect(text).toContain(`Q(df = ${m.QEdf}) = ${fx(m.QE)}, p-val = ${px(m.QEp)}`);
    expect(cellsByName(tableAfter(text, 'Model Results:'), 0)).toMatchObject({
      estimate: fx(m.b), se: fx(m.se), zval: fx(m.statistic), pval: px(m.pval), 'ci.lb': fx(m['ci.lb']), 'ci.ub': fx(m['ci.ub']), stars: '*',
    });
    expect(text).toContain(`logLik (restricted): ${fx(m.logLik)}`);
  });

  it('prints the cluster-robust t test with its df (CR2 Satterthwaite, CR1 residual)', () => {
    const cluster = outer;
    for (const adjust of ['CR2', 'CR1'] as const) {
      const ref = m.robust[adjust];
      const text = formatResult(robust(fit, { cluster, adjust }));
      expect(text).toContain(`Cluster-Robust Inference (var-cov estimator: ${adjust})`);
      expect(text).toContain('Number of clusters: 11');
      const df = Number.isInteger(ref.df) ? String(ref.df) : String(Math.round(ref.df * 100) / 100);
      expect(cellsByName(tableAfter(text, 'Model Results:'), 0)).toMatchObject({
        estimate: fx(m.b), se: fx(ref.se), tval: fx(ref.statistic), df, pval: px(ref.pval),
      });
      expect(text).toContain(adjust === 'CR2' ? 'df: Satterthwaite approx' : 'df: residual method');
    }
  });

  it('back-transforms multilevel and robust estimates when asked, never the SE', () => {
    const text = formatResult(fit, { transform: 'exp' });
    expect(cellsByName(tableAfter(text, 'Model Results (Ratio scale):'), 0)).toMatchObject({ estimate: fx(Math.exp(m.b)), 'ci.lb': fx(Math.exp(m['ci.lb'])) });
    expect(text).not.toContain(fx(Math.exp(m.se)));
  });
});
