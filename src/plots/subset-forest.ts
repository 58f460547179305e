import type { SubsetFit } from '../diagnostics/subset-fit.ts';
import { backTransform } from '../effect-sizes/back-transform.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { axisScale } from './axis-scale.ts';
import { axisSvg } from './axis-svg.ts';
import { forestDomain } from './forest-domain.ts';
import { referenceValue } from './reference-value.ts';
import { drawForestHeader, drawForestRow, type ForestDrawContext } from './forest-draw.ts';
import { forestLayout, type RightCells } from './forest-layout.ts';
import { resolveForestOptions, type ForestPlotOptions } from './forest-options.ts';
import type { ForestRow } from './forest-rows.ts';
import { formatEstimateCi, formatPlotNumber } from './format-number.ts';
import { PALETTE } from './palette.ts';
import { svgDocument, svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';
import { optionKeys } from '../check-options.ts';

/** Square size of a row relative to the forest plot's largest (the rows are not weighted studies). */
const ROW_WEIGHT = 0.3;

/** The forest-plot options that apply to plots of refitted subsets (cumulative, leave-one-out). */
export type SubsetForestOptions = Pick<ForestPlotOptions,
  'transform' | 'n' | 'limits' | 'digits' | 'fontSize' | 'width' | 'height' | 'labelWidth' | 'title' | 'axisTitle' | 'referenceLine'>;

/** The valid keys of {@link SubsetForestOptions}. */
export const SUBSET_FOREST_OPTION_KEYS = optionKeys<SubsetForestOptions>()('transform', 'n', 'limits', 'digits', 'fontSize', 'width', 'height', 'labelWidth', 'title', 'axisTitle', 'referenceLine');

/** What distinguishes the two plots of refitted subsets. */
export interface SubsetForestSpec {
  /** Header of the label column ("Study added", "Study omitted"). */
  readonly labelHeader: string;
  /** Row labels, one per subset. */
  readonly labels: readonly string[];
  /** Add the full model as a diamond under the rows (leave-one-out). */
  readonly overall: boolean;
  /** Dotted vertical line at the full model's estimate. */
  readonly fullEstimateLine: boolean;
  /** SVG title and description. */
  readonly title: string;
  readonly description: string;
}

/**
 * A forest plot whose rows are refits of the model on subsets of the studies (metafor's
 * `forest.cumul.rma` and the forest plot of `leave1out`), built from the forest plot's row
 * layout and drawing: each row shows the refit's estimate as a square (all of one size: the rows
 * are not studies with weights) with its CI, the number of studies k and I² of the refit as
 * columns, and the estimate [CI] on the right, back-transformed where the measure calls for it.
 * A refit that could not be fitted is a grey note row saying why.
 *
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.2], vi: [0.01, 0.02, 0.015], labels: ['A', 'B', 'C'] });
 * const spec = { labelHeader: 'Study omitted', labels: ['− A', '− B', '− C'], overall: true, fullEstimateLine: true,
 *   title: 'Leave-one-out', description: 'each row pools all studies but one' };
 * const svg = subsetForest(fit, leaveOneOut(fit), spec, {});
 * [...svg.matchAll(/class="label">([^<]*)/g)].map((m) => m[1]) // => ['− A', '− B', '− C', 'All studies (REML)']
 */
export function subsetForest(fit: MetaAnalysisResult, subsets: readonly SubsetFit[], spec: SubsetForestSpec, options: SubsetForestOptions): string {
  const o = resolveForestOptions({ ...options, columns: [], showWeights: false, labelHeader: spec.labelHeader, predictionInterval: false }, subsets.length);
  const transform = backTransform(fit.measure, o.transform, { n: o.n });
  const f = transform.apply;
  const digits = o.digits ?? 2;
  const body: ForestRow[] = subsets.map((s, i): ForestRow => {
    const label = spec.labels[i]!;
    if (s.estimate === null || s.ci.lower === null || s.ci.upper === null) return { kind: 'subnote', text: `${label}: not estimable (${s.error ?? 'refit failed'})` };
    return {
      kind: 'study', index: i, label, cells: [String(s.k), s.i2 === null ? '—' : `${formatPlotNumber(s.i2, 1)}%`],
      estimate: s.estimate, lower: s.ci.lower, upper: s.ci.upper, weight: ROW_WEIGHT, cluster: '', clusterIndex: -1, notReplicated: false,
    };
  });
  if (spec.overall) {
    body.push({ kind: 'gap' });
    body.push({ kind: 'summary', scope: 'overall', label: `All studies (${fit.method === 'EE' ? 'common effect' : fit.method})`, estimate: fit.estimate, lower: fit.ci.lower ?? fit.estimate, upper: fit.ci.upper ?? fit.estimate, weight: null });
  }
  const right: RightCells[] = body.map((r) => ({ weight: '', estimate: r.kind === 'study' || r.kind === 'summary' ? formatEstimateCi(f(r.estimate), f(r.lower), f(r.upper), digits) : '' }));
  const level = Math.round(fit.level * 1000) / 10;
  const headers = { label: spec.labelHeader, columns: ['k', 'I²'], weight: '', estimate: `${transform.name === 'none' ? (fit.measure ?? 'Estimate') : transform.scale} [${level}% CI]` };
  const cells = [0, 1].map((j) => body.flatMap((r) => (r.kind === 'study' ? [r.cells[j]!] : [])));
  const columnAlign = ['end', 'end'] as const;
  const model = fit.method === 'EE' ? 'common-effect model' : `random-effects model (${fit.method})`;
  const notes = [`Each row refits the ${model} to ${spec.overall ? 'all studies but one' : 'the studies up to and including that row'}; k and I² are the refit's.`];
  const axisTitle = o.axisTitle ?? `${transform.scale}${transform.name === 'exp' ? ' (log scale)' : ''}`;
  const layout = forestLayout(body, right, headers, cells, false, columnAlign, notes, axisTitle !== '', o);
  const reference = referenceValue(fit.measure, transform, o.referenceLine);
  const domain = forestDomain([...body, { kind: 'summary', scope: 'overall', label: '', estimate: fit.estimate, lower: fit.estimate, upper: fit.estimate, weight: null }], transform, reference, o.limits);
  const scale = axisScale({ domain, range: layout.plot, transform, nice: o.limits === null, fontSize: layout.fontSize });
  const ctx: ForestDrawContext = { layout, scale, columnAlign, maxWeight: 1, showWeights: false };
  const top = layout.headerY + 0.45 * layout.fontSize;
  const vertical = (value: number, dash: string, cls: string, colour: string) => (scale.contains(value)
    ? [svgElement('line', { x1: scale.position(value), x2: scale.position(value), y1: top, y2: layout.axisY, stroke: colour, 'stroke-width': 1, 'stroke-dasharray': dash, class: cls })]
    : []);
  const guides = [
    ...(reference === null ? [] : vertical(reference, '4 3', 'reference-line', PALETTE.guide)),
    ...(spec.fullEstimateLine ? vertical(fit.estimate, '1.5 2.5', 'full-estimate-line', PALETTE.muted) : []),
  ];
  const rows = body.flatMap((r, i) => drawForestRow(r, layout.rowY[i]!, right[i], ctx));
  const noteEls = notes.map((n, i) => svgText(layout.labelX, layout.noteY[i]!, truncateText(n, layout.width - 2 * layout.pad, { fontSize: layout.noteSize }), { fontSize: layout.noteSize, title: n, attrs: { class: 'note' } }));
  return svgDocument(
    { width: layout.width, height: layout.height, fontSize: layout.fontSize, title: o.title ?? spec.title, description: spec.description },
    [
      ...(o.title && layout.titleY !== null ? [svgText(layout.labelX, layout.titleY, o.title, { bold: true, fontSize: 1.15 * layout.fontSize, attrs: { class: 'title' } })] : []),
      ...guides, ...drawForestHeader(headers, ctx), ...rows,
      ...axisSvg(scale, { orient: 'bottom', at: layout.axisY, title: axisTitle, fontSize: layout.fontSize }).elements,
      ...noteEls,
    ],
  );
}
