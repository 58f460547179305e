// bubblePlot: readable at any k; the line at R's fitted coefficients; bubbles at (moderator, yi)
// with radii in the ratios of regplot()'s psize; risk-ratio ticks for log risk ratios.
import { describe, expect, it } from 'vitest';
import { bubblePlot, metaRegression } from '../../src/index.ts';
import { byClass, expectReadablePlot, fullLabels, readAxis } from './plot-geometry.ts';
import { fixtureEffects, loadPlotFixture } from './plot-fixtures.ts';
import { syntheticStudies } from './synthetic.ts';

describe('bubblePlot', () => {
  const fx = loadPlotFixture('bcg');
  const reg = fx.regplot![0]!;
  const es = fixtureEffects(fx);
  const ablat = fx.rows.map((r) => r.ablat as number);
  const fit = metaRegression(es, { moderators: { ablat }, method: 'REML' });
  const svg = bubblePlot(fit, { pi: true });

  it('draws BCG readably with every trial labelled', () => {
    expectReadablePlot(svg, 'bubble-bcg', 600, 460);
    expect(new Set(fullLabels(svg))).toEqual(new Set(fit.labels));
    expect(svg).toContain('>ablat<');
    expect(svg).toContain('Risk Ratio');
  });

  it('draws the line at the coefficients of R\'s rma(yi, vi, mods = ~ ablat)', () => {
    const x = readAxis(svg, 'x');
    const y = readAxis(svg, 'y', (label) => Math.log(Number(label)));
    const pts = byClass(svg, 'fitted')[0]!.attrs.points!.split(' ').map((s) => s.split(',').map(Number));
    expect(pts.length).toBeGreaterThan(50);
    const toX = (p: number) => x.ticks[0]!.value + ((p - x.ticks[0]!.px) * (x.ticks.at(-1)!.value - x.ticks[0]!.value)) / (x.ticks.at(-1)!.px - x.ticks[0]!.px);
    for (const [px, py] of pts) {
      const mx = toX(px!);
      expect(Math.abs(py! - y.px(reg.b[0]! + reg.b[1]! * mx))).toBeLessThan(0.05);
    }
  });

  it('puts the bubbles at (ablat, yi) with regplot()\'s relative sizes', () => {
    const x = readAxis(svg, 'x');
    const y = readAxis(svg, 'y', (label) => Math.log(Number(label)));
    const circles = new Map(byClass(svg, 'study').map((c) => [c.attrs['data-study'], c.attrs]));
    const psize = reg.psize!;
    fit.labels.forEach((label, i) => {
      const c = circles.get(label)!;
      expect(Math.abs(Number(c.cx) - x.px(ablat[i]!))).toBeLessThan(0.02);
      expect(Math.abs(Number(c.cy) - y.px(es.yi[i]!))).toBeLessThan(0.02);
      expect(Number(c.r) / Number(circles.get(fit.labels[0])!.r)).toBeCloseTo(psize[i]! / psize[0]!, 2);
    });
  });

  it.each([3, 4, 40, 500])('stays readable for k = %i', (k) => {
    const s = syntheticStudies(k, { longLabels: true });
    const f = metaRegression(s, { moderators: { dose: s.yi.map((_, i) => (i * 7) % 23) }, method: 'DL' });
    const out = bubblePlot(f, { width: 480, height: 380 });
    expectReadablePlot(out, `bubble-k${k}`, 480, 380);
    expect(byClass(out, 'study')).toHaveLength(k);
  });
});
