import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { metaAnalysis } from '../../src/models/meta-analysis.ts';
import { forestPlot } from '../../src/plots/forest-plot.ts';
import { textWidth } from '../../src/plots/font-metrics.ts';
import { InputError } from '../../src/errors.ts';
import type { Measure } from '../../src/types.ts';
import { axisPosition, diamondX, expectReadablePlot } from './plot-checks.ts';
import { overlappingTexts, svgElements } from './svg-check.ts';

interface Fixture {
  dataset: string;
  rows: Record<string, unknown>[];
  effectSizes: { measure: Measure; yi: (number | null)[]; vi: (number | null)[] }[];
  models: { measure: Measure; effect?: number; method: string; test: string; b?: number }[];
}
const load = (dir: string, name: string): Fixture => JSON.parse(readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), 'utf8'));

/** The analysis-scale value of a tick label, computed here independently of the plotting code. */
const INVERSE: Partial<Record<Measure, (v: number) => number>> = {
  OR: Math.log, RR: Math.log, PETO: Math.log, ROM: Math.log, PLN: Math.log, MNLN: Math.log,
  ZCOR: Math.atanh, PLO: (p) => Math.log(p / (1 - p)), PAS: (p) => Math.asin(Math.sqrt(p)),
};

function studyLabel(row: Record<string, unknown>, i: number): string {
  const name = ['study', 'author', 'authors', 'trial', 'paper'].map((k) => row[k]).find((v) => typeof v === 'string' && v !== '');
  const year = typeof row.year === 'number' ? ` (${row.year})` : '';
  return name ? `${name}${year}` : `Study ${i + 1}`;
}

/** A fit of metafor's own effect sizes (escalc), with labels, and metafor's REML estimate. */
function fixtureCase(f: Fixture, effect: number) {
  const es = f.effectSizes[effect]!;
  const keep = es.yi.flatMap((y, i) => (y !== null && es.vi[i] !== null && Number.isFinite(y) ? [i] : []));
  const fit = metaAnalysis({
    yi: keep.map((i) => es.yi[i]!), vi: keep.map((i) => es.vi[i]!), labels: keep.map((i) => studyLabel(f.rows[i]!, i)), measure: es.measure,
  }, { method: 'REML' });
  const model = f.models.find((m) => m.method === 'REML' && m.test === 'z' && (m.effect ?? 0) === effect && m.measure === es.measure);
  return { fit, metaforEstimate: model?.b, measure: es.measure };
}

describe('forestPlot on data sets it has never seen (metafor fixtures)', () => {
  const dir = new URL('../fixtures/metafor-extra/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const f = load('metafor-extra', file);
    f.effectSizes.forEach((es, effect) => {
      const { metaforEstimate } = (() => { try { return fixtureCase(f, effect); } catch { return { metaforEstimate: undefined }; } })();
      it.skipIf(metaforEstimate === undefined)(`${f.dataset} ${es.measure}: names every study, reads well, diamond at metafor's REML estimate`, () => {
        const { fit, measure } = fixtureCase(f, effect);
        // PFT's back-transform depends on n; its axis is checked on the analysis scale
        const svg = forestPlot(fit, measure === 'PFT' ? { transform: 'none' } : {});
        const elements = expectReadablePlot(svg, fit.labels, `forest-${f.dataset}-${measure}-${effect}`);
        const at = axisPosition(elements, measure === 'PFT' ? (v) => v : (INVERSE[measure] ?? ((v) => v)));
        const diamond = elements.find((e) => e.tag === 'polygon' && e.attrs.class === 'diamond overall')!;
        expect(Math.abs(diamondX(diamond).centre - at(metaforEstimate!))).toBeLessThan(0.5);
      });
    });
  }
});

const bcg = load('metafor', 'bcg.json');
const bcgEs = bcg.effectSizes.find((e) => e.measure === 'RR')!;
const bcgFit = metaAnalysis({ yi: bcgEs.yi as number[], vi: bcgEs.vi as number[], labels: bcg.rows.map((r) => String(r.author)), measure: 'RR' });
const bcgReml = bcg.models.find((m) => m.method === 'REML' && m.test === 'z' && m.measure === 'RR')!.b!;

describe('forestPlot, BCG (k = 13, risk ratios)', () => {
  const svg = forestPlot(bcgFit, { columns: [{ header: 'Year', values: bcg.rows.map((r) => r.year as number) }, { header: 'Latitude', key: 'ablat' }], rows: bcg.rows });
  let elements: ReturnType<typeof expectReadablePlot> = [];
  it('is well-formed, renders, names every trial and has no overlapping text', () => {
    elements = expectReadablePlot(svg, bcgFit.labels, 'forest-bcg');
  });
  it('draws risk ratios on a log axis with 1 among the ticks, and the diamond at metafor\'s estimate', () => {
    const ticks = elements.filter((e) => e.attrs.class === 'tick').map((e) => e.text);
    expect(ticks).toContain('1');
    const at = axisPosition(elements, Math.log);
    const d = diamondX(elements.find((e) => e.attrs.class === 'diamond overall')!);
    expect(Math.abs(d.centre - at(bcgReml))).toBeLessThan(0.5);
    const model = bcg.models.find((m) => m.method === 'REML' && m.test === 'z' && m.measure === 'RR') as unknown as Record<string, number>;
    expect(Math.abs(d.left - at(model['ci.lb']!))).toBeLessThan(0.5);
    expect(Math.abs(d.right - at(model['ci.ub']!))).toBeLessThan(0.5);
  });
  it('prints the extra columns, weights that add to 100 and the risk ratios', () => {
    const texts = elements.filter((e) => e.tag === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Year', 'Latitude', '1948', '44', 'Weight', 'Risk Ratio [95% CI]']));
    const weights = elements.filter((e) => e.attrs.class === 'weight').map((e) => Number.parseFloat(e.text));
    expect(weights.slice(0, 13).reduce((s, w) => s + w, 0)).toBeCloseTo(100, 0);
    // Aronson: RR = (4/123)/(11/139) = 0.41, printed with 2 decimals
    expect(texts).toContain(`${((4 / 123) / (11 / 139)).toFixed(2)} [0.13, 1.26]`);
  });
  it('sizes squares by weight (area proportional to the weight)', () => {
    const squares = elements.filter((e) => e.attrs.class === 'study-mark');
    expect(squares).toHaveLength(13);
    const big = squares.map((s) => ({ w: Number(s.attrs['data-weight']), area: Number(s.attrs.width) ** 2 })).filter((s) => Math.sqrt(s.area) > 3.01);
    for (const s of big) expect(s.area / big[0]!.area).toBeCloseTo(s.w / big[0]!.w, 2);
  });
  it('prints heterogeneity (τ², I², Q and its p) under the plot', () => {
    const note = elements.find((e) => e.attrs.class === 'note')!.text;
    expect(note).toMatch(/^Heterogeneity: τ² = 0\.31, I² = 92\.2%, Q\(12\) = 152\.23, p = 2\.\d\de-26$/);
  });
});

describe('forestPlot layout', () => {
  const synthetic = (k: number, seed: number) => {
    let s = seed;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const yi = Array.from({ length: k }, () => 0.3 + (rnd() - 0.5) * 1.5);
    const vi = Array.from({ length: k }, () => 0.01 + rnd() * 0.2);
    const labels = Array.from({ length: k }, (_, i) => (i % 7 === 0 ? `Cooperative Research Group on Something Long, follow-up report ${i + 1}` : `Study ${i + 1}`));
    return metaAnalysis({ yi, vi, labels, measure: 'SMD' });
  };
  it('k = 1: one study, no heterogeneity to speak of', () => {
    const fit = metaAnalysis({ yi: [0.5], vi: [0.1], labels: ['Only study'] });
    const el = expectReadablePlot(forestPlot(fit), ['Only study'], 'forest-k1');
    expect(el.some((e) => e.text === 'Heterogeneity: not estimable (one study)')).toBe(true);
  });
  it('k = 500: tall, every label present, truncated with … and never overlapping', () => {
    const fit = synthetic(500, 3);
    const svg = forestPlot(fit);
    const el = expectReadablePlot(svg, fit.labels, 'forest-k500');
    expect(Number(el[0]!.attrs.height)).toBeGreaterThan(500 * 12);
    const labels = el.filter((e) => e.attrs.class === 'label');
    expect(labels.some((e) => e.text.endsWith('…'))).toBe(true);
    for (const e of labels) expect(textWidth(e.text, { fontSize: 12, bold: e.bold })).toBeLessThanOrEqual(20 * 12 + 1e-9);
  });
  it('honours width, height and font size, shrinking the font when rows would not fit', () => {
    const fit = synthetic(60, 5);
    const el = svgElements(forestPlot(fit, { width: 500, height: 700, fontSize: 10 }));
    expect([Number(el[0]!.attrs.width), Number(el[0]!.attrs.height)]).toEqual([500, 700]);
    expect(Number(el[0]!.attrs['font-size'])).toBeLessThan(10);
    expectReadablePlot(forestPlot(fit, { width: 500, height: 700, fontSize: 10 }), fit.labels, 'forest-k60-small');
    expectReadablePlot(forestPlot(fit, { fontSize: 16 }), fit.labels);
  });
  it('never overlaps text, for any k, width and font size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 300, max: 1200 }), fc.integer({ min: 7, max: 18 }), fc.integer({ min: 1, max: 1000 }), (k, width, fontSize, seed) => {
        const fit = synthetic(k, seed);
        expect(overlappingTexts(forestPlot(fit, { width, fontSize }))).toEqual([]);
      }),
      { seed: 42, numRuns: 40 },
    );
  });
  it('draws arrows for CIs past the axis limits, as metafor does', () => {
    const fit = metaAnalysis({ yi: [0.1, 0.3, 2.5, -0.2], vi: [0.02, 0.03, 0.5, 0.04], labels: ['A', 'B', 'Wide', 'D'], measure: 'MD' });
    const svg = forestPlot(fit, { limits: [-1, 1] });
    const el = expectReadablePlot(svg, fit.labels, 'forest-arrows');
    const arrows = el.filter((e) => e.attrs.class === 'arrow');
    // 'Wide' runs past +1 (2.5 ± 1.39), and so may the prediction interval; the square of 'Wide' is off the axis
    const pi = fit.predictionInterval;
    expect(arrows.length).toBe(1 + Number(pi.lower! < -1) + Number(pi.upper! > 1));
    expect(el.filter((e) => e.attrs.class === 'study-mark').map((e) => e.attrs['data-study'])).toEqual(['A', 'B', 'D']);
  });
  it('draws subgroup blocks with their own diamonds and the test for subgroup differences', () => {
    const groups = bcg.rows.map((r) => String(r.alloc));
    const svg = forestPlot(bcgFit, { groups });
    const el = expectReadablePlot(svg, [...bcgFit.labels, 'alternate', 'random', 'systematic'], 'forest-bcg-subgroups');
    const ref = (bcg as unknown as { subgroups: { groups: { level: string; b: number; 'ci.lb': number; 'ci.ub': number }[]; separateTau2: { Q: number; pval: number } } }).subgroups;
    const diamonds = el.filter((e) => e.tag === 'polygon' && e.attrs.class === 'diamond subgroup');
    expect(diamonds).toHaveLength(3);
    const at = axisPosition(el, Math.log);
    ref.groups.forEach((g, i) => {
      const d = diamondX(diamonds[i]!); // levels in R's order, as metafor's fixture
      expect(Math.abs(d.centre - at(g.b))).toBeLessThan(0.5);
      expect(Math.abs(d.left - at(g['ci.lb']))).toBeLessThan(0.5);
    });
    const note = el.find((e) => e.text.startsWith('Test for subgroup differences'))!;
    expect(note.text).toBe(`Test for subgroup differences: Q(2) = ${ref.separateTau2.Q.toFixed(2)}, p = ${ref.separateTau2.pval.toFixed(4)}`);
  });
  it('marks studies sharing a group or cohort and findings not independently replicated', () => {
    const clusters = bcg.rows.map((r, i) => (i < 3 ? 'Group X' : i === 5 ? 'Cohort Y' : i === 6 ? 'Cohort Y' : null));
    const notReplicated = bcg.rows.map((_, i) => i === 0);
    const el = expectReadablePlot(forestPlot(bcgFit, { clusters, notReplicated }), bcgFit.labels, 'forest-markers');
    expect(el.filter((e) => e.attrs.class === 'marker').map((e) => e.text)).toEqual(['a†', 'a', 'a', 'b', 'b']);
    const notes = el.filter((e) => e.attrs.class === 'note').map((e) => e.text);
    expect(notes).toContain('a: studies sharing a research group or cohort (Group X)');
    expect(notes).toContain('†: finding not independently replicated');
  });
  it('prints 3 decimals when 2 would hide a narrow pooled CI (risk differences), matching metafor', () => {
    const f = load('metafor-extra', 'yusuf1985.json');
    const effect = f.effectSizes.findIndex((e) => e.measure === 'RD');
    const { fit, metaforEstimate } = fixtureCase(f, effect);
    const m = f.models.find((x) => x.method === 'REML' && x.test === 'z' && x.effect === effect) as unknown as Record<string, number>;
    const svg = forestPlot(fit);
    const summary = svgElements(svg).filter((e) => e.attrs.class === 'estimate').map((e) => e.text);
    expect(summary).toContain(`${metaforEstimate!.toFixed(3)} [${m['ci.lb']!.toFixed(3)}, ${m['ci.ub']!.toFixed(3)}]`);
    // and 2 decimals when asked
    expect(svgElements(forestPlot(fit, { digits: 2 })).filter((e) => e.attrs.class === 'estimate').map((e) => e.text)).toContain('0.00 [-0.01, 0.00]');
  });
  it('labels a common-effect (EE) model so, without a prediction interval', () => {
    const ee = metaAnalysis({ yi: bcgFit.yi, vi: bcgFit.vi, labels: bcgFit.labels, measure: 'RR' }, { method: 'EE' });
    const el = expectReadablePlot(forestPlot(ee), ee.labels);
    expect(el.some((e) => e.text === 'Common-effect model')).toBe(true);
    expect(el.some((e) => e.text === 'Prediction interval')).toBe(false);
    const ref = bcg.models.find((m) => m.method === 'EE' && m.test === 'z' && m.measure === 'RR')!.b!;
    const at = axisPosition(el, Math.log);
    expect(Math.abs(diamondX(el.find((e) => e.attrs.class === 'diamond overall')!).centre - at(ref))).toBeLessThan(0.5);
  });
  it('shows Fisher z as correlations', () => {
    const f = load('metafor-extra', 'molloy2014.json');
    const es = f.effectSizes.find((e) => e.measure === 'ZCOR')!;
    const fit = metaAnalysis({ yi: es.yi as number[], vi: es.vi as number[], labels: f.rows.map(studyLabel), measure: 'ZCOR' });
    const el = expectReadablePlot(forestPlot(fit), fit.labels);
    expect(el.some((e) => e.text === 'Correlation [95% CI]')).toBe(true);
    const at = axisPosition(el, Math.atanh);
    const zero = el.filter((e) => e.attrs.class === 'tick').find((e) => Number(e.text) === 0)!;
    expect(Math.abs(at(0) - Number(zero.attrs.x))).toBeLessThan(0.02); // coordinates are written to 0.01 px
  });
  it('rejects options that do not fit the studies with an InputError naming the option', () => {
    expect(() => forestPlot(bcgFit, { groups: ['a'] })).toThrow(InputError);
    expect(() => forestPlot(bcgFit, { groups: ['a'] })).toThrow(/groups/);
    expect(() => forestPlot(bcgFit, { limits: [2, 1] })).toThrow(/limits/);
    expect(() => forestPlot(bcgFit, { columns: [{ header: 'x', key: 'year' }] })).toThrow(/rows/);
    expect(() => forestPlot(bcgFit, { fontSize: -1 })).toThrow(/fontSize/);
  });
});
