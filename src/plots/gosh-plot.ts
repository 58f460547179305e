import { checkOptions, optionKeys } from '../check-options.ts';
import type { GoshResult } from '../diagnostics/gosh.ts';
import { assertOneOf, assertText, InputError, numberCode } from '../errors.ts';
import { readResult } from '../read-result.ts';
import { densePoints } from './dense-points.ts';
import { goshPlotData, type GoshHeterogeneity, type GoshPoints } from './gosh-data.ts';
import { histogramBreaks, histogramCounts } from './histogram-bins.ts';
import { kernelDensity } from './kernel-density.ts';
import { legendSvg, type LegendItem } from './legend-svg.ts';
import { marginalHistogram, type MarginalSeries } from './marginal-histogram.ts';
import { PALETTE } from './palette.ts';
import { resolvePlotSize, type PlotSizeOptions } from './plot-options.ts';
import { scatterFrame, type ScatterFrame } from './scatter-frame.ts';
import { svgDocument, svgElement, svgText } from './svg.ts';

/** Options of {@link goshPlot}. */
export interface GoshPlotOptions extends PlotSizeOptions {
  /** The statistic on the y axis (default 'I2'; metafor's `het`). τ² and τ need a random-effects fit. */
  readonly het?: GoshHeterogeneity;
  /** A study number 1..k: subsets that hold it are drawn in vermillion, the others in blue (metafor's `out`). */
  readonly out?: number;
  /** Title of the x axis (default 'Estimate'; e.g. 'Log Risk Ratio'). */
  readonly xTitle?: string;
  /** Draw the marginal histograms with their densities (default true; metafor's `xhist`, `yhist`). */
  readonly histograms?: boolean;
  /** Draw the kernel densities over the histograms (default true; metafor's `lwd = 0` turns them off). */
  readonly density?: boolean;
  /** About this many histogram bins, 1–1000 (default Sturges' ⌈log₂ n + 1⌉; metafor's `breaks`). */
  readonly breaks?: number;
  /** Bandwidth multiplier of the densities, > 0 (default 1; metafor's `adjust`). */
  readonly adjust?: number;
  /** Opacity of one point, in (0, 1] (default n^(−1/5) for n drawn subsets, as metafor). */
  readonly alpha?: number;
  /**
   * Draw the subsets as cells of the plot's grid shaded by their count instead of as points
   * (default: binned above 20,000 subsets).
   */
  readonly binned?: boolean;
}

/** The valid keys of {@link GoshPlotOptions}. */
export const GOSH_PLOT_OPTION_KEYS = optionKeys<GoshPlotOptions>()(
  'width', 'height', 'fontSize', 'title', 'digits', 'het', 'out', 'xTitle', 'histograms', 'density', 'breaks', 'adjust', 'alpha', 'binned',
);

/** Above this many subsets the points are binned by default. */
const BIN_ABOVE = 20_000;
/** Share of the width and height taken by the margins (metafor's `hh` = 0.3). */
const MARGIN_SHARE = 0.28;
const HET_TITLES: Readonly<Record<GoshHeterogeneity, string>> = { I2: 'I² (%)', H2: 'H²', Q: 'Q', tau2: 'τ²', tau: 'τ' };

interface ResolvedGoshOptions {
  readonly het: GoshHeterogeneity;
  readonly out: number | null;
  readonly xTitle: string;
  readonly histograms: boolean;
  readonly density: boolean;
  readonly breaks: number | undefined;
  readonly adjust: number;
  readonly alpha: number | undefined;
  readonly binned: boolean | undefined;
}

/**
 * GOSH plot (Olkin, Dahabreh & Trikalinos, 2012, Res Synth Methods 3:214; metafor's
 * `plot.gosh.rma`) of a {@link gosh} result as a standalone SVG string: the pooled estimate (x)
 * against I² (or H², Q, τ², τ) of every subset fitted, with the histograms of both and their
 * kernel densities (Gaussian, R's `bw.nrd0`) in the top and right margins. Clusters of points
 * that the subsets holding one study form point to that study; `out` colours the subsets with it
 * (vermillion, dashed density) against those without (blue, solid density), each margin showing
 * both distributions. Both axes span the histogram breaks (round values, Sturges' rule as R's
 * `hist`), padded by 4% as R pads.
 *
 * Many points: each subset is a small point of opacity n^(−1/5) (metafor's default), so that
 * dense regions darken; above 20,000 subsets (or with `binned: true`) the plotting area is cut
 * into cells of a point's area and each cell is shaded as its points would stack
 * (1 − (1 − α)ᶜ), which keeps the SVG's size bounded by the plot's area (about 1 MB at most)
 * rather than growing with the number of subsets. Subsets the engine could not fit are left out
 * and counted in the description.
 *
 * Defaults: 620 × 600 px, font 12 px.
 *
 * @throws InputError when `result` is not a `gosh` result, for τ²/τ of an equal-effects fit,
 *   for an `out` that is not a study number 1..k, or for bad options.
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5, -0.2, 0.8], vi: [0.01, 0.02, 0.015, 0.03, 0.02] });
 * const svg = goshPlot(gosh(fit), { out: 5 });
 * svg.match(/<circle cx/g)?.length // => 31  (every non-empty subset of 5 studies)
 */
export function goshPlot(result: GoshResult, options: GoshPlotOptions = {}): string {
  return readResult(result, 'gosh', 'result', () => {
    checkOptions(options, GOSH_PLOT_OPTION_KEYS);
    if (result === null || typeof result !== 'object') throw new InputError('must be the result of gosh', { field: 'result', code: 'E_INVALID_RESULT' });
    const size = resolvePlotSize(options, { width: 620, height: 600, title: 'GOSH plot' });
    const o = resolveGoshOptions(options, result.k);
    const data = goshPlotData(result, o.het, o.out);
    const all = concat(data.groups);
    const n = all.x.length;
    const xBreaks = histogramBreaks(all.x, o.breaks);
    const yBreaks = histogramBreaks(all.y, o.breaks);
    const fs = size.fontSize;
    const band = { top: o.histograms ? MARGIN_SHARE * size.height : 0, right: o.histograms ? MARGIN_SHARE * size.width : 0 };
    const legendRow = !o.histograms && o.out !== null ? 1.6 * fs : 0;
    const frame = scatterFrame(size, { domain: [xBreaks[0]!, xBreaks.at(-1)!], title: o.xTitle },
      { domain: [yBreaks[0]!, yBreaks.at(-1)!], title: HET_TITLES[o.het] }, { top: band.top + legendRow, right: band.right });
    const colours = o.out === null ? [PALETTE.blue] : [PALETTE.blue, PALETTE.vermillion];
    const alpha = o.alpha ?? n ** -0.2;
    const binned = o.binned ?? n > BIN_ABOVE;
    const points = densePoints(frame, data.groups.map((g, i) => ({
      x: g.x, y: g.y, colour: colours[i]!, attrs: { class: binned ? 'subset-cells' : 'subsets', 'data-subsets': g.x.length, ...(o.out === null ? {} : { 'data-out': i === 1 ? 'with' : 'without' }) },
    })), { radius: Math.max(1, 0.12 * fs), alpha, binned });
    const elements = [...frame.elements, svgElement('g', { class: 'points' }, points)];
    if (o.histograms) elements.push(...margins(frame, data.groups, xBreaks, yBreaks, colours, o, { top: size.title ? 2.2 * fs : 0.9 * fs, right: size.width - 8 }));
    if (o.out !== null) elements.push(...legend(o.out, colours, frame, o.histograms, fs));
    const what = `${result.exhaustive ? 'all' : 'a random sample of'} ${result.subsets} subsets of ${result.k} studies`;
    return svgDocument({
      width: size.width, height: size.height, fontSize: fs, title: size.title || 'GOSH plot',
      description: `GOSH plot: estimate against ${HET_TITLES[o.het]} for ${what}${data.dropped ? ` (${data.dropped} not fitted, not drawn)` : ''}${binned ? ', binned' : ''}`,
    }, elements);
  });
}

function resolveGoshOptions(options: GoshPlotOptions, k: number): ResolvedGoshOptions {
  const het = options.het ?? 'I2';
  assertOneOf(het, ['I2', 'H2', 'Q', 'tau2', 'tau'] as const, 'het');
  const out = options.out ?? null;
  if (out !== null && !(Number.isInteger(out) && out >= 1 && out <= k)) throw new InputError(`must be a study number from 1 to ${k}`, { field: 'out', value: out, code: numberCode(out) });
  for (const field of ['histograms', 'density', 'binned'] as const) {
    if (options[field] !== undefined && typeof options[field] !== 'boolean') throw new InputError('must be true or false', { field, value: options[field], code: 'E_INVALID_TYPE' });
  }
  const { breaks, adjust = 1, alpha } = options;
  if (breaks !== undefined && !(Number.isInteger(breaks) && breaks >= 1 && breaks <= 1000)) throw new InputError('must be an integer from 1 to 1000', { field: 'breaks', value: breaks, code: numberCode(breaks) });
  if (typeof adjust !== 'number' || !(adjust > 0 && adjust <= 1e6)) throw new InputError('must be a positive number', { field: 'adjust', value: adjust, code: numberCode(adjust) });
  if (alpha !== undefined && !(typeof alpha === 'number' && alpha > 0 && alpha <= 1)) throw new InputError('must be a number in (0, 1]', { field: 'alpha', value: alpha, code: numberCode(alpha) });
  return {
    het, out, xTitle: assertText(options.xTitle ?? 'Estimate', 'xTitle'), histograms: options.histograms ?? true, density: options.density ?? true,
    breaks, adjust, alpha, binned: options.binned,
  };
}

function concat(groups: readonly GoshPoints[]): GoshPoints {
  if (groups.length === 1) return groups[0]!;
  const join = (key: 'x' | 'y') => {
    const out = new Float64Array(groups.reduce((s, g) => s + g[key].length, 0));
    let at = 0;
    for (const g of groups) {
      out.set(g[key], at);
      at += g[key].length;
    }
    return out;
  };
  return { x: join('x'), y: join('y') };
}

/** The top (estimates) and right (statistic) histograms, in the bands the frame left free. */
function margins(
  frame: ScatterFrame, groups: readonly GoshPoints[], xBreaks: readonly number[], yBreaks: readonly number[], colours: readonly string[],
  o: ResolvedGoshOptions, limits: { readonly top: number; readonly right: number },
): string[] {
  const { area } = frame;
  const gap = 6;
  const series = (key: 'x' | 'y', breaks: readonly number[]): MarginalSeries[] => groups.map((g, i) => ({
    counts: histogramCounts(g[key], breaks),
    density: o.density ? kernelDensity(g[key], { adjust: o.adjust }) : null,
    colour: colours[i]!,
    dash: i === 1 ? '5 3' : undefined,
    attrs: groups.length > 1 ? { 'data-out': i === 1 ? 'with' : 'without' } : undefined,
  }));
  return [
    marginalHistogram(frame.x, xBreaks, series('x', xBreaks), { side: 'top', base: area.top - gap, extent: Math.max(0, area.top - gap - limits.top) }),
    marginalHistogram(frame.y, yBreaks, series('y', yBreaks), { side: 'right', base: area.right + gap, extent: Math.max(0, limits.right - area.right - gap) }),
  ];
}

/** Which colour is which: in the empty top-right corner, or in a row under the title. */
function legend(out: number, colours: readonly string[], frame: ScatterFrame, histograms: boolean, fs: number): string[] {
  // with margins the entries show the density lines (solid, dashed); without them, the points
  const items: LegendItem[] = [
    { label: `Without study ${out}`, symbol: histograms ? 'line' : 'point', colour: colours[0] },
    { label: `With study ${out}`, symbol: histograms ? 'line' : 'point', colour: colours[1], dash: '5 3' },
  ];
  if (histograms) {
    const x = frame.area.right + 0.8 * fs;
    return [svgElement('g', { class: 'legend-box' }, legendSvg(items, x, frame.area.top - 6 - 3.4 * fs, fs).elements)];
  }
  const first = legendSvg([items[0]!], frame.area.left, frame.area.top - 1.7 * fs, fs);
  const second = legendSvg([items[1]!], frame.area.left + first.width + 1.5 * fs, frame.area.top - 1.7 * fs, fs);
  return [svgElement('g', { class: 'legend-box' }, [...first.elements, ...second.elements])];
}
