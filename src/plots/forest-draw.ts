import type { AxisScale } from './axis-scale.ts';
import type { ForestHeaders, ForestLayout, RightCells } from './forest-layout.ts';
import type { ForestRow, ForestStudyRow, ForestSummaryRow } from './forest-rows.ts';
import { diamondMark, intervalMark, squareMark } from './marks.ts';
import { PALETTE, categoricalColour } from './palette.ts';
import { svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';

/** What drawing a row needs besides the row itself. */
export interface ForestDrawContext {
  readonly layout: ForestLayout;
  readonly scale: AxisScale;
  readonly columnAlign: readonly ('start' | 'end')[];
  /** Largest study weight (for the square sizes). */
  readonly maxWeight: number;
  readonly showWeights: boolean;
}

/** The SVG elements of one body row of a forest plot, centred at height `y`. */
export function drawForestRow(row: ForestRow, y: number, right: RightCells | undefined, c: ForestDrawContext): string[] {
  const L = c.layout;
  const base = y + 0.35 * L.fontSize;
  const out: string[] = [];
  const label = (text: string, bold = false, italic = false) =>
    svgText(L.labelX, base, truncateText(text, L.labelWidth, { fontSize: L.fontSize, bold }), { bold, italic, title: text, attrs: { class: 'label' } });
  if (right) {
    const bold = row.kind === 'summary';
    if (c.showWeights && right.weight) out.push(svgText(L.weightX, base, right.weight, { anchor: 'end', bold, attrs: { class: 'weight' } }));
    out.push(svgText(L.estimateX, base, right.estimate, { anchor: 'end', bold, attrs: { class: 'estimate' } }));
  }
  switch (row.kind) {
    case 'study': return [...out, ...drawStudy(row, y, base, c), label(row.label)];
    case 'summary': return [...out, ...drawSummary(row, y, c), label(row.label, true)];
    case 'group': return [...out, label(row.label, true)];
    case 'prediction': return [...out, label('Prediction interval', false, true), ...drawPrediction(row.lower, row.upper, y, c)];
    case 'subnote': {
      const room = (c.layout.plot[0] - L.fontSize) - L.labelX;
      const text = truncateText(row.text, room, { fontSize: L.noteSize });
      return [svgText(L.labelX, y + 0.35 * L.noteSize, text, { fontSize: L.noteSize, fill: PALETTE.muted, title: row.text, attrs: { class: 'note' } })];
    }
    case 'gap': return out;
  }
}

function drawStudy(row: ForestStudyRow, y: number, base: number, c: ForestDrawContext): string[] {
  const L = c.layout;
  const colour = row.clusterIndex >= 0 ? categoricalColour(row.clusterIndex) : PALETTE.ink;
  const out: string[] = [];
  const marker = `${row.cluster}${row.notReplicated ? '†' : ''}`;
  if (marker) out.push(svgText(L.markerX, base, marker, { fill: colour, attrs: { class: 'marker' } }));
  row.cells.forEach((cell, j) => out.push(svgText(L.columnX[j]!, base, cell, { anchor: c.columnAlign[j], attrs: { class: 'cell' } })));
  out.push(intervalMark(c.scale, row.lower, row.upper, y, { stroke: colour, arrowSize: Math.min(4, 0.25 * L.rowHeight) }));
  if (c.scale.contains(row.estimate)) {
    const maxSide = 0.75 * L.rowHeight;
    const side = Math.max(Math.min(3, maxSide), maxSide * Math.sqrt(Math.max(row.weight, 0) / c.maxWeight));
    out.push(squareMark(c.scale.position(row.estimate), y, side, { fill: colour, attrs: { class: 'study-mark', 'data-study': row.label, 'data-weight': row.weight } }));
  }
  return out;
}

function drawSummary(row: ForestSummaryRow, y: number, c: ForestDrawContext): string[] {
  const half = (row.scope === 'overall' ? 0.4 : 0.32) * c.layout.rowHeight;
  return [diamondMark(c.scale, row.estimate, row.lower, row.upper, y, half, {
    fill: row.scope === 'overall' ? PALETTE.ink : PALETTE.muted,
    attrs: { class: `diamond ${row.scope}`, 'data-estimate': row.estimate, 'data-label': row.label },
  })];
}

function drawPrediction(lower: number, upper: number, y: number, c: ForestDrawContext): string[] {
  const h = 0.2 * c.layout.rowHeight;
  const out = [intervalMark(c.scale, lower, upper, y, { stroke: PALETTE.ink, arrowSize: Math.min(4, 0.25 * c.layout.rowHeight), attrs: { class: 'prediction-interval' } })];
  for (const v of [lower, upper]) {
    if (!c.scale.contains(v)) continue;
    const x = c.scale.position(v);
    out.push(svgElement('line', { x1: x, x2: x, y1: y - h, y2: y + h, stroke: PALETTE.ink, 'stroke-width': 1 }));
  }
  return out;
}

/** The header row: column titles in bold and a rule under them. */
export function drawForestHeader(headers: ForestHeaders, c: ForestDrawContext): string[] {
  const L = c.layout;
  const y = L.headerY;
  const out = [svgText(L.labelX, y, truncateText(headers.label, L.labelWidth, { fontSize: L.fontSize, bold: true }), { bold: true, attrs: { class: 'header' } })];
  headers.columns.forEach((h, j) => out.push(svgText(L.columnX[j]!, y, h, { bold: true, anchor: c.columnAlign[j], attrs: { class: 'header' } })));
  if (c.showWeights) out.push(svgText(L.weightX, y, headers.weight, { bold: true, anchor: 'end', attrs: { class: 'header' } }));
  out.push(svgText(L.estimateX, y, headers.estimate, { bold: true, anchor: 'end', attrs: { class: 'header' } }));
  const ruleY = y + 0.45 * L.fontSize;
  out.push(svgElement('line', { x1: L.labelX, x2: L.estimateX, y1: ruleY, y2: ruleY, stroke: PALETTE.guide, 'stroke-width': 0.75 }));
  return out;
}
