import type { FilledStudy } from '../bias/trim-and-fill.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { backTransform, TRANSFORMS, type BackTransform, type TransformName } from '../effect-sizes/back-transform.ts';
import { InputError, assertLevel, assertOneOf, numberCode } from '../errors.ts';
import { positiveOption } from './positive-option.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { axisScale, type AxisScale } from './axis-scale.ts';
import { axisSvg } from './axis-svg.ts';
import { clipPolygonToStrip, type Point } from './clip-polygon.ts';
import { textWidth } from './font-metrics.ts';
import { referenceValue } from './reference-value.ts';
import { legendSvg, legendWidth, type LegendItem } from './legend-svg.ts';
import { PALETTE } from './palette.ts';
import { placeLabels } from './place-labels.ts';
import { escapeXml, px, svgDocument, svgElement, svgText } from './svg.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Options of `funnelPlot`. */
export interface FunnelPlotOptions {
  /** Display scale of the x axis (default `'auto'`: ratios for log measures, r for Fisher's z, …). */
  readonly transform?: TransformName | 'auto';
  /** Sample sizes, needed only for the inverse Freeman–Tukey (`PFT`) scale. */
  readonly n?: ArrayLike<number>;
  /** A `trimAndFill(fit)` result: its filled studies are drawn as open points, its estimate as a dotted line. */
  readonly trimAndFill?: { readonly filled: readonly FilledStudy[]; readonly estimate: number; readonly k0: number };
  /** Significance contours around the reference line: p-value cut-offs (default [0.10, 0.05, 0.01]); `false` for none. */
  readonly contours?: readonly number[] | false;
  /** Level of the pseudo-confidence region around the pooled estimate (default: the fit's level). */
  readonly level?: number;
  /** Centre of the contours on the display scale (default: no effect, 0 or 1; none for single-group measures); `null` for none. */
  readonly referenceLine?: number | null;
  /** Study names beside the points where they fit: `'auto'` (the default) for k ≤ 40, `'all'` for any k, `'none'` never. Every point also carries its name as a `<title>`. */
  readonly labels?: 'auto' | 'all' | 'none';
  readonly width?: number;
  readonly height?: number;
  readonly fontSize?: number;
  readonly title?: string;
  readonly axisTitle?: string;
}

/** The valid keys of {@link FunnelPlotOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const FUNNEL_PLOT_OPTION_KEYS = optionKeys<FunnelPlotOptions>()('transform', 'n', 'trimAndFill', 'contours', 'level', 'referenceLine', 'labels', 'width', 'height', 'fontSize', 'title', 'axisTitle');

const BAND_FILLS = ['#EEEEEE', '#D9D9D9', '#C0C0C0'];

/**
 * Funnel plot of a meta-analysis as a standalone SVG string (Light & Pillemer, 1984; Sterne &
 * Egger, 2001, J Clin Epidemiol 54:1046; drawn as metafor's `funnel.rma`): each study's estimate
 * against its standard error √vᵢ on a reversed axis (precise studies on top), the pooled estimate
 * with its pseudo-confidence region μ̂ ± z·SE (dashed), and contour-enhanced bands (Peters et al.,
 * 2008, J Clin Epidemiol 61:991) where a study's two-sided p-value against the reference line is
 * between 0.10 and 0.05, 0.05 and 0.01, or below 0.01 (greys, darker for smaller p). With a
 * `trimAndFill` result its filled studies are open points and its adjusted estimate a dotted line.
 * The x axis is back-transformed as in `forestPlot` (odds ratios on a log axis, …).
 *
 * @throws {InputError} for a fit without studies or bad options.
 * @example
 * const fit = metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2], vi: [0.02, 0.05, 0.11, 0.07, 0.03], labels: ['A', 'B', 'C', 'D', 'E'] });
 * funnelPlot(fit, { trimAndFill: trimAndFill(fit) }).includes('Standard Error'); // => true
 */
export function funnelPlot(fit: MetaAnalysisResult, options: FunnelPlotOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, FUNNEL_PLOT_OPTION_KEYS);
    const o = resolve(fit, options);
    const transform = backTransform(fit.measure, o.transform, { n: o.n });
    const reference = referenceValue(fit.measure, transform, o.referenceLine);
    const observed = fit.yi.map((y, i) => ({ y, se: Math.sqrt(fit.vi[i]!), label: fit.labels[i] ?? `Study ${i + 1}`, filled: false }));
    const filled = (o.trimAndFill?.filled ?? []).map((f) => ({ y: f.yi, se: Math.sqrt(f.vi), label: f.label, filled: true }));
    const all = [...observed, ...filled];
    const crit = normalQuantile((1 - o.level) / 2, true);
    const contours = reference === null || o.contours === false ? [] : [...o.contours].sort((a, b) => b - a);
    const legend = legendItems(contours, o.level, o.trimAndFill !== undefined, filled.length > 0);
    const fs = o.fontSize;
    const { xScale, yScale, frame } = funnelScales(all, fit.estimate, crit, reference, transform, legendWidth(legend, 0.9 * fs), o);
    const { left, right, top, bottom } = frame;
    const els: string[] = [
      ...bands(xScale, yScale, reference, contours, frame),
      ...pseudoRegion(xScale, yScale, fit.estimate, crit, frame),
      ...verticals(xScale, frame, fit.estimate, reference, o.trimAndFill?.estimate),
    ];
    const r = all.length > 100 ? 2 : 0.3 * fs;
    const at = all.map((p) => [xScale.position(p.y), yScale.position(p.se)] as const);
    all.forEach((p, i) => els.push(point(at[i]![0], at[i]![1], r, p.label, p.filled)));
    if (o.labels === 'all' || (o.labels === 'auto' && observed.length <= 40)) els.push(...pointLabels(at.slice(0, observed.length), observed.map((p) => p.label), at.slice(observed.length), frame, fs, r));
    els.push(svgElement('rect', { x: left, y: top, width: right - left, height: bottom - top, fill: 'none', stroke: PALETTE.ink, 'stroke-width': 1 }));
    const axisTitle = o.axisTitle ?? `${transform.scale}${transform.name === 'exp' ? ' (log scale)' : ''}`;
    els.push(...axisSvg(xScale, { orient: 'bottom', at: bottom, title: axisTitle, fontSize: fs }).elements);
    els.push(...axisSvg(yScale, { orient: 'left', at: left, title: 'Standard Error', fontSize: fs }).elements);
    els.push(...legendSvg(legend, right + 1.5 * fs, top, 0.9 * fs).elements);
    if (o.title) els.push(svgText(fs, 1.5 * fs, o.title, { bold: true, fontSize: 1.15 * fs, attrs: { class: 'title' } }));
    return svgDocument({ width: o.width, height: o.height, fontSize: fs, title: o.title ?? `Funnel plot (${fit.k} studies${filled.length ? `, ${filled.length} filled` : ''})` }, els);
  });
}

/** The two axes and the plot frame: SE from 0 (top) to the largest SE, x covering the points, the pseudo-CI at the bottom and the reference line. */
function funnelScales(
  all: readonly { y: number; se: number }[], estimate: number, crit: number, reference: number | null,
  transform: BackTransform, legendW: number, o: ResolvedFunnel,
): { xScale: AxisScale; yScale: AxisScale; frame: Frame } {
  const fs = o.fontSize;
  const top = (o.title ? 2.4 : 1) * fs;
  const bottom = o.height - 3.6 * fs;
  const maxSe = Math.max(...all.map((p) => p.se).filter(Number.isFinite), 1e-8);
  const yScale = axisScale({ domain: [0, 1.04 * maxSe], range: [top, bottom], fontSize: fs, vertical: true });
  const yLabelWidth = Math.max(...yScale.ticks.map((t) => textWidth(t.label, { fontSize: fs })));
  const left = fs + 1.3 * fs + 0.8 * fs + yLabelWidth + 8;
  const right = o.width - 1.5 * fs - legendW - fs;
  if (right - left < 6 * fs) throw new InputError(`is too small for the plot and its legend (need at least ${Math.ceil(left + 6 * fs + 2.5 * fs + legendW)} px)`, { field: 'width', value: o.width, code: numberCode(o.width) });
  const S = yScale.domain[1];
  const xs = [...all.map((p) => p.y), estimate - crit * S, estimate + crit * S, ...(reference === null ? [] : [reference])].filter(Number.isFinite);
  const xScale = axisScale({ domain: padded(Math.min(...xs), Math.max(...xs)), range: [left, right], transform, fontSize: fs });
  return { xScale, yScale, frame: { left, right, top, bottom } };
}

interface ResolvedFunnel {
  readonly transform: TransformName | 'auto';
  readonly n: ArrayLike<number> | undefined;
  readonly trimAndFill: FunnelPlotOptions['trimAndFill'];
  readonly contours: readonly number[] | false;
  readonly level: number;
  readonly referenceLine: number | null | undefined;
  readonly labels: 'auto' | 'all' | 'none';
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly title: string | undefined;
  readonly axisTitle: string | undefined;
}

function resolve(fit: MetaAnalysisResult, o: FunnelPlotOptions): ResolvedFunnel {
  if (!fit || !Array.isArray(fit.yi) || fit.yi.length === 0 || fit.yi.length !== fit.vi?.length) {
    throw new InputError('needs a metaAnalysis result with at least one study (yi, vi, labels)', { field: 'fit', code: 'E_TOO_FEW_STUDIES' });
  }
  if (o.transform !== undefined && o.transform !== 'auto') assertOneOf(o.transform, TRANSFORMS, 'transform');
  if (o.labels !== undefined) assertOneOf(o.labels, ['auto', 'all', 'none'] as const, 'labels');
  const level = o.level ?? fit.level;
  assertLevel(level);
  const contours = o.contours ?? [0.1, 0.05, 0.01];
  if (contours !== false) contours.forEach((p, i) => {
    if (!(p > 0 && p < 1)) throw new InputError('must be p-values strictly between 0 and 1', { field: 'contours', row: i + 1, value: p, code: numberCode(p) });
  });
  const fontSize = positiveOption(o.fontSize, 'fontSize', 12);
  return {
    transform: o.transform ?? 'auto', n: o.n, trimAndFill: o.trimAndFill, contours, level, referenceLine: o.referenceLine,
    labels: o.labels ?? 'auto', width: positiveOption(o.width, 'width', 46 * fontSize), height: positiveOption(o.height, 'height', 34 * fontSize),
    fontSize, title: o.title, axisTitle: o.axisTitle,
  };
}


function padded(lo: number, hi: number): [number, number] {
  const span = hi - lo || Math.max(Math.abs(lo), 1) * 0.5;
  return [lo - 0.04 * span, hi + 0.04 * span];
}

interface Frame { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }

/** Shaded bands where |y − ref|/SE lies between successive normal quantiles of the contours' p-values. */
function bands(x: AxisScale, y: AxisScale, ref: number | null, contours: readonly number[], f: Frame): string[] {
  if (ref === null || contours.length === 0) return [];
  const S = y.domain[1];
  const z = contours.map((p) => normalQuantile(p / 2, true));
  const far = Math.max(Math.abs(x.domain[0] - ref), Math.abs(x.domain[1] - ref)) * 10 + 1;
  const out: string[] = [];
  z.forEach((za, i) => {
    const zb = z[i + 1];
    for (const side of [1, -1]) {
      const poly: Point[] = zb === undefined
        ? [[ref, 0], [ref + side * far, 0], [ref + side * far, S], [ref + side * za * S, S]]
        : [[ref, 0], [ref + side * zb * S, S], [ref + side * za * S, S]];
      const clipped = clipPolygonToStrip(poly.map(([a, b]) => [x.position(a), y.position(b)] as Point), f.left, f.right);
      if (clipped.length < 3) continue;
      out.push(svgElement('polygon', { points: clipped.map(([a, b]) => `${px(a)},${px(b)}`).join(' '), fill: BAND_FILLS[Math.min(i, BAND_FILLS.length - 1)], class: 'contour' }));
    }
  });
  return out;
}

/** The pseudo-confidence region: dashed lines from the pooled estimate at SE = 0 to μ̂ ± z·SE at the bottom. */
function pseudoRegion(x: AxisScale, y: AxisScale, estimate: number, crit: number, f: Frame): string[] {
  const S = y.domain[1];
  return [-1, 1].flatMap((side) => {
    const seg = clipSegment([x.position(estimate), y.position(0)], [x.position(estimate + side * crit * S), y.position(S)], f.left, f.right);
    return seg ? [svgElement('line', { x1: seg[0][0], y1: seg[0][1], x2: seg[1][0], y2: seg[1][1], stroke: PALETTE.ink, 'stroke-width': 1, 'stroke-dasharray': '5 3', class: 'pseudo-ci' })] : [];
  });
}

function clipSegment(a: Point, b: Point, x0: number, x1: number): [Point, Point] | null {
  const clipped = clipPolygonToStrip([a, b], x0, x1);
  return clipped.length >= 2 ? [clipped[0]!, clipped[clipped.length - 1]!] : null;
}

function verticals(x: AxisScale, f: Frame, estimate: number, ref: number | null, adjusted: number | undefined): string[] {
  const line = (v: number, attrs: Record<string, string | number>) =>
    x.contains(v) ? [svgElement('line', { x1: x.position(v), x2: x.position(v), y1: f.top, y2: f.bottom, 'stroke-width': 1, ...attrs })] : [];
  return [
    ...(ref !== null && ref !== estimate ? line(ref, { stroke: PALETTE.guide, class: 'reference-line' }) : []),
    ...line(estimate, { stroke: PALETTE.ink, class: 'pooled-estimate', 'data-estimate': estimate }),
    ...(adjusted === undefined ? [] : line(adjusted, { stroke: PALETTE.vermillion, 'stroke-dasharray': '2 2', 'stroke-width': 1.5, class: 'trim-and-fill-estimate', 'data-estimate': adjusted })),
  ];
}

function point(x: number, y: number, r: number, label: string, open: boolean): string {
  return svgElement('circle', {
    cx: x, cy: y, r,
    fill: open ? PALETTE.background : PALETTE.ink,
    stroke: open ? PALETTE.vermillion : undefined,
    'stroke-width': open ? 1.5 : undefined,
    class: open ? 'filled-study' : 'study-point',
    'data-study': label,
  }, [svgElement('title', {}, [escapeXml(open ? `${label} (filled by trim and fill)` : label)])]);
}

/** A white outline under the glyphs, so labels stay legible over lines and bands. */
const HALO = { class: 'point-label', stroke: PALETTE.background, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' };

function pointLabels(
  at: readonly (readonly [number, number])[], labels: readonly string[], others: readonly (readonly [number, number])[], f: Frame, fs: number, r: number,
): string[] {
  const size = 0.8 * fs;
  const obstacles = others.map(([x, y]) => ({ x0: x - r - 1, y0: y - r - 1, x1: x + r + 1, y1: y + r + 1 }));
  const places = placeLabels(at, labels, { x0: f.left + 2, y0: f.top + 2, x1: f.right - 2, y1: f.bottom - 2 }, { fontSize: size, radius: r + 1, obstacles });
  return places.flatMap((p, i) => (p ? [svgText(p.x, p.y, labels[i]!, { fontSize: size, anchor: p.anchor, fill: PALETTE.ink, attrs: HALO })] : []));
}

function legendItems(contours: readonly number[], level: number, trimmed: boolean, anyFilled: boolean): LegendItem[] {
  const items: LegendItem[] = [{ label: 'Study', symbol: 'point' }];
  if (anyFilled) items.push({ label: 'Filled (trim and fill)', symbol: 'open-point', colour: PALETTE.vermillion });
  items.push({ label: 'Pooled estimate', symbol: 'line' });
  items.push({ label: `Pseudo ${Math.round(level * 1000) / 10}% CI`, symbol: 'line', dash: '5 3' });
  if (trimmed) items.push({ label: 'Trim-and-fill estimate', symbol: 'line', colour: PALETTE.vermillion, dash: '2 2' });
  const cuts = [...contours].sort((a, b) => b - a);
  cuts.forEach((p, i) => {
    const lower = cuts[i + 1];
    items.push({ label: lower === undefined ? `p ≤ ${pText(p)}` : `${pText(lower)} < p ≤ ${pText(p)}`, symbol: 'swatch', colour: BAND_FILLS[Math.min(i, BAND_FILLS.length - 1)] });
  });
  return items;
}

function pText(p: number): string {
  return p >= 0.01 ? p.toFixed(2) : String(p);
}
