import { textWidth } from './font-metrics.ts';

/** A box in px. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Where a point's label goes: its anchor position and alignment, or null when it did not fit. */
export interface LabelPlacement {
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly anchor: 'start' | 'end' | 'middle';
  readonly box: Box;
}

/** Options of {@link placeLabels}. */
export interface PlaceLabelsOptions {
  readonly fontSize?: number;
  /** Radius of the points (their boxes are obstacles too). */
  readonly radius?: number;
  /** Other boxes labels must avoid (legend, lines of text). */
  readonly obstacles?: readonly Box[];
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Greedy label placement for a scatter of points: each label is tried right of its point, then
 * left, above, below and at the four diagonals, and kept at the first position inside `bounds` that overlaps no point,
 * no earlier label and no obstacle. Labels that fit nowhere get `null` (the caller keeps the
 * name elsewhere, e.g. in the point's `<title>`). Text boxes run from 0.75 em above the baseline
 * to 0.2 em below it, as the font's ascent and descent.
 *
 * @example
 * placeLabels([[50, 50]], ['A'], { x0: 0, y0: 0, x1: 100, y1: 100 })[0]?.anchor; // => 'start'
 */
export function placeLabels(
  points: readonly (readonly [number, number])[], labels: readonly string[], bounds: Box, options: PlaceLabelsOptions = {},
): (LabelPlacement | null)[] {
  const fs = options.fontSize ?? 10;
  const r = options.radius ?? 3;
  const placed: Box[] = [...(options.obstacles ?? [])];
  const pointBoxes: Box[] = points.map(([x, y]) => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r }));
  return points.map(([x, y], i) => {
    const w = textWidth(labels[i] ?? '', { fontSize: fs });
    const gap = r + 0.25 * fs;
    const candidates: LabelPlacement[] = [
      at(x + gap, y + 0.35 * fs, 'start', w, fs),
      at(x - gap, y + 0.35 * fs, 'end', w, fs),
      at(x, y - gap - 0.2 * fs, 'middle', w, fs),
      at(x, y + gap + 0.75 * fs, 'middle', w, fs),
      at(x + 0.7 * gap, y - 0.7 * gap - 0.2 * fs, 'start', w, fs),
      at(x + 0.7 * gap, y + 0.7 * gap + 0.75 * fs, 'start', w, fs),
      at(x - 0.7 * gap, y - 0.7 * gap - 0.2 * fs, 'end', w, fs),
      at(x - 0.7 * gap, y + 0.7 * gap + 0.75 * fs, 'end', w, fs),
    ];
    const ok = candidates.find((c) =>
      c.box.x0 >= bounds.x0 && c.box.x1 <= bounds.x1 && c.box.y0 >= bounds.y0 && c.box.y1 <= bounds.y1
      && !placed.some((b) => overlaps(b, c.box)) && !pointBoxes.some((b) => overlaps(b, c.box)));
    if (ok) placed.push(ok.box);
    return ok ?? null;
  });
}

function at(x: number, y: number, anchor: 'start' | 'end' | 'middle', w: number, fs: number): LabelPlacement {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x, y, anchor, box: { x0, y0: y - 0.75 * fs, x1: x0 + w, y1: y + 0.2 * fs } };
}
