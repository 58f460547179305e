import type { ScatterFrame } from './scatter-frame.ts';
import { px, svgElement } from './svg.ts';

/** One set of points of one colour (analysis-scale coordinates). */
export interface DensePointSet {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly colour: string;
  /** Extra attributes of the set's `<g>` (class, data-*). */
  readonly attrs?: Readonly<Record<string, string | number>>;
}

/** Options of {@link densePoints}. */
export interface DensePointOptions {
  /** Radius of a point in px. */
  readonly radius: number;
  /** Opacity of one point, 0–1. */
  readonly alpha: number;
  /** Draw cells instead of points. */
  readonly binned: boolean;
}

/**
 * Many points (10⁴–10⁶, e.g. the subsets of a GOSH plot) as SVG, one `<g>` per set, drawn in
 * order. As points: small circles of one translucent colour (`fill-opacity` = `alpha` on the
 * group, so overplotted regions darken as in R). Binned: the plotting area is cut into square
 * cells of side r·√π (a point's area), and a cell holding c points is one rectangle of opacity
 * 1 − (1 − alpha)ᶜ, the opacity c stacked points would give; horizontal runs of cells of the
 * same opacity (to 0.01) are merged into one rectangle. The size of a binned drawing is bounded by the plot's area,
 * not by the number of points.
 *
 * @example
 * const frame = scatterFrame({ width: 300, height: 200, fontSize: 12, title: '', digits: 2 },
 *   { domain: [0, 1], title: 'x' }, { domain: [0, 1], title: 'y' });
 * densePoints(frame, [{ x: [0.5], y: [0.5], colour: '#0072B2' }], { radius: 2, alpha: 0.5, binned: false })[0]
 * // => '<g fill="#0072B2" fill-opacity="0.5"><circle cx="167.3" cy="83.7" r="2"/></g>'
 */
export function densePoints(frame: ScatterFrame, sets: readonly DensePointSet[], options: DensePointOptions): string[] {
  return sets.map((set) => {
    // crisp edges: antialiased cell borders would show as white seams between the rows
    const attrs = { fill: set.colour, 'fill-opacity': options.binned ? undefined : Number(options.alpha.toFixed(3)), 'shape-rendering': options.binned ? 'crispEdges' : undefined, ...set.attrs };
    const marks = options.binned ? cells(frame, set, options) : circles(frame, set, options.radius);
    return svgElement('g', attrs, [marks]);
  });
}

function circles(frame: ScatterFrame, set: DensePointSet, r: number): string {
  const parts: string[] = [];
  const radius = px(r);
  for (let i = 0; i < set.x.length; i++) {
    parts.push(`<circle cx="${px(frame.x.position(set.x[i]!))}" cy="${px(frame.y.position(set.y[i]!))}" r="${radius}"/>`);
  }
  return parts.join('');
}

function cells(frame: ScatterFrame, set: DensePointSet, options: DensePointOptions): string {
  const { left, right, top, bottom } = frame.area;
  const side = options.radius * Math.sqrt(Math.PI);
  const cols = Math.max(1, Math.ceil((right - left) / side));
  const rows = Math.max(1, Math.ceil((bottom - top) / side));
  const counts = new Uint32Array(cols * rows);
  for (let i = 0; i < set.x.length; i++) {
    const c = Math.min(cols - 1, Math.max(0, Math.floor((frame.x.position(set.x[i]!) - left) / side)));
    const r = Math.min(rows - 1, Math.max(0, Math.floor((frame.y.position(set.y[i]!) - top) / side)));
    counts[r * cols + c]!++;
  }
  const opacity = (c: number) => Math.max(0.01, Math.round(100 * (1 - (1 - options.alpha) ** c)) / 100);
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    let c = 0;
    while (c < cols) {
      const n = counts[r * cols + c]!;
      if (n === 0) { c++; continue; }
      const o = opacity(n);
      let end = c + 1;
      while (end < cols && counts[r * cols + end]! > 0 && opacity(counts[r * cols + end]!) === o) end++;
      parts.push(`<rect x="${px(left + c * side)}" y="${px(top + r * side)}" width="${px((end - c) * side)}" height="${px(side)}" fill-opacity="${o}"/>`);
      c = end;
    }
  }
  return parts.join('');
}
