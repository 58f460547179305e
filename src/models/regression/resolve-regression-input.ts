import { InputError } from '../../errors.ts';
import type { EffectInput, EffectSizes, Measure } from '../../types.ts';
import { resolveStudies } from '../resolve-input.ts';

/** Studies and moderator columns that enter a meta-regression, rows with a missing value removed. */
export interface ResolvedRegressionInput {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly labels: readonly string[];
  readonly measure: Measure | null;
  /** Moderator names in insertion order. */
  readonly names: readonly string[];
  /** One column per moderator, index-aligned with yi. */
  readonly columns: readonly Float64Array[];
  /** 0-based indices of the input rows kept. */
  readonly rows: readonly number[];
  readonly warnings: readonly string[];
}

/**
 * Validates the input of `metaRegression` and selects the complete rows. yi and vi are checked
 * by `resolveStudies`; each moderator must be an array of numbers as long as yi, with `null`,
 * `undefined` or NaN marking a missing value. A row with a missing yi, vi or moderator is
 * omitted and named in `warnings` with its reason (metafor's na.omit).
 *
 * @throws InputError when `moderators` is not an object or has no entry; a moderator is named
 *   `intercept`, is not array-like, has the wrong length, or holds a non-number or ±Infinity
 *   (naming the moderator and the row); plus every error of `resolveStudies`.
 * @example
 * resolveRegressionInput({ yi: [0.1, 0.2, NaN], vi: [0.01, 0.02, 0.03] }, { dose: [1, 2, 3] }).rows
 * // => [0, 1]
 */
export function resolveRegressionInput(
  input: EffectInput | EffectSizes,
  moderators: unknown,
): ResolvedRegressionInput {
  if (moderators === null || typeof moderators !== 'object' || Array.isArray(moderators)) {
    throw new InputError('must be an object mapping each moderator name to an array of numbers (e.g. { ablat: [...] })', {
      field: 'moderators', value: moderators,
    });
  }
  const names = Object.keys(moderators);
  if (names.length === 0) {
    throw new InputError('needs at least one moderator; for an intercept-only model use metaAnalysis', { field: 'moderators' });
  }
  const studies = resolveStudies(input); // validates yi, vi, labels and their lengths
  const n = input.yi.length;
  const labelsIn = input.labels;
  const raw = names.map((name) => moderatorColumn(name, (moderators as Record<string, unknown>)[name], n, labelsIn));

  const warnings = [...studies.warnings];
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isMissing(input.yi[i]) || isMissing(input.vi[i])) continue; // already named by resolveStudies
    const missing = names.filter((_, c) => Number.isNaN(raw[c]![i]));
    if (missing.length > 0) {
      const label = labelsIn?.[i];
      const where = label === undefined ? `Row ${i + 1}` : `Row ${i + 1} (${label})`;
      const what = missing.map((m) => `"${m}"`).join(', ');
      warnings.push(`${where} omitted: moderator${missing.length > 1 ? 's' : ''} ${what} missing.`);
      continue;
    }
    rows.push(i);
  }
  return {
    yi: Float64Array.from(rows, (i) => input.yi[i] as number),
    vi: Float64Array.from(rows, (i) => input.vi[i] as number),
    labels: rows.map((i) => labelsIn?.[i] ?? `row ${i + 1}`),
    measure: studies.measure,
    names,
    columns: raw.map((col) => Float64Array.from(rows, (i) => col[i]!)),
    rows,
    warnings,
  };
}

/** A value `resolveStudies` treats as missing (it throws on every other non-number). */
function isMissing(value: unknown): boolean {
  return value === null || value === undefined || Number.isNaN(value);
}

/** One moderator as a Float64Array of length n, NaN where missing. */
function moderatorColumn(name: string, value: unknown, n: number, labels: readonly string[] | undefined): Float64Array {
  const field = `moderators.${name}`;
  if (name === 'intercept') {
    throw new InputError('"intercept" is reserved for the intercept, which every model includes; rename the moderator', { field });
  }
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number') {
    throw new InputError(`moderator "${name}" must be an array of numbers`, { field, value });
  }
  const arr = value as ArrayLike<unknown>;
  if (arr.length !== n) {
    throw new InputError(`length mismatch: moderator "${name}" has ${arr.length} values but yi has ${n}`, { field });
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = arr[i];
    if (x === null || x === undefined) {
      out[i] = NaN;
    } else if (typeof x !== 'number') {
      throw new InputError(`moderator "${name}" must be numeric; code a categorical moderator as 0/1 dummy columns`, {
        field, row: i + 1, study: labels?.[i], value: x,
      });
    } else if (x === Infinity || x === -Infinity) {
      throw new InputError(`moderator "${name}" must be finite`, { field, row: i + 1, study: labels?.[i], value: x });
    } else {
      out[i] = x;
    }
  }
  return out;
}
