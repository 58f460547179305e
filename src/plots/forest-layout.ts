import { textWidth } from './font-metrics.ts';
import type { ResolvedForestOptions } from './forest-options.ts';
import type { ForestRow } from './forest-rows.ts';

/** Text of the right-hand columns of one row. */
export interface RightCells {
  readonly weight: string;
  readonly estimate: string;
}

/** Positions (px) of everything in a forest plot. */
export interface ForestLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  /** Font size of notes and subgroup heterogeneity. */
  readonly noteSize: number;
  readonly rowHeight: number;
  readonly pad: number;
  readonly labelX: number;
  readonly labelWidth: number;
  /** x of the marker column (letters, †). */
  readonly markerX: number;
  /** Anchor x of each extra column (its start or end, by alignment). */
  readonly columnX: readonly number[];
  readonly plot: readonly [number, number];
  /** Right edge of the weight column. */
  readonly weightX: number;
  /** Right edge of the estimate column. */
  readonly estimateX: number;
  readonly titleY: number | null;
  readonly headerY: number;
  /** Centre y of each body row. */
  readonly rowY: readonly number[];
  readonly axisY: number;
  /** Baselines of the notes under the axis. */
  readonly noteY: readonly number[];
}

const UNITS: Record<ForestRow['kind'], number> = { study: 1, summary: 1.15, group: 1, prediction: 1, subnote: 0.9, gap: 0.5 };

const maxWidth = (texts: readonly string[], size: number, bold = false): number =>
  texts.reduce((m, t) => Math.max(m, textWidth(t, { fontSize: size, bold })), 0);

/**
 * Column widths from the widest text in each column (labels capped at `labelWidth`, then cut
 * with …), a plot area of 25 em (or what `width` leaves, at least 8 em), and row heights of
 * 1.5 em (or what `height` allows: when rows would fall below 1.2 em, the font shrinks with them).
 */
export function forestLayout(
  rows: readonly ForestRow[], right: readonly RightCells[], headers: ForestHeaders,
  cells: readonly (readonly string[])[], hasMarkers: boolean, columnAlign: readonly ('start' | 'end')[],
  notes: readonly string[], hasAxisTitle: boolean, o: ResolvedForestOptions,
): ForestLayout {
  const axisEm = hasAxisTitle ? 3.4 : 2.2;
  // fixed height in em: pads, title, header, axis (ticks, labels, title), notes
  const fixedEm = 0.8 + (o.title ? 2 : 0) + 1.6 + 0.3 + axisEm + notes.length * 1.25 + 0.6;
  const { fs, rowH } = fontAndRowHeight(rows.reduce((s, r) => s + UNITS[r.kind], 0), fixedEm, o);
  const widths = columnWidths(rows, right, headers, cells, hasMarkers, fs, o);
  const across = horizontalPositions(widths, columnAlign, fs, o);
  const down = verticalPositions(rows, notes.length, rowH, axisEm, fs, o);
  return { ...across, ...down, fontSize: fs, noteSize: 0.9 * fs, rowHeight: rowH, pad: fs };
}

/** Column titles of a forest plot. */
export interface ForestHeaders {
  readonly label: string;
  readonly columns: readonly string[];
  readonly weight: string;
  readonly estimate: string;
}

/** Font size and row height: 1.5 em rows, or what `height` allows (the font shrinks below 1.2 em rows). */
function fontAndRowHeight(units: number, fixedEm: number, o: ResolvedForestOptions): { fs: number; rowH: number } {
  const fs = o.fontSize;
  if (o.height === null) return { fs, rowH: 1.5 * fs };
  const rowH = (o.height - fixedEm * fs) / units;
  if (rowH >= 1.2 * fs) return { fs, rowH };
  const shrunk = o.height / (fixedEm + 1.2 * units);
  return { fs: shrunk, rowH: 1.2 * shrunk };
}

interface ColumnWidths {
  readonly label: number;
  readonly marker: number;
  readonly columns: readonly number[];
  readonly weight: number;
  readonly estimate: number;
}

function columnWidths(
  rows: readonly ForestRow[], right: readonly RightCells[], headers: ForestHeaders, cells: readonly (readonly string[])[],
  hasMarkers: boolean, fs: number, o: ResolvedForestOptions,
): ColumnWidths {
  const labels = rows.flatMap((r) => (r.kind === 'study' || r.kind === 'group' || r.kind === 'summary' ? [r.label] : []));
  const marker = hasMarkers ? maxWidth(['m†'], fs) + 0.3 * fs : 0;
  const columns = headers.columns.map((h, j) => Math.max(maxWidth([h], fs, true), maxWidth(cells[j] ?? [], fs)));
  // subgroup notes run under the label and the extra columns: widen the label column for them
  const subnotes = rows.flatMap((r) => (r.kind === 'subnote' ? [r.text] : []));
  const besideLabel = marker + columns.reduce((s, w) => s + w + fs, 0);
  const wanted = Math.max(maxWidth(labels, fs, true), maxWidth([headers.label, 'Prediction interval'], fs, true), maxWidth(subnotes, 0.9 * fs) - besideLabel);
  return {
    label: Math.min(o.labelWidth * (fs / o.fontSize), wanted),
    marker,
    columns,
    weight: o.showWeights ? Math.max(maxWidth([headers.weight], fs, true), maxWidth(right.map((r) => r.weight), fs, true)) : 0,
    estimate: Math.max(maxWidth([headers.estimate], fs, true), maxWidth(right.map((r) => r.estimate), fs, true)),
  };
}

/** x positions, left to right: label, markers, extra columns, plot (25 em or what `width` leaves), weight, estimate. */
function horizontalPositions(w: ColumnWidths, columnAlign: readonly ('start' | 'end')[], fs: number, o: ResolvedForestOptions) {
  const gap = fs;
  let labelWidth = w.label;
  const others = () => 2 * fs + labelWidth + w.marker + w.columns.reduce((s, c) => s + c + gap, 0) + 2 * gap + (o.showWeights ? w.weight + gap : 0) + w.estimate;
  let plotWidth = 25 * fs;
  if (o.width !== null) {
    plotWidth = o.width - others();
    if (plotWidth < 8 * fs) {
      labelWidth = Math.max(6 * fs, labelWidth - (8 * fs - plotWidth));
      plotWidth = Math.max(8 * fs, o.width - others());
    }
  }
  let x = fs;
  const labelX = x;
  x += labelWidth;
  const markerX = x + 0.3 * fs;
  x += w.marker;
  const columnX = w.columns.map((c, j) => {
    x += gap;
    const at = columnAlign[j] === 'end' ? x + c : x;
    x += c;
    return at;
  });
  x += gap;
  const plot = [x, x + plotWidth] as const;
  x += plotWidth + gap;
  const weightX = o.showWeights ? x + w.weight : x;
  if (o.showWeights) x += w.weight + gap;
  const estimateX = x + w.estimate;
  return { width: o.width ?? Math.ceil(estimateX + fs), labelX, labelWidth, markerX, columnX, plot, weightX, estimateX };
}

/** y positions, top to bottom: title, header, rows, axis, notes. */
function verticalPositions(rows: readonly ForestRow[], notes: number, rowH: number, axisEm: number, fs: number, o: ResolvedForestOptions) {
  let y = 0.8 * fs;
  const titleY = o.title ? y + fs * 1.1 : null;
  if (o.title) y += 2 * fs;
  const headerY = y + fs;
  y += 1.6 * fs;
  const rowY = rows.map((r) => {
    const h = UNITS[r.kind] * rowH;
    y += h;
    return y - h / 2;
  });
  const axisY = y + 0.3 * fs;
  y = axisY + axisEm * fs;
  const noteY = Array.from({ length: notes }, () => (y += 1.25 * fs) - 0.3 * fs);
  return { height: o.height ?? Math.ceil(y + 0.6 * fs), titleY, headerY, rowY, axisY, noteY };
}
