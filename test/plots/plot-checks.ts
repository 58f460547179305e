/**
 * Checks every plot's test makes, as a reader would: the SVG is well-formed, renders to a
 * non-blank PNG of the stated size, names every study, and has no text overlapping other text or
 * leaving the canvas. Also reads positions back from the drawn axis.
 */
import { expect } from 'vitest';
import { clippedTexts, overlappingTexts, renderPng, svgElements, type SvgElementInfo } from './svg-check.ts';

/** Asserts the reader's checks; returns the parsed elements. */
export function expectReadablePlot(svg: string, labels: readonly string[], name?: string): SvgElementInfo[] {
  const elements = svgElements(svg); // throws unless well-formed
  const root = elements[0]!;
  expect(root.tag).toBe('svg');
  const png = renderPng(svg, name);
  expect(Math.abs(png.width - Number(root.attrs.width))).toBeLessThan(1);
  expect(Math.abs(png.height - Number(root.attrs.height))).toBeLessThan(1);
  expect(png.inked).toBeGreaterThan(0.01);
  expect(png.colours).toBeGreaterThan(2);
  expect(overlappingTexts(svg)).toEqual([]);
  expect(clippedTexts(svg)).toEqual([]);
  expectLabels(svg, labels);
  return elements;
}

/** Every label appears as the text of a `<text>` element, or as the `<title>` of a truncated one. */
export function expectLabels(svg: string, labels: readonly string[]): void {
  const names = new Map<string, number>();
  const titles = [...svg.matchAll(/<text[^>]*><title>([^<]*)<\/title>/g)].map((m) => unescape(m[1]!));
  const texts = svgElements(svg).filter((e) => e.tag === 'text').map((e) => e.text);
  for (const t of [...texts, ...titles]) names.set(t, (names.get(t) ?? 0) + 1);
  const wanted = new Map<string, number>();
  for (const l of labels) wanted.set(l, (wanted.get(l) ?? 0) + 1);
  for (const [label, count] of wanted) expect(names.get(label) ?? 0, `label "${label}"`).toBeGreaterThanOrEqual(count);
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The pixel position of an analysis-scale value, read back from the drawn tick labels (class
 * `tick`, on the bottom axis): `fromLabel` turns a tick's label into its analysis-scale value
 * (e.g. Math.log for a ratio axis) and a straight line is fitted through the first and last tick.
 */
export function axisPosition(elements: readonly SvgElementInfo[], fromLabel: (label: number) => number): (x: number) => number {
  const ticks = elements.filter((e) => e.tag === 'text' && e.attrs.class === 'tick' && e.attrs['text-anchor'] === 'middle');
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const first = ticks[0]!;
  const last = ticks.at(-1)!;
  const [v0, v1] = [fromLabel(Number(first.text)), fromLabel(Number(last.text))];
  const [p0, p1] = [Number(first.attrs.x), Number(last.attrs.x)];
  return (x) => p0 + ((x - v0) / (v1 - v0)) * (p1 - p0);
}

/** The x of a diamond's widest point (its 2nd vertex) and its tips. */
export function diamondX(e: SvgElementInfo): { centre: number; left: number; right: number } {
  const xs = e.attrs.points!.split(' ').map((p) => Number(p.split(',')[0]));
  return { left: xs[0]!, centre: xs[1]!, right: xs[2]! };
}

/** Like {@link axisPosition}, for the left (vertical) axis: tick labels are end-anchored, 0.35 em below their tick. */
export function leftAxisPosition(elements: readonly SvgElementInfo[]): (y: number) => number {
  const ticks = elements.filter((e) => e.tag === 'text' && e.attrs.class === 'tick' && e.attrs['text-anchor'] === 'end');
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const first = ticks[0]!;
  const last = ticks.at(-1)!;
  const [v0, v1] = [Number(first.text), Number(last.text)];
  const [p0, p1] = [Number(first.attrs.y) - 0.35 * first.fontSize, Number(last.attrs.y) - 0.35 * last.fontSize];
  return (v) => p0 + ((v - v0) / (v1 - v0)) * (p1 - p0);
}
