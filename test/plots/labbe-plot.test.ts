// labbePlot: readable; circles at R's labbe() arm outcomes; the pooled-effect line y = x + b.
import { describe, expect, it } from 'vitest';
import { effectSizes, labbePlot, metaAnalysis } from '../../src/index.ts';
import { byClass, expectReadablePlot, fullLabels, readAxis } from './plot-geometry.ts';
import { BCG_COLUMNS, loadPlotFixture } from './plot-fixtures.ts';

const logit = (p: number) => Math.log(p / (1 - p));

describe('labbePlot', () => {
  const fx = loadPlotFixture('bcg');
  const rows = fx.rows.map((r) => ({ ...r, study: `${String(r.author)} ${String(r.year)}` }));

  it.each(['OR', 'RR', 'RD', 'AS'] as const)('%s: readable, circles at labbe() values, effect line at b', (measure) => {
    const ref = fx.labbe!.find((l) => l.measure === measure)!;
    const fit = metaAnalysis(effectSizes(measure, rows, { columns: BCG_COLUMNS }));
    const svg = labbePlot(fit, rows, { columns: BCG_COLUMNS, ci: true });
    expectReadablePlot(svg, `labbe-bcg-${measure}`, 540, 560);
    // on the log-odds scale every trial has room; on risk scales the large trials crowd near 0, and
    // what has no room is counted in the note
    const shown = fullLabels(svg);
    if (measure === 'OR') expect(new Set(shown)).toEqual(new Set(fit.labels));
    for (const label of shown) expect(fit.labels).toContain(label);
    const note = byClass(svg, 'note')[0]?.text;
    expect(note ?? `0 of ${fit.k} labels omitted for room`).toBe(`${fit.k - shown.length} of ${fit.k} labels omitted for room`);
    // tick labels are risks; positions are on the arm-level scale
    const decode = { OR: logit, RR: Math.log, RD: Number, AS: (p: number) => Math.asin(Math.sqrt(p)) }[measure];
    const x = readAxis(svg, 'x', (l) => decode(Number(l)));
    const y = readAxis(svg, 'y', (l) => decode(Number(l)));
    const circles = new Map(byClass(svg, 'study').map((c) => [c.attrs['data-study'], c.attrs]));
    fit.labels.forEach((label, i) => {
      const c = circles.get(label)!;
      expect(Math.abs(Number(c.cx) - x.px(ref.x[i]!))).toBeLessThan(0.05);
      expect(Math.abs(Number(c.cy) - y.px(ref.y[i]!))).toBeLessThan(0.05);
      // radii are rounded to 0.01 px: compare the size ratios to 1%
      const ratio = Number(c.r) / Number(circles.get(fit.labels[0])!.r);
      expect(Math.abs(ratio / (ref.cex[i]! / ref.cex[0]!) - 1)).toBeLessThan(0.01);
    });
    const line = byClass(svg, 'effect-line')[0]!.attrs;
    const back = (p: number, m: typeof x) => m.ticks[0]!.value + ((p - m.ticks[0]!.px) * (m.ticks.at(-1)!.value - m.ticks[0]!.value)) / (m.ticks.at(-1)!.px - m.ticks[0]!.px);
    for (const [lx, ly] of [[line.x1, line.y1], [line.x2, line.y2]]) {
      expect(back(Number(ly), y) - back(Number(lx), x)).toBeCloseTo(ref.b, 2);
    }
  });

  it('labels the arm-level scale with transform none and keeps small sizes readable', () => {
    const fit = metaAnalysis(effectSizes('OR', rows, { columns: BCG_COLUMNS }));
    const svg = labbePlot(fit, rows, { columns: BCG_COLUMNS, transform: 'none', width: 380, height: 400, fontSize: 10 });
    expectReadablePlot(svg, 'labbe-bcg-small', 380, 400);
    expect(svg).toContain('Log odds, group 2');
  });

  it('handles k = 2 and k = 300 tables', () => {
    for (const k of [2, 300]) {
      const many = Array.from({ length: k }, (_, i) => ({ study: `Trial ${i + 1} of a long multicentre programme`, tpos: 3 + (i % 7), tneg: 90 + (i % 13), cpos: 6 + (i % 5), cneg: 85 + (i % 11) }));
      const fit = metaAnalysis(effectSizes('RR', many, { columns: BCG_COLUMNS }));
      const svg = labbePlot(fit, many, { columns: BCG_COLUMNS });
      expectReadablePlot(svg, `labbe-k${k}`, 540, 560);
      expect(byClass(svg, 'study')).toHaveLength(k);
    }
  });
});
