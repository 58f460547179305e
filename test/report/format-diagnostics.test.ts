import { describe, expect, it } from 'vitest';
import {
  cumulative, effectSizes, eggerTest, failSafeN, formatResult, influence, leaveOneOut, metaAnalysis,
  rankCorrelationTest, trimAndFill,
} from '../../src/index.ts';
import { cellsByName, fixture, fx, labels, px, tableAfter } from './helpers.ts';

const bcg = fixture('metafor/bcg.json');
const d = bcg.diagnostics;
const rr = bcg.effectSizes.find((e: any) => e.measure === 'RR');
const input = { yi: rr.yi, vi: rr.vi, labels: labels(13), measure: 'RR' as const };
const fit = metaAnalysis(input, { method: d.method });

describe('formatResult: leaveOneOut and cumulative (print.list.rma)', () => {
  it('prints one leave-one-out refit per study with metafor values', () => {
    const text = formatResult(leaveOneOut(fit));
    const table = tableAfter(text, 'Leave-One-Out Analysis (each row: the model without that study)');
    expect(table.head).toEqual(['estimate', 'se', 'zval', 'pval', 'ci.lb', 'ci.ub', 'Q', 'Qp', 'tau2', 'I2', 'H2']);
    const l = d.leave1out;
    for (let i = 0; i < 13; i++) {
      expect(cellsByName(table, i, true)).toMatchObject({
        name: `s${i + 1}`, estimate: fx(l.estimate[i]), se: fx(l.se[i]), pval: px(l.pval[i]), 'ci.lb': fx(l['ci.lb'][i]),
        'ci.ub': fx(l['ci.ub'][i]), Q: fx(l.Q[i]), tau2: fx(l.tau2[i]), I2: fx(l.I2[i]),
      });
    }
  });

  it('back-transforms estimates and bounds, not SEs, when the measure is given', () => {
    const text = formatResult(leaveOneOut(fit), { measure: 'RR' });
    const table = tableAfter(text, 'Leave-One-Out Analysis (each row: the model without that study)');
    const l = d.leave1out;
    for (let i = 0; i < 13; i++) {
      expect(cellsByName(table, i, true)).toMatchObject({
        estimate: fx(Math.exp(l.estimate[i])), se: fx(l.se[i]), 'ci.lb': fx(Math.exp(l['ci.lb'][i])), 'ci.ub': fx(Math.exp(l['ci.ub'][i])),
      });
    }
    expect(text).toContain('standard errors stay on the analysis scale');
  });

  it('prints the cumulative refits with k first', () => {
    const text = formatResult(cumulative(fit));
    const table = tableAfter(text, 'Cumulative Meta-Analysis (each row: the model of the studies up to and including that one)');
    expect(table.head.slice(0, 2)).toEqual(['k', 'estimate']);
    const c = d.cumul;
    for (let i = 0; i < 13; i++) {
      expect(cellsByName(table, i, true)).toMatchObject({
        name: `s${i + 1}`, k: String(i + 1), estimate: fx(c.estimate[i]), se: fx(c.se[i]), 'ci.lb': fx(c['ci.lb'][i]),
        'ci.ub': fx(c['ci.ub'][i]), tau2: fx(c.tau2[i]), I2: fx(c.I2[i]),
      });
    }
  });

  it('tells leave-one-out from cumulative also for two studies', () => {
    const two = metaAnalysis({ yi: [0.1, 0.5], vi: [0.04, 0.05] });
    expect(formatResult(leaveOneOut(two))).toContain('Leave-One-Out Analysis');
    expect(formatResult(cumulative(two))).toContain('Cumulative Meta-Analysis');
  });
});

describe('formatResult: influence (print.infl.rma.uni)', () => {
  it("prints metafor's case-deletion diagnostics", () => {
    const text = formatResult(influence(fit));
    const table = tableAfter(text, 'Influence Diagnostics (k = 13)');
    expect(table.head).toEqual(['rstudent', 'dffits', 'cook.d', 'cov.r', 'tau2.del', 'QE.del', 'hat', 'weight', 'dfbs', 'inf']);
    const f = d.influence;
    for (let i = 0; i < 13; i++) {
      expect(cellsByName(table, i, true)).toMatchObject({
        rstudent: fx(f.rstudent[i]), dffits: fx(f.dffits[i]), 'cook.d': fx(f['cook.d'][i]), 'cov.r': fx(f['cov.r'][i]),
        'tau2.del': fx(f['tau2.del'][i]), 'QE.del': fx(f['QE.del'][i]), hat: fx(f.hat[i]), weight: fx(f.weight[i]),
      });
    }
  });
});

describe('formatResult: small-study tests (print.regtest, print.ranktest, trimfill, print.fsn)', () => {
  it("prints Egger's regression test with the limit estimate", () => {
    const r = d.regtest;
    const text = formatResult(eggerTest(fit));
    for (const s of ['Regression Test for Funnel Plot Asymmetry', 'Model:     mixed-effects meta-regression model', 'Predictor: standard error']) {
      expect(text.split('\n')).toContain(s);
    }
    expect(text).toContain(`Test for Funnel Plot Asymmetry: z = ${fx(r.statistic)}, p = ${px(r.pval)}`);
    expect(text).toContain(`Limit Estimate (as sei -> 0):   b = ${fx(r['limit.estimate'])} (CI: ${fx(r['limit.ci.lb'])}, ${fx(r['limit.ci.ub'])})`);
    const rr = formatResult(eggerTest(fit), { measure: 'RR' });
    expect(rr).toContain(`${fx(Math.exp(r['limit.estimate']))} (CI: ${fx(Math.exp(r['limit.ci.lb']))}, ${fx(Math.exp(r['limit.ci.ub']))})`);
  });

  it("prints the rank correlation test's tau and p", () => {
    const text = formatResult(rankCorrelationTest(fit));
    expect(text).toContain('Rank Correlation Test for Funnel Plot Asymmetry');
    expect(text).toContain(`Kendall's tau = ${fx(d.ranktest.tau)}, p = ${px(d.ranktest.pval)}`);
  });

  it('prints trim and fill: missing studies, the filled model and the filled studies', () => {
    const t = d.trimfill;
    const text = formatResult(trimAndFill(fit));
    expect(text).toContain(`Estimated number of missing studies on the ${t.side} side: ${t.k0} (SE = `);
    expect(text).toContain(`Random-Effects Model (k = ${13 + t.k0}; tau^2 estimator: REML)`);
    expect(text).toContain(`tau^2 (estimated amount of total heterogeneity): ${fx(t.tau2)}`);
    expect(cellsByName(tableAfter(text, 'Model Results:'), 0)).toMatchObject({
      estimate: fx(t.b), se: fx(t.se), 'ci.lb': fx(t['ci.lb']), 'ci.ub': fx(t['ci.ub']),
    });
    expect(text).toMatch(new RegExp(`\nFilled 1 +${fx(t['filled.yi'])} +${fx(t['filled.vi'])}(\n|$)`));
    const back = formatResult(trimAndFill(fit), { measure: 'RR' });
    expect(cellsByName(tableAfter(back, 'Model Results (Risk Ratio scale):'), 0)).toMatchObject({
      estimate: fx(Math.exp(t.b)), 'ci.lb': fx(Math.exp(t['ci.lb'])),
    });
  });

  it('prints the fail-safe N (Rosenthal, Orwin)', () => {
    const ros = d['fsn.Rosenthal'];
    const text = formatResult(failSafeN(input));
    expect(text).toContain('Fail-safe N Calculation Using the Rosenthal Approach');
    expect(text).toContain(`Observed Significance Level: ${px(ros.pval)}`);
    expect(text).toContain(`Target Significance Level:   ${ros.alpha}`);
    expect(text).toContain(`Fail-safe N: ${ros.fsnum}`);
    // Orwin with the unweighted mean and its default target (half the mean): N = k exactly
    const mean = rr.yi.reduce((a: number, b: number) => a + b, 0) / rr.yi.length;
    const o = formatResult(failSafeN(input, { type: 'Orwin', weighted: false }));
    expect(o).toContain('Fail-safe N Calculation Using the Orwin Approach');
    expect(o).toContain(`Average Effect Size: ${fx(mean)}`);
    expect(o).toContain(`Target Effect Size:  ${fx(mean / 2)}`);
    expect(o).toContain('Fail-safe N: 13');
  });
});

describe('formatResult: effectSizes (print.escalc)', () => {
  it('prints yi and vi, then the per-study table on the natural scale', () => {
    const rows = bcg.rows.map((r: any, i: number) => ({ ...r, study: `s${i + 1}` }));
    const es = effectSizes('RR', rows, { columns: rr.columns });
    const text = formatResult(es);
    const table = tableAfter(text, 'Effect Sizes (measure RR; 13 rows)');
    for (let i = 0; i < 13; i++) expect(cellsByName(table, i, true)).toMatchObject({ yi: fx(rr.yi[i]), vi: fx(rr.vi[i]) });
    expect(text).toContain('Studies (95% CI; Risk Ratio):');
    expect(formatResult(es, { transform: 'none' })).not.toContain('Studies (');
  });
});
