// qqPlot: readable at any k; points at R's qqnorm() positions; the diagonal is y = x; outliers
// outside the envelope are labelled.
import { describe, expect, it } from 'vitest';
import { qqPlot, metaAnalysis } from '../../src/index.ts';
import { byClass, expectReadablePlot, fullLabels, readAxis } from './plot-geometry.ts';
import { fixtureFit, loadPlotFixture } from './plot-fixtures.ts';
import { syntheticFit } from './synthetic.ts';

describe('qqPlot', () => {
  const fx = loadPlotFixture('bcg');
  const entry = fx.fits[0]!;
  const fit = fixtureFit(fx, entry);

  it('draws BCG readably, points at qqnorm() positions, the diagonal y = x', () => {
    const svg = qqPlot(fit, { labelOutside: false });
    expectReadablePlot(svg, 'qq-bcg', 520, 480);
    expect(new Set(fullLabels(svg))).toEqual(new Set(fit.labels));
    const x = readAxis(svg, 'x');
    const y = readAxis(svg, 'y');
    const drawn = byClass(svg, 'study').map((p) => [Number(p.attrs.cx), Number(p.attrs.cy)]);
    const want = entry.qqnorm.x.map((q, i) => [x.px(q), y.px(entry.qqnorm.y[i]!)]);
    for (const [cx, cy] of want) expect(drawn.some(([a, b]) => Math.abs(a! - cx!) < 0.02 && Math.abs(b! - cy!) < 0.02)).toBe(true);
    const d = byClass(svg, 'diagonal')[0]!.attrs;
    const back = (px: number, m: typeof x) => { const [t0, t1] = [m.ticks[0]!, m.ticks.at(-1)!]; return t0.value + ((px - t0.px) * (t1.value - t0.value)) / (t1.px - t0.px); };
    expect(back(Number(d.x1), x)).toBeCloseTo(back(Number(d.y1), y), 3); // px are rounded to 0.01
    expect(back(Number(d.x2), x)).toBeCloseTo(back(Number(d.y2), y), 3);
  });

  it('labels exactly the studies outside the envelope by default', () => {
    const yi = [0, 0.1, -0.1, 0.05, -0.05, 0.02, 2.5, -0.03];
    const out = metaAnalysis({ yi, vi: yi.map(() => 0.01), labels: yi.map((_, i) => `S${i + 1}`) }, { method: 'EE' });
    const svg = qqPlot(out);
    expectReadablePlot(svg, 'qq-outlier', 520, 480);
    const outside = byClass(svg, 'outside').map((e) => e.attrs['data-study']);
    expect(outside).toContain('S7');
    expect(new Set(fullLabels(svg))).toEqual(new Set(outside));
  });

  it.each([2, 3, 40, 500])('stays readable for k = %i', (k) => {
    const svg = qqPlot(syntheticFit(k, { longLabels: true }), { labelOutside: false, width: 420, height: 400 });
    expectReadablePlot(svg, `qq-k${k}`, 420, 400);
    expect(byClass(svg, 'study')).toHaveLength(k);
  });
});
