import { baujat } from '../diagnostics/baujat.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { labelledScatter, resolvePointLabels, type PointLabelOptions } from './labelled-scatter.ts';
import { PALETTE } from './palette.ts';
import { resolvePlotSize, type PlotSizeOptions } from './plot-options.ts';
import { scatterFrame } from './scatter-frame.ts';
import { svgDocument, svgElement } from './svg.ts';
import { pointMark } from './marks.ts';
import { InputError } from '../errors.ts';
import { checkOptions, optionKeys } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/** Options of {@link baujatPlot}. */
export interface BaujatPlotOptions extends PlotSizeOptions, PointLabelOptions {}

/** The valid keys of {@link BaujatPlotOptions}. */
export const PLOT_SIZE_LABEL_OPTION_KEYS = optionKeys<BaujatPlotOptions>()('width', 'height', 'fontSize', 'title', 'digits', 'labels', 'maxLabels');

/**
 * Baujat plot (Baujat et al., 2002, Stat Med 21:2641; metafor's `baujat`) as a standalone SVG
 * string: each study's contribution to the heterogeneity (x: squared Pearson residual
 * (yᵢ − μ̂)²/(vᵢ + τ̂²), "Contribution to Overall Heterogeneity" for EE) against its influence
 * on the pooled result (y: (μ̂₍₋ᵢ₎ − μ̂)²/Var μ̂₍₋ᵢ₎); studies in the upper right both drive the
 * heterogeneity and move the estimate. Coordinates come from {@link baujat}. Both axes run from
 * 0 to the largest value, padded by 4% as R pads. Labels are placed without overlap, the
 * farthest points first (at most `maxLabels`); those with no room are left out and counted in a
 * note. A study whose deleted model cannot be fitted has no y and is not
 * drawn.
 *
 * Defaults: 560 × 460 px, font 12 px.
 *
 * @throws InputError when `fit` is not a `metaAnalysis` result or has k = 1, or for bad options.
 * @example
 * import bcg from './datasets/bcg.json' with { type: 'json' };
 * const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' };
 * const svg = baujatPlot(metaAnalysis(effectSizes('RR', bcg.rows, { columns })));
 * svg.match(/class="study"/g)?.length // => 13 (one circle per trial)
 */
export function baujatPlot(fit: MetaAnalysisResult, options: BaujatPlotOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, PLOT_SIZE_LABEL_OPTION_KEYS);
    const size = resolvePlotSize(options, { width: 560, height: 460, title: 'Baujat plot' });
    const { labels: which, maxLabels } = resolvePointLabels(options);
    const points = baujat(fit);
    const drawn = points.flatMap((p, i) => (p.y === null ? [] : [{ ...p, y: p.y, i }]));
    if (drawn.length === 0) throw new InputError('no study could be left out and refitted; nothing to draw', { field: 'fit', code: 'E_TOO_FEW_STUDIES' });
    const maxX = Math.max(...drawn.map((p) => p.x));
    const maxY = Math.max(...drawn.map((p) => p.y));
    const ee = fit.method === 'EE';
    const makeFrame = (extraBottom: number) => scatterFrame(size, { domain: [0, maxX > 0 ? maxX : 1], title: ee ? 'Contribution to Overall Heterogeneity' : 'Squared Pearson Residual' },
      { domain: [0, maxY > 0 ? maxY : 1], title: 'Influence on Overall Result' },
      { bottom: extraBottom });
    const r = Math.max(2, size.fontSize * 0.28);
    const far = (p: { x: number; y: number }) => (maxX > 0 ? p.x / maxX : 0) ** 2 + (maxY > 0 ? p.y / maxY : 0) ** 2;
    const order = drawn.map((_, j) => j).sort((a, b) => far(drawn[b]!) - far(drawn[a]!));
    const { frame, labels } = labelledScatter(size, makeFrame,
      (f) => drawn.map((p) => ({ x: f.x.position(p.x), y: f.y.position(p.y), r, text: p.label })), order, which, maxLabels);
    const marks = drawn.map((p) => pointMark(frame.x.position(p.x), frame.y.position(p.y), r, {
      fill: PALETTE.blue, attrs: { class: 'study', 'data-study': p.label },
    }));
    return svgDocument(
      { width: size.width, height: size.height, fontSize: size.fontSize, title: size.title || 'Baujat plot', description: `Baujat plot of ${drawn.length} studies` },
      [...frame.elements, svgElement('g', { class: 'points' }, marks), svgElement('g', { class: 'labels' }, labels)],
    );
  });
}
