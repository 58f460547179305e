import type { BackTransform } from '../effect-sizes/back-transform.ts';
import { axisScale, type AxisScale, type AxisTick } from './axis-scale.ts';
import { invertTransform } from './invert-transform.ts';
import { axisSvg } from './axis-svg.ts';
import { textWidth } from './font-metrics.ts';
import { PALETTE } from './palette.ts';
import type { ResolvedPlotSize } from './plot-options.ts';
import { clipPolygonToStrip, type Point } from './clip-polygon.ts';
import { px, svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';

/** One axis of a {@link scatterFrame}. */
export interface FrameAxis {
  /**
   * Data range on the analysis scale. By default it is padded by 4% on each side, as R pads its
   * plots, and ticks fall on round values inside it; with `nice` it is widened to round ticks.
   */
  readonly domain: readonly [number, number];
  readonly title: string;
  readonly transform?: BackTransform;
  readonly nice?: boolean;
  /** Pad the domain by 4% on each side (default true; false keeps it exact, as R's `xaxs = "i"`). */
  readonly pad?: boolean;
  /**
   * Tick values on the display scale in order of preference (e.g. risks 0.5, 0.1, 0.01, … for a
   * logit axis), followed by the axis scale's own round ticks; those inside the domain are kept
   * while their labels do not collide. Default: the axis scale's own round ticks.
   */
  readonly preferredTicks?: readonly number[];
}

/** The plotting area of a scatter-type plot with its scales and drawn axes. */
export interface ScatterFrame {
  readonly x: AxisScale;
  readonly y: AxisScale;
  /** Plotting area in px. */
  readonly area: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  /** Title and axes, in drawing order. */
  readonly elements: readonly string[];
}

/**
 * The frame shared by the diagnostic scatter plots (Baujat, radial, L'Abbé, Q–Q, bubble,
 * influence panels): a title line, a left and a bottom axis with their titles, and a plotting
 * area that takes the rest of `size` (minus `extra` px reserved on each side, e.g. for the
 * radial plot's arc). Margins follow the widest tick label so nothing leaves the canvas; axis
 * titles are truncated with an ellipsis to the length of their axis.
 *
 * @example
 * scatterFrame({ width: 400, height: 300, fontSize: 12, title: '', digits: 2 },
 *   { domain: [0, 1], title: 'x' }, { domain: [0, 1], title: 'y' }).area.right // => 388.324 (half a "0.00" of margin)
 */
export function scatterFrame(
  size: ResolvedPlotSize,
  xAxis: FrameAxis,
  yAxis: FrameAxis,
  extra: {
    readonly top?: number; readonly right?: number; readonly bottom?: number; readonly left?: number;
    /** Where the frame's box (size.width × size.height) starts on the canvas, for panels (default 0, 0). */
    readonly at?: { readonly x: number; readonly y: number };
    /** Title font size relative to the text (default 1.1, bold). */
    readonly titleScale?: number;
    /** Draw the x axis' title (default true). */
    readonly xTitle?: boolean;
  } = {},
): ScatterFrame {
  const fs = size.fontSize;
  const ox = extra.at?.x ?? 0;
  const oy = extra.at?.y ?? 0;
  const withXTitle = extra.xTitle ?? true;
  const top = oy + (size.title ? 2.2 * fs : 0.9 * fs) + (extra.top ?? 0);
  const bottom = oy + size.height - (withXTitle ? 5 + 2.6 * fs + 0.6 * fs : 5 + 1.6 * fs) - (extra.bottom ?? 0);
  const y = withPreferredTicks(axisScale({ domain: padded(yAxis), range: [bottom, top], transform: yAxis.transform, nice: yAxis.nice ?? false, fontSize: fs, vertical: true, maxTicks: 8 }), yAxis.preferredTicks, fs, true);
  const widest = Math.max(0, ...y.ticks.map((t) => textWidth(t.label, { fontSize: fs })));
  const left = ox + 5 + 3 + widest + 1.8 * fs + (extra.left ?? 0);
  const right = ox + size.width - Math.max(8, 0.5 * textWidth('0.00', { fontSize: fs })) - (extra.right ?? 0);
  const x = withPreferredTicks(axisScale({ domain: padded(xAxis), range: [left, right], transform: xAxis.transform, nice: xAxis.nice ?? false, fontSize: fs, maxTicks: 8 }), xAxis.preferredTicks, fs, false);
  const elements: string[] = [];
  const ts = fs * (extra.titleScale ?? 1.1);
  if (size.title) elements.push(svgText(ox + size.width / 2, oy + 1.3 * fs, truncateText(size.title, size.width - 10, { fontSize: ts, bold: true }), { anchor: 'middle', bold: true, fontSize: ts, attrs: { class: 'title' } }));
  elements.push(...axisSvg(x, { orient: 'bottom', at: bottom, title: withXTitle ? truncateText(xAxis.title, right - left, { fontSize: fs }) : undefined, fontSize: fs }).elements);
  elements.push(...axisSvg(y, { orient: 'left', at: left, title: truncateText(yAxis.title, bottom - top, { fontSize: fs }), fontSize: fs }).elements);
  return { x, y, area: { left, right, top, bottom }, elements };
}

/** The scale with ticks chosen from `preferred` (display values, most wanted first) where given. */
function withPreferredTicks(scale: AxisScale, preferred: readonly number[] | undefined, fs: number, vertical: boolean): AxisScale {
  if (preferred === undefined) return scale;
  const chosen: AxisTick[] = [];
  // the preferred values first, then the scale's own round ticks where they still fit
  for (const display of [...preferred, ...scale.ticks.map((t) => t.display)]) {
    if (chosen.some((t) => Math.abs(t.display - display) <= 1e-12 * Math.abs(display))) continue;
    const value = invertTransform(scale.transform, display);
    if (!Number.isFinite(value) || !scale.contains(value)) continue;
    const label = String(Number(display.toPrecision(6)));
    const at = scale.position(value);
    const half = vertical ? 0.5 * fs : textWidth(label, { fontSize: fs }) / 2;
    const clash = chosen.some((t) => {
      const other = vertical ? 0.5 * fs : textWidth(t.label, { fontSize: fs }) / 2;
      return Math.abs(scale.position(t.value) - at) < half + other + 0.6 * fs;
    });
    if (!clash) chosen.push({ value, display, label });
  }
  if (chosen.length < 2) return scale;
  chosen.sort((a, b) => a.value - b.value);
  return { ...scale, ticks: Object.freeze(chosen) };
}

function padded(axis: FrameAxis): [number, number] {
  const [lo, hi] = axis.domain;
  if (axis.nice || axis.pad === false) return [lo, hi];
  const span = hi - lo > 0 ? hi - lo : Math.max(1, Math.abs(lo));
  return hi - lo > 0 ? [lo - 0.04 * span, hi + 0.04 * span] : [lo - 0.5 * span, hi + 0.5 * span];
}

/** A horizontal or vertical reference line across the plotting area (dashed unless `solid`). */
export function referenceLine(frame: ScatterFrame, axis: 'x' | 'y', value: number, style: 'dashed' | 'dotted' | 'solid' = 'dashed'): string {
  const { left, right, top, bottom } = frame.area;
  const dash = style === 'dashed' ? '5 3' : style === 'dotted' ? '1.5 2.5' : undefined;
  const common = { stroke: PALETTE.guide, 'stroke-width': 1, 'stroke-dasharray': dash, class: 'reference' };
  if (axis === 'y') {
    if (!frame.y.contains(value)) return '';
    const y = frame.y.position(value);
    return svgElement('line', { x1: left, x2: right, y1: y, y2: y, ...common });
  }
  if (!frame.x.contains(value)) return '';
  const x = frame.x.position(value);
  return svgElement('line', { x1: x, x2: x, y1: top, y2: bottom, ...common });
}

/**
 * A polygon (px) clipped to the plotting area, so shaded bands stop at the axes without an SVG
 * clipPath (whose ids would clash when several plots share an HTML page): the shared
 * `clipPolygonToStrip` cuts it to the x range, then, with x and y swapped, to the y range.
 *
 * @example
 * const frame = scatterFrame({ width: 400, height: 300, fontSize: 12, title: '', digits: 2 },
 *   { domain: [0, 1], title: 'x' }, { domain: [0, 1], title: 'y' });
 * frame.area // => { left: 46.28, right: 388.324, top: 10.8, bottom: 256.6 }
 * clipToArea(frame, [[0, 0], [1000, 0], [1000, 1000]]) // (the triangle above the line y = x)
 * // => [[388.324, 10.8], [388.324, 256.6], [256.6, 256.6], [46.28, 46.28], [46.28, 10.8]]
 */
export function clipToArea(frame: ScatterFrame, points: readonly Point[]): Point[] {
  const { left, right, top, bottom } = frame.area;
  const inX = clipPolygonToStrip(points, left, right);
  const swapped = clipPolygonToStrip(inX.map(([x, y]) => [y, x] as const), top, bottom);
  return swapped.map(([y, x]) => [x, y] as const);
}

/** Points (px) as an SVG `points` attribute. */
export function pointList(points: readonly Point[]): string {
  return points.map(([x, y]) => `${px(x)},${px(y)}`).join(' ');
}
