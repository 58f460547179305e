import { assertText } from '../errors.ts';

/** Characters that print as nothing (zero-width spaces and joiners, soft hyphens, BOM, ...). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Unicode white space, including no-break spaces, line and paragraph separators and NEL. */
const SPACE = /[\s\u0085]+/gu;

const cache = new Map<string, string>();
const CACHE_LIMIT = 10_000;
/** Longer names are not remembered: 10,000 names of 100,000 characters would hold gigabytes. */
const CACHED_LENGTH = 256;

/**
 * The key under which two spellings of a name (research group, author, cohort, arm, outcome,
 * timepoint) count as the same: Unicode compatibility normalisation (NFKC, so a no-break space
 * is a space and `ﬁ` is `fi`), invisible characters removed, full case folding (`ß` = `ss`,
 * via upper then lower case), runs of white space collapsed to one space, ends trimmed.
 * An empty key means the name has no visible character. See Unicode UAX #15 (normalisation)
 * and UAX #44 (Default_Ignorable_Code_Point).
 *
 * @example
 * nameKey('  Seoul\u00a0National   University ') // => 'seoul national university'
 * nameKey('STRASSE') === nameKey('Straße')       // => true
 */
export function nameKey(name: string): string {
  assertText(name, 'name');
  const known = cache.get(name);
  if (known !== undefined) return known;
  const folded = name.normalize('NFKC').replace(INVISIBLE, '').toUpperCase().toLowerCase().normalize('NFKC');
  const key = folded.replace(SPACE, ' ').trim();
  if (name.length > CACHED_LENGTH) return key;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, key);
  return key;
}

/**
 * Two names are the same name when their `nameKey`s are equal (case, spacing and Unicode
 * form ignored).
 *
 * @example
 * sameName('Oslo', 'oslo ') // => true
 */
export function sameName(a: string, b: string): boolean {
  assertText(a, 'a');
  assertText(b, 'b');
  return a === b || nameKey(a) === nameKey(b);
}

/** Like `sameName`, but `null` (not stated) on either side matches anything. */
export function compatibleNames(a: string | null, b: string | null): boolean {
  return a === null || b === null || sameName(a, b);
}
