import { distance } from 'fastest-levenshtein';
import { InputError } from './errors.ts';

/**
 * The valid name closest to `name` by Levenshtein edit distance (case ignored), or `null` when
 * none is close: within max(2, ⌈length/3⌉) edits, or one name a prefix of the other
 * (`assume` for `assumptions`). Ties go to the earlier valid name.
 *
 * @example
 * nearestName('levl', ['level', 'assume']) // => 'level'
 * nearestName('colour', ['level'])         // => null
 */
export function nearestName(name: string, valid: readonly string[]): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const c = candidate.toLowerCase();
    const d = distance(lower, c);
    const limit = Math.max(2, Math.ceil(Math.max(c.length, lower.length) / 3));
    const prefix = lower.length >= 3 && c.length >= 3 && (lower.startsWith(c) || c.startsWith(lower));
    if ((d <= limit || prefix) && d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** `true` for an object literal or `JSON.parse` object (prototype `Object.prototype` or `null`). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks the options object of a public function: `undefined` stands for `{}`; anything else
 * must be a plain object whose own keys are all in `valid`. An unknown key (usually a
 * misspelling, which would otherwise be silently ignored) is an `InputError` that names it,
 * suggests the nearest valid key (`nearestName`) and lists the valid ones. Values are not
 * checked here: each function validates its own. Returns the options, typed.
 *
 * @param field how the message names the object, e.g. `options` or `options.assume`
 * @throws {InputError} for a non-object (null, array, number, Map, ...) or an unknown key.
 * @example
 * checkOptions({ levl: 0.9 }, ['level', 'assume'])
 * // => throws InputError 'options: unknown option "levl" (did you mean "level"?); valid options: level, assume'
 * checkOptions(undefined, ['level']) // => {}
 */
export function checkOptions<T extends object>(options: unknown, valid: readonly (keyof T & string)[], field = 'options'): Partial<T> {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new InputError(`must be an object of options (${valid.join(', ') || 'none'}) or undefined`, { field, value: options, code: 'E_INVALID_TYPE' });
  }
  checkKeys(options, valid, field, 'option');
  return options as Partial<T>;
}

/**
 * Throws an `InputError` when `record` has an own key not in `valid`, naming the key and
 * suggesting the nearest valid one. `what` names a key in the message (`option`, `field`).
 * The `where` of the error (row, study) is passed on.
 *
 * @example
 * checkKeys({ resultExpected: '2027' }, ['resultsExpected'], 'studies', 'field', { row: 2 })
 * // => throws InputError 'studies, row 2: unknown field "resultExpected" (did you mean "resultsExpected"?)…'
 */
export function checkKeys(
  record: object,
  valid: readonly string[],
  field: string,
  what = 'field',
  where: { row?: number; study?: string } = {},
): void {
  for (const key of Object.keys(record)) {
    if (valid.includes(key)) continue;
    const nearest = nearestName(key, valid);
    const hint = nearest === null ? '' : ` (did you mean "${nearest}"?)`;
    throw new InputError(`unknown ${what} ${JSON.stringify(key)}${hint}; valid ${what}s: ${valid.join(', ') || 'none'}`, { field, ...where, code: what === 'option' ? 'E_UNKNOWN_OPTION' : 'E_UNKNOWN_FIELD' });
  }
}

/** The keys of `T` not listed in `K` (`never` when `K` lists them all). */
type Unlisted<T, K extends readonly PropertyKey[]> = Exclude<keyof T & string, K[number]>;

/**
 * The valid keys of an options type `T`, as a frozen runtime list for {@link checkOptions}:
 * the compiler rejects a key that `T` lacks and a list that misses one of `T`'s keys, so the
 * list cannot drift from the type it sits next to. (Curried so that `T` is given and the keys
 * are inferred.)
 *
 * @example
 * interface O { level?: number; method?: string }
 * optionKeys<O>()('level', 'method') // => ['level', 'method']
 */
export function optionKeys<T extends object>() {
  return <const K extends readonly (keyof T & string)[]>(
    ...keys: K & ([Unlisted<T, K>] extends [never] ? unknown : { readonly missingKeys: Unlisted<T, K> })
  ): readonly (keyof T & string)[] => Object.freeze([...keys]);
}

/**
 * {@link checkOptions} for functions whose errors name the offending key itself as the field
 * (`vtpye`, `arms.visit`) rather than the options object: same checks, same suggestion.
 *
 * @param prefix put before the key in the field, e.g. `arms.`
 * @example
 * checkOptionsByKey({ vtpye: 'LS' }, ['vtype', 'correct'])
 * // => throws InputError 'vtpye: unknown option "vtpye" (did you mean "vtype"?); valid options: vtype, correct'
 */
export function checkOptionsByKey<T extends object>(options: unknown, valid: readonly (keyof T & string)[], prefix = ''): Partial<T> {
  if (options === undefined) return {};
  const field = prefix === '' ? 'options' : prefix.replace(/\.$/, '');
  if (!isPlainObject(options)) checkOptions(options, valid, field);
  const checked = options as Partial<T>;
  for (const key of Object.keys(checked)) {
    if (!(valid as readonly string[]).includes(key)) checkKeys({ [key]: 0 }, valid, `${prefix}${key}`, 'option');
  }
  return checked;
}
