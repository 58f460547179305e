import { readResult } from '../read-result.ts';
import type { SelectionModelResult } from '../bias/selection-model/selection-model.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { InputError } from '../errors.ts';
import { PALETTE } from './palette.ts';
import { resolvePlotSize, type PlotSizeOptions } from './plot-options.ts';
import { clipToArea, pointList, scatterFrame, type ScatterFrame } from './scatter-frame.ts';
import type { Point } from './clip-polygon.ts';
import { selectionFunctionData } from './selection-function-data.ts';
import { svgDocument, svgElement } from './svg.ts';

/** Options of {@link selectionFunctionPlot}. */
export interface SelectionFunctionPlotOptions extends PlotSizeOptions {
  /** Draw the Wald band of the selection function (default true where available; metafor's `ci = "wald"`). */
  readonly ci?: boolean;
  /** Mark the studies' p-values under the curve (default true; metafor's `rug`). */
  readonly rug?: boolean;
}

/** The valid keys of {@link SelectionFunctionPlotOptions}. */
export const SELECTION_FUNCTION_PLOT_OPTION_KEYS = optionKeys<SelectionFunctionPlotOptions>()('width', 'height', 'fontSize', 'title', 'digits', 'ci', 'rug');

/**
 * The estimated selection function of a `selectionModel` result (metafor's `plot(sel)`) as a
 * standalone SVG string: the relative likelihood of selection w(p) against the p-value
 * (stairs for a step function), the Wald band (w at the confidence bounds of δ, shaded between
 * dotted lines) and a rug of the studies' p-values. The y axis runs from 0 to 1 for the
 * exponential-family functions (as metafor), otherwise over the drawn values.
 *
 * Defaults: 560 × 440 px, font 12 px.
 *
 * @throws InputError when `sel` is not a `selectionModel` result, or for bad options.
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.35, 0.5, 0.62, 0.2, 0.8, 0.05], vi: [0.01, 0.02, 0.04, 0.05, 0.08, 0.03, 0.1, 0.015] });
 * selectionFunctionPlot(selectionModel(fit, { type: 'stepfun', steps: [0.05, 1] })).includes('class="selection-function"') // => true
 */
export function selectionFunctionPlot(sel: SelectionModelResult, options: SelectionFunctionPlotOptions = {}): string {
  return readResult(sel, 'selectionModel', 'sel', () => {
    checkOptions(options, SELECTION_FUNCTION_PLOT_OPTION_KEYS);
    if (sel === null || typeof sel !== 'object' || !Array.isArray(sel.delta) || typeof sel.type !== 'string') {
      throw new InputError('must be the result of selectionModel', { field: 'sel', code: 'E_INVALID_RESULT' });
    }
    for (const field of ['ci', 'rug'] as const) {
      if (options[field] !== undefined && typeof options[field] !== 'boolean') throw new InputError('must be true or false', { field, value: options[field], code: 'E_INVALID_TYPE' });
    }
    const size = resolvePlotSize(options, { width: 560, height: 440, title: `Selection function (${sel.type})` });
    const data = selectionFunctionData(sel);
    const band = (options.ci ?? true) && data.lower !== null && data.upper !== null;
    const drawn = [...data.w, ...(band ? [...data.lower!, ...data.upper!] : [])].filter(Number.isFinite);
    const unit = sel.type !== 'stepfun' && sel.type !== 'beta';
    const top = unit ? 1 : Math.max(...drawn);
    const frame = scatterFrame(size, { domain: [0, 1], title: 'p-value', pad: true }, { domain: [0, top > 0 ? top : 1], title: 'Relative likelihood of selection' });
    const line = (ws: readonly number[]) => clipLine(frame, curve(frame, data.p, ws, data.stairs));
    const elements = [
      ...frame.elements,
      ...(band ? [bandMarks(frame, data.p, data.lower!, data.upper!, data.stairs)] : []),
      ...((options.rug ?? true) ? [rug(frame, sel.pValues)] : []),
      svgElement('polyline', { points: pointList(line(data.w)), fill: 'none', stroke: PALETTE.blue, 'stroke-width': 2, class: 'selection-function' }),
    ];
    return svgDocument({
      width: size.width, height: size.height, fontSize: size.fontSize, title: size.title || 'Selection function',
      description: `Estimated selection function (${sel.type}, ${sel.alternative}) of a selection model of ${sel.k} studies`,
    }, elements);
  });
}

function curve(frame: ScatterFrame, p: readonly number[], w: readonly number[], stairs: boolean): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < p.length; i++) {
    const x = frame.x.position(p[i]!);
    if (stairs && i > 0) out.push([x, frame.y.position(w[i]!)]);
    if (stairs && i + 1 < p.length) out.push([x, frame.y.position(w[i + 1]!)]);
    if (!stairs) out.push([x, frame.y.position(w[i]!)]);
  }
  return out;
}

/** A polyline kept inside the plotting area (values above the axis are cut at its top). */
function clipLine(frame: ScatterFrame, points: readonly Point[]): Point[] {
  const { top, bottom } = frame.area;
  return points.map(([x, y]) => [x, Math.min(Math.max(y, top), bottom)] as const);
}

function bandMarks(frame: ScatterFrame, p: readonly number[], lower: readonly number[], upper: readonly number[], stairs: boolean): string {
  const lo = curve(frame, p, lower, stairs);
  const hi = curve(frame, p, upper, stairs);
  const bound = (pts: readonly Point[]) => svgElement('polyline', {
    points: pointList(clipLine(frame, pts)), fill: 'none', stroke: PALETTE.muted, 'stroke-width': 1, 'stroke-dasharray': '1.5 2.5', class: 'band-bound',
  });
  return svgElement('g', { class: 'band-group' }, [
    svgElement('polygon', { points: pointList(clipToArea(frame, [...lo, ...[...hi].reverse()])), fill: PALETTE.light, class: 'band' }),
    bound(lo), bound(hi),
  ]);
}

function rug(frame: ScatterFrame, pValues: readonly number[]): string {
  const y = frame.area.bottom;
  const h = 6;
  return svgElement('g', { class: 'rug' }, pValues.map((p) => svgElement('line', {
    x1: frame.x.position(p), x2: frame.x.position(p), y1: y, y2: y - h, stroke: PALETTE.ink, 'stroke-width': 1, 'data-p': p,
  })));
}
