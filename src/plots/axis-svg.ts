import type { AxisScale } from './axis-scale.ts';
import { textWidth } from './font-metrics.ts';
import { PALETTE } from './palette.ts';
import { svgElement, svgText } from './svg.ts';

/** Options of {@link axisSvg}. */
export interface AxisSvgOptions {
  /** `bottom`: a horizontal axis drawn at y = `at`; `left`: a vertical axis at x = `at`. */
  readonly orient: 'bottom' | 'left';
  readonly at: number;
  /** Axis title, centred under (bottom) or rotated beside (left) the axis. */
  readonly title?: string;
  readonly fontSize?: number;
  /** Tick length in px (default 5). */
  readonly tickLength?: number;
}

/**
 * The SVG of an axis: the axis line over the domain, ticks, tick labels (real `<text>`) and an
 * optional title. Returns the elements and the extent the axis occupies beyond `at` (px), so a
 * layout can reserve it.
 *
 * @example
 * const scale = axisScale({ domain: [0, 1], range: [50, 250] });
 * axisSvg(scale, { orient: 'bottom', at: 100, title: 'Proportion' }).extent; // => 36.2 (tick 5 px, labels and title at 12 px)
 */
export function axisSvg(scale: AxisScale, options: AxisSvgOptions): { readonly elements: string[]; readonly extent: number } {
  const size = options.fontSize ?? 12;
  const tl = options.tickLength ?? 5;
  const [r0, r1] = [scale.position(scale.domain[0]), scale.position(scale.domain[1])];
  const stroke = { stroke: PALETTE.ink, 'stroke-width': 1 };
  const els: string[] = [];
  const at = options.at;
  if (options.orient === 'bottom') {
    els.push(svgElement('line', { x1: r0, x2: r1, y1: at, y2: at, ...stroke }));
    for (const t of scale.ticks) {
      const x = scale.position(t.value);
      els.push(svgElement('line', { x1: x, x2: x, y1: at, y2: at + tl, ...stroke }));
      els.push(svgText(x, at + tl + size, t.label, { anchor: 'middle', fontSize: size, attrs: { class: 'tick' } }));
    }
    const titleY = at + tl + 2.3 * size;
    if (options.title) els.push(svgText((r0 + r1) / 2, titleY, options.title, { anchor: 'middle', fontSize: size, attrs: { class: 'axis-title' } }));
    return { elements: els, extent: options.title ? titleY - at + 0.3 * size : tl + 1.3 * size };
  }
  els.push(svgElement('line', { x1: at, x2: at, y1: r0, y2: r1, ...stroke }));
  let widest = 0;
  for (const t of scale.ticks) {
    const y = scale.position(t.value);
    els.push(svgElement('line', { x1: at - tl, x2: at, y1: y, y2: y, ...stroke }));
    els.push(svgText(at - tl - 3, y + 0.35 * size, t.label, { anchor: 'end', fontSize: size, attrs: { class: 'tick' } }));
    widest = Math.max(widest, textWidth(t.label, { fontSize: size }));
  }
  const titleX = at - tl - 3 - widest - 0.8 * size;
  if (options.title) {
    const cy = (r0 + r1) / 2;
    els.push(svgText(titleX, cy, options.title, { anchor: 'middle', fontSize: size, attrs: { class: 'axis-title', transform: `rotate(-90 ${titleX.toFixed(2)} ${cy.toFixed(2)})` } }));
  }
  return { elements: els, extent: at - titleX + 0.3 * size };
}
