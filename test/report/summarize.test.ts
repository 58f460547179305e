import { describe, expect, it } from 'vitest';
import { formatResult, InputError, mantelHaenszel, metaAnalysis, metaRegression, summarize, type Measure } from '../../src/index.ts';
import { fixture } from './helpers.ts';

const ilogit = (x: number) => 1 / (1 + Math.exp(-x));

/** A metafor fit of `measure` (REML, z) from a fixture, and our fit of the same effect sizes. */
function reml(path: string, measure: Measure) {
  const f = fixture(path);
  const es = f.effectSizes.find((e: any) => e.measure === measure);
  const m = f.models.find((x: any) => x.measure === measure && x.method === 'REML' && x.test === 'z');
  return { m, fit: metaAnalysis({ yi: es.yi, vi: es.vi, measure }), rows: f.rows };
}

describe('summarize: the pooled estimate on the natural scale (predict(fit, transf = ...))', () => {
  it.each([
    ['metafor/bcg.json', 'RR', Math.exp, 'exp', 'Risk Ratio'],
    ['metafor/mcdaniel1994.json', 'ZCOR', Math.tanh, 'tanh', 'Correlation'],
    ['metafor/pritz1997.json', 'PLO', ilogit, 'ilogit', 'Proportion'],
    ['metafor/pritz1997.json', 'PAS', (x: number) => Math.sin(x) ** 2, 'iarcsin', 'Proportion'],
  ] as const)('%s %s: estimate, CI and PI back-transformed by default, SE and p as fitted', (path, measure, f, name, scale) => {
    const { m, fit } = reml(path, measure);
    const s = summarize(fit);
    expect(s).toMatchObject({ kind: 'metaAnalysis', measure, transform: name, scale, k: m.k, level: 0.95 });
    expect(s.estimate).toBeCloseTo(f(m.b), 7);
    expect(s.ci.lower).toBeCloseTo(f(m['ci.lb']), 7);
    expect(s.ci.upper).toBeCloseTo(f(m['ci.ub']), 7);
    expect(s.predictionInterval?.lower).toBeCloseTo(f(m['pi.lb']), 6);
    expect(s.predictionInterval?.upper).toBeCloseTo(f(m['pi.ub']), 6);
    expect(s.se).toBeCloseTo(m.se, 8); // never transformed
    expect(s.pValue! / m.pval).toBeCloseTo(1, 6);
    expect(s.analysis.estimate).toBeCloseTo(m.b, 8);
    expect(s.description).toContain(`(the natural scale for ${measure})`);
    expect(s.description).toContain('standard errors stay on the analysis scale');
    expect(Object.isFrozen(s) && Object.isFrozen(s.ci) && Object.isFrozen(s.analysis)).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('prints like predict(fit, transf = exp), with the analysis-scale estimate', () => {
    const { m, fit } = reml('metafor/bcg.json', 'RR');
    const text = formatResult(summarize(fit));
    expect(text).toContain('Summary of the metaAnalysis result (k = 13; 95% intervals; Risk Ratio scale):');
    expect(text).toContain([m.b, m['ci.lb'], m['ci.ub'], m['pi.lb'], m['pi.ub']].map((x) => Math.exp(x).toFixed(4)).join('  '));
    expect(text).toContain(`On the analysis scale (Log Risk Ratio): estimate ${m.b.toFixed(4)}, SE ${m.se.toFixed(4)}, p-val ${m.pval.toExponential(2)}.`);
  });

  it('takes an explicit transform, or none', () => {
    const { m, fit } = reml('metafor/bcg.json', 'RR');
    const none = summarize(fit, { transform: 'none' });
    expect(none.transform).toBe('none');
    expect(none.estimate).toBeCloseTo(m.b, 8);
    expect(none.scale).toBe('Log Risk Ratio');
    expect(summarize(fit, { transform: 'tanh' }).estimate).toBeCloseTo(Math.tanh(m.b), 8);
  });

  it('leaves a Freeman-Tukey estimate on its scale without sample sizes, and says so', () => {
    const { fit, rows } = reml('metafor/pritz1997.json', 'PFT');
    const s = summarize(fit);
    expect(s.transform).toBe('none');
    expect(s.description).toContain('pass n');
    const withN = summarize(fit, { n: rows.map((r: any) => r.ni) });
    expect(withN.transform).toBe('ipft');
    expect(withN.estimate).toBeGreaterThan(withN.ci.lower!);
    expect(() => summarize(fit, { transform: 'ipft' })).toThrow(InputError);
  });

  it('gives Mantel–Haenszel odds ratios without a prediction interval', () => {
    const bcg = fixture('metafor/bcg.json');
    const mh = bcg.mantelHaenszel.find((x: any) => x.measure === 'OR');
    const s = summarize(mantelHaenszel(bcg.rows, { measure: 'OR', columns: bcg.effectSizes[0].columns }));
    expect(s.estimate).toBeCloseTo(Math.exp(mh.b), 8);
    expect(s.ci.upper).toBeCloseTo(Math.exp(mh['ci.ub']), 8);
    expect(s.predictionInterval).toBeNull();
  });

  it('refuses a meta-regression (no single estimate) and non-results with an InputError', () => {
    const reg = metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] } });
    expect(() => summarize(reg)).toThrow(/meta-regression has no single estimate/);
    expect(() => summarize({})).toThrow(InputError);
    expect(() => summarize(null)).toThrow(InputError);
  });
});
