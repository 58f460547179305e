import { InputError, assertOneOf, numberCode } from '../errors.ts';
import { PALETTE } from './palette.ts';
import { placeLabels, type Box } from './place-labels.ts';
import type { ResolvedPlotSize } from './plot-options.ts';
import type { ScatterFrame } from './scatter-frame.ts';
import { svgElement, svgText } from './svg.ts';
import { truncateText } from './truncate-text.ts';

/** Which text labels the points of a scatter plot. */
export type PointLabels = 'labels' | 'ids' | 'none';

/** Point-label options of the scatter-type plots. */
export interface PointLabelOptions {
  /** Label points with the study labels (default), study numbers 1..k (metafor's default), or not at all. */
  readonly labels?: PointLabels;
  /** Label at most this many points, the most prominent first (default 30). */
  readonly maxLabels?: number;
}

/** A point to label, in px, with its marker radius. */
export interface LabelTarget {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly text: string;
}

/**
 * Validates {@link PointLabelOptions}.
 *
 * @throws InputError for an unknown `labels` or a `maxLabels` that is not a non-negative integer.
 * @example
 * resolvePointLabels({}) // => { labels: 'labels', maxLabels: 30 }
 */
export function resolvePointLabels(options: PointLabelOptions): { labels: PointLabels; maxLabels: number } {
  const labels = options.labels ?? 'labels';
  assertOneOf(labels, ['labels', 'ids', 'none'] as const, 'labels');
  const maxLabels = options.maxLabels ?? 30;
  if (!Number.isInteger(maxLabels) || maxLabels < 0) throw new InputError('must be a non-negative integer', { field: 'maxLabels', value: maxLabels, code: numberCode(maxLabels) });
  return { labels, maxLabels };
}

/**
 * Draws the labels of a scatter plot's points (study labels, study numbers 1..k, or none) and
 * builds the frame through `makeFrame`, once more with a note line at the bottom when some labels
 * had no room ("3 of 40 labels omitted for room"), so the reader knows. Labels are truncated
 * with an ellipsis to a quarter of the plot's width (the full text stays in a tooltip), drawn
 * with a white halo, and placed with the shared `placeLabels` one point at a time, most
 * important first, each with its own marker radius and every marker as an obstacle; a label
 * that does not fit beside its point is tried one and two lines above and below (then joined to
 * its point by a thin leader line) before it is left out,
 * and if some are left out the placement is run again with those first.
 *
 * @param order indices of the points, most important first
 * @param maxLabels label at most this many points (the first of `order`); default 30
 * @example
 * const size = { width: 400, height: 300, fontSize: 12, title: '', digits: 2 };
 * const makeFrame = (extraBottom: number) => scatterFrame(size, { domain: [0, 1], title: 'x' }, { domain: [0, 1], title: 'y' }, { bottom: extraBottom });
 * const targets = (frame: ScatterFrame) => [{ x: frame.x.position(0.5), y: frame.y.position(0.5), r: 3, text: 'Aronson' }];
 * const { labels, omitted } = labelledScatter(size, makeFrame, targets, [0], 'labels');
 * omitted // => 0
 * labels // => ['<text x="223" y="137.48" font-size="10.8" class="point-label"…>Aronson</text>'] (right of its point)
 */
export function labelledScatter(
  size: ResolvedPlotSize,
  makeFrame: (extraBottom: number) => ScatterFrame,
  targets: (frame: ScatterFrame) => LabelTarget[],
  order: readonly number[],
  which: PointLabels,
  maxLabels = 30,
): { frame: ScatterFrame; labels: readonly string[]; omitted: number } {
  const fs = size.fontSize;
  const candidates = order.slice(0, maxLabels);
  const attempt = (extra: number) => {
    const frame = makeFrame(extra);
    if (which === 'none') return { frame, labels: [] as string[], omitted: 0 };
    const all = targets(frame).map((t, i) => (which === 'ids' ? { ...t, text: String(i + 1) } : t));
    const { left, right, top, bottom } = frame.area;
    const place = (sequence: readonly number[]) =>
      placeSequence(sequence.map((i) => all[i]!), all, { x0: left, x1: right, y0: top, y1: bottom }, 0.9 * fs, Math.max(40, (right - left) / 4));
    let placed = place(candidates);
    if (placed.omitted > 0) {
      // second try: the labels that found no room go first (crowded points get the near spots)
      const missed = new Set(placed.missed.map((j) => candidates[j]!));
      const retry = place([...candidates.filter((i) => missed.has(i)), ...candidates.filter((i) => !missed.has(i))]);
      if (retry.omitted < placed.omitted) placed = retry;
    }
    return { frame, labels: placed.elements, omitted: placed.omitted + order.length - candidates.length };
  };
  const first = attempt(0);
  if (first.omitted === 0) return first;
  const second = attempt(1.3 * fs);
  const note = `${second.omitted} of ${order.length} labels omitted for room`;
  const noteY = size.height - 0.4 * fs;
  return { ...second, labels: [...second.labels, svgText(size.width - 4, noteY, note, { anchor: 'end', fontSize: fs * 0.85, fill: PALETTE.muted, attrs: { class: 'note' } })] };
}

/** Places the labels of `sequence` in order; every point of `all` is an obstacle. */
function placeSequence(
  sequence: readonly LabelTarget[], all: readonly LabelTarget[], bounds: Box, fontSize: number, maxWidth: number,
): { elements: string[]; missed: number[]; omitted: number } {
  const markers: Box[] = all.map((t) => ({ x0: t.x - t.r, x1: t.x + t.r, y0: t.y - t.r, y1: t.y + t.r }));
  const taken: Box[] = [];
  const elements: string[] = [];
  const missed: number[] = [];
  const line = 1.15 * fontSize;
  sequence.forEach((t, j) => {
    const text = truncateText(t.text, maxWidth, { fontSize });
    const own = (b: Box) => !(b.x0 === t.x - t.r && b.y0 === t.y - t.r && b.x1 === t.x + t.r && b.y1 === t.y + t.r);
    const obstacles = [...markers.filter(own), ...taken];
    // beside the point, then one or two lines above or below it
    const tries = [0, -line, line, -2 * line, 2 * line].map((dy) => ({
      dy,
      spot: text === '' ? null : placeLabels([[t.x, t.y + dy]], [text], bounds, { fontSize, radius: t.r, obstacles: dy === 0 ? obstacles : [...obstacles, markers[all.indexOf(t)]!] })[0] ?? null,
    }));
    const found = tries.find((c) => c.spot !== null);
    const spot = found?.spot;
    if (spot === undefined || spot === null) {
      missed.push(j);
      return;
    }
    taken.push(spot.box);
    if (found!.dy !== 0) elements.push(leader(t, spot.box));
    elements.push(svgText(spot.x, spot.y, text, {
      anchor: spot.anchor, fontSize, title: t.text,
      // a white halo keeps the label legible where it crosses a line or band
      attrs: { class: 'point-label', stroke: '#FFFFFF', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' },
    }));
  });
  return { elements, missed, omitted: missed.length };
}

/** A thin line from a point's edge to the nearest point of its label's box (label moved away). */
function leader(t: LabelTarget, box: Box): string {
  const nx = Math.min(Math.max(t.x, box.x0), box.x1);
  const ny = Math.min(Math.max(t.y, box.y0 + 0.15 * (box.y1 - box.y0)), box.y1 - 0.15 * (box.y1 - box.y0));
  const d = Math.hypot(nx - t.x, ny - t.y);
  if (d <= t.r + 1) return '';
  const sx = t.x + ((nx - t.x) * (t.r + 0.5)) / d;
  const sy = t.y + ((ny - t.y) * (t.r + 0.5)) / d;
  return svgElement('line', { x1: sx, y1: sy, x2: nx, y2: ny, stroke: PALETTE.muted, 'stroke-width': 0.6, class: 'leader' });
}
