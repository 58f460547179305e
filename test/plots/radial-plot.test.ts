// radialPlot: readable at any k; points at R's radial() coordinates; the line through the origin
// with slope = the pooled estimate; arc ticks on the rays of their effect sizes.
import { describe, expect, it } from 'vitest';
import { radialPlot } from '../../src/index.ts';
import { byClass, expectReadablePlot, fullLabels, readAxis } from './plot-geometry.ts';
import { fixtureFit, loadPlotFixture } from './plot-fixtures.ts';
import { syntheticFit } from './synthetic.ts';

describe('radialPlot', () => {
  const fx = loadPlotFixture('bcg');
  const entry = fx.fits[0]!;
  const fit = fixtureFit(fx, entry);
  const svg = radialPlot(fit);

  it('draws BCG readably with every trial labelled', () => {
    expectReadablePlot(svg, 'radial-bcg', 620, 520);
    expect(new Set(fullLabels(svg))).toEqual(new Set(fit.labels));
  });

  it('puts the points at R\'s radial() coordinates and the line at slope = estimate', () => {
    const x = readAxis(svg, 'x');
    const z = readAxis(svg, 'y');
    byClass(svg, 'study').forEach((p, i) => {
      expect(Math.abs(Number(p.attrs.cx) - x.px(entry.radial.x[i]!))).toBeLessThan(0.02);
      expect(Math.abs(Number(p.attrs.cy) - z.px(entry.radial.y[i]!))).toBeLessThan(0.02);
    });
    const line = byClass(svg, 'estimate-line')[0]!.attrs;
    const xMax = 1.3 * Math.max(...entry.radial.x);
    expect(Math.abs(Number(line.x1) - x.px(0))).toBeLessThan(0.02);
    expect(Math.abs(Number(line.y1) - z.px(0))).toBeLessThan(0.02);
    expect(Math.abs(Number(line.x2) - x.px(xMax))).toBeLessThan(0.02);
    expect(Math.abs(Number(line.y2) - z.px(entry.b * xMax))).toBeLessThan(0.02);
  });

  it('labels the arc in risk ratios, each label on the ray of its log risk ratio', () => {
    const x = readAxis(svg, 'x');
    const z = readAxis(svg, 'y');
    const ticks = byClass(svg, 'arc-tick-mark');
    const labels = byClass(svg, 'arc-tick');
    expect(labels.length).toBeGreaterThanOrEqual(3);
    // each tick mark points along the ray from the origin with slope log(RR label)
    for (const t of ticks) {
      const zOf = (py: number) => (py - z.px(0)) / (z.px(1) - z.px(0));
      const xOf = (pxv: number) => (pxv - x.px(0)) / (x.px(1) - x.px(0));
      const s1 = zOf(Number(t.attrs.y1)) / xOf(Number(t.attrs.x1));
      const s2 = zOf(Number(t.attrs.y2)) / xOf(Number(t.attrs.x2));
      expect(s1).toBeCloseTo(s2, 2);
    }
    for (const l of labels) expect(Math.log(Number(l.text))).toBeCloseTo(Number(l.attrs['data-value']), 6);
    expect(svg).toContain('Risk Ratio');
  });

  it.each([1, 2, 3, 40, 500])('stays readable for k = %i', (k) => {
    const out = radialPlot(syntheticFit(k, { longLabels: true }), { width: 500, height: 420, fontSize: 11 });
    expectReadablePlot(out, `radial-k${k}`, 500, 420);
    expect(byClass(out, 'study')).toHaveLength(k);
  });
});
