import { textWidth } from './font-metrics.ts';
import { svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';

/** A point to label, in px, with its marker radius. */
export interface LabelTarget {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly text: string;
}

/** A rectangle in px. */
export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** Result of {@link placeLabels}. */
export interface PlacedLabels {
  /** `<text>` elements of the labels that found room. */
  readonly elements: readonly string[];
  /** Indices (into the targets) of the labels placed. */
  readonly placed: readonly number[];
  /** Indices of the labels left out for want of room. */
  readonly omitted: readonly number[];
}

/**
 * Places point labels without overlap: the targets are taken in the given order (most important
 * first); each label is truncated with an ellipsis to `maxWidth` and tried right of, left of,
 * above, below and diagonally off its point (then one line farther out); the first position inside `bounds` that overlaps no placed label
 * and no point marker (`obstacles`: all the plot's points, by default the targets) is kept, else the label is left out (and listed). A
 * greedy rule (as in cartographic point labelling): O(k²) in the worst case, and k is at most a
 * few hundred points.
 *
 * @example
 * placeLabels([{ x: 50, y: 50, r: 3, text: 'A' }, { x: 52, y: 50, r: 3, text: 'B' }],
 *   { x0: 0, x1: 100, y0: 0, y1: 100 }, 12, 80).placed // => [0, 1] (B goes above or below)
 */
export function placeLabels(
  targets: readonly LabelTarget[],
  bounds: Box,
  fontSize: number,
  maxWidth: number,
  obstacles: readonly LabelTarget[] = targets,
): PlacedLabels {
  const taken: Box[] = [];
  const markers: Box[] = obstacles.map((t) => ({ x0: t.x - t.r, x1: t.x + t.r, y0: t.y - t.r, y1: t.y + t.r }));
  const elements: string[] = [];
  const placed: number[] = [];
  const omitted: number[] = [];
  const height = fontSize * 1.02; // glyph box 0.95 em plus a little air between stacked labels
  targets.forEach((t, i) => {
    const text = truncateText(t.text, maxWidth, { fontSize });
    const w = textWidth(text, { fontSize });
    const gap = t.r + 2;
    const mid = { y0: t.y - 0.6 * height, y1: t.y + 0.4 * height };
    const up = { y0: t.y - gap - height, y1: t.y - gap };
    const down = { y0: t.y + gap, y1: t.y + gap + height };
    const diagonal = gap * 0.7;
    const candidates: Array<{ box: Box; x: number; anchor: 'start' | 'end' | 'middle' }> = [
      { box: { x0: t.x + gap, x1: t.x + gap + w, ...mid }, x: t.x + gap, anchor: 'start' },
      { box: { x0: t.x - gap - w, x1: t.x - gap, ...mid }, x: t.x - gap, anchor: 'end' },
      { box: { x0: t.x - w / 2, x1: t.x + w / 2, ...up }, x: t.x, anchor: 'middle' },
      { box: { x0: t.x - w / 2, x1: t.x + w / 2, ...down }, x: t.x, anchor: 'middle' },
      { box: { x0: t.x + diagonal, x1: t.x + diagonal + w, ...up }, x: t.x + diagonal, anchor: 'start' },
      { box: { x0: t.x + diagonal, x1: t.x + diagonal + w, ...down }, x: t.x + diagonal, anchor: 'start' },
      { box: { x0: t.x - diagonal - w, x1: t.x - diagonal, ...up }, x: t.x - diagonal, anchor: 'end' },
      { box: { x0: t.x - diagonal - w, x1: t.x - diagonal, ...down }, x: t.x - diagonal, anchor: 'end' },
      // a second ring, one line farther out, before giving up
      { box: { x0: t.x + diagonal, x1: t.x + diagonal + w, y0: up.y0 - height, y1: up.y1 - height }, x: t.x + diagonal, anchor: 'start' },
      { box: { x0: t.x + diagonal, x1: t.x + diagonal + w, y0: down.y0 + height, y1: down.y1 + height }, x: t.x + diagonal, anchor: 'start' },
      { box: { x0: t.x - diagonal - w, x1: t.x - diagonal, y0: up.y0 - height, y1: up.y1 - height }, x: t.x - diagonal, anchor: 'end' },
      { box: { x0: t.x - diagonal - w, x1: t.x - diagonal, y0: down.y0 + height, y1: down.y1 + height }, x: t.x - diagonal, anchor: 'end' },
    ];
    const ok = text === '' ? undefined : candidates.find((c) =>
      inside(c.box, bounds) && !taken.some((b) => overlaps(b, c.box)) && !markers.some((m) => overlaps(m, c.box)));
    if (ok === undefined) {
      omitted.push(i);
      return;
    }
    taken.push(ok.box);
    placed.push(i);
    // the glyphs (0.75 em ascent, 0.2 em descent) sit in the middle of the 1.02 em box
    const baseline = ok.box.y1 - 0.235 * fontSize;
    elements.push(svgText(ok.x, baseline, text, {
      anchor: ok.anchor, fontSize, title: t.text,
      // a white halo keeps the label legible where it crosses a line or band
      attrs: { class: 'point-label', stroke: '#FFFFFF', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' },
    }));
  });
  return { elements, placed, omitted };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(a: Box, b: Box): boolean {
  return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
}
