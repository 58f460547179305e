import { FONT_FAMILY } from './font-metrics.ts';
import { PALETTE } from './palette.ts';

/** Attribute values; `undefined`, `null` and `false` attributes are left out. */
export type SvgAttributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * Escapes text for XML content and attribute values (& < > " ').
 *
 * @example
 * escapeXml(`O'Brien & "Jones" <2001>`); // => 'O&apos;Brien &amp; &quot;Jones&quot; &lt;2001&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // characters XML 1.0 forbids (C0 controls other than tab/newline/CR) are dropped
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Rounds a coordinate to 2 decimals, so the SVG stays small and diff-able. */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function attributes(attrs: SvgAttributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    const v = value === true ? name : typeof value === 'number' ? px(value) : escapeXml(value);
    out += ` ${name}="${v}"`;
  }
  return out;
}

/**
 * One SVG element as a string; `children` are already-built element strings (not escaped).
 *
 * @example
 * svgElement('rect', { x: 1, y: 2, width: 3, height: 4 }); // => '<rect x="1" y="2" width="3" height="4"/>'
 */
export function svgElement(tag: string, attrs: SvgAttributes = {}, children: readonly string[] = []): string {
  return children.length === 0 ? `<${tag}${attributes(attrs)}/>` : `<${tag}${attributes(attrs)}>${children.join('')}</${tag}>`;
}

/** Options of {@link svgText}. */
export interface SvgTextOptions {
  readonly fontSize?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fill?: string;
  /** Extra attributes (class, data-*, …). */
  readonly attrs?: SvgAttributes;
  /** Full text for a `<title>` tooltip, e.g. the untruncated label. */
  readonly title?: string;
}

/**
 * A real SVG `<text>` element (searchable and selectable), escaped, with `y` at the baseline.
 * Font size and family come from the enclosing document unless given.
 *
 * @example
 * svgText(10, 20, 'a < b', { anchor: 'end' }); // => '<text x="10" y="20" text-anchor="end">a &lt; b</text>'
 */
export function svgText(x: number, y: number, text: string, options: SvgTextOptions = {}): string {
  const attrs: SvgAttributes = {
    x, y,
    'text-anchor': options.anchor && options.anchor !== 'start' ? options.anchor : undefined,
    'font-size': options.fontSize,
    'font-weight': options.bold ? 'bold' : undefined,
    'font-style': options.italic ? 'italic' : undefined,
    fill: options.fill,
    ...options.attrs,
  };
  const title = options.title !== undefined && options.title !== text ? svgElement('title', {}, [escapeXml(options.title)]) : '';
  return `<text${attributes(attrs)}>${title}${escapeXml(text)}</text>`;
}

/** Options of {@link svgDocument}. */
export interface SvgDocumentOptions {
  readonly width: number;
  readonly height: number;
  /** Accessible title (`<title>`), also shown by viewers. */
  readonly title?: string;
  /** Accessible description (`<desc>`). */
  readonly description?: string;
  readonly fontSize?: number;
}

/**
 * A standalone SVG document: XML namespace, explicit width/height/viewBox, white background,
 * the plots' font stack and size set once on the root.
 *
 * @example
 * svgDocument({ width: 100, height: 50 }, []).startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); // => true
 */
export function svgDocument(options: SvgDocumentOptions, children: readonly string[]): string {
  const { width, height } = options;
  const head = [
    options.title !== undefined ? svgElement('title', {}, [escapeXml(options.title)]) : '',
    options.description !== undefined ? svgElement('desc', {}, [escapeXml(options.description)]) : '',
    svgElement('rect', { width, height, fill: PALETTE.background }),
  ];
  return svgElement(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width, height, viewBox: `0 0 ${px(width)} ${px(height)}`,
      role: 'img',
      'font-family': FONT_FAMILY,
      'font-size': options.fontSize ?? 12,
      fill: PALETTE.ink,
    },
    [...head, ...children],
  );
}
