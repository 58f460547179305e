/** Options of {@link textTable}. */
export interface TextTableOptions {
  /** Row names, printed left-aligned in a first column without a header (as R prints a data frame). */
  readonly rowNames?: readonly string[];
  /** Spaces between columns (R's `print.gap`); default 2. */
  readonly gap?: number;
}

/**
 * Lays out a table of already formatted cells the way R prints a data frame: row names
 * left-aligned, every other column right-aligned to the width of its widest cell or header,
 * columns separated by `gap` spaces, trailing blanks removed.
 *
 * @example
 * textTable(['estimate', 'se'], [['0.1000', '0.0200']], { rowNames: ['intercept'] })
 * // => ['           estimate      se', 'intercept    0.1000  0.0200']
 */
export function textTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
): string[] {
  const gap = ' '.repeat(options.gap ?? 2);
  const names = options.rowNames;
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const nameWidth = names ? Math.max(0, ...names.map((n) => n.length)) : 0;
  const line = (first: string, cells: readonly string[]) => {
    const body = widths.map((w, j) => (cells[j] ?? '').padStart(w)).join(gap);
    return (names ? `${first.padEnd(nameWidth)}${gap}${body}` : body).trimEnd();
  };
  return [line('', head), ...rows.map((r, i) => line(names?.[i] ?? '', r))];
}
