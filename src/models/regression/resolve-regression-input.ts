import { InputError, numberCode } from '../../errors.ts';
import type { EffectInput, EffectSizes, Measure } from '../../types.ts';
import { isMissing } from '../../missing.ts';
import { resolveStudies } from '../resolve-input.ts';
import { dummyCoding, isCategorical } from './categorical-moderator.ts';
import { denseArray } from '../../dense-array.ts';
import { isPlainObject } from '../../check-options.ts';
import { summariseOmissions } from '../../omission-summary.ts';

/** Studies and moderator columns that enter a meta-regression, rows with a missing value removed. */
export interface ResolvedRegressionInput {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly labels: readonly string[];
  readonly measure: Measure | null;
  /** Column names in insertion order (a categorical moderator gives one per non-reference level). */
  readonly names: readonly string[];
  /** One column per moderator, index-aligned with yi. */
  readonly columns: readonly Float64Array[];
  /** 0-based indices of the input rows kept. */
  readonly rows: readonly number[];
  readonly warnings: readonly string[];
}

/**
 * Validates the input of `metaRegression` and selects the complete rows. yi and vi are checked
 * by `resolveStudies`; each moderator must be an array as long as yi, of numbers, or of labels
 * (strings) for a categorical moderator, which is dummy-coded against its first level as R's
 * `model.matrix` (`alloc` → `allocrandom`, `allocsystematic`). A value is missing when
 * `isMissing` says so (null, undefined, NaN, `'NA'`, `''`, …). A row with a missing yi, vi or
 * moderator is omitted and named in `warnings` with its reason (metafor's na.omit).
 *
 * @throws InputError when `moderators` is not an object or has no entry; a moderator is named
 *   `intercept`, is not array-like, has the wrong length, holds ±Infinity or mixes numbers and
 *   text (naming the moderator and the row), or is categorical with fewer than two levels; plus
 *   every error of `resolveStudies`.
 * @example
 * resolveRegressionInput({ yi: [0.1, 0.2, NaN], vi: [0.01, 0.02, 0.03] }, { dose: [1, 2, 3] }).rows
 * // => [0, 1]
 */
export function resolveRegressionInput(
  input: EffectInput | EffectSizes,
  moderators: unknown,
): ResolvedRegressionInput {
  if (!isPlainObject(moderators)) {
    throw new InputError('must be an object mapping each moderator name to an array of numbers (e.g. { ablat: [...] })', { field: 'moderators', value: moderators, code: 'E_INVALID_TYPE' });
  }
  const given = Object.keys(moderators);
  if (given.length === 0) {
    throw new InputError('needs at least one moderator; for an intercept-only model use metaAnalysis', { field: 'moderators', code: 'E_TOO_FEW_STUDIES' });
  }
  const studies = resolveStudies(input); // validates yi, vi, labels and their lengths
  const n = input.yi.length;
  const labelsIn = input.labels;
  const coded = given.map((name) => moderatorColumns(name, (moderators as Record<string, unknown>)[name], n, labelsIn));
  const names = coded.flatMap((c) => c.names);
  const raw = coded.flatMap((c) => c.columns);

  const warnings = [...studies.warnings];
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isMissing(input.yi[i]) || isMissing(input.vi[i])) continue; // already named by resolveStudies
    const missing = given.filter((_, c) => Number.isNaN(coded[c]!.columns[0]![i]));
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
    warnings: summariseOmissions(warnings),
  };
}

/** One moderator as design columns of length n (one, or one per non-reference level), NaN where missing. */
function moderatorColumns(
  name: string, value: unknown, n: number, labels: readonly string[] | undefined,
): { names: readonly string[]; columns: readonly Float64Array[] } {
  const field = `moderators.${name}`;
  if (name === 'intercept') {
    throw new InputError('"intercept" is reserved for the intercept, which every model includes; rename the moderator', { field });
  }
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number') {
    throw new InputError(`moderator "${name}" must be an array of numbers`, { field, value, code: 'E_INVALID_TYPE' });
  }
  const arr = denseArray(value, field);
  if (arr.length !== n) {
    throw new InputError(`length mismatch: moderator "${name}" has ${arr.length} values but yi has ${n}`, { field, code: 'E_LENGTH_MISMATCH' });
  }
  if (isCategorical(name, arr, labels)) return dummyCoding(name, arr, labels);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = arr[i];
    if (isMissing(x)) {
      out[i] = NaN;
    } else if (typeof x !== 'number') {
      throw new InputError(`moderator "${name}" must hold numbers or category labels`, {
        field, row: i + 1, study: labels?.[i], value: x,
      });
    } else if (x === Infinity || x === -Infinity) {
      throw new InputError(`moderator "${name}" must be finite`, { field, row: i + 1, study: labels?.[i], value: x, code: numberCode(x) });
    } else {
      out[i] = x;
    }
  }
  return { names: [name], columns: [out] };
}
