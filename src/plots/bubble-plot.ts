import { backTransform, type TransformName } from '../effect-sizes/back-transform.ts';
import { InputError } from '../errors.ts';
import type { MetaRegressionResult } from '../models/regression/meta-regression.ts';
import { bubbleData, type BubbleDataOptions, type BubbleLine } from './bubble-data.ts';
import { labelledScatter, resolvePointLabels, type PointLabelOptions } from './labelled-scatter.ts';
import { PALETTE } from './palette.ts';
import { resolvePlotSize, type PlotSizeOptions } from './plot-options.ts';
import { clipToArea, pointList, scatterFrame, type ScatterFrame } from './scatter-frame.ts';
import type { Point } from './clip-polygon.ts';
import { px, svgDocument, svgElement } from './svg.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Options of {@link bubblePlot}. */
export interface BubblePlotOptions extends PlotSizeOptions, PointLabelOptions, Omit<BubbleDataOptions, 'at'> {
  /** Scale of the y axis: `'auto'` (default) labels it on the measure's natural scale (e.g. risk ratios). */
  readonly transform?: TransformName | 'auto';
  /** Shade the confidence band of the fitted line (default true). */
  readonly ci?: boolean;
  /** Draw the prediction band as dotted lines (default false, as metafor). */
  readonly pi?: boolean;
}

/** The valid keys of {@link BubblePlotOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const BUBBLE_PLOT_OPTION_KEYS = optionKeys<BubblePlotOptions>()('width', 'height', 'fontSize', 'title', 'digits', 'labels', 'maxLabels', 'moderator', 'level', 'steps', 'transform', 'ci', 'pi');

/**
 * Bubble plot of a meta-regression (Thompson & Higgins, 2002, Stat Med 21:1559; metafor's
 * `regplot`) as a standalone SVG string: each study at (moderator, observed effect) as a circle
 * whose radius grows linearly with √weight from 0.5 to 3 units (metafor's `psize`; 1 unit =
 * 0.35 em), the fitted line ŷ = x̃ᵀβ̂ (other moderators at their means) with its shaded
 * confidence band and, on request, the dotted prediction band ({@link bubbleData}). The y axis
 * keeps the analysis scale for positions and labels round values of the back-transformed scale
 * where the measure calls for it (e.g. risk ratios 0.2, 0.5, 1 for log risk ratios). Larger
 * circles are drawn first so small ones stay visible; circles are translucent. Labels go to the
 * studies with the largest residuals first.
 *
 * The line and bands lie inside the axes by construction: the x grid spans the padded axis and
 * the y axis covers the drawn bands.
 *
 * Defaults: 600 × 460 px, font 12 px, x title = the moderator's name.
 *
 * @throws InputError when `fit` is not a `metaRegression` result, for an unknown moderator, or
 *   for bad options.
 * @example
 * import bcg from './datasets/bcg.json' with { type: 'json' };
 * const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' };
 * const fit = metaRegression(effectSizes('RR', bcg.rows, { columns }), { moderators: { ablat: bcg.rows.map((r) => r.ablat) } });
 * const svg = bubblePlot(fit);
 * svg.includes('class="fitted"') // => true
 * svg.match(/class="study"/g)?.length // => 13 (one bubble per trial)
 */
export function bubblePlot(fit: MetaRegressionResult, options: BubblePlotOptions = {}): string {
  return readResult(fit, 'metaRegression', 'fit', () => {
    checkOptions(options, BUBBLE_PLOT_OPTION_KEYS);
    const size = resolvePlotSize(options, { width: 600, height: 460, title: 'Bubble plot' });
    const { labels: which, maxLabels } = resolvePointLabels(options);
    const showCi = options.ci ?? true;
    const showPi = options.pi ?? false;
    for (const [field, v] of [['ci', showCi], ['pi', showPi]] as const) {
      if (typeof v !== 'boolean') throw new InputError('must be true or false', { field, value: v, code: 'E_INVALID_TYPE' });
    }
    const data = bubbleData(fit, { moderator: options.moderator, level: options.level, steps: options.steps });
    const transform = backTransform(fit.measure, options.transform ?? 'auto');
    const { points, line } = data;
    const xs = points.map((p) => p.x);
    const band = showPi ? [...line.piLower, ...line.piUpper] : showCi ? [...line.ciLower, ...line.ciUpper] : line.fitted;
    const ys = [...points.map((p) => p.y), ...band];
    const unit = 0.35 * size.fontSize;
    const makeFrame = (extraBottom: number) => scatterFrame(size, { domain: [Math.min(...xs), Math.max(...xs)], title: data.moderator },
      { domain: [Math.min(...ys), Math.max(...ys)], title: transform.scale, transform }, { bottom: extraBottom });
    const fitted = (x: number) => fit.coefficients.reduce((s, c, j) => s + c.estimate * (j === 0 ? 1 : c.name === data.moderator ? x : data.heldAt[c.name]!), 0);
    const residual = points.map((p) => Math.abs(p.y - fitted(p.x)));
    const order = points.map((_, i) => i).sort((a, b) => residual[b]! - residual[a]!);
    const { frame, labels } = labelledScatter(size, makeFrame,
      (f) => points.map((p) => ({ x: f.x.position(p.x), y: f.y.position(p.y), r: p.size * unit, text: p.label })), order, which, maxLabels);
    const drawOrder = points.map((_, i) => i).sort((a, b) => points[b]!.size - points[a]!.size);
    const bubbles = drawOrder.map((i) => {
      const p = points[i]!;
      return svgElement('circle', {
        cx: frame.x.position(p.x), cy: frame.y.position(p.y), r: p.size * unit,
        fill: PALETTE.blue, 'fill-opacity': 0.45, stroke: PALETTE.blue, 'stroke-width': 1, class: 'study', 'data-study': p.label,
      });
    });
    return svgDocument(
      { width: size.width, height: size.height, fontSize: size.fontSize, title: size.title || 'Bubble plot', description: `Bubble plot of ${points.length} studies against ${data.moderator}` },
      [...frame.elements, lineMarks(frame, line, showCi, showPi), svgElement('g', { class: 'points' }, bubbles), svgElement('g', { class: 'labels' }, labels)],
    );
  });
}

function lineMarks(frame: ScatterFrame, line: BubbleLine, ci: boolean, pi: boolean): string {
  const path = (ys: readonly number[]) => line.x.map((x, i) => `${px(frame.x.position(x))},${px(frame.y.position(ys[i]!))}`);
  const els: string[] = [];
  const corners = (ys: readonly number[]): Point[] => line.x.map((x, i) => [frame.x.position(x), frame.y.position(ys[i]!)] as const);
  if (ci) els.push(svgElement('polygon', { points: pointList(clipToArea(frame, [...corners(line.ciLower), ...corners(line.ciUpper).reverse()])), fill: PALETTE.light, class: 'ci-band' }));
  if (pi) {
    for (const ys of [line.piLower, line.piUpper]) {
      els.push(svgElement('polyline', { points: path(ys).join(' '), fill: 'none', stroke: PALETTE.muted, 'stroke-width': 1, 'stroke-dasharray': '1.5 2.5', class: 'pi-bound' }));
    }
  }
  if (ci) {
    for (const ys of [line.ciLower, line.ciUpper]) {
      els.push(svgElement('polyline', { points: path(ys).join(' '), fill: 'none', stroke: PALETTE.muted, 'stroke-width': 1, 'stroke-dasharray': '5 3', class: 'ci-bound' }));
    }
  }
  els.push(svgElement('polyline', { points: path(line.fitted).join(' '), fill: 'none', stroke: PALETTE.ink, 'stroke-width': 2, class: 'fitted' }));
  return svgElement('g', { class: 'fit' }, els);
}
