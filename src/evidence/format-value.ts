/**
 * A computed number for a sentence: four significant digits, no trailing zeros, no float
 * noise (11.5 − 2.8 prints as 8.7, not 8.700000000000001). Internal helper.
 */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}

/** A proportion as a percentage for prose: 0.95 -> "95%". Internal helper. */
export function formatPercent(p: number): string {
  return `${Number((100 * p).toPrecision(4))}%`;
}
