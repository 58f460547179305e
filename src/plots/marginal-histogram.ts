import type { AxisScale } from './axis-scale.ts';
import type { KernelDensity } from './kernel-density.ts';
import { PALETTE } from './palette.ts';
import { px, svgElement } from './svg.ts';

/** One distribution drawn in a margin: its histogram counts on shared breaks and its density. */
export interface MarginalSeries {
  /** Counts per bin (on the shared breaks). */
  readonly counts: readonly number[];
  readonly density: KernelDensity | null;
  readonly colour: string;
  /** stroke-dasharray of the density line (none: solid). */
  readonly dash?: string;
  /** Attributes of the series' group (class, data-*). */
  readonly attrs?: Readonly<Record<string, string | number>>;
}

/** Where a margin is drawn: along the top (bars grow up from `base`) or the right (bars grow right). */
export interface MarginalBand {
  readonly side: 'top' | 'right';
  /** The px coordinate (y for top, x for right) the bars stand on. */
  readonly base: number;
  /** Length in px of the tallest bar or density peak. */
  readonly extent: number;
}

/**
 * A marginal histogram with its kernel density, as metafor's GOSH plot draws them: each
 * series' bars show the density scale (count / (n · bin width)), so series of different sizes
 * compare as distributions, translucent (opacity 0.5) and outlined in white; the density line
 * (opacity 0.9) is drawn over them; heights share one scale, the highest bar or peak filling
 * the band. `scale` maps the values along the band (the scatter's axis); a density is drawn only
 * inside the axis domain. Bars carry `data-lower`, `data-upper` and `data-count`.
 *
 * @example
 * const x = axisScale({ domain: [0, 2], range: [0, 200], nice: false });
 * marginalHistogram(x, [0, 1, 2], [{ counts: [1, 3], density: null, colour: '#0072B2' }], { side: 'top', base: 100, extent: 50 })
 *   .includes('data-count="3"') // => true
 */
export function marginalHistogram(scale: AxisScale, breaks: readonly number[], series: readonly MarginalSeries[], band: MarginalBand): string {
  const width = (breaks.at(-1)! - breaks[0]!) / Math.max(1, breaks.length - 1);
  const heights = series.map((s) => {
    const n = s.counts.reduce((a, b) => a + b, 0);
    return s.counts.map((c) => (n > 0 ? c / (n * width) : 0));
  });
  let peak = 0;
  series.forEach((s, i) => {
    for (const h of heights[i]!) peak = Math.max(peak, h);
    if (s.density) for (const y of s.density.y) peak = Math.max(peak, y);
  });
  const len = (h: number) => (peak > 0 ? (h / peak) * band.extent : 0);
  const at = (along: number, h: number): [number, number] => {
    const a = scale.position(along);
    return band.side === 'top' ? [a, band.base - len(h)] : [band.base + len(h), a];
  };
  const groups = series.map((s, i) => {
    const bars = s.counts.flatMap((c, j) => {
      if (c === 0) return [];
      const [x0, y0] = at(breaks[j]!, heights[i]![j]!);
      const [x1, y1] = at(breaks[j + 1]!, 0);
      return [svgElement('rect', {
        x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0),
        class: 'bar', 'data-lower': breaks[j]!, 'data-upper': breaks[j + 1]!, 'data-count': c,
      })];
    });
    const line = s.density ? densityLine(scale, s.density, at, s) : '';
    return svgElement('g', { class: 'margin-series', ...s.attrs }, [
      svgElement('g', { fill: s.colour, 'fill-opacity': 0.5, stroke: PALETTE.background, 'stroke-width': 0.5 }, bars), line,
    ]);
  });
  return svgElement('g', { class: `margin margin-${band.side}` }, groups);
}

function densityLine(scale: AxisScale, d: KernelDensity, at: (along: number, h: number) => [number, number], s: MarginalSeries): string {
  const pts: string[] = [];
  for (let j = 0; j < d.x.length; j++) {
    if (!scale.contains(d.x[j]!)) continue;
    const [x, y] = at(d.x[j]!, d.y[j]!);
    pts.push(`${px(x)},${px(y)}`);
  }
  return svgElement('polyline', {
    points: pts.join(' '), fill: 'none', stroke: s.colour, 'stroke-opacity': 0.9, 'stroke-width': 2,
    'stroke-dasharray': s.dash, 'stroke-linejoin': 'round', class: 'density',
  });
}
