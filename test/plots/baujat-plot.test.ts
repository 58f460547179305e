// baujatPlot: readable at any k, every label present for BCG, points where R's baujat() puts them.
import { describe, expect, it } from 'vitest';
import { baujatPlot, InputError, metaAnalysis } from '../../src/index.ts';
import { byClass, expectReadablePlot, fullLabels, readAxis } from './plot-geometry.ts';
import { fixtureFit, loadPlotFixture } from './plot-fixtures.ts';
import { syntheticFit } from './synthetic.ts';

describe('baujatPlot', () => {
  const fx = loadPlotFixture('bcg');
  const entry = fx.fits[0]!; // REML
  const fit = fixtureFit(fx, entry);

  it('draws BCG readably, every trial labelled, points at R\'s baujat() values', () => {
    const svg = baujatPlot(fit);
    expectReadablePlot(svg, 'baujat-bcg', 560, 460);
    expect(new Set(fullLabels(svg))).toEqual(new Set(fit.labels));
    const x = readAxis(svg, 'x');
    const y = readAxis(svg, 'y');
    const points = byClass(svg, 'study');
    expect(points).toHaveLength(13);
    points.forEach((p, i) => {
      expect(Math.abs(Number(p.attrs.cx) - x.px(entry.baujat.x[i]!))).toBeLessThan(0.02);
      expect(Math.abs(Number(p.attrs.cy) - y.px(entry.baujat.y[i]!))).toBeLessThan(0.02);
    });
    expect(svg).toContain('Squared Pearson Residual');
    expect(svg).toContain('Influence on Overall Result');
  });

  it('labels EE plots as contributions to heterogeneity and honours size options', () => {
    const svg = baujatPlot(fixtureFit(fx, fx.fits[2]!), { width: 400, height: 300, fontSize: 9, labels: 'ids' });
    expectReadablePlot(svg, 'baujat-bcg-ee-small', 400, 300);
    expect(svg).toContain('Contribution to Overall Heterogeneity');
    expect(svg).toContain('font-size="9"');
  });

  it.each([2, 3, 40, 500])('stays readable for k = %i with long labels', (k) => {
    const svg = baujatPlot(syntheticFit(k, { longLabels: true }));
    expectReadablePlot(svg, `baujat-k${k}`, 560, 460);
    expect(byClass(svg, 'study')).toHaveLength(k);
    const placed = byClass(svg, 'point-label').length;
    const note = byClass(svg, 'note');
    if (placed < k) expect(note[0]?.text).toBe(`${k - placed} of ${k} labels omitted for room`);
    else expect(note).toHaveLength(0);
  });

  it('rejects k = 1 and bad options', () => {
    expect(() => baujatPlot(metaAnalysis({ yi: [1], vi: [1] }))).toThrow(InputError);
    expect(() => baujatPlot(fit, { width: 10 })).toThrow(/width/);
    expect(() => baujatPlot(fit, { labels: 'all' as never })).toThrow(/labels/);
  });
});
