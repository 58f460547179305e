import { describe, expect, it } from 'vitest';
import {
  effectSizes, formatResult, formatStudyTable, mantelHaenszel, metaAnalysis, metaRegression, multilevel, peto, studyTable,
} from '../../src/index.ts';
import { cellsByName, fixture, fx, labels, tableAfter } from './helpers.ts';

const Z975 = 1.959963984540054; // qnorm(0.975)
const bcg = fixture('metafor/bcg.json');
const rr = bcg.effectSizes.find((e: any) => e.measure === 'RR');
const input = { yi: rr.yi, vi: rr.vi, labels: labels(13), measure: 'RR' as const };
const model = bcg.models.find((m: any) => m.measure === 'RR' && m.method === 'REML' && m.test === 'z');

/** The expected row, computed directly from the fixture's yi and vi. */
function expectedRow(yi: number, vi: number, f: (x: number) => number) {
  const se = Math.sqrt(vi);
  return { estimate: f(yi), se, lower: f(yi - Z975 * se), upper: f(yi + Z975 * se) };
}

function expectRows(table: ReturnType<typeof studyTable>, yi: number[], vi: number[], f: (x: number) => number, weights?: number[]) {
  expect(table.rows).toHaveLength(yi.length);
  table.rows.forEach((row, i) => {
    const e = expectedRow(yi[i]!, vi[i]!, f);
    expect(row.estimate).toBeCloseTo(e.estimate, 10);
    expect(row.se).toBeCloseTo(e.se, 12);
    expect(row.ci.lower).toBeCloseTo(e.lower, 10);
    expect(row.ci.upper).toBeCloseTo(e.upper, 10);
    if (weights) expect(row.weight).toBeCloseTo(weights[i]!, 6);
    else expect(row.weight).toBeNull();
  });
}

describe('studyTable: the per-study table of every fit', () => {
  it('metaAnalysis: metafor weights, RR scale by default, SEs on the log scale', () => {
    const t = studyTable(metaAnalysis(input));
    expect(t).toMatchObject({ kind: 'metaAnalysis', measure: 'RR', transform: 'exp', scale: 'Risk Ratio', level: 0.95 });
    expectRows(t, rr.yi, rr.vi, Math.exp, model.weights);
    expect(t.description).toContain('standard errors stay on the analysis scale');
    expectRows(studyTable(metaAnalysis(input), { transform: 'none' }), rr.yi, rr.vi, (x) => x, model.weights);
    expect(Object.isFrozen(t) && Object.isFrozen(t.rows[0])).toBe(true);
  });

  it('metaRegression: weights 1/(vi + tau²) of the residual tau² (metafor weights.rma.uni)', () => {
    const reg = bcg.metaRegression.find((x: any) => x.moderators === 'ablat' && x.method === 'REML' && x.test === 'z');
    const w = rr.vi.map((v: number) => 1 / (v + reg.tau2));
    const total = w.reduce((a: number, b: number) => a + b, 0);
    const t = studyTable(metaRegression(input, { moderators: { ablat: bcg.rows.map((r: any) => r.ablat) } }));
    expectRows(t, rr.yi, rr.vi, Math.exp, w.map((x: number) => (100 * x) / total));
  });

  it('peto: weights proportional to the hypergeometric variances 1/vi', () => {
    const fit = peto(bcg.rows, { columns: rr.columns });
    const petoEs = bcg.effectSizes.find((e: any) => e.measure === 'PETO');
    const w = petoEs.vi.map((v: number) => 1 / v);
    const total = w.reduce((a: number, b: number) => a + b, 0);
    expectRows(studyTable(fit), petoEs.yi, petoEs.vi, Math.exp, w.map((x: number) => (100 * x) / total));
  });

  it('mantelHaenszel: per-study log odds ratios, weights not available (and said so)', () => {
    const orEs = bcg.effectSizes.find((e: any) => e.measure === 'OR');
    const t = studyTable(mantelHaenszel(bcg.rows, { measure: 'OR', columns: rr.columns }));
    expectRows(t, orEs.yi, orEs.vi, Math.exp);
    expect(t.description).toContain('Mantel-Haenszel weights need the 2x2 counts');
  });

  it('multilevel: metafor row-sum weights; back-transformed only when a measure or transform is given', () => {
    const ko = fixture('metafor-multilevel/konstantopoulos2011.json');
    const yi = ko.rows.map((r: any) => r.yi);
    const vi = ko.rows.map((r: any) => r.vi);
    const fit = multilevel({ yi, vi }, { outer: ko.rows.map((r: any) => String(r.outer)), inner: ko.rows.map((r: any) => String(r.inner)) });
    const w = ko.fits.find((f: any) => f.method === 'REML' && f.test === 'z').weightsRowsum;
    const total = w.reduce((a: number, b: number) => a + b, 0);
    expectRows(studyTable(fit), yi, vi, (x) => x, w.map((x: number) => (100 * x) / total));
    expectRows(studyTable(fit, { measure: 'ZCOR' }), yi, vi, Math.tanh, w.map((x: number) => (100 * x) / total));
  });

  it('effectSizes: estimates and CIs without weights', () => {
    const es = effectSizes('RR', bcg.rows, { columns: rr.columns });
    expectRows(studyTable(es), rr.yi, rr.vi, Math.exp);
  });

  it('prints the table at metafor digits, on request inside formatResult', () => {
    const text = formatResult(metaAnalysis(input), { studies: true });
    const table = tableAfter(text, 'Studies (95% CI; Risk Ratio):');
    expect(table.head).toEqual(['estimate', 'se', 'ci.lb', 'ci.ub', 'weight']);
    const e = expectedRow(rr.yi[0], rr.vi[0], Math.exp);
    expect(cellsByName(table, 0, true)).toMatchObject({
      name: 's1', estimate: fx(e.estimate), se: fx(e.se), 'ci.lb': fx(e.lower), 'ci.ub': fx(e.upper), weight: `${fx(model.weights[0], 2)}%`,
    });
    expect(formatStudyTable(studyTable(metaAnalysis(input), { level: 0.9 }))).toContain('Studies (90% CI; Risk Ratio):');
  });

  it('refuses results without studies', () => {
    const fit = metaAnalysis(input);
    expect(() => studyTable({ yi: [1] })).toThrow(/per-study table needs a fit/);
    expect(() => formatResult(fit, { studies: 'yes' as never })).toThrow(/studies/);
    expect(() => studyTable(fit, { level: 95 })).toThrow(/level/);
  });
});
