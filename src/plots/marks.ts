import type { AxisScale } from './axis-scale.ts';
import { PALETTE } from './palette.ts';
import { px, svgElement, type SvgAttributes } from './svg.ts';

/** Common options of the marks. */
export interface MarkOptions {
  readonly fill?: string;
  readonly stroke?: string;
  /** Extra attributes (class, data-*), e.g. `{ class: 'study', 'data-study': label }`. */
  readonly attrs?: SvgAttributes;
}

/**
 * A horizontal interval (CI) from `lower` to `upper` (analysis scale) at height `y`, clipped to
 * the axis domain; where it runs past a limit, the clipped end gets an arrowhead pointing out,
 * as metafor's forest plots draw it. Returns '' when the whole interval lies off the axis on one
 * side (then only an arrow at that edge is drawn).
 *
 * @example
 * intervalMark(axisScale({ domain: [-1, 1], range: [0, 200] }), -0.5, 3, 10).includes('polygon'); // => true (right arrow)
 */
export function intervalMark(scale: AxisScale, lower: number, upper: number, y: number, options: MarkOptions & { arrowSize?: number } = {}): string {
  const [lo, hi] = scale.domain;
  const stroke = options.stroke ?? PALETTE.ink;
  const a = options.arrowSize ?? 4;
  const x0 = scale.position(Math.max(lower, lo));
  const x1 = scale.position(Math.min(upper, hi));
  const parts: string[] = [];
  if (upper >= lo && lower <= hi) parts.push(svgElement('line', { x1: x0, x2: x1, y1: y, y2: y, stroke, 'stroke-width': 1 }));
  if (lower < lo) parts.push(arrow(scale.position(lo), y, -1, a, stroke));
  if (upper > hi) parts.push(arrow(scale.position(hi), y, 1, a, stroke));
  return parts.length ? svgElement('g', { class: 'interval', ...options.attrs }, parts) : '';
}

function arrow(x: number, y: number, direction: 1 | -1, size: number, fill: string): string {
  const back = x - direction * 1.6 * size;
  return svgElement('polygon', { points: `${px(x)},${px(y)} ${px(back)},${px(y - size)} ${px(back)},${px(y + size)}`, fill, class: 'arrow' });
}

/**
 * A summary diamond: widest at the estimate, tips at the interval bounds (analysis scale),
 * `halfHeight` px above and below `y`. Bounds past the axis are clipped to it.
 *
 * @example
 * diamondMark(axisScale({ domain: [0, 2], range: [0, 200] }), 1, 0.5, 1.5, 50, 6); // => '<polygon points="50,50 100,44 150,50 100,56" …/>'
 */
export function diamondMark(scale: AxisScale, estimate: number, lower: number, upper: number, y: number, halfHeight: number, options: MarkOptions = {}): string {
  const clamp = (v: number): number => scale.position(Math.min(Math.max(v, scale.domain[0]), scale.domain[1]));
  const xl = clamp(lower);
  const xe = clamp(estimate);
  const xu = clamp(upper);
  return svgElement('polygon', {
    points: `${px(xl)},${px(y)} ${px(xe)},${px(y - halfHeight)} ${px(xu)},${px(y)} ${px(xe)},${px(y + halfHeight)}`,
    fill: options.fill ?? PALETTE.ink, stroke: options.stroke, ...options.attrs,
  });
}

/**
 * A filled square centred at (x, y) with side `size` px (a study's weight in a forest plot).
 *
 * @example
 * squareMark(10, 10, 4); // => '<rect x="8" y="8" width="4" height="4" fill="#1A1A1A"/>'
 */
export function squareMark(x: number, y: number, size: number, options: MarkOptions = {}): string {
  return svgElement('rect', { x: x - size / 2, y: y - size / 2, width: size, height: size, fill: options.fill ?? PALETTE.ink, stroke: options.stroke, ...options.attrs });
}

/**
 * A point of radius `r` at (x, y): filled, or open (white fill, outlined) for imputed values
 * such as trim-and-fill's filled studies.
 *
 * @example
 * pointMark(5, 5, 3, { open: true }); // => '<circle cx="5" cy="5" r="3" fill="#FFFFFF" stroke="#1A1A1A" stroke-width="1.2"/>'
 */
export function pointMark(x: number, y: number, r: number, options: MarkOptions & { open?: boolean } = {}): string {
  const ink = options.stroke ?? options.fill ?? PALETTE.ink;
  return svgElement('circle', {
    cx: x, cy: y, r,
    fill: options.open ? PALETTE.background : (options.fill ?? PALETTE.ink),
    stroke: options.open ? ink : options.stroke,
    'stroke-width': options.open ? 1.2 : undefined,
    ...options.attrs,
  });
}
