import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trimAndFill } from '../../src/bias/trim-and-fill.ts';
import { metaAnalysis } from '../../src/models/meta-analysis.ts';
import { funnelPlot } from '../../src/plots/funnel-plot.ts';
import { InputError } from '../../src/errors.ts';
import type { Measure } from '../../src/types.ts';
import { axisPosition, expectReadablePlot, leftAxisPosition } from './plot-checks.ts';
import { svgElements } from './svg-check.ts';

interface Fixture {
  dataset: string;
  rows: Record<string, unknown>[];
  effectSizes: { measure: Measure; yi: (number | null)[]; vi: (number | null)[] }[];
  models: { measure: Measure; effect?: number; method: string; test: string; b?: number }[];
  diagnostics?: { measure: Measure; method: string; trimfill?: { k0: number; b: number; 'filled.yi': number | number[]; 'filled.vi': number | number[] } };
}
const load = (dir: string, name: string): Fixture => JSON.parse(readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), 'utf8'));
const INVERSE: Partial<Record<Measure, (v: number) => number>> = {
  OR: Math.log, RR: Math.log, PETO: Math.log, ROM: Math.log, PLN: Math.log, MNLN: Math.log,
  ZCOR: Math.atanh, PLO: (p) => Math.log(p / (1 - p)), PAS: (p) => Math.asin(Math.sqrt(p)),
};
const label = (row: Record<string, unknown>, i: number): string => {
  const name = ['study', 'author', 'authors', 'trial', 'paper'].map((k) => row[k]).find((v) => typeof v === 'string' && v !== '');
  return name ? `${name}${typeof row.year === 'number' ? ` (${row.year})` : ''}` : `Study ${i + 1}`;
};
const list = (x: number | number[]): number[] => (Array.isArray(x) ? x : [x]);

/** Every study's name is on the plot: as a label beside its point, or as the `<title>` of the point. */
function expectNamedPoints(svg: string, labels: readonly string[]): void {
  const points = svgElements(svg).filter((e) => e.tag === 'circle' && e.attrs.class === 'study-point');
  expect(points.map((p) => p.attrs['data-study'])).toEqual(labels);
  const titles = [...svg.matchAll(/<circle[^>]*class="study-point"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
  expect(titles).toEqual(labels);
}

function fixtureFit(f: Fixture, effect: number) {
  const es = f.effectSizes[effect]!;
  const keep = es.yi.flatMap((y, i) => (y !== null && es.vi[i] !== null ? [i] : []));
  return metaAnalysis({ yi: keep.map((i) => es.yi[i]!), vi: keep.map((i) => es.vi[i]!), labels: keep.map((i) => label(f.rows[i]!, i)), measure: es.measure }, { method: 'REML' });
}

describe('funnelPlot on data sets it has never seen (metafor fixtures)', () => {
  for (const dir of ['metafor', 'metafor-extra']) {
    for (const file of readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url)).filter((n) => n.endsWith('.json'))) {
      const f = load(dir, file);
      const tf = f.diagnostics?.trimfill;
      if (!tf || !f.effectSizes) continue;
      const effect = f.effectSizes.findIndex((e) => e.measure === f.diagnostics!.measure);
      const model = f.models.find((m) => m.method === 'REML' && m.test === 'z' && (m.effect === undefined || m.effect === effect) && m.measure === f.diagnostics!.measure);
      it(`${f.dataset} (${f.diagnostics!.measure}): names every study, reads well, lines and filled studies where metafor puts them`, () => {
        const fit = fixtureFit(f, effect);
        const measure = fit.measure!;
        const filledYi = list(tf['filled.yi']);
        const filledVi = list(tf['filled.vi']);
        const metaforFill = { estimate: tf.b, k0: tf.k0, filled: filledYi.map((yi, i) => ({ label: `Filled ${i + 1}`, yi, vi: filledVi[i]! })) };
        const svg = funnelPlot(fit, { trimAndFill: metaforFill });
        const el = expectReadablePlot(svg, [], `funnel-${f.dataset}`);
        expectNamedPoints(svg, fit.labels);
        const x = axisPosition(el, INVERSE[measure] ?? ((v) => v));
        const y = leftAxisPosition(el);
        const pooled = el.find((e) => e.attrs.class === 'pooled-estimate')!;
        expect(Math.abs(Number(pooled.attrs.x1) - x(model!.b!))).toBeLessThan(0.5);
        const adjusted = el.find((e) => e.attrs.class === 'trim-and-fill-estimate');
        if (adjusted) expect(Math.abs(Number(adjusted.attrs.x1) - x(tf.b))).toBeLessThan(0.5);
        const open = el.filter((e) => e.attrs.class === 'filled-study');
        expect(open).toHaveLength(tf.k0);
        open.forEach((p, i) => {
          expect(Math.abs(Number(p.attrs.cx) - x(filledYi[i]!))).toBeLessThan(0.5);
          expect(Math.abs(Number(p.attrs.cy) - y(Math.sqrt(filledVi[i]!)))).toBeLessThan(0.5);
        });
        // our own trim and fill finds as many missing studies as metafor's
        expect(svgElements(funnelPlot(fit, { trimAndFill: trimAndFill(fit) })).filter((e) => e.attrs.class === 'filled-study')).toHaveLength(tf.k0);
      });
    }
  }
});

describe('funnelPlot geometry', () => {
  const bcg = load('metafor', 'bcg.json');
  const es = bcg.effectSizes.find((e) => e.measure === 'RR')!;
  const fit = metaAnalysis({ yi: es.yi as number[], vi: es.vi as number[], labels: bcg.rows.map((r) => String(r.author)), measure: 'RR' });
  const svg = funnelPlot(fit, { trimAndFill: trimAndFill(fit) });
  const el = svgElements(svg);
  const x = axisPosition(el, Math.log);
  const y = leftAxisPosition(el);
  const bottomSe = Number(el.filter((e) => e.attrs.class === 'tick' && e.attrs['text-anchor'] === 'end').at(-1)!.text);
  it('draws the pseudo 95% region as μ̂ ± 1.959964·SE, from the apex to the bottom', () => {
    const lines = el.filter((e) => e.attrs.class === 'pseudo-ci');
    expect(lines).toHaveLength(2);
    for (const [line, side] of [[lines[0]!, -1], [lines[1]!, 1]] as const) {
      expect(Math.abs(Number(line.attrs.x1) - x(fit.estimate))).toBeLessThan(0.5);
      expect(Math.abs(Number(line.attrs.y1) - y(0))).toBeLessThan(0.5);
      const seAtEnd = bottomSe; // ends at the bottom when not clipped by the sides
      expect(Math.abs(Number(line.attrs.x2) - x(fit.estimate + side * 1.959963984540054 * seAtEnd))).toBeLessThan(0.5);
    }
  });
  it('shades contours at |z| = 1.645, 1.960 and 2.576 around RR = 1', () => {
    const bands = el.filter((e) => e.attrs.class === 'contour');
    expect(bands.length).toBeGreaterThanOrEqual(4);
    const vertices = bands.flatMap((b) => b.attrs.points!.split(' ').map((p) => p.split(',').map(Number) as [number, number]));
    const bottom = y(bottomSe);
    for (const z of [1.6448536269514722, 1.959963984540054, 2.5758293035489004]) {
      for (const side of [-1, 1]) {
        const want = x(side * z * bottomSe);
        const [lo, hi] = [x(Math.log(0.05)), x(Math.log(5))];
        if (want < lo || want > hi) continue;
        expect(vertices.some(([vx, vy]) => Math.abs(vx - want) < 0.5 && Math.abs(vy - bottom) < 0.5)).toBe(true);
      }
    }
  });
  it('renders with its legend and without overlapping text', () => {
    expectReadablePlot(svg, ['Study', 'Filled (trim and fill)', 'Pooled estimate', 'Pseudo 95% CI', 'Standard Error', 'Risk Ratio (log scale)'], 'funnel-bcg');
  });
  it('handles k = 1, k = 500, a font size and a size', () => {
    const one = metaAnalysis({ yi: [0.4], vi: [0.04], labels: ['Only'] });
    expectReadablePlot(funnelPlot(one), ['Only'], 'funnel-k1');
    let s = 9;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const vi = Array.from({ length: 500 }, () => 0.005 + rnd() ** 2 * 0.2);
    const big = metaAnalysis({ yi: vi.map((v) => 0.2 + (rnd() - 0.5) * 3 * Math.sqrt(v)), vi, labels: vi.map((_, i) => `S${i + 1}`), measure: 'SMD' });
    const svg500 = funnelPlot(big, { width: 700, height: 520, fontSize: 13 });
    expectReadablePlot(svg500, [], 'funnel-k500');
    expectNamedPoints(svg500, big.labels);
    expect(svgElements(svg500)[0]!.attrs.width).toBe('700');
    expect(svgElements(svg500).filter((e) => e.attrs.class === 'point-label')).toHaveLength(0); // 'auto' names points beside them only for k ≤ 40
    const all = funnelPlot(big, { labels: 'all' });
    expectReadablePlot(all, [], 'funnel-k500-labels');
    expect(svgElements(all).filter((e) => e.attrs.class === 'point-label').length).toBeGreaterThan(0);
    expect(svgElements(funnelPlot(fit, { labels: 'none' })).filter((e) => e.attrs.class === 'point-label')).toHaveLength(0);
  });
  it('rejects bad options with an InputError naming them', () => {
    expect(() => funnelPlot(fit, { contours: [0.1, 2] })).toThrow(InputError);
    expect(() => funnelPlot(fit, { contours: [0.1, 2] })).toThrow(/contours/);
    expect(() => funnelPlot(fit, { width: 100 })).toThrow(/width/);
    expect(() => funnelPlot(fit, { level: 95 })).toThrow(/level/);
  });
});
