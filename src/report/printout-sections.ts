/**
 * The closing sections shared by every printout: the notes (back-transformation skipped,
 * deviations from metafor), and the warnings.
 *
 * @example
 * closingSections({ notes: [], warnings: ['k = 1'] }) // => ['', 'Warnings:', '- k = 1']
 */
export function closingSections(parts: {
  readonly notes: readonly (string | null)[];
  readonly warnings: readonly string[] | null | undefined;
}): string[] {
  const lines: string[] = [];
  const notes = parts.notes.filter((n): n is string => typeof n === 'string' && n !== '');
  if (notes.length) lines.push('', ...notes);
  const warnings = Array.isArray(parts.warnings) ? parts.warnings : [];
  if (warnings.length) lines.push('', 'Warnings:', ...warnings.map((w) => `- ${String(w)}`));
  return lines;
}

/**
 * A confidence level as metafor prints it in headings: 0.95 → "95", 0.975 → "97.5".
 *
 * @example
 * levelPercent(0.95) // => "95"
 */
export function levelPercent(level: number | null | undefined): string {
  return typeof level === 'number' ? String(Math.round(level * 1000) / 10) : 'NA';
}
