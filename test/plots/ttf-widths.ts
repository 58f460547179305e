/**
 * Reads advance widths from a TrueType font (tables `head`, `hhea`, `hmtx`, `cmap` format 4),
 * in 1/1000 em. Used by the tests to check the width table of src/plots/font-metrics.ts against
 * the metric-compatible Liberation Sans fonts when they are installed.
 */
import { readFileSync } from 'node:fs';

export function ttfAdvanceWidths(path: string, codePoints: readonly number[]): Map<number, number> {
  const buf = readFileSync(path);
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const head = tables.get('head')!;
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const hhea = tables.get('hhea')!;
  const numberOfHMetrics = buf.readUInt16BE(hhea + 34);
  const hmtx = tables.get('hmtx')!;
  const glyphOf = cmapFormat4(buf, tables.get('cmap')!);
  const out = new Map<number, number>();
  for (const cp of codePoints) {
    const glyph = glyphOf(cp);
    if (glyph === 0) continue;
    const index = Math.min(glyph, numberOfHMetrics - 1);
    out.set(cp, (buf.readUInt16BE(hmtx + 4 * index) * 1000) / unitsPerEm);
  }
  return out;
}

function cmapFormat4(buf: Buffer, cmap: number): (cp: number) => number {
  const n = buf.readUInt16BE(cmap + 2);
  for (let i = 0; i < n; i++) {
    const platform = buf.readUInt16BE(cmap + 4 + 8 * i);
    const encoding = buf.readUInt16BE(cmap + 6 + 8 * i);
    const offset = cmap + buf.readUInt32BE(cmap + 8 + 8 * i);
    if (platform === 3 && encoding === 1 && buf.readUInt16BE(offset) === 4) return format4(buf, offset);
  }
  throw new Error('no Unicode BMP cmap (format 4)');
}

function format4(buf: Buffer, t: number): (cp: number) => number {
  const segX2 = buf.readUInt16BE(t + 6);
  const ends = t + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    for (let s = 0; s < segX2; s += 2) {
      if (buf.readUInt16BE(ends + s) < cp) continue;
      const start = buf.readUInt16BE(starts + s);
      if (start > cp) return 0;
      const delta = buf.readInt16BE(deltas + s);
      const ro = buf.readUInt16BE(rangeOffsets + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + s + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}
