import { readFileSync } from 'node:fs';

/** A metafor fixture (test/fixtures/<folder>/<name>.json). */
export function fixture(path: string): any {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));
}

/** A fixture number at metafor's printed digits (fmtx). */
export const fx = (x: number, digits = 4): string => x.toFixed(digits);

/**
 * A fixture p-value as the README says pooled prints p-values: 4 decimals down to 1e-4, then
 * three significant digits in scientific notation (2.00e-26), never "<.0001".
 */
export const px = (p: number): string => (p >= 1e-4 ? p.toFixed(4) : p.toExponential(2));

/**
 * The table printed right after the line `heading` (skipping one blank line): its header
 * cells and its rows' cells, split on runs of blanks, up to the next blank line.
 */
export function tableAfter(text: string, heading: string): { head: string[]; rows: string[][] } {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l === heading);
  if (at < 0) throw new Error(`heading not found: ${heading}\n${text}`);
  let i = at + 1;
  while (lines[i] === '') i++;
  const block: string[] = [];
  for (; i < lines.length && lines[i] !== ''; i++) block.push(lines[i]!);
  const [head, ...rows] = block.map((l) => l.trim().split(/\s+/));
  return { head: head!, rows };
}

/** The cells of one row of a table, by column name; with `named`, the row name is the first cell (`name`). */
export function cellsByName(table: { head: string[]; rows: string[][] }, row: number, named = false): Record<string, string> {
  const cells = table.rows[row]!;
  const offset = named ? 1 : 0;
  const out: Record<string, string> = named ? { name: cells[0]! } : {};
  table.head.forEach((h, j) => {
    out[h] = cells[j + offset] ?? '';
  });
  out.stars = cells[table.head.length + offset] ?? '';
  return out;
}

/** Labels without blanks, so that table rows split cleanly. */
export const labels = (k: number): string[] => Array.from({ length: k }, (_, i) => `s${i + 1}`);
