import { InputError } from '../../errors.ts';

/**
 * Validates a label column (cluster or level names) and returns it as strings.
 * Numbers are accepted and written in decimal (so 3 and "3" name the same level).
 *
 * @param values  the user's array
 * @param field  option name for messages (e.g. `outer`)
 * @param length  required length (the number of input rows)
 * @param studies  study labels of the rows, to name them in messages (`row N` when unnamed)
 * @throws InputError when `values` is not an array, its length differs, or an entry is missing
 *   (undefined, null, empty string, NaN) or neither a string nor a finite number — naming the row.
 * @example
 * readLabels(['a', 2], 'outer', 2, ['row 1', 'row 2']) // => ['a', '2']
 */
export function readLabels(values: unknown, field: string, length: number, studies: readonly string[]): string[] {
  if (values === undefined) throw new InputError(`missing: pass one label per row (${length} rows)`, { field });
  if (!Array.isArray(values)) throw new InputError('must be an array of labels (strings), one per row', { field, value: values });
  if (values.length !== length) {
    throw new InputError(`length mismatch: ${field} has ${values.length} labels but there are ${length} rows`, { field });
  }
  return values.map((x: unknown, i) => {
    if (typeof x === 'string' && x !== '') return x;
    if (typeof x === 'number' && Number.isFinite(x)) return String(x);
    const study = studies[i] === `row ${i + 1}` ? undefined : studies[i];
    const problem = x === undefined || x === null || x === '' || (typeof x === 'number' && Number.isNaN(x))
      ? 'label missing; every row needs one'
      : 'must be a string label';
    throw new InputError(problem, { field, row: i + 1, study, value: x });
  });
}
