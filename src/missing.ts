/**
 * The one missing-value rule of `pooled`, used wherever input is read: effect-size columns,
 * yi and vi, moderators, subgroup, cluster and level labels, sort keys, and CSV/TSV cells.
 *
 * Texts that mean "no value", compared after trimming white space and **case-sensitively**
 * (so the subgroup `"Na"` is a label, not a missing value): the empty string, R's `NA`, `na`,
 * `N/A`, `n/a`, `NaN`, `nan`, `null` and `NULL`.
 */
export const MISSING_TEXTS: readonly string[] = Object.freeze(['', 'NA', 'na', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL']);

const MISSING = new Set(MISSING_TEXTS);

/**
 * Whether a value is missing: `undefined`, `null`, `NaN`, or a string that is one of
 * {@link MISSING_TEXTS} once trimmed. Every other value (0, `false`, `"0"`, `"Na"`) is present.
 *
 * @example
 * isMissing(' NA ');  // => true
 * isMissing('');      // => true
 * isMissing(NaN);     // => true
 * isMissing(0);       // => false
 * isMissing('Na');    // => false (case-sensitive)
 */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'string') return MISSING.has(value.trim());
  return false;
}

/**
 * A label cell (subgroup, cluster, level, study) as text: `null` when {@link isMissing};
 * a finite number in decimal (so `3` and `"3"` name the same label); a string trimmed;
 * `true`/`false` as words. `undefined` for anything else (an object, an array, ±Infinity),
 * which the caller reports as an error.
 *
 * @example
 * labelText(' Rome II '); // => 'Rome II'
 * labelText(2);           // => '2'
 * labelText('NA');        // => null
 * labelText({});          // => undefined
 */
export function labelText(value: unknown): string | null | undefined {
  if (isMissing(value)) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}
