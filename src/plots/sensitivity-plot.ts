import { InputError, numberCode } from '../errors.ts';
import { axisScale, type AxisScale } from './axis-scale.ts';
import { positiveOption } from './positive-option.ts';
import { axisSvg } from './axis-svg.ts';
import { textWidth } from './font-metrics.ts';
import { PALETTE } from './palette.ts';
import { px, svgDocument, svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';
import { assertText } from '../errors.ts';
import { checkOptions, optionKeys } from '../check-options.ts';

/** One point of a sensitivity curve: the assumption's value and the result with its interval. */
export interface SensitivityPoint {
  readonly x: number;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** One panel: a curve with its interval band, and optionally the x where the conclusion changes. */
export interface SensitivityPanel {
  readonly title: string;
  readonly points: readonly SensitivityPoint[];
  /** A marked x (e.g. the SD at which the CI first includes 0), with its label. */
  readonly threshold?: { readonly x: number; readonly label: string } | null;
}

/** Options of {@link sensitivityPlot}. */
export interface SensitivityPlotOptions {
  readonly panels: readonly SensitivityPanel[];
  /** Title of the x axis (the assumption, e.g. "Assumed SD (hairs/cm²)"). */
  readonly xTitle: string;
  /** Title of the y axis (the result, e.g. "Mean difference"). */
  readonly yTitle: string;
  /** Horizontal reference line (default 0); `null` for none. */
  readonly reference?: number | null;
  /** Text in the region past a panel's threshold (default "CI includes 0"). */
  readonly beyondThreshold?: string;
  readonly width?: number;
  /** Height of each panel's plot area in px (default 11 em). */
  readonly panelHeight?: number;
  readonly fontSize?: number;
  readonly title?: string;
}

/** The valid keys of {@link SensitivityPlotOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const SENSITIVITY_PLOT_OPTION_KEYS = optionKeys<SensitivityPlotOptions>()('panels', 'xTitle', 'yTitle', 'reference', 'beyondThreshold', 'width', 'panelHeight', 'fontSize', 'title');

/**
 * How a result and its interval move with an assumption, as small multiples (one panel per
 * comparison, sharing both axes so panels compare at a glance): the estimate as a line, its CI
 * as a band, the reference line, and where a threshold is given (e.g. the assumed SD at which
 * the CI first includes 0) a dashed vertical line, its label, and the region past it shaded.
 *
 * @throws {InputError} for no panels, a panel without points, or non-finite values.
 * @example
 * sensitivityPlot({ panels: [{ title: 'CM vs placebo', points: [{ x: 5, estimate: 8.7, lower: 6.2, upper: 11.2 }, { x: 20, estimate: 8.7, lower: -1.4, upper: 18.8 }] }],
 *   xTitle: 'Assumed SD', yTitle: 'Mean difference' }).startsWith('<svg'); // => true
 */
export function sensitivityPlot(options: SensitivityPlotOptions): string {
  assertText(options?.xTitle, 'xTitle');
  assertText(options?.yTitle, 'yTitle');
  checkOptions(options ?? null, SENSITIVITY_PLOT_OPTION_KEYS);
  const panels = checkPanels(options.panels);
  const fs = positiveOption(options.fontSize, 'fontSize', 12);
  const width = positiveOption(options.width, 'width', 46 * fs);
  const panelH = positiveOption(options.panelHeight, 'panelHeight', 11 * fs);
  const reference = options.reference === undefined ? 0 : options.reference;
  const xs = panels.flatMap((p) => p.points.map((q) => q.x));
  const ys = [...panels.flatMap((p) => p.points.flatMap((q) => [q.lower, q.upper])), ...(reference === null ? [] : [reference])];
  const probeY = axisScale({ domain: [Math.min(...ys), Math.max(...ys)], range: [panelH, 0], fontSize: fs, vertical: true });
  const left = fs + 1.3 * fs + 0.8 * fs + Math.max(...probeY.ticks.map((t) => textWidth(t.label, { fontSize: fs }))) + 8;
  const right = width - 1.5 * fs;
  const xScale = axisScale({ domain: [Math.min(...xs), Math.max(...xs)], range: [left, right], fontSize: fs, nice: false });
  const titleH = options.title ? 2.2 * fs : 0.6 * fs;
  const block = 1.8 * fs + panelH + 2.2 * fs; // panel title, plot area, x tick labels
  const els: string[] = [];
  panels.forEach((p, i) => {
    const top = titleH + i * block + 1.8 * fs;
    const y = axisScale({ domain: probeY.domain, range: [top + panelH, top], fontSize: fs, vertical: true, nice: false });
    els.push(...panelSvg(p, xScale, y, { left, right, top, bottom: top + panelH }, reference, options.beyondThreshold ?? 'CI includes 0', fs));
    els.push(svgText(left, top - 0.6 * fs, truncateText(p.title, right - left, { fontSize: fs, bold: true }), { bold: true, title: p.title, attrs: { class: 'panel-title' } }));
    els.push(...axisSvg(y, { orient: 'left', at: left, title: i === Math.floor((panels.length - 1) / 2) ? options.yTitle : undefined, fontSize: fs }).elements);
    els.push(...axisSvg(xScale, { orient: 'bottom', at: top + panelH, fontSize: fs }).elements);
  });
  const bottom = titleH + panels.length * block;
  els.push(svgText((left + right) / 2, bottom + 0.6 * fs, options.xTitle, { anchor: 'middle', attrs: { class: 'axis-title' } }));
  if (options.title) els.push(svgText(fs, 1.4 * fs, options.title, { bold: true, fontSize: 1.15 * fs, attrs: { class: 'title' } }));
  return svgDocument({ width, height: Math.ceil(bottom + 1.6 * fs), fontSize: fs, title: options.title ?? `Sensitivity of the result to: ${options.xTitle}` }, els);
}

interface Frame { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }

function panelSvg(p: SensitivityPanel, x: AxisScale, y: AxisScale, f: Frame, reference: number | null, beyond: string, fs: number): string[] {
  const pts = [...p.points].sort((a, b) => a.x - b.x);
  const band = [...pts.map((q) => `${px(x.position(q.x))},${px(y.position(q.upper))}`), ...pts.reverse().map((q) => `${px(x.position(q.x))},${px(y.position(q.lower))}`)].join(' ');
  pts.reverse();
  const out: string[] = [];
  const t = p.threshold;
  if (t && x.contains(t.x)) {
    const tx = x.position(t.x);
    out.push(svgElement('rect', { x: tx, y: f.top, width: f.right - tx, height: f.bottom - f.top, fill: PALETTE.light, class: 'beyond-threshold' }));
  }
  out.push(svgElement('polygon', { points: band, fill: PALETTE.skyBlue, 'fill-opacity': 0.45, class: 'interval-band' }));
  if (reference !== null) {
    const ry = y.position(reference);
    out.push(svgElement('line', { x1: f.left, x2: f.right, y1: ry, y2: ry, stroke: PALETTE.ink, 'stroke-width': 1, 'stroke-dasharray': '4 3', class: 'reference-line' }));
  }
  out.push(svgElement('polyline', { points: pts.map((q) => `${px(x.position(q.x))},${px(y.position(q.estimate))}`).join(' '), fill: 'none', stroke: PALETTE.blue, 'stroke-width': 2, class: 'estimate-line' }));
  if (t && x.contains(t.x)) out.push(...thresholdSvg(t, x.position(t.x), f, beyond, fs));
  out.push(svgElement('rect', { x: f.left, y: f.top, width: f.right - f.left, height: f.bottom - f.top, fill: 'none', stroke: PALETTE.guide, 'stroke-width': 1 }));
  return out;
}

function thresholdSvg(t: { x: number; label: string }, tx: number, f: Frame, beyond: string, fs: number): string[] {
  const size = 0.9 * fs;
  const out = [svgElement('line', { x1: tx, x2: tx, y1: f.top, y2: f.bottom, stroke: PALETTE.vermillion, 'stroke-width': 1.5, 'stroke-dasharray': '5 3', class: 'threshold' })];
  const roomRight = f.right - tx - 0.5 * fs;
  const label = textWidth(t.label, { fontSize: size }) <= tx - f.left - 0.5 * fs
    ? svgText(tx - 0.4 * fs, f.top + 1.2 * fs, t.label, { anchor: 'end', fontSize: size, fill: PALETTE.vermillion, attrs: { class: 'threshold-label' } })
    : svgText(tx + 0.4 * fs, f.top + 1.2 * fs, truncateText(t.label, roomRight, { fontSize: size }), { fontSize: size, fill: PALETTE.vermillion, title: t.label, attrs: { class: 'threshold-label' } });
  out.push(label);
  const beyondText = truncateText(beyond, roomRight, { fontSize: size });
  if (beyondText) out.push(svgText(tx + 0.4 * fs, f.bottom - 0.6 * fs, beyondText, { fontSize: size, fill: PALETTE.muted, attrs: { class: 'beyond-label' } }));
  return out;
}

function checkPanels(panels: readonly SensitivityPanel[] | undefined): readonly SensitivityPanel[] {
  if (!Array.isArray(panels) || panels.length === 0) throw new InputError('needs at least one panel', { field: 'panels', code: 'E_TOO_FEW_STUDIES' });
  panels.forEach((p, i) => {
    if (!Array.isArray(p.points) || p.points.length < 2) throw new InputError('each panel needs at least two points', { field: 'panels', row: i + 1, study: p.title });
    p.points.forEach((q: SensitivityPoint) => {
      for (const v of [q.x, q.estimate, q.lower, q.upper]) {
        if (!Number.isFinite(v)) throw new InputError('x, estimate, lower and upper must be finite numbers', { field: 'panels.points', row: i + 1, study: p.title, value: q, code: numberCode(q) });
      }
    });
  });
  return panels;
}
