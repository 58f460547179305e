import { backTransform } from '../effect-sizes/back-transform.ts';
import { InputError } from '../errors.ts';
import type { Measure, MetaAnalysisResult } from '../types.ts';
import { textWidth } from './font-metrics.ts';
import { formatEstimateCi } from './format-number.ts';
import { labbeData, type LabbeData, type LabbeDataOptions } from './labbe-data.ts';
import { labelledScatter, resolvePointLabels, type PointLabelOptions } from './labelled-scatter.ts';
import { PALETTE } from './palette.ts';
import { resolvePlotSize, type PlotSizeOptions } from './plot-options.ts';
import { clipToArea, pointList, scatterFrame, type ScatterFrame } from './scatter-frame.ts';
import type { Point } from './clip-polygon.ts';
import { svgDocument, svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Options of {@link labbePlot}. */
export interface LabbePlotOptions extends PlotSizeOptions, PointLabelOptions, LabbeDataOptions {
  /** Axis labels: `'auto'` (default) labels both axes in risks; `'none'` in the arm-level scale (log odds, log risk, …). */
  readonly transform?: 'auto' | 'none';
  /** Shade the confidence band of the pooled-effect line (default false, as metafor). */
  readonly ci?: boolean;
}

/** The valid keys of {@link LabbePlotOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const LABBE_PLOT_OPTION_KEYS = optionKeys<LabbePlotOptions>()('width', 'height', 'fontSize', 'title', 'digits', 'labels', 'maxLabels', 'columns', 'label', 'add', 'to', 'transform', 'ci');

/** Risks to label on a log, logit or arcsine axis, most wanted first. */
const RISK_TICKS = [0.5, 0.1, 0.9, 0.01, 0.99, 0.001, 0.999, 0.2, 0.8, 0.05, 0.95, 0.02, 0.98, 0.005, 0.995, 0.3, 0.7, 0.002, 0.998, 0.4, 0.6, 0.0001];

const ARM_SCALE: Partial<Record<Measure, string>> = { PLO: 'Log odds', PLN: 'Log risk', PR: 'Risk', PAS: 'Arcsine risk' };

/**
 * L'Abbé plot (L'Abbé, Detsky & O'Rourke, 1987, Ann Intern Med 107:224; metafor's `labbe.rma`)
 * of a meta-analysis of 2×2 tables, as a standalone SVG string: each study's outcome in group 2
 * (control: ci, di) on x against group 1 (treated: ai, bi) on y, as circles sized by precision
 * ({@link labbeData}). The solid line y = x marks no effect; the dashed line y = x + μ̂ the pooled
 * effect (optionally with its confidence band). Positions are on the arm-level analysis scale
 * (log odds for OR, log risks for RR, risks for RD, arcsine risks for AS), so both lines are
 * straight; by default the ticks label risks (back-transformed, at 0.01, 0.05, 0.1, 0.5, … on the
 * curved scales). Both axes share one range; a
 * one-line key under the title names the lines and gives the pooled effect on the measure's
 * natural scale.
 *
 * Defaults: 540 × 560 px (a square plotting area), font 12 px.
 *
 * @param rows the rows the fit's effect sizes came from, with the same `columns`, `add`, `to`
 * @throws InputError when the fit's measure is not OR, RR, RD or AS, the rows are not the fit's,
 *   or for bad options.
 * @example
 * import bcg from './datasets/bcg.json' with { type: 'json' };
 * const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' };
 * const fit = metaAnalysis(effectSizes('OR', bcg.rows, { columns }));
 * labbePlot(fit, bcg.rows, { columns }).includes('class="effect-line"') // => true
 */
export function labbePlot(fit: MetaAnalysisResult, rows: readonly object[], options: LabbePlotOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, LABBE_PLOT_OPTION_KEYS);
    const size = resolvePlotSize(options, { width: 540, height: 560, title: "L'Abbé plot" });
    const { labels: which, maxLabels } = resolvePointLabels(options);
    const showCi = options.ci ?? false;
    if (typeof showCi !== 'boolean') throw new InputError('must be true or false', { field: 'ci', value: showCi, code: 'E_INVALID_TYPE' });
    const mode = options.transform ?? 'auto';
    if (mode !== 'auto' && mode !== 'none') throw new InputError("must be 'auto' or 'none'", { field: 'transform', value: mode });
    const data = labbeData(fit, rows, { columns: options.columns, label: options.label, add: options.add, to: options.to });
    const armTransform = backTransform(data.armMeasure, mode === 'auto' ? 'auto' : 'none');
    const word = mode === 'auto' ? 'Risk' : ARM_SCALE[data.armMeasure]!;
    const values = data.points.flatMap((p) => [p.x, p.y]);
    const domain: [number, number] = [Math.min(...values), Math.max(...values)];
    const fs = size.fontSize;
    const unit = 0.3 * fs;
    const preferredTicks = armTransform.name === 'none' ? undefined : RISK_TICKS;
    const makeFrame = (extraBottom: number) => scatterFrame(size, { domain, title: `${word}, group 2 (control: ci, di)`, transform: armTransform, preferredTicks },
      { domain, title: `${word}, group 1 (treated: ai, bi)`, transform: armTransform, preferredTicks }, { top: 1.4 * fs, bottom: extraBottom });
    const distance = data.points.map((p) => Math.abs(p.y - p.x - data.estimate));
    const order = data.points.map((_, i) => i).sort((a, b) => distance[b]! - distance[a]!);
    const { frame, labels } = labelledScatter(size, makeFrame,
      (f) => data.points.map((p) => ({ x: f.x.position(p.x), y: f.y.position(p.y), r: p.size * unit, text: p.label })), order, which, maxLabels);
    const drawOrder = data.points.map((_, i) => i).sort((a, b) => data.points[b]!.size - data.points[a]!.size);
    const circles = drawOrder.map((i) => {
      const p = data.points[i]!;
      return svgElement('circle', {
        cx: frame.x.position(p.x), cy: frame.y.position(p.y), r: p.size * unit,
        fill: PALETTE.blue, 'fill-opacity': 0.45, stroke: PALETTE.blue, 'stroke-width': 1, class: 'study', 'data-study': p.label,
      });
    });
    return svgDocument(
      { width: size.width, height: size.height, fontSize: fs, title: size.title || "L'Abbé plot", description: `L'Abbé plot of ${data.points.length} studies (${data.measure})` },
      [...frame.elements, lines(frame, data, showCi), svgElement('g', { class: 'points' }, circles), svgElement('g', { class: 'labels' }, labels),
        key(frame, data, size.width, fs, size.digits)],
    );
  });
}

function lines(frame: ScatterFrame, d: LabbeData, ci: boolean): string {
  const [lo, hi] = frame.x.domain;
  const [ylo, yhi] = frame.y.domain;
  // the effect line y = x + μ̂ inside both axes and the outcome's domain
  const from = Math.max(lo, d.lineRange.from, ylo - d.estimate);
  const to = Math.min(hi, d.lineRange.to, yhi - d.estimate);
  const P = (x: number, y: number): Point => [frame.x.position(x), frame.y.position(y)];
  const els: string[] = [];
  const a = Math.max(lo, d.lineRange.from);
  const b = Math.min(hi, d.lineRange.to);
  if (ci && d.ci.lower !== null && d.ci.upper !== null && b > a) {
    const band = [P(a, a + d.ci.lower), P(b, b + d.ci.lower), P(b, b + d.ci.upper), P(a, a + d.ci.upper)];
    els.push(svgElement('polygon', { points: pointList(clipToArea(frame, band)), fill: PALETTE.light, class: 'ci-band' }));
  }
  const [d0, d1] = [Math.max(lo, ylo), Math.min(hi, yhi)];
  els.push(svgElement('line', { x1: frame.x.position(d0), y1: frame.y.position(d0), x2: frame.x.position(d1), y2: frame.y.position(d1), stroke: PALETTE.muted, 'stroke-width': 1, class: 'no-effect-line' }));
  if (to > from) {
    els.push(svgElement('line', { x1: frame.x.position(from), y1: frame.y.position(from + d.estimate), x2: frame.x.position(to), y2: frame.y.position(to + d.estimate), stroke: PALETTE.ink, 'stroke-width': 1.5, 'stroke-dasharray': '6 3', class: 'effect-line' }));
  }
  return svgElement('g', { class: 'lines' }, els);
}

/** One line under the title: the two line styles and the pooled effect on the natural scale. */
function key(frame: ScatterFrame, d: LabbeData, width: number, fs: number, digits: number): string {
  const natural = backTransform(d.measure);
  const f = (x: number | null) => (x === null ? null : natural.apply(x));
  const effect = `Pooled ${d.measure} ${formatEstimateCi(f(d.estimate), f(d.ci.lower), f(d.ci.upper), digits)}`;
  const y = frame.area.top - 0.6 * fs;
  const x0 = frame.area.left;
  const size = 0.9 * fs;
  const a = 'No effect';
  const room = width - x0 - 4 - (22 + 4 + textWidth(a, { fontSize: size }) + 14 + 22 + 4);
  const b = truncateText(effect, room, { fontSize: size });
  const xb = x0 + 22 + 4 + textWidth(a, { fontSize: size }) + 14;
  return svgElement('g', { class: 'key' }, [
    svgElement('line', { x1: x0, x2: x0 + 22, y1: y - 0.3 * size, y2: y - 0.3 * size, stroke: PALETTE.muted, 'stroke-width': 1 }),
    svgText(x0 + 26, y, a, { fontSize: size }),
    svgElement('line', { x1: xb, x2: xb + 22, y1: y - 0.3 * size, y2: y - 0.3 * size, stroke: PALETTE.ink, 'stroke-width': 1.5, 'stroke-dasharray': '6 3' }),
    svgText(xb + 26, y, b, { fontSize: size, title: effect }),
  ]);
}
