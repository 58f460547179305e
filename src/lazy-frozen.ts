import { freezeResult } from './freeze-result.ts';

/**
 * A getter body for a large per-study output of a result (`yi`, `vi`, `weights`, `labels`):
 * the array is built by `make` on the first read, deeply frozen, and the same array is returned
 * on every later read. A result that is never asked for its per-study values never pays for
 * them (at k = 10⁷ they cost more memory than the fit), yet `JSON.stringify`, spreading,
 * `structuredClone` and `Object.keys` see an ordinary enumerable field: an accessor defined in
 * an object literal is an own enumerable property, read through its getter.
 * `freezeResult` freezes a result marked by `withLazyFields` around such getters without calling them.
 *
 * @example
 * let built = 0;
 * const labels = lazyFrozen(() => { built++; return ['a', 'b']; });
 * const result = freezeResult(withLazyFields({ k: 2, get labels() { return labels(); } }));
 * [built, result.labels.length, result.labels === result.labels, built, Object.isFrozen(result.labels)]
 * // => [0, 2, true, 1, true]
 */
export function lazyFrozen<T>(make: () => T): () => T {
  let value: T;
  let made = false;
  return () => {
    if (!made) {
      value = freezeResult(make());
      made = true;
    }
    return value;
  };
}
