import { textWidth } from './font-metrics.ts';
import { PALETTE } from './palette.ts';
import { px, svgElement, svgText } from './svg.ts';

/** One legend entry: a symbol and its text. */
export interface LegendItem {
  readonly label: string;
  /** `swatch` (filled square), `line` (with optional dash), `point` (filled or open circle), `diamond`. */
  readonly symbol: 'swatch' | 'line' | 'point' | 'open-point' | 'diamond';
  readonly colour?: string;
  /** SVG stroke-dasharray for lines, e.g. '4 3'. */
  readonly dash?: string;
}

/**
 * A vertical legend with its top-left corner at (x, y): one row per item (symbol, then text).
 * Returns the elements and the size it takes, so a layout can reserve it.
 *
 * @example
 * legendSvg([{ label: 'Study', symbol: 'point' }], 0, 0, 12).height; // => 18 (one row of 1.5 em)
 */
export function legendSvg(items: readonly LegendItem[], x: number, y: number, fontSize = 12): { elements: string[]; width: number; height: number } {
  const row = 1.5 * fontSize;
  const sym = 1.6 * fontSize;
  const els: string[] = [];
  items.forEach((item, i) => {
    const cy = y + (i + 0.5) * row;
    els.push(symbolSvg(item, x, cy, sym, fontSize));
    els.push(svgText(x + sym + 0.4 * fontSize, cy + 0.35 * fontSize, item.label, { fontSize, attrs: { class: 'legend' } }));
  });
  const width = sym + 0.4 * fontSize + Math.max(0, ...items.map((i) => textWidth(i.label, { fontSize })));
  return { elements: els, width, height: items.length * row };
}

/** The width a legend needs, without drawing it. */
export function legendWidth(items: readonly LegendItem[], fontSize = 12): number {
  return legendSvg(items, 0, 0, fontSize).width;
}

function symbolSvg(item: LegendItem, x: number, cy: number, w: number, fontSize: number): string {
  const colour = item.colour ?? PALETTE.ink;
  const r = 0.3 * fontSize;
  switch (item.symbol) {
    case 'swatch': return svgElement('rect', { x, y: cy - 0.45 * fontSize, width: w, height: 0.9 * fontSize, fill: colour, stroke: PALETTE.guide, 'stroke-width': 0.5 });
    case 'line': return svgElement('line', { x1: x, x2: x + w, y1: cy, y2: cy, stroke: colour, 'stroke-width': 1.2, 'stroke-dasharray': item.dash });
    case 'point': return svgElement('circle', { cx: x + w / 2, cy, r, fill: colour });
    case 'open-point': return svgElement('circle', { cx: x + w / 2, cy, r, fill: PALETTE.background, stroke: colour, 'stroke-width': 1.2 });
    case 'diamond': {
      const [a, b] = [x + w / 2, 0.4 * fontSize];
      return svgElement('polygon', { points: `${px(a - w / 2)},${px(cy)} ${px(a)},${px(cy - b)} ${px(a + w / 2)},${px(cy)} ${px(a)},${px(cy + b)}`, fill: colour });
    }
  }
}
