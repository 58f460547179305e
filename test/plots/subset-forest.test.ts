// cumulativePlot and leaveOneOutPlot: readable forest layouts whose rows sit at R's cumul() and
// leave1out() estimates and CIs (test/fixtures/metafor/bcg.json), on a risk-ratio axis.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cumulativePlot, leaveOneOutPlot, metaAnalysis } from '../../src/index.ts';
import { byClass, expectReadablePlot } from './plot-geometry.ts';
import { expectLabels, axisPosition } from './plot-checks.ts';
import { svgElements } from './svg-check.ts';
import { fixtureFit, loadPlotFixture } from './plot-fixtures.ts';
import { syntheticFit } from './synthetic.ts';

interface DiagnosticsFixture { diagnostics: { leave1out: Record<string, number[]>; cumul: Record<string, number[]> } }
const ref = JSON.parse(readFileSync(new URL('../fixtures/metafor/bcg.json', import.meta.url), 'utf8')) as DiagnosticsFixture;

/** The squares (centre x) and CI lines (ends) of each drawn row, in order. */
function rowsOf(svg: string) {
  const els = svgElements(svg);
  const squares = els.filter((e) => e.attrs.class === 'study-mark').map((e) => Number(e.attrs.x) + Number(e.attrs.width) / 2);
  const intervals = els.filter((e, i) => e.tag === 'line' && els[i - 1]?.attrs.class === 'interval').map((e) => [Number(e.attrs.x1), Number(e.attrs.x2)]);
  return { els, squares, intervals };
}

describe.each([
  ['cumulativePlot', 'cumul', (f: ReturnType<typeof fixtureFit>) => cumulativePlot(f)],
  ['leaveOneOutPlot', 'leave1out', (f: ReturnType<typeof fixtureFit>) => leaveOneOutPlot(f)],
] as const)('%s', (name, key, draw) => {
  const fx = loadPlotFixture('bcg');
  const fit = fixtureFit(fx, fx.fits[0]!); // REML, as the diagnostics fixture
  const svg = draw(fit);

  it('is readable and names every study', () => {
    const { els } = rowsOf(svg);
    const root = els[0]!;
    expectReadablePlot(svg, `${name}-bcg`, Number(root.attrs.width), Number(root.attrs.height));
    expectLabels(svg, fit.labels.map((l, i) => (key === 'leave1out' ? `− ${l}` : i === 0 ? l : `+ ${l}`)));
    expect(svg).toContain('Risk Ratio');
  });

  it(`puts each row at R's ${key}() estimate and CI`, () => {
    const { els, squares } = rowsOf(svg);
    const at = axisPosition(els, (label) => Math.log(label));
    const r = ref.diagnostics[key]!;
    expect(squares).toHaveLength(13);
    squares.forEach((x, i) => expect(Math.abs(x - at(r.estimate![i]!))).toBeLessThan(0.05));
    const lines = els.filter((e) => e.tag === 'g' && e.attrs.class === 'interval');
    expect(lines).toHaveLength(13);
    const ends = els.filter((e, i) => e.tag === 'line' && els[i - 1]?.tag === 'g' && els[i - 1]?.attrs.class === 'interval');
    ends.forEach((e, i) => {
      expect(Math.abs(Number(e.attrs.x1) - at(r['ci.lb']![i]!))).toBeLessThan(0.05);
      expect(Math.abs(Number(e.attrs.x2) - at(r['ci.ub']![i]!))).toBeLessThan(0.05);
    });
    const full = byClass(svg, 'full-estimate-line')[0]!;
    expect(Math.abs(Number(full.attrs.x1) - at(fit.estimate))).toBeLessThan(0.05);
  });

  it.each([2, 3, 40, 500])('stays readable for k = %i with long labels', (k) => {
    const out = name === 'cumulativePlot' ? cumulativePlot(syntheticFit(k, { longLabels: true })) : leaveOneOutPlot(syntheticFit(k, { longLabels: true }));
    const root = svgElements(out)[0]!;
    expectReadablePlot(out, `${name}-k${k}`, Number(root.attrs.width), Number(root.attrs.height));
    expect(byClass(out, 'study-mark')).toHaveLength(k);
  });
});

describe('cumulativePlot options', () => {
  it('orders by year and draws k = 1', () => {
    const fx = loadPlotFixture('bcg');
    const fit = fixtureFit(fx, fx.fits[0]!);
    const svg = cumulativePlot(fit, { order: fx.rows.map((r) => r.year as number), width: 700, fontSize: 10 });
    const labels = byClass(svg, 'label').map((e) => e.text);
    expect(labels[0]).toBe('Aronson 1948');
    expect(labels[1]).toBe('+ Ferguson & Simes 1949');
    const one = cumulativePlot(metaAnalysis({ yi: [0.2], vi: [0.04], labels: ['Only study'] }));
    expectLabels(one, ['Only study']);
  });
});
