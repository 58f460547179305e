import type { MetaAnalysisResult } from '../types.ts';
import { labelledScatter, resolvePointLabels, type PointLabelOptions } from './labelled-scatter.ts';
import { pointMark } from './marks.ts';
import { normalQqData, type NormalQqOptions } from './normal-qq-data.ts';
import { PALETTE } from './palette.ts';
import { resolvePlotSize, type PlotSizeOptions } from './plot-options.ts';
import { clipToArea, pointList, scatterFrame, type ScatterFrame } from './scatter-frame.ts';
import type { Point } from './clip-polygon.ts';
import { px, svgDocument, svgElement } from './svg.ts';
import { InputError } from '../errors.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Options of {@link qqPlot}. */
export interface QqPlotOptions extends PlotSizeOptions, PointLabelOptions, NormalQqOptions {
  /** Label only the studies outside the envelope (default true; metafor's `label = "out"`). */
  readonly labelOutside?: boolean;
  /** Draw the pseudo-confidence envelope (default true). */
  readonly envelope?: boolean;
}

/** The valid keys of {@link QqPlotOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const QQ_PLOT_OPTION_KEYS = optionKeys<QqPlotOptions>()('width', 'height', 'fontSize', 'title', 'digits', 'labels', 'maxLabels', 'level', 'reps', 'seed', 'labelOutside', 'envelope');

/**
 * Normal Q–Q plot of the standardized residuals of an intercept-only model (metafor's
 * `qqnorm.rma.uni`; Wang & Bushman, 1998, Psychol Methods 3:46) as a standalone SVG string: the
 * sorted residuals zᵢ ({@link standardizedResiduals}) against standard normal quantiles, the
 * line y = x, and the simulated pseudo-confidence envelope of {@link normalQqData} (shaded,
 * dotted bounds; seeded, so the same call draws the same picture). Points outside the envelope
 * are labelled by default (metafor's `label = "out"`), the farthest from the line first.
 * Both axes share one scale in data units per px only when the canvas is square.
 *
 * Defaults: 520 × 480 px, font 12 px.
 *
 * @throws InputError when `fit` is not a `metaAnalysis` result or has k = 1, or for bad options.
 * @example
 * qqPlot(metaAnalysis({ yi: [0.1, 0.3, 0.5, 0.2], vi: [0.01, 0.02, 0.015, 0.01] })).includes('class="envelope"') // => true
 */
export function qqPlot(fit: MetaAnalysisResult, options: QqPlotOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, QQ_PLOT_OPTION_KEYS);
    const size = resolvePlotSize(options, { width: 520, height: 480, title: 'Normal Q–Q plot' });
    const { labels: which, maxLabels } = resolvePointLabels(options);
    const outsideOnly = options.labelOutside ?? true;
    const showEnvelope = options.envelope ?? true;
    for (const [field, v] of [['labelOutside', outsideOnly], ['envelope', showEnvelope]] as const) {
      if (typeof v !== 'boolean') throw new InputError('must be true or false', { field, value: v, code: 'E_INVALID_TYPE' });
    }
    const data = normalQqData(fit, { level: options.level, reps: options.reps, seed: options.seed });
    const { points, envelope } = data;
    const xs = points.map((p) => p.theoretical);
    const ys = [...points.map((p) => p.residual), ...(showEnvelope ? [...envelope.lower, ...envelope.upper] : [])];
    const makeFrame = (extraBottom: number) => scatterFrame(size, { domain: [Math.min(...xs), Math.max(...xs)], title: 'Theoretical Quantiles' },
      { domain: [Math.min(...ys), Math.max(...ys)], title: 'Sample Quantiles' }, { bottom: extraBottom });
    const outside = points.map((p, i) => p.residual < envelope.lower[i]! || p.residual > envelope.upper[i]!);
    const deviation = points.map((p) => Math.abs(p.residual - p.theoretical));
    const order = points.map((_, i) => i).filter((i) => !outsideOnly || outside[i]).sort((a, b) => deviation[b]! - deviation[a]!);
    const r = Math.max(2, size.fontSize * 0.28);
    const { frame, labels } = labelledScatter(size, makeFrame,
      (f) => points.map((p) => ({ x: f.x.position(p.theoretical), y: f.y.position(p.residual), r, text: p.label })), order, which, maxLabels);
    const marks = points.map((p, i) => pointMark(frame.x.position(p.theoretical), frame.y.position(p.residual), r, {
      fill: outside[i] ? PALETTE.vermillion : PALETTE.blue, attrs: { class: outside[i] ? 'study outside' : 'study', 'data-study': p.label },
    }));
    return svgDocument(
      { width: size.width, height: size.height, fontSize: size.fontSize, title: size.title || 'Normal Q–Q plot', description: `Normal Q–Q plot of the standardized residuals of ${points.length} studies` },
      [...frame.elements, ...(showEnvelope ? envelopeMarks(frame, envelope) : []), diagonal(frame),
        svgElement('g', { class: 'points' }, marks), svgElement('g', { class: 'labels' }, labels)],
    );
  });
}

function envelopeMarks(frame: ScatterFrame, e: { theoretical: readonly number[]; lower: readonly number[]; upper: readonly number[] }): string[] {
  const path = (ys: readonly number[]) => e.theoretical.map((x, i) => `${px(frame.x.position(x))},${px(frame.y.position(ys[i]!))}`);
  const corners = (ys: readonly number[]): Point[] => e.theoretical.map((x, i) => [frame.x.position(x), frame.y.position(ys[i]!)] as const);
  const polygon = pointList(clipToArea(frame, [...corners(e.lower), ...corners(e.upper).reverse()]));
  const bound = (ys: readonly number[]) => svgElement('polyline', { points: path(ys).join(' '), fill: 'none', stroke: PALETTE.muted, 'stroke-width': 1, 'stroke-dasharray': '1.5 2.5', class: 'envelope-bound' });
  return [svgElement('g', { class: 'envelope-group' }, [svgElement('polygon', { points: polygon, fill: PALETTE.light, class: 'envelope' }), bound(e.lower), bound(e.upper)])];
}

/** The line y = x across the part of the plotting area where both axes reach. */
function diagonal(frame: ScatterFrame): string {
  const a = Math.max(frame.x.domain[0], frame.y.domain[0]);
  const b = Math.min(frame.x.domain[1], frame.y.domain[1]);
  if (!(b > a)) return '';
  return svgElement('line', {
    x1: frame.x.position(a), y1: frame.y.position(a), x2: frame.x.position(b), y2: frame.y.position(b),
    stroke: PALETTE.ink, 'stroke-width': 1, class: 'diagonal',
  });
}
