import { backTransform, type BackTransform } from '../effect-sizes/back-transform.ts';
import { InputError } from '../errors.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { axisScale } from './axis-scale.ts';
import { axisSvg } from './axis-svg.ts';
import { forestDomain } from './forest-domain.ts';
import { referenceValue } from './reference-value.ts';
import { drawForestHeader, drawForestRow, type ForestDrawContext } from './forest-draw.ts';
import { forestLayout, type RightCells } from './forest-layout.ts';
import { resolveForestOptions, type ForestPlotOptions, FOREST_PLOT_OPTION_KEYS } from './forest-options.ts';
import { forestRows, type ForestRow } from './forest-rows.ts';
import { formatEstimateCi, formatPlotNumber } from './format-number.ts';
import { PALETTE } from './palette.ts';
import { svgDocument, svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';
import { checkOptions } from '../check-options.ts';
import { readResult } from '../read-result.ts';

/**
 * Forest plot of a meta-analysis as a standalone SVG string (Lewis & Clarke, 2001, BMJ 322:1479;
 * drawn as metafor's `forest.rma`): one row per study with its label, optional extra columns,
 * its estimate and CI (estimate ± z·√vᵢ at the fit's level) as a square whose area is
 * proportional to the study's weight, the weight in %, and the estimate with CI as text; then the
 * pooled diamond (tips at the CI, widest at the estimate), the prediction interval, and under the
 * axis a line of heterogeneity statistics (τ², I², Q(df) and its p).
 *
 * Log-ratio and other transformed measures are drawn on the analysis scale with a back-
 * transformed axis (odds and risk ratios on a log axis, Fisher's z as r; see `backTransform`).
 * With `groups`, studies form subgroup blocks, each with its own diamond and heterogeneity, and
 * the test for subgroup differences is printed (`subgroupAnalysis`). CIs that run past the axis
 * limits end in arrows. `clusters` marks studies sharing a research group or cohort (a letter and
 * a colour per cluster); `notReplicated` marks findings not independently replicated (†).
 * Labels are real `<text>` (searchable), cut with … when too long (the full label is the text's
 * `<title>`). Every study row is drawn: 500 studies make a tall plot, not an unreadable one.
 *
 * @param fit a `metaAnalysis` result (its `yi`, `vi`, `labels`, `weights` and summary fields)
 * @throws {InputError} for a fit without studies, or options that do not fit it (see `ForestPlotOptions`).
 * @example
 * import bcg from './datasets/bcg.json' with { type: 'json' };
 * const fit = metaAnalysis(effectSizes('RR', bcg.rows, { columns: { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' }, label: 'author' }));
 * const svg = forestPlot(fit, { columns: [{ header: 'Year', key: 'year' }], rows: bcg.rows });
 * [...svg.matchAll(/class="tick[^"]*"[^>]*>([^<]*)</g)].map((m) => m[1]) // => ['0.05', '0.1', '0.2', '0.5', '1', '2', '5', '10'] (risk ratio, log axis)
 * svg.includes('0.49 [0.34, 0.70]') // => true (the pooled RR; metafor: predict(rma(yi, vi), transf = exp) gives 0.4894 [0.3441, 0.6962])
 */
export function forestPlot(fit: MetaAnalysisResult, options: ForestPlotOptions = {}): string {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions(options, FOREST_PLOT_OPTION_KEYS);
    if (!fit || !Array.isArray(fit.yi) || fit.yi.length === 0 || fit.yi.length !== fit.vi?.length) {
      throw new InputError('needs a metaAnalysis result with at least one study (yi, vi, labels, weights)', { field: 'fit', code: 'E_TOO_FEW_STUDIES' });
    }
    const o = resolveForestOptions(options, fit.yi.length);
    const transform = backTransform(fit.measure, o.transform, { n: o.n });
    const digits = o.digits ?? autoDigits(transform.apply(fit.ci.lower ?? fit.estimate), transform.apply(fit.ci.upper ?? fit.estimate));
    const rows = forestRows(fit, o, digits);
    const right = rows.body.map((r) => rightCells(r, transform.apply, digits));
    const level = Math.round(fit.level * 1000) / 10;
    const headers = {
      label: o.labelHeader,
      columns: o.columns.map((c) => c.header),
      weight: 'Weight',
      estimate: `${estimateHeader(fit.measure, transform)} [${level}% CI]`,
    };
    const cells = o.columns.map((_, j) => rows.body.flatMap((r) => (r.kind === 'study' ? [r.cells[j]!] : [])));
    const axisTitle = o.axisTitle ?? `${transform.scale}${transform.name === 'exp' ? ' (log scale)' : ''}`;
    const layout = forestLayout(rows.body, right, headers, cells, rows.hasMarkers, rows.columnAlign, rows.notes, axisTitle !== '', o);
    const reference = referenceValue(fit.measure, transform, o.referenceLine);
    const scale = axisScale({
      domain: forestDomain(rows.body, transform, reference, o.limits), range: layout.plot, transform,
      nice: o.limits === null, fontSize: layout.fontSize,
    });
    const maxWeight = Math.max(...fit.weights.filter(Number.isFinite), 1e-300);
    const ctx: ForestDrawContext = { layout, scale, columnAlign: rows.columnAlign, maxWeight, showWeights: o.showWeights };
    const body = rows.body.flatMap((r, i) => drawForestRow(r, layout.rowY[i]!, right[i], ctx));
    const top = layout.headerY + 0.45 * layout.fontSize;
    const guides = reference !== null && scale.contains(reference)
      ? [svgElement('line', { x1: scale.position(reference), x2: scale.position(reference), y1: top, y2: layout.axisY, stroke: PALETTE.guide, 'stroke-width': 1, 'stroke-dasharray': '4 3', class: 'reference-line' })]
      : [];
    const notes = rows.notes.map((n, i) =>
      svgText(layout.labelX, layout.noteY[i]!, truncateText(n, layout.width - 2 * layout.pad, { fontSize: layout.noteSize }), { fontSize: layout.noteSize, title: n, attrs: { class: 'note' } }));
    return svgDocument(
      { width: layout.width, height: layout.height, fontSize: layout.fontSize, title: o.title ?? `Forest plot (${fit.k} ${fit.k === 1 ? 'study' : 'studies'})`, description: rows.notes[0] },
      [
        ...(o.title && layout.titleY !== null ? [svgText(layout.labelX, layout.titleY, o.title, { bold: true, fontSize: 1.15 * layout.fontSize, attrs: { class: 'title' } })] : []),
        ...guides,
        ...drawForestHeader(headers, ctx),
        ...body,
        ...axisSvg(scale, { orient: 'bottom', at: layout.axisY, title: axisTitle, fontSize: layout.fontSize }).elements,
        ...notes,
      ],
    );
  });
}

function rightCells(r: ForestRow, f: (x: number) => number, digits: number): RightCells {
  switch (r.kind) {
    case 'study': return { weight: `${formatPlotNumber(r.weight, 1)}%`, estimate: formatEstimateCi(f(r.estimate), f(r.lower), f(r.upper), digits) };
    case 'summary': return { weight: r.weight === null ? '' : `${formatPlotNumber(r.weight, 1)}%`, estimate: formatEstimateCi(f(r.estimate), f(r.lower), f(r.upper), digits) };
    case 'prediction': return { weight: '', estimate: `[${formatPlotNumber(f(r.lower), digits)}, ${formatPlotNumber(f(r.upper), digits)}]` };
    default: return { weight: '', estimate: '' };
  }
}

/** The right column's header: the display scale when back-transformed (Risk Ratio), else the measure's code (SMD). */
function estimateHeader(measure: MetaAnalysisResult['measure'], transform: BackTransform): string {
  if (transform.name !== 'none') return transform.scale;
  return measure ?? 'Estimate';
}

/** 2 decimals, or more (up to 4) when the pooled CI is so narrow that 2 would hide it (width < 0.1). */
function autoDigits(lower: number, upper: number): number {
  const width = Math.abs(upper - lower);
  if (!(width > 0) || !Number.isFinite(width)) return 2;
  return Math.min(4, Math.max(2, Math.ceil(-Math.log10(width)) + 1));
}
