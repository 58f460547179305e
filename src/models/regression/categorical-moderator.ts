import { InputError } from '../../errors.ts';
import { labelText } from '../../missing.ts';

/** A categorical moderator coded as 0/1 columns against its first level. */
export interface DummyCoding {
  /** The reference level (the first in sorted order), absorbed by the intercept. */
  readonly reference: string;
  /** One name per column: the moderator's name followed by the level, as R's `model.matrix`. */
  readonly names: readonly string[];
  /** One column per non-reference level, index-aligned with the rows; NaN where the label is missing. */
  readonly columns: readonly Float64Array[];
}

/**
 * Treatment (dummy) coding of a categorical moderator, as R's `model.matrix` with
 * `contr.treatment`: levels sorted as R sorts factor levels, the first one the reference, and
 * one 0/1 column `name + level` for each other level. A missing label (see `isMissing`) gives
 * NaN in every column, so the row is omitted by the caller.
 *
 * @param name the moderator's name
 * @param values the labels (strings, or numbers written in decimal), one per row
 * @param studies study labels of the rows for messages, when known
 * @throws InputError when a value is not a label, or fewer than two levels are present
 * @example
 * dummyCoding('alloc', ['random', 'systematic', null, 'alternate']).names
 * // => ['allocrandom', 'allocsystematic'] (reference 'alternate'; row 3 is NaN in both)
 */
export function dummyCoding(name: string, values: ArrayLike<unknown>, studies?: readonly string[]): DummyCoding {
  const field = `moderators.${name}`;
  const labels = Array.from({ length: values.length }, (_, i) => {
    const text = labelText(values[i]);
    if (text === undefined) {
      throw new InputError(`moderator "${name}" must hold numbers or category labels`, {
        field, row: i + 1, study: studies?.[i], value: values[i],
      });
    }
    return text;
  });
  const levels = [...new Set(labels.filter((l): l is string => l !== null))].sort((a, b) => a.localeCompare(b));
  if (levels.length < 2) {
    throw new InputError(
      `categorical moderator "${name}" needs at least two levels; it has ${levels.length === 0 ? 'none' : `only "${levels[0]}"`}`,
      { field },
    );
  }
  const others = levels.slice(1);
  return {
    reference: levels[0]!,
    names: others.map((level) => `${name}${level}`),
    columns: others.map((level) => Float64Array.from(labels, (l) => (l === null ? NaN : l === level ? 1 : 0))),
  };
}

/**
 * Whether a moderator is categorical: every present value is a string or a boolean (as an R
 * character or logical vector). Numbers are numeric; a mix of numbers and text is an error.
 *
 * @throws InputError naming the first row whose type differs from the others
 * @example
 * isCategorical('alloc', ['random', null, 'systematic']); // => true
 * isCategorical('ablat', [44, 55, NaN]);                   // => false
 */
export function isCategorical(name: string, values: ArrayLike<unknown>, studies?: readonly string[]): boolean {
  // a typed array holds numbers only (a loop over 10⁶ of them would find no text)
  if (ArrayBuffer.isView(values)) return false;
  let numbers = -1;
  let texts = -1;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x === 'number') {
      // a number is present unless NaN (labelText would spell it out only to test that)
      if (numbers < 0 && !Number.isNaN(x)) numbers = i;
      if (texts >= 0) break;
      continue;
    }
    if (labelText(x) === null) continue;
    if ((typeof x === 'string' || typeof x === 'boolean') && texts < 0) texts = i;
  }
  if (numbers >= 0 && texts >= 0) {
    const row = Math.max(numbers, texts);
    throw new InputError(
      `moderator "${name}" mixes numbers and text; give numbers for a numeric moderator or labels for a categorical one`,
      { field: `moderators.${name}`, row: row + 1, study: studies?.[row], value: values[row] },
    );
  }
  return texts >= 0;
}
