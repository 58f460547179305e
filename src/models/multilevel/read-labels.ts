import { InputError } from '../../errors.ts';
import { labelText } from '../../missing.ts';
import { denseArray } from '../../dense-array.ts';

/**
 * Validates a label column (cluster or level names) and returns it as strings, `null` where a
 * label is missing (`isMissing`: undefined, null, NaN, `''`, `'NA'`, …; the caller omits the row).
 * Numbers are accepted and written in decimal (so 3 and "3" name the same level).
 *
 * @param values  the user's array
 * @param field  option name for messages (e.g. `outer`)
 * @param length  required length (the number of input rows)
 * @param studies  study labels of the rows, to name them in messages (`row N` when unnamed)
 * @throws InputError when `values` is not an array, its length differs, or an entry is neither
 *   missing, a string nor a finite number — naming the row.
 * @example
 * readLabels(['a', 2, 'NA'], 'outer', 3, ['row 1', 'row 2', 'row 3']) // => ['a', '2', null]
 */
export function readLabels(values: unknown, field: string, length: number, studies: readonly string[]): (string | null)[] {
  if (values === undefined) throw new InputError(`missing: pass one label per row (${length} rows)`, { field, code: 'E_MISSING_VALUE' });
  if (!Array.isArray(values)) throw new InputError('must be an array of labels (strings), one per row', { field, value: values, code: 'E_INVALID_TYPE' });
  denseArray(values, field);
  if (values.length !== length) {
    throw new InputError(`length mismatch: ${field} has ${values.length} labels but there are ${length} rows`, { field, code: 'E_LENGTH_MISMATCH' });
  }
  return values.map((x: unknown, i) => {
    const label = labelText(x);
    if (label !== undefined && typeof x !== 'boolean') return label;
    const study = studies[i] === `row ${i + 1}` ? undefined : studies[i];
    throw new InputError('must be a string label', { field, row: i + 1, study, value: x, code: 'E_INVALID_TYPE' });
  });
}
