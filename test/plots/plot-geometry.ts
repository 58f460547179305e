// Reads a rendered plot back as a reader would: the axes' tick labels give the map from data to
// px, so a test can check that a mark sits at a value computed elsewhere (e.g. by R).
import { expect } from 'vitest';
import { clippedTexts, overlappingTexts, parseSvg, renderPng, saveSvg, svgElements, type SvgElementInfo } from './svg-check.ts';

/** A linear map value → px read from an axis' ticks. */
export interface AxisMap {
  readonly px: (value: number) => number;
  readonly ticks: readonly { value: number; px: number }[];
}

/**
 * The axes of a plot from its tick lines and labels (as axisSvg draws them: each tick line is
 * followed by its label). `axis` 'x' takes ticks whose line is vertical, 'y' horizontal ones.
 * `decode` turns a label into the analysis-scale value (default Number; e.g. Math.log for a
 * ratio axis). `group` picks one panel when a figure has several axes of the same orientation
 * (axes are told apart by their position and by an axis of the other orientation between them).
 */
export function readAxis(svg: string, axis: 'x' | 'y', decode: (label: string) => number = Number, group = 0): AxisMap {
  const els = svgElements(svg);
  const sets: { value: number; px: number; at: number }[][] = [];
  let last = NaN;
  for (let i = 1; i < els.length; i++) {
    const e = els[i]!;
    const line = els[i - 1]!;
    if (e.tag !== 'text' || e.attrs.class !== 'tick' || line.tag !== 'line') continue;
    const vertical = line.attrs.x1 === line.attrs.x2;
    if (vertical !== (axis === 'x')) {
      last = NaN; // an axis of the other orientation: the next tick starts a new axis (panels)
      continue;
    }
    const pos = Number(axis === 'x' ? line.attrs.x1 : line.attrs.y1);
    const at = Number(axis === 'x' ? line.attrs.y1 : line.attrs.x2);
    if (at !== last) sets.push([]);
    last = at;
    sets.at(-1)!.push({ value: decode(e.text), px: pos, at });
  }
  const ticks = sets[group] ?? [];
  if (ticks.length < 2) throw new Error(`fewer than 2 ticks on the ${axis} axis (group ${group})`);
  const a = ticks[0]!;
  const b = ticks.at(-1)!;
  const slope = (b.px - a.px) / (b.value - a.value);
  for (const t of ticks) expect(Math.abs(a.px + slope * (t.value - a.value) - t.px)).toBeLessThan(0.6);
  return { px: (v: number) => a.px + slope * (v - a.value), ticks };
}

/** The elements with a class, in document order. */
export function byClass(svg: string, cls: string): SvgElementInfo[] {
  return svgElements(svg).filter((e) => (e.attrs.class ?? '').split(/\s+/).includes(cls));
}

/**
 * The checks every plot passes: well-formed XML, the size asked for, a rendered PNG of that size
 * that is not blank, no overlapping text and no text off the canvas. Writes out/plots/<name>.png.
 */
export function expectReadablePlot(svg: string, name: string, width: number, height: number): void {
  parseSvg(svg);
  const root = svgElements(svg)[0]!;
  expect(Number(root.attrs.width)).toBe(width);
  expect(Number(root.attrs.height)).toBe(height);
  saveSvg(svg, name);
  const png = renderPng(svg, name);
  expect([png.width, png.height]).toEqual([Math.round(width), Math.round(height)]);
  expect(png.inked).toBeGreaterThan(0.01);
  expect(png.colours).toBeGreaterThan(2);
  expect(overlappingTexts(svg).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
  expect(clippedTexts(svg).map((b) => b.text)).toEqual([]);
}

/**
 * The point labels of a plot as the reader can recover them: the text shown, or for a label
 * truncated with an ellipsis the full text of its <title> tooltip (checked to start with the
 * shown part).
 */
export function fullLabels(svg: string, cls = 'point-label'): string[] {
  const texts = svg.match(new RegExp(`<text[^>]*class="${cls}"[^>]*>(<title>[^<]*</title>)?[^<]*</text>`, 'g')) ?? [];
  return texts.map((t) => {
    const title = /<title>([^<]*)<\/title>/.exec(t)?.[1];
    const shown = /(?:<\/title>|>)([^<>]*)<\/text>$/.exec(t)![1]!;
    const unescape = (x: string) => x.replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    if (title === undefined) return unescape(shown);
    expect(shown.endsWith('…')).toBe(true);
    expect(unescape(title).startsWith(unescape(shown).slice(0, -1))).toBe(true);
    return unescape(title);
  });
}
