import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipPolygonToStrip } from '../../src/plots/clip-polygon.ts';
import { evidenceMap } from '../../src/plots/evidence-map.ts';
import { textWidth } from '../../src/plots/font-metrics.ts';
import { legendSvg } from '../../src/plots/legend-svg.ts';
import { placeLabels } from '../../src/plots/place-labels.ts';
import { sensitivityPlot } from '../../src/plots/sensitivity-plot.ts';
import { svgDocument } from '../../src/plots/svg.ts';
import { wrapText } from '../../src/plots/wrap-text.ts';
import { heterogeneityText } from '../../src/plots/heterogeneity-text.ts';
import { InputError } from '../../src/errors.ts';
import { axisPosition, expectReadablePlot } from './plot-checks.ts';
import { overlappingTexts } from './svg-check.ts';

describe('sensitivityPlot', () => {
  const line = (md: number) => Array.from({ length: 21 }, (_, i) => {
    const sd = 2 + i;
    const half = 1.959963984540054 * sd * Math.sqrt(2 / 30);
    return { x: sd, estimate: md, lower: md - half, upper: md + half };
  });
  it('draws one panel per curve, sharing axes, with the threshold where asked', () => {
    const svg = sensitivityPlot({
      panels: [{ title: 'A long comparison title that will not fit in a narrow plot at all', points: line(8.7), threshold: { x: 17.19, label: 'CI includes 0 from SD 17.2' } }, { title: 'B', points: line(-3) }],
      xTitle: 'Assumed SD', yTitle: 'Mean difference', width: 360, fontSize: 11,
    });
    const el = expectReadablePlot(svg, ['Assumed SD', 'Mean difference', 'B'], 'sensitivity-unit');
    expect(el.filter((e) => e.attrs.class === 'interval-band')).toHaveLength(2);
    expect(el.filter((e) => e.attrs.class === 'threshold')).toHaveLength(1);
    const x = axisPosition(el, (v) => v);
    expect(Math.abs(Number(el.find((e) => e.attrs.class === 'threshold')!.attrs.x1) - x(17.19))).toBeLessThan(0.5);
  });
  it('rejects empty or non-finite input with an InputError', () => {
    expect(() => sensitivityPlot({ panels: [], xTitle: 'x', yTitle: 'y' })).toThrow(InputError);
    expect(() => sensitivityPlot({ panels: [{ title: 'p', points: [{ x: 1, estimate: 1, lower: 0, upper: 2 }] }], xTitle: 'x', yTitle: 'y' })).toThrow(/two points/);
    expect(() => sensitivityPlot({ panels: [{ title: 'p', points: [{ x: 1, estimate: NaN, lower: 0, upper: 2 }, { x: 2, estimate: 1, lower: 0, upper: 2 }] }], xTitle: 'x', yTitle: 'y' })).toThrow(/finite/);
  });
});

describe('evidenceMap', () => {
  const study = (id: string, group: string, year: number | null, status: 'published' | 'ongoing', extra: object = {}) => ({
    id, label: `Study ${id}`, year, group, design: 'randomised trial', status, n: 40, source: { document: 'doc', quote: 'q' }, ...extra,
  });
  const evidence = {
    title: 'Invented evidence base', asOf: '2026-01-01', sources: [{ id: 'doc', citation: 'A document' }],
    studies: [
      study('a', 'Group One with a rather long institutional name', 2019, 'published'),
      study('b', 'Group One with a rather long institutional name', 2021, 'published', { cohort: 'C1' }),
      study('c', 'Group Two', 2021, 'published', { cohort: 'C1' }),
      study('d', 'Sponsor Three', null, 'ongoing', { resultsExpected: '2027' }),
    ],
    arms: [
      { study: 'a', arm: 'drug', outcome: 'pain', timepoint: '6 weeks', n: 20, mean: 3, sd: 1, source: { document: 'doc', quote: 'q' } },
      { study: 'a', arm: 'placebo', outcome: 'pain', timepoint: '6 weeks', n: 20, mean: 4, sd: 1, source: { document: 'doc', quote: 'q' } },
    ],
    comparisons: [{ intervention: 'drug', comparator: 'placebo', outcome: 'pain', timepoint: '6 weeks' }],
  };
  it('draws every study in its group lane, in time order, and the declared shared cohort', () => {
    const svg = evidenceMap(evidence, { title: 'Map' });
    const el = expectReadablePlot(svg, ['Study a', 'Study b', 'Study c', 'Study d', 'Group Two', 'Sponsor Three', '2019', '2021', 'Expected 2027'], 'evidence-unit');
    expect(el.filter((e) => e.attrs.class === 'study ongoing').map((e) => e.attrs['data-study'])).toEqual(['d']);
    expect(el.filter((e) => e.attrs.class === 'overlap').map((e) => e.attrs['data-studies'])).toEqual(['b c']);
  });
  it('rejects an invalid evidence base with an InputError', () => {
    expect(() => evidenceMap({ title: 'x' })).toThrow(InputError);
  });
});

describe('shared helpers added with the plots', () => {
  it('wrapText keeps every line within the width and the words in order', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 30 }), fc.integer({ min: 40, max: 300 }), (words, w) => {
      const text = words.join(' ');
      const lines = wrapText(text, w, { fontSize: 10 });
      for (const l of lines) expect(textWidth(l, { fontSize: 10 })).toBeLessThanOrEqual(w + 1e-9);
      if (lines.every((l) => !l.includes('…'))) expect(lines.join(' ')).toBe(text);
    }), { seed: 3, numRuns: 200 });
    expect(wrapText('one two three four five six', 40, { fontSize: 10 }, 2)).toHaveLength(2);
  });
  it('placeLabels never overlaps labels with each other or with points', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 200 })), { maxLength: 40 }), (pts) => {
      const labels = pts.map((_, i) => `Study ${i}`);
      const placed = placeLabels(pts, labels, { x0: 0, y0: 0, x1: 300, y1: 200 }, { fontSize: 10, radius: 3 });
      const boxes = placed.flatMap((p) => (p ? [p.box] : []));
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
      for (const b of boxes) for (const [x, y] of pts) expect(b.x0 < x + 3 && x - 3 < b.x1 && b.y0 < y + 3 && y - 3 < b.y1).toBe(false);
    }), { seed: 5, numRuns: 100 });
  });
  it('clipPolygonToStrip keeps the part of a triangle inside the strip', () => {
    expect(clipPolygonToStrip([[0, 0], [10, 0], [10, 10]], 0, 5)).toEqual([[5, 5], [0, 0], [5, 0]]); // the same triangle, from another vertex
    expect(clipPolygonToStrip([[20, 0], [30, 0], [30, 10]], 0, 5)).toEqual([]);
  });
  it('legendSvg lays out entries without overlap', () => {
    const legend = legendSvg([{ label: 'Study', symbol: 'point' }, { label: 'Filled', symbol: 'open-point' }, { label: 'Line', symbol: 'line', dash: '4 3' }, { label: 'Band', symbol: 'swatch', colour: '#ccc' }, { label: 'Summary', symbol: 'diamond' }], 10, 10, 12);
    expect(legend.height).toBe(5 * 18);
    expect(overlappingTexts(svgDocument({ width: 200, height: 120 }, legend.elements))).toEqual([]);
  });
  it('heterogeneityText prints τ², I², Q(df) and p as it is', () => {
    expect(heterogeneityText({ k: 13, tau2: 0.3132, i2: 92.22, q: 152.233, qDf: 12, qPValue: 2.29e-26 })).toBe('Heterogeneity: τ² = 0.31, I² = 92.2%, Q(12) = 152.23, p = 2.29e-26');
    expect(heterogeneityText({ k: 1, tau2: 0, i2: 0, q: 0 })).toBe('Heterogeneity: not estimable (one study)');
  });
});
