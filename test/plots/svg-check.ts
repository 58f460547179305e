/**
 * Test helpers for plots (shared with every plot's tests): render an SVG to PNG with a real
 * renderer (resvg), check it is not blank, parse it as XML, and find the boxes of its texts to
 * check that none overlap.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { textWidth } from '../../src/plots/font-metrics.ts';

export interface RenderedPng {
  readonly width: number;
  readonly height: number;
  readonly png: Buffer;
  /** Fraction of pixels that are not (near) white. */
  readonly inked: number;
  /** Number of distinct colours (quantised to 4 bits per channel). */
  readonly colours: number;
}

/**
 * Renders an SVG with resvg (system fonts, Liberation Sans for Helvetica/Arial), optionally
 * writing the PNG to `out/plots/<name>.png` so a person can look at it.
 */
export function renderPng(svg: string, name?: string): RenderedPng {
  const resvg = new Resvg(svg, {
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  });
  const image = resvg.render();
  const pixels = image.pixels;
  let inked = 0;
  const colours = new Set<number>();
  for (let i = 0; i < pixels.length; i += 4) {
    const r = pixels[i]!, g = pixels[i + 1]!, b = pixels[i + 2]!;
    if (r < 240 || g < 240 || b < 240) inked++;
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  const png = image.asPng();
  if (name !== undefined) {
    const dir = new URL('../../out/plots/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    writeFileSync(new URL(`${name}.png`, dir), png);
  }
  return { width: image.width, height: image.height, png, inked: inked / (pixels.length / 4), colours: colours.size };
}

/** Throws unless `svg` is well-formed XML; returns it parsed (preserving order, with attributes). */
export function parseSvg(svg: string): SvgNode[] {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`SVG is not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false, processEntities: true, htmlEntities: false });
  return parser.parse(svg) as SvgNode[];
}

/** A node as fast-xml-parser gives it with `preserveOrder`. */
export type SvgNode = { [tag: string]: SvgNode[] | string | Record<string, string> | undefined } & { ':@'?: Record<string, string> };

/** An element in document order with its attributes, inherited font size and text content. */
export interface SvgElementInfo {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly fontSize: number;
  readonly bold: boolean;
  /** Text content, without any `<title>` child. */
  readonly text: string;
}

/** All elements of the SVG in document order (font size and weight inherited from ancestors). */
export function svgElements(svg: string): SvgElementInfo[] {
  const out: SvgElementInfo[] = [];
  walk(parseSvg(svg), 12, false, out);
  return out;
}

function walk(nodes: SvgNode[], fontSize: number, bold: boolean, out: SvgElementInfo[]): void {
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    if (tag === undefined) continue;
    const attrs = node[':@'] ?? {};
    const size = attrs['font-size'] !== undefined ? Number(attrs['font-size']) : fontSize;
    const isBold = attrs['font-weight'] !== undefined ? attrs['font-weight'] === 'bold' : bold;
    const children = node[tag] as SvgNode[];
    const text = children.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
    out.push({ tag, attrs, fontSize: size, bold: isBold, text });
    if (tag !== 'text') walk(children, size, isBold, out);
  }
}

export interface TextBox {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * The box of every `<text>`: width from the font metrics, anchor from `text-anchor`, from
 * 0.75 em above the baseline to 0.2 em below; `rotate(±90 cx cy)` transforms are applied.
 */
export function textBoxes(svg: string): TextBox[] {
  return svgElements(svg).filter((e) => e.tag === 'text' && e.text.trim() !== '').map((e) => {
    const x = Number(e.attrs.x ?? 0);
    const y = Number(e.attrs.y ?? 0);
    const w = textWidth(e.text, { fontSize: e.fontSize, bold: e.bold });
    const anchor = e.attrs['text-anchor'] ?? 'start';
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    let box = { text: e.text, x0, x1: x0 + w, y0: y - 0.75 * e.fontSize, y1: y + 0.2 * e.fontSize };
    const rot = /rotate\((-?90)\s+([-\d.]+)\s+([-\d.]+)\)/.exec(e.attrs.transform ?? '');
    if (rot) box = rotate90(box, Number(rot[2]), Number(rot[3]));
    return box;
  });
}

function rotate90(b: TextBox, cx: number, cy: number): TextBox {
  // a quarter turn about (cx, cy) swaps the box's extents around the centre
  const xs = [b.y0 - cy, b.y1 - cy].map((d) => cx + d);
  const ys = [b.x0 - cx, b.x1 - cx].map((d) => cy + d);
  return { text: b.text, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/** Pairs of text boxes that overlap by more than `tolerance` px in both directions. */
export function overlappingTexts(svg: string, tolerance = 0.5): Array<[TextBox, TextBox]> {
  const boxes = textBoxes(svg).sort((a, b) => a.y0 - b.y0);
  const pairs: Array<[TextBox, TextBox]> = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.y0 < a.y1 - tolerance; j++) {
      const b = boxes[j]!;
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > tolerance) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** Text boxes that stick out of the SVG's width × height. */
export function clippedTexts(svg: string, tolerance = 0.5): TextBox[] {
  const root = svgElements(svg)[0]!;
  const W = Number(root.attrs.width);
  const H = Number(root.attrs.height);
  return textBoxes(svg).filter((b) => b.x0 < -tolerance || b.y0 < -tolerance || b.x1 > W + tolerance || b.y1 > H + tolerance);
}

/** Writes an SVG next to its PNG under out/plots/ (for looking at it). */
export function saveSvg(svg: string, name: string): void {
  const dir = new URL('../../out/plots/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${name}.svg`, dir), svg);
}
