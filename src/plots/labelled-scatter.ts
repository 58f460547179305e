import { InputError, assertOneOf } from '../errors.ts';
import { PALETTE } from './palette.ts';
import { placeLabels, type LabelTarget } from './place-labels.ts';
import type { ResolvedPlotSize } from './plot-options.ts';
import type { ScatterFrame } from './scatter-frame.ts';
import { svgText } from './svg.ts';

/** Which text labels the points of a scatter plot. */
export type PointLabels = 'labels' | 'ids' | 'none';

/** Point-label options of the scatter-type plots. */
export interface PointLabelOptions {
  /** Label points with the study labels (default), study numbers 1..k (metafor's default), or not at all. */
  readonly labels?: PointLabels;
  /** Label at most this many points, the most prominent first (default 30). */
  readonly maxLabels?: number;
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
  if (!Number.isInteger(maxLabels) || maxLabels < 0) throw new InputError('must be a non-negative integer', { field: 'maxLabels', value: maxLabels });
  return { labels, maxLabels };
}

/**
 * Draws the labels of a scatter plot's points (study labels, study numbers 1..k, or none) with
 * {@link placeLabels}, most important point first (then, if some found no room, once more with
 * those first), and builds the frame through `makeFrame`
 * once more with a note line at the bottom when some labels had no room ("3 of 40 labels
 * omitted for room"), so the reader knows. Returns the frame used and the label elements.
 *
 * @param order indices of the points, most important first
 * @param maxLabels label at most this many points (the first of `order`); default 30
 * @example
 * // see baujatPlot: const { frame, labels } = labelledScatter(size, makeFrame, targets, order, 'labels');
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
      placeLabels(sequence.map((i) => all[i]!), { x0: left, x1: right, y0: top, y1: bottom }, fs * 0.9, Math.max(40, (right - left) / 4), all);
    let placed = place(candidates);
    if (placed.omitted.length > 0) {
      // second try: the labels that found no room go first (crowded points get the near spots)
      const missed = new Set(placed.omitted.map((j) => candidates[j]!));
      const retry = place([...candidates.filter((i) => missed.has(i)), ...candidates.filter((i) => !missed.has(i))]);
      if (retry.omitted.length < placed.omitted.length) placed = retry;
    }
    return { frame, labels: [...placed.elements], omitted: placed.omitted.length + order.length - candidates.length };
  };
  const first = attempt(0);
  if (first.omitted === 0) return first;
  const second = attempt(1.3 * fs);
  const note = `${second.omitted} of ${order.length} labels omitted for room`;
  const noteY = size.height - 0.4 * fs;
  return { ...second, labels: [...second.labels, svgText(size.width - 4, noteY, note, { anchor: 'end', fontSize: fs * 0.85, fill: PALETTE.muted, attrs: { class: 'note' } })] };
}
