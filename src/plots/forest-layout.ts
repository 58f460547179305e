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
  rows: readonly ForestRow[], right: readonly RightCells[], headers: { label: string; columns: readonly string[]; weight: string; estimate: string },
  cells: readonly (readonly string[])[], hasMarkers: boolean, columnAlign: readonly ('start' | 'end')[],
  notes: readonly string[], hasAxisTitle: boolean, o: ResolvedForestOptions,
): ForestLayout {
  const units = rows.reduce((s, r) => s + UNITS[r.kind], 0);
  // fixed height in em: pads, title, header, axis (ticks, labels, title), notes
  const fixedEm = 0.8 + (o.title ? 2 : 0) + 1.6 + 0.3 + (hasAxisTitle ? 3.4 : 2.2) + notes.length * 1.25 + 0.6;
  let fs = o.fontSize;
  let rowH = 1.5 * fs;
  if (o.height !== null) {
    rowH = (o.height - fixedEm * fs) / units;
    if (rowH < 1.2 * fs) {
      fs = o.height / (fixedEm + 1.2 * units);
      rowH = 1.2 * fs;
    }
  }
  const noteSize = 0.9 * fs;
  const pad = fs;
  const gap = fs;
  const labels = rows.flatMap((r) => (r.kind === 'study' || r.kind === 'group' || r.kind === 'summary' ? [r.label] : []));
  const markerWidth = hasMarkers ? maxWidth(['m†'], fs) + 0.3 * fs : 0;
  const colWidths = headers.columns.map((h, j) => Math.max(maxWidth([h], fs, true), maxWidth(cells[j] ?? [], fs)));
  // subgroup notes run under the label and the extra columns: widen the label column for them
  const subnotes = rows.flatMap((r) => (r.kind === 'subnote' ? [r.text] : []));
  const besideLabel = markerWidth + colWidths.reduce((s, w) => s + w + gap, 0);
  const wanted = Math.max(maxWidth(labels, fs, true), maxWidth([headers.label, 'Prediction interval'], fs, true), maxWidth(subnotes, noteSize) - besideLabel);
  let labelWidth = Math.min(o.labelWidth * (fs / o.fontSize), wanted);
  const weightWidth = o.showWeights ? Math.max(maxWidth([headers.weight], fs, true), maxWidth(right.map((r) => r.weight), fs, true)) : 0;
  const estWidth = Math.max(maxWidth([headers.estimate], fs, true), maxWidth(right.map((r) => r.estimate), fs, true));
  const others = () => 2 * pad + labelWidth + markerWidth + colWidths.reduce((s, w) => s + w + gap, 0) + gap + gap + (o.showWeights ? weightWidth + gap : 0) + estWidth;
  let plotWidth = 25 * fs;
  if (o.width !== null) {
    plotWidth = o.width - others();
    if (plotWidth < 8 * fs) {
      labelWidth = Math.max(6 * fs, labelWidth - (8 * fs - plotWidth));
      plotWidth = Math.max(8 * fs, o.width - others());
    }
  }
  let x = pad;
  const labelX = x;
  x += labelWidth;
  const markerX = x + 0.3 * fs;
  x += markerWidth;
  const columnX = colWidths.map((w, j) => {
    x += gap;
    const at = columnAlign[j] === 'end' ? x + w : x;
    x += w;
    return at;
  });
  x += gap;
  const plot = [x, x + plotWidth] as const;
  x += plotWidth + gap;
  const weightX = o.showWeights ? x + weightWidth : x;
  if (o.showWeights) x += weightWidth + gap;
  const estimateX = x + estWidth;
  const width = o.width ?? Math.ceil(estimateX + pad);
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
  y = axisY + (hasAxisTitle ? 3.4 : 2.2) * fs;
  const noteY = notes.map(() => (y += 1.25 * fs) - 0.3 * fs);
  const height = o.height ?? Math.ceil(y + 0.6 * fs);
  return { width, height, fontSize: fs, noteSize, rowHeight: rowH, pad, labelX, labelWidth, markerX, columnX, plot, weightX, estimateX, titleY, headerY, rowY, axisY, noteY };
}
