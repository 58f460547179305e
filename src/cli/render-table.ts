/** A table: a header and rows of cells, all text. */
export interface TextTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns aligned left (text); the others are aligned right (numbers). Default: the first. */
  readonly left?: readonly number[];
}

/**
 * A table as aligned plain text, columns two spaces apart.
 *
 * @example
 * textTable({ head: ['level', 'k'], rows: [['a', '3']] });
 * // => 'level  k\na      3'
 */
export function textTable(table: TextTable): string {
  const left = new Set(table.left ?? [0]);
  const all = [table.head, ...table.rows];
  const widths = table.head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all
    .map((r) => r.map((cell, c) => (left.has(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

/**
 * A table in GitHub-flavoured Markdown, with `|` in cells escaped.
 *
 * @example
 * markdownTable({ head: ['level', 'k'], rows: [['a', '3']] });
 * // => '| level | k |\n|:---|---:|\n| a | 3 |'
 */
export function markdownTable(table: TextTable): string {
  const left = new Set(table.left ?? [0]);
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(table.head), `|${table.head.map((_, c) => (left.has(c) ? ':---' : '---:')).join('|')}|`, ...table.rows.map(line)].join('\n');
}
