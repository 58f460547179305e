/**
 * Ends of the runs of equal sort keys along a sorted sequence: for each distinct key, the
 * number of studies included once all studies with that key (and those before it) are in
 * (metafor's `cumul(..., collapse = TRUE)`). Missing keys (null, NaN) form one run.
 *
 * @param keys  one sort key per study
 * @param sequence  the studies' indices in sorted order
 * @example
 * tieEnds([2001, 1999, 2001, 2003], [1, 0, 2, 3]) // => [1, 3, 4]
 */
export function tieEnds(keys: ArrayLike<number | string | null>, sequence: readonly number[]): number[] {
  const ends: number[] = [];
  for (let j = 0; j < sequence.length; j++) {
    const next = sequence[j + 1];
    if (next === undefined || keyLabel(keys[sequence[j]!]) !== keyLabel(keys[next])) ends.push(j + 1);
  }
  return ends;
}

/**
 * A sort key as a row label: numbers as R prints them, missing keys as `NA`.
 *
 * @example
 * keyLabel(1973) // => '1973'
 * keyLabel(null) // => 'NA'
 */
export function keyLabel(key: number | string | null | undefined): string {
  if (key === null || key === undefined || (typeof key === 'number' && Number.isNaN(key))) return 'NA';
  return String(key);
}
