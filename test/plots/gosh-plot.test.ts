// goshPlot (metafor's plot.gosh.rma): every subset of the 13 BCG trials, looked at as PNG
// (out/plots/gosh-*.png); margins checked against R's hist() and density() of metafor's gosh().
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gosh, goshPlot, metaAnalysis, type GoshResult } from '../../src/index.ts';
import { goshPlotData } from '../../src/plots/gosh-data.ts';
import { kernelDensity } from '../../src/plots/kernel-density.ts';
import { thrownInputError } from '../input-error.ts';
import { byClass, expectReadablePlot, readAxis } from './plot-geometry.ts';
import { fixtureFit, loadPlotFixture } from './plot-fixtures.ts';
import { svgElements } from './svg-check.ts';

interface Margin { breaks: number[]; counts: number[]; bw: number; dx: number[]; dy: number[] }
const R = JSON.parse(readFileSync(new URL('../fixtures/metafor-gosh/bcg-gosh.json', import.meta.url), 'utf8')) as {
  subsets: number; out: number; estimate: Margin; i2: Margin; withOut: number; failed: number[][];
  i2Range: number[]; h2Range: number[]; qRange: number[]; tau2Range: number[];
  outCounts: { estimateWith: number[]; estimateWithout: number[]; i2With: number[]; i2Without: number[] };
};

const fx = loadPlotFixture('bcg');
const fit = fixtureFit(fx, fx.fits[0]!); // REML, as generate.R
const g = gosh(fit); // 2^13 − 1 = 8191 subsets: all of them
const k = g.k;
const holds = (s: number, i: number) => g.included[s * k + i] === 1;
/** Subsets metafor 5.1 could not fit (REML did not converge): pooled fits them, R leaves them out. */
const failedInR = R.failed.map((studies) => {
  const s = Array.from({ length: g.subsets }, (_, t) => t).find((t) => Array.from({ length: k }, (_, i) => holds(t, i) === studies.includes(i + 1)).every(Boolean));
  return s!;
});

/** Bars of one margin (class bar inside the margin group of that side), optionally one series. */
function bars(svg: string, side: 'top' | 'right', out?: 'with' | 'without') {
  const right = svg.indexOf('<g class="margin margin-right">');
  const m = side === 'top' ? svg.slice(svg.indexOf('<g class="margin margin-top">'), right) : svg.slice(right);
  const withAt = m.indexOf('data-out="with"');
  const part = out === undefined ? m : out === 'with' ? m.slice(withAt) : m.slice(0, withAt);
  const attr = (bar: string, name: string) => Number(new RegExp(`${name}="([^"]*)"`).exec(bar)![1]);
  return (part.match(/<rect [^>]*class="bar"[^>]*\/>/g) ?? []).map((b) => ({ lower: attr(b, 'data-lower'), upper: attr(b, 'data-upper'), count: attr(b, 'data-count') }));
}

/** Counts of R's bins plus the subsets R could not fit, placed in R's right-closed bins. */
function withPooledExtras(counts: readonly number[], breaks: readonly number[], values: readonly number[]): number[] {
  const out = [...counts];
  for (const v of values) out[breaks.findIndex((b, j) => j > 0 && v <= b && (j === 1 ? v >= breaks[0]! : v > breaks[j - 1]!)) - 1]!++;
  return out;
}

describe('goshPlot', () => {
  it('BCG, all 8191 subsets: one point each, axes over R\'s histogram breaks, margins as R\'s hist()', () => {
    expect(g.subsets).toBe(R.subsets);
    const svg = goshPlot(g, { xTitle: 'Log Risk Ratio' });
    expectReadablePlot(svg, 'gosh-bcg', 620, 600);
    const finite = Array.from(g.estimate, (x, s) => Number.isFinite(x) && Number.isFinite(g.i2[s]!)).filter(Boolean).length;
    expect(svg.match(/<circle cx/g)).toHaveLength(finite);
    expect(finite).toBe(8191);
    // x axis: R's breaks of the estimates (-1.8 to 0.6), padded by 4% as R pads xlim
    const [lo, hi] = [R.estimate.breaks[0]!, R.estimate.breaks.at(-1)!];
    const x = readAxis(svg, 'x');
    const axisLine = svgElements(svg).find((e) => e.tag === 'line' && e.attrs.y1 === e.attrs.y2)!;
    expect(Number(axisLine.attrs.x1)).toBeCloseTo(x.px(lo - 0.04 * (hi - lo)), 1);
    expect(Number(axisLine.attrs.x2)).toBeCloseTo(x.px(hi + 0.04 * (hi - lo)), 1);
    // y axis: I² breaks 0..100, padded
    const y = readAxis(svg, 'y');
    expect(R.i2.breaks).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const yLine = svgElements(svg).find((e) => e.tag === 'line' && e.attrs.x1 === e.attrs.x2 && Number(e.attrs.y1) - Number(e.attrs.y2) > 100)!;
    expect(Number(yLine.attrs.y1)).toBeCloseTo(y.px(-4), 1);
    expect(Number(yLine.attrs.y2)).toBeCloseTo(y.px(104), 1);
    // a subset's point sits at its estimate and I²
    const first = svgElements(svg).find((e) => e.tag === 'circle')!;
    expect(Number(first.attrs.cx)).toBeCloseTo(x.px(g.estimate[0]!), 1);
    expect(Number(first.attrs.cy)).toBeCloseTo(y.px(g.i2[0]!), 1);
    // margins: R's breaks, R's counts once the two subsets R could not fit are added
    const top = bars(svg, 'top');
    const right = bars(svg, 'right');
    const nonEmpty = (m: Margin, counts: number[]) => counts.flatMap((c, j) => (c > 0 ? [{ lower: m.breaks[j]!, upper: m.breaks[j + 1]!, count: c }] : []));
    const near = (a: { lower: number; upper: number; count: number }[]) => a.map((b) => ({ ...b, lower: Number(b.lower.toFixed(9)), upper: Number(b.upper.toFixed(9)) }));
    expect(near(top)).toEqual(near(nonEmpty(R.estimate, withPooledExtras(R.estimate.counts, R.estimate.breaks, failedInR.map((s) => g.estimate[s]!)))));
    expect(near(right)).toEqual(near(nonEmpty(R.i2, withPooledExtras(R.i2.counts, R.i2.breaks, failedInR.map((s) => g.i2[s]!)))));
  }, 30_000);

  it('out = 4: the subsets with and without study 4, each margin split as R splits it', () => {
    const svg = goshPlot(g, { out: 4, xTitle: 'Log Risk Ratio' });
    expectReadablePlot(svg, 'gosh-bcg-out4', 620, 600);
    const count = (out: string) => (new RegExp(`<g fill="[^"]*" fill-opacity="[^"]*" class="subsets" data-subsets="\\d+" data-out="${out}">(.*?)</g>`).exec(svg)![1]!.match(/<circle/g) ?? []).length;
    expect(count('with')).toBe(R.withOut); // 2^12: neither subset R failed holds study 4
    expect(count('without')).toBe(g.subsets - R.withOut);
    const counts = (side: 'top' | 'right', out: 'with' | 'without') => bars(svg, side, out).map((b) => b.count);
    const extras = (key: 'estimate' | 'i2') => failedInR.map((s) => g[key][s]!);
    expect(counts('top', 'with')).toEqual(R.outCounts.estimateWith.filter((c) => c > 0));
    expect(counts('right', 'with')).toEqual(R.outCounts.i2With.filter((c) => c > 0));
    expect(counts('top', 'without')).toEqual(withPooledExtras(R.outCounts.estimateWithout, R.estimate.breaks, extras('estimate')).filter((c) => c > 0));
    expect(counts('right', 'without')).toEqual(withPooledExtras(R.outCounts.i2Without, R.i2.breaks, extras('i2')).filter((c) => c > 0));
    expect(svg).toContain('With study 4');
    expect(svg).toContain('Without study 4');
  }, 30_000);

  it('margin densities: R\'s density() of the same subsets (bw.nrd0, 512 points)', () => {
    const keep = Array.from({ length: g.subsets }, (_, s) => s).filter((s) => !failedInR.includes(s));
    for (const [key, m] of [['estimate', R.estimate], ['i2', R.i2]] as const) {
      const d = kernelDensity(Float64Array.from(keep, (s) => g[key][s]!))!;
      // the subsets' estimates agree with metafor's to its REML tolerance, not to the last digit
      expect(d.bandwidth / m.bw).toBeCloseTo(1, 5);
      expect(d.x[0]).toBeCloseTo(m.dx[0]!, 6);
      expect(d.x[511]).toBeCloseTo(m.dx[511]!, 6);
      const peak = Math.max(...m.dy);
      // R bins onto a coarser grid (2 × 512 over a wider range) before its FFT: agree to 0.5% of the peak
      for (let j = 0; j < 512; j++) expect(Math.abs(d.y[j]! - m.dy[j]!)).toBeLessThan(0.005 * peak);
    }
  });

  it('kernelDensity is the sum of Gaussian kernels (direct computation)', () => {
    const values = Float64Array.from({ length: 2000 }, (_, i) => Math.sin(i * 1.7) + 0.3 * Math.cos(i * 0.31));
    const d = kernelDensity(values, { adjust: 0.7 })!;
    const h = d.bandwidth;
    for (const j of [0, 100, 255, 400, 511]) {
      let s = 0;
      for (const v of values) s += Math.exp(-0.5 * ((d.x[j]! - v) / h) ** 2);
      const exact = s / (values.length * h * Math.sqrt(2 * Math.PI));
      expect(Math.abs(d.y[j]! - exact)).toBeLessThan(1e-3 * Math.max(...d.y));
    }
  });

  it('H², Q and τ² on the y axis match metafor\'s gosh() ranges', () => {
    const keep = (s: number) => !failedInR.includes(s);
    for (const [het, range] of [['H2', R.h2Range], ['Q', R.qRange], ['tau2', R.tau2Range], ['I2', R.i2Range]] as const) {
      const ys = Array.from(goshPlotData(g, het, null).groups[0]!.y).filter((_, s) => keep(s));
      expect(Math.min(...ys)).toBeCloseTo(range[0]!, 6);
      expect(Math.max(...ys) / range[1]!).toBeCloseTo(1, 6);
    }
    const svg = goshPlot(g, { het: 'tau2', histograms: false, out: 1 });
    expectReadablePlot(svg, 'gosh-bcg-tau2-nohist', 620, 600);
    expect(byClass(svg, 'margin')).toHaveLength(0);
    expect(svg).toContain('τ²');
  }, 30_000);

  it('binned: cells shaded as stacked points, size bounded by the area; 2·10⁵ subsets bin by default', () => {
    const svg = goshPlot(g, { binned: true, out: 4 });
    expectReadablePlot(svg, 'gosh-bcg-binned', 620, 600);
    expect(svg).not.toContain('<circle cx');
    expect(byClass(svg, 'subset-cells').map((e) => Number(e.attrs['data-subsets']))).toEqual([g.subsets - R.withOut, R.withOut]);
    // three identical subsets: one cell of opacity 1 − (1 − α)³
    const tiny = fake(3, () => [0.2, 50]);
    const cell = goshPlot(tiny, { binned: true, alpha: 0.3 });
    const rects = byClass(cell, 'subset-cells')[0]!;
    expect(rects).toBeDefined();
    const opacities = [...cell.matchAll(/<rect x="[^"]*" y="[^"]*" width="[^"]*" height="[^"]*" fill-opacity="([^"]*)"\/>/g)].map((m) => Number(m[1]));
    expect(opacities).toEqual([Number((1 - 0.7 ** 3).toFixed(2))]);
    // many subsets: binned without asking, and the SVG stays small
    let seed = 3;
    const u = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const big = fake(200_000, () => [Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()), 100 * u() ** 2]);
    const bigSvg = goshPlot(big);
    expectReadablePlot(bigSvg, 'gosh-binned-2e5', 620, 600);
    expect(bigSvg).not.toContain('<circle cx');
    expect(bigSvg.length).toBeLessThan(1_500_000);
  }, 30_000);

  it('survives JSON: the parsed result draws the same plot', () => {
    const small = gosh(metaAnalysis({ yi: [0.1, 0.3, 0.5, -0.2, 0.8], vi: [0.01, 0.02, 0.015, 0.03, 0.02] }));
    expect(goshPlot(JSON.parse(JSON.stringify(small)) as GoshResult, { out: 2 })).toBe(goshPlot(small, { out: 2 }));
  });

  it('bad options and results are InputErrors naming the field, with their codes', () => {
    const small = gosh(metaAnalysis({ yi: [0.1, 0.3, 0.5, -0.2, 0.8], vi: [0.01, 0.02, 0.015, 0.03, 0.02] }));
    const code = (f: () => unknown) => { const e = thrownInputError(f); return [e.field, e.code]; };
    expect(code(() => goshPlot(small, { het: 'I^2' as never }))).toEqual(['het', 'E_INVALID_CHOICE']);
    expect(code(() => goshPlot(small, { out: 0 }))).toEqual(['out', 'E_OUT_OF_RANGE']);
    expect(code(() => goshPlot(small, { out: 6 }))).toEqual(['out', 'E_OUT_OF_RANGE']);
    expect(code(() => goshPlot(small, { out: 2.5 }))).toEqual(['out', 'E_OUT_OF_RANGE']);
    expect(code(() => goshPlot(small, { out: '2' as never }))).toEqual(['out', 'E_INVALID_TYPE']);
    expect(code(() => goshPlot(small, { breaks: 0 }))).toEqual(['breaks', 'E_OUT_OF_RANGE']);
    expect(code(() => goshPlot(small, { alpha: 1.5 }))).toEqual(['alpha', 'E_OUT_OF_RANGE']);
    expect(code(() => goshPlot(small, { alpha: NaN }))).toEqual(['alpha', 'E_NOT_FINITE']);
    expect(code(() => goshPlot(small, { adjust: -1 }))).toEqual(['adjust', 'E_OUT_OF_RANGE']);
    expect(code(() => goshPlot(small, { binned: 'yes' as never }))).toEqual(['binned', 'E_INVALID_TYPE']);
    expect(code(() => goshPlot(small, { xTitle: 3 as never }))).toEqual(['xTitle', 'E_INVALID_TYPE']);
    expect(code(() => goshPlot(small, { width: 10 }))).toEqual(['width', 'E_OUT_OF_RANGE']);
    expect(code(() => goshPlot(small, { bins: 10 } as never))).toEqual(['options', 'E_UNKNOWN_OPTION']);
    const ee = gosh(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'EE' }));
    expect(code(() => goshPlot(ee, { het: 'tau2' }))).toEqual(['het', 'E_UNSUPPORTED']);
    expect(code(() => goshPlot(fit as never))).toEqual(['result', 'E_INVALID_RESULT']);
    expect(code(() => goshPlot({ ...small, i2: small.i2.subarray(1) }))).toEqual(['result.i2', 'E_INVALID_RESULT']);
    expect(code(() => goshPlot(null as never))).toEqual(['result', 'E_INVALID_RESULT']);
  });
});

/** A result shaped as gosh's, with `m` subsets at the given (estimate, I²), k = 3. */
function fake(m: number, at: (s: number) => [number, number]): GoshResult {
  const estimate = new Float64Array(m);
  const i2 = new Float64Array(m);
  for (let s = 0; s < m; s++) [estimate[s], i2[s]] = at(s);
  return { k: 3, method: 'REML', subsets: m, exhaustive: false, seed: 1, estimate, i2, tau2: new Float64Array(m).fill(0.1), q: new Float64Array(m).fill(2), size: new Float64Array(m).fill(2), included: new Uint8Array(3 * m).fill(1) };
}
