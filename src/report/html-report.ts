import { InputError } from '../errors.ts';
import { escapeXml } from '../plots/svg.ts';
import { REPORT_CSS } from './html-style.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { assertText } from '../errors.ts';
import { checkOptions, optionKeys } from '../check-options.ts';

/** A table cell: text (escaped), a number (right-aligned) or missing (`—`). */
export type ReportCell = string | number | null | undefined;

/** One block of an HTML report. */
export type ReportSection =
  | { readonly kind: 'heading'; readonly text: string; readonly level?: 1 | 2 | 3 | 4 }
  /** Plain text; blank lines separate paragraphs. */
  | { readonly kind: 'text'; readonly text: string }
  /** Markdown (GitHub flavour); raw HTML in it is escaped. */
  | { readonly kind: 'markdown'; readonly markdown: string }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly ReportCell[])[]; readonly caption?: string }
  /** A standalone SVG string (e.g. from `forestPlot`), inlined; scripts and event handlers are refused. */
  | { readonly kind: 'figure'; readonly svg: string; readonly caption?: string };

/** Options of {@link htmlReport}. */
export interface HtmlReportOptions {
  /** The document title (default: the first heading's text, else "Report"). */
  readonly title?: string;
  /** Language of the text (default "en"). */
  readonly lang?: string;
}

/** The valid keys of {@link HtmlReportOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const HTML_REPORT_OPTION_KEYS = optionKeys<HtmlReportOptions>()('title', 'lang');

/**
 * One self-contained HTML file from headings, text, Markdown, tables and SVG figures: inline CSS
 * and inline SVG, no script, nothing fetched (a Content-Security-Policy forbids any network load
 * or script, so the file reads the same offline, in a mail attachment or an archive). Figures are
 * real SVG, so their text (study names) can be searched and copied.
 *
 * @throws {InputError} for an unknown section kind, a table row of the wrong length, or a figure
 *   that is not an `<svg>` element or carries a script or an event handler.
 * @example
 * htmlReport([{ kind: 'heading', text: 'BCG' }, { kind: 'text', text: 'Risk ratios.' }]).includes('<h1>BCG</h1>'); // => true
 */
export function htmlReport(sections: readonly ReportSection[], options: HtmlReportOptions = {}): string {
  checkOptions(options, HTML_REPORT_OPTION_KEYS);
  if (!Array.isArray(sections)) throw new InputError('must be an array of report sections', { field: 'sections', code: 'E_INVALID_TYPE' });
  const firstHeading = sections.find((s) => s?.kind === 'heading') as { text: string } | undefined;
  const title = assertText(options.title ?? firstHeading?.text ?? 'Report', 'title');
  assertText(options.lang ?? 'en', 'lang');
  const body = sections.map((s, i) => sectionHtml(s, i)).join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(options.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sectionHtml(s: ReportSection, i: number): string {
  const row = i + 1;
  switch (s?.kind) {
    case 'heading': {
      const level = s.level ?? (i === 0 ? 1 : 2);
      if (![1, 2, 3, 4].includes(level)) throw new InputError('heading level must be 1 to 4', { field: 'sections', row, value: level });
      return `<h${level}>${escapeXml(String(s.text))}</h${level}>`;
    }
    case 'text':
      return String(s.text).split(/\n\s*\n/).filter((p) => p.trim() !== '').map((p) => `<p>${escapeXml(p.trim())}</p>`).join('\n');
    case 'markdown':
      return markdownToHtml(String(s.markdown));
    case 'table':
      return tableHtml(s, row);
    case 'figure':
      return figureHtml(s, row);
    default:
      throw new InputError("unknown section kind; valid kinds are heading, text, markdown, table, figure", { field: 'sections', row, value: (s as { kind?: unknown })?.kind });
  }
}

function tableHtml(t: Extract<ReportSection, { kind: 'table' }>, row: number): string {
  const width = t.columns.length;
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${escapeXml(c)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows.map((r, j) => {
    if (r.length !== width) throw new InputError(`table row ${j + 1} has ${r.length} cells, the table ${width} columns`, { field: 'sections', row, code: 'E_LENGTH_MISMATCH' });
    return `<tr>${r.map(cellHtml).join('')}</tr>`;
  });
  const caption = t.caption ? `<caption>${escapeXml(t.caption)}</caption>` : '';
  return `<div class="table-wrap"><table>${caption}${head}<tbody>${rows.join('\n')}</tbody></table></div>`;
}

function cellHtml(c: ReportCell): string {
  if (c === null || c === undefined || (typeof c === 'number' && Number.isNaN(c))) return '<td>—</td>';
  if (typeof c === 'number') return `<td class="num">${escapeXml(String(c))}</td>`;
  return `<td>${escapeXml(c)}</td>`;
}

function figureHtml(f: Extract<ReportSection, { kind: 'figure' }>, row: number): string {
  const svg = String(f.svg).replace(/^\s*<\?xml[^>]*\?>\s*/, '').trim();
  if (!/^<svg[\s>]/.test(svg) || !svg.endsWith('</svg>')) throw new InputError('a figure must be one standalone <svg> element', { field: 'sections', row });
  if (/<script[\s>]|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(svg)) {
    throw new InputError('a figure must not carry scripts, event handlers or foreign objects', { field: 'sections', row });
  }
  const caption = f.caption ? `<figcaption>${escapeXml(f.caption)}</figcaption>` : '';
  return `<figure>${svg}${caption}</figure>`;
}
