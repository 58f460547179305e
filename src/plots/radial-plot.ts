import { backTransform, type TransformName } from '../effect-sizes/back-transform.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { axisScale } from './axis-scale.ts';
import { textWidth } from './font-metrics.ts';
import { formatPlotNumber } from './format-number.ts';
import { labelledScatter, resolvePointLabels, type PointLabelOptions } from './labelled-scatter.ts';
import { pointMark } from './marks.ts';
import { PALETTE } from './palette.ts';
import { resolvePlotSize, type PlotSizeOptions } from './plot-options.ts';
import { radialData, type RadialData } from './radial-data.ts';
import { scatterFrame, type ScatterFrame } from './scatter-frame.ts';
import { px, svgDocument, svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Options of {@link radialPlot}. */
export interface RadialPlotOptions extends PlotSizeOptions, PointLabelOptions {
  /** Scale of the effect-size arc: `'auto'` (default) back-transforms as the measure calls for. */
  readonly transform?: TransformName | 'auto';
  /** Level of the band around the line; default the fit's level. */
  readonly level?: number;
}

/** The valid keys of {@link RadialPlotOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const RADIAL_PLOT_OPTION_KEYS = optionKeys<RadialPlotOptions>()('width', 'height', 'fontSize', 'title', 'digits', 'labels', 'maxLabels', 'transform', 'level');

/**
 * Radial (Galbraith) plot (Galbraith, 1988, Stat Med 7:889; Galbraith, 1994, JASA 89:1232;
 * metafor's `radial.rma`) as a standalone SVG string. Each study sits at precision
 * xᵢ = 1/√(vᵢ + τ̂²) and standardized effect zᵢ = yᵢ·xᵢ ({@link radialData}); the ray from the
 * origin through it has slope yᵢ, read off the effect-size arc on the right (ticks round on the
 * back-transformed scale, e.g. risk ratios for RR). The line through the origin has slope μ̂;
 * the shaded band z = μ̂x ± z₁₋α/₂ holds the studies consistent with the model. A short inner arc
 * marks the confidence interval of μ̂. The x axis runs from 0 to 1.3·max xᵢ; the arcs lie at
 * 1.14 and 1.12 times that, as in metafor, and the z range is metafor's (at least ±5). Labels go
 * to the studies farthest from the line first.
 *
 * Defaults: 620 × 520 px, font 12 px.
 *
 * @throws InputError when `fit` is not a `metaAnalysis` result, or for bad options.
 * @example
 * import bcg from './datasets/bcg.json' with { type: 'json' };
 * const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' };
 * radialPlot(metaAnalysis(effectSizes('RR', bcg.rows, { columns }))).includes('class="arc-tick"') // => true
 */
export function radialPlot(fit: MetaAnalysisResult, options: RadialPlotOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, RADIAL_PLOT_OPTION_KEYS);
    const size = resolvePlotSize(options, { width: 620, height: 520, title: 'Radial (Galbraith) plot' });
    const { labels: which, maxLabels } = resolvePointLabels(options);
    const data = radialData(fit, { level: options.level });
    const transform = backTransform(fit.measure, options.transform ?? 'auto');
    const fs = size.fontSize;
    const yi = data.points.map((p) => p.z / p.x);
    const yMin = Math.min(...yi, data.ci.lower ?? data.estimate);
    const yMax = Math.max(...yi, data.ci.upper ?? data.estimate);
    const arcTicks = effectTicks(yMin, yMax, transform, fs);
    const labelRoom = Math.max(...arcTicks.map((t) => textWidth(t.label, { fontSize: 0.9 * fs })), textWidth(transform.scale, { fontSize: 0.9 * fs }) / 2);
    const xMax = data.xMax;
    const yaX = xMax * 1.14;
    const ciX = xMax * 1.12;
    const zLim = zLimits(data, yi, yaX, ciX);
    // the plotting area spans x ∈ [0, xMax]; the arc at 1.14·xMax and its labels lie to its right
    const makeFrame = (extraBottom: number) => {
      const left0 = scatterFrame(size, { domain: [0, xMax], title: '', pad: false }, { domain: zLim, title: '', pad: false }).area.left;
      const areaWidth = (size.width - left0 - labelRoom - 0.02 * xMax - 16) / (1.14 + 0.025);
      const extraRight = size.width - 8 - left0 - areaWidth;
      const xTitle = data.equalEffects ? 'x = 1/√v' : 'x = 1/√(v + τ²)';
      const zTitle = data.equalEffects ? 'z = y/√v' : 'z = y/√(v + τ²)';
      return scatterFrame(size, { domain: [0, xMax], title: xTitle, pad: false },
        { domain: zLim, title: zTitle, pad: false }, { right: Math.max(0, extraRight), bottom: extraBottom });
    };
    const r = Math.max(2, fs * 0.28);
    const deviation = data.points.map((p) => Math.abs(p.z - data.estimate * p.x));
    const order = deviation.map((_, i) => i).sort((a, b) => deviation[b]! - deviation[a]!);
    const { frame, labels } = labelledScatter(size, makeFrame,
      (f) => data.points.map((p) => ({ x: f.x.position(p.x), y: f.y.position(p.z), r, text: p.label })), order, which, maxLabels);
    const marks = data.points.map((p) => pointMark(frame.x.position(p.x), frame.y.position(p.z), r, {
      fill: PALETTE.blue, attrs: { class: 'study', 'data-study': p.label },
    }));
    return svgDocument(
      { width: size.width, height: size.height, fontSize: fs, title: size.title || 'Radial plot', description: `Radial (Galbraith) plot of ${data.points.length} studies` },
      [...frame.elements, ...band(frame, data), ...arcs(frame, data, yaX, ciX, [Math.min(...yi), Math.max(...yi)], arcTicks, transform.scale, fs, size.width, transform.apply),
        svgElement('g', { class: 'points' }, marks), svgElement('g', { class: 'labels' }, labels)],
    );
  });
}

/** metafor's z range: at least ±5, and room for the points, the band and both arcs. */
function zLimits(d: RadialData, yi: readonly number[], yaX: number, ciX: number): [number, number] {
  const z = d.points.map((p) => p.z);
  const lo = Math.min(-5, 1.1 * Math.min(...z), 1.1 * (d.ci.lower ?? d.estimate) * ciX, 1.1 * Math.min(...yi) * yaX, -1.1 * d.zCrit + d.xMax * d.estimate);
  const hi = Math.max(5, 1.1 * Math.max(...z), 1.1 * (d.ci.upper ?? d.estimate) * ciX, 1.1 * Math.max(...yi) * yaX, 1.1 * d.zCrit + d.xMax * d.estimate);
  return [lo, hi];
}

/** The line through the origin with slope μ̂ and the shaded band ± z_crit around it. */
function band(frame: ScatterFrame, d: RadialData): string[] {
  const X = (x: number) => frame.x.position(x);
  const Z = (z: number) => frame.y.position(z);
  const end = d.xMax;
  const poly = [[0, d.zCrit], [end, d.zCrit + end * d.estimate], [end, -d.zCrit + end * d.estimate], [0, -d.zCrit]]
    .map(([x, z]) => `${px(X(x!))},${px(Z(z!))}`).join(' ');
  const line = (dz: number, dash?: string) => svgElement('line', {
    x1: X(0), y1: Z(dz), x2: X(end), y2: Z(dz + end * d.estimate), stroke: dash ? PALETTE.muted : PALETTE.ink, 'stroke-width': dash ? 1 : 1.5,
    'stroke-dasharray': dash, class: dash ? 'band-edge' : 'estimate-line',
  });
  // metafor's z range holds the band's corners, so nothing here leaves the plotting area
  return [svgElement('g', { class: 'band-group' }, [
    svgElement('polygon', { points: poly, fill: PALETTE.light, class: 'band' }),
    line(d.zCrit, '1.5 2.5'), line(-d.zCrit, '1.5 2.5'), line(0),
  ])];
}

/** Round ticks of the effect-size arc on the display scale, within [lo, hi] (analysis scale). */
function effectTicks(lo: number, hi: number, transform: ReturnType<typeof backTransform>, fs: number) {
  if (!(hi > lo)) return [{ value: lo, label: formatPlotNumber(transform.apply(lo), 2) }];
  const scale = axisScale({ domain: [lo, hi], range: [0, 7 * 2.2 * fs], transform, nice: false, fontSize: 0.9 * fs, vertical: true, maxTicks: 7 });
  return scale.ticks.map((t) => ({ value: t.value, label: t.label }));
}

/** The effect-size arc (with ticks and labels) and the CI arc, as circles in px about the origin. */
function arcs(
  frame: ScatterFrame, d: RadialData, yaX: number, ciX: number, yRange: readonly [number, number],
  ticks: readonly { value: number; label: string }[], scaleName: string, fs: number, width: number, transform: (x: number) => number,
): string[] {
  const cx = frame.x.position(0);
  const cy = frame.y.position(0);
  const sx = frame.x.position(1) - cx;
  const sz = cy - frame.y.position(1);
  const at = (radius: number, slope: number): [number, number] => {
    const angle = Math.atan2(slope * sz, sx);
    return [cx + radius * Math.cos(angle), cy - radius * Math.sin(angle)];
  };
  const R = yaX * sx;
  const Rci = ciX * sx;
  const tickLen = 0.015 * d.xMax * sx;
  const curve = (radius: number, from: number, to: number, cls: string) => {
    const pts = Array.from({ length: 101 }, (_, i) => at(radius, from + ((to - from) * i) / 100));
    return svgElement('polyline', { points: pts.map(([x, y]) => `${px(x)},${px(y)}`).join(' '), fill: 'none', stroke: PALETTE.ink, 'stroke-width': 1, class: cls });
  };
  const els = [curve(R, yRange[0], yRange[1], 'arc')];
  const inside = ticks.filter((t) => t.value >= yRange[0] - 1e-12 && t.value <= yRange[1] + 1e-12);
  // a short arc with fewer than two round ticks: label its ends, with the decimals the difference needs
  const spread = Math.abs(transform(yRange[1]) - transform(yRange[0]));
  const digits = spread > 0 ? Math.min(4, Math.max(2, Math.ceil(-Math.log10(spread)) + 1)) : 2;
  const shown = inside.length >= 2 ? inside : [...inside, ...yRange.map((v) => ({ value: v, label: formatPlotNumber(transform(v), digits) }))];
  const boxes: { y0: number; y1: number }[] = [];
  for (const t of shown) {
    const [x0, y0] = at(R, t.value);
    const [x1, y1] = at(R + tickLen, t.value);
    els.push(svgElement('line', { x1: x0, y1: y0, x2: x1, y2: y1, stroke: PALETTE.ink, 'stroke-width': 1, class: 'arc-tick-mark' }));
    const [lx, ly] = at(R + tickLen + 3, t.value);
    const box = { y0: ly - 0.4 * fs, y1: ly + 0.5 * fs };
    if (boxes.some((b) => b.y0 < box.y1 && box.y0 < b.y1)) continue;
    boxes.push(box);
    els.push(svgText(lx + 2, ly + 0.32 * fs, t.label, { fontSize: 0.9 * fs, attrs: { class: 'arc-tick', 'data-value': String(t.value) } }));
  }
  // the scale's name above the arc's upper end, right-aligned to the canvas, unless a tick label is there
  const [, ty] = at(R, yRange[1]);
  const nameY = ty - 1.1 * fs;
  const nameBox = { y0: nameY - 0.8 * fs, y1: nameY + 0.3 * fs };
  if (nameBox.y0 > frame.area.top - 0.5 * fs && !boxes.some((b) => b.y0 < nameBox.y1 && nameBox.y0 < b.y1)) {
    els.push(svgText(width - 4, nameY, truncateText(scaleName, width / 3, { fontSize: 0.9 * fs }), { anchor: 'end', fontSize: 0.9 * fs, fill: PALETTE.muted, title: scaleName, attrs: { class: 'arc-title' } }));
  }
  if (d.ci.lower !== null && d.ci.upper !== null) {
    els.push(curve(Rci, d.ci.lower, d.ci.upper, 'ci-arc'));
    for (const v of [d.ci.lower, d.estimate, d.ci.upper]) {
      const [x0, y0] = at(Rci - 0.007 * d.xMax * sx, v);
      const [x1, y1] = at(Rci + 0.007 * d.xMax * sx, v);
      els.push(svgElement('line', { x1: x0, y1: y0, x2: x1, y2: y1, stroke: PALETTE.ink, 'stroke-width': 1, class: 'ci-arc-tick' }));
    }
  }
  return [svgElement('g', { class: 'arcs' }, els)];
}
