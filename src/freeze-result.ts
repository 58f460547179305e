/**
 * Deeply freezes a result and returns it: the result object and every plain object and array
 * reachable from it (yi, vi, weights, labels, coefficients, intervals, warnings...), so that
 * `fit.yi[1] = 99` throws in strict mode instead of silently changing what a later
 * `leaveOneOut(fit)` reports. Typed arrays cannot be frozen in JavaScript and are left as
 * they are; the getters of an object marked by {@link withLazyFields}, or already frozen, are not
 * called (a lazily built output freezes its own value, see `lazyFrozen`). Visits each object once (shared and cyclic references are safe); arrays of numbers
 * cost one pass over their entries.
 *
 * @example
 * const r = freezeResult({ yi: [1, 2], ci: { lower: 0, upper: 3 } });
 * Object.isFrozen(r.yi) && Object.isFrozen(r.ci) // => true
 */
export function freezeResult<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object' || seen.has(item) || ArrayBuffer.isView(item)) continue;
    seen.add(item);
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const x: unknown = item[i];
        if (x !== null && typeof x === 'object') stack.push(x);
      }
    } else {
      if (LAZY_HOLDERS.has(item) || Object.isFrozen(item)) {
        for (const key of Object.keys(item)) {
          // a getter is a lazily built output (see `lazyFrozen`), frozen when it is first read
          const field = Object.getOwnPropertyDescriptor(item, key)!;
          if (field.get === undefined) stack.push(field.value);
        }
      } else {
        for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
      }
    }
    Object.freeze(item);
  }
  return value;
}

/** Objects whose getters are lazily built outputs (see {@link withLazyFields}). */
const LAZY_HOLDERS = new WeakSet<object>();

/**
 * Marks `value` as holding lazily built outputs (getters, see `lazyFrozen`), so that
 * {@link freezeResult} freezes it without calling them, and returns it. Only marked objects pay
 * for reading property descriptors.
 *
 * @example
 * let calls = 0;
 * const r = freezeResult(withLazyFields({ k: 1, get yi() { calls++; return [1]; } }));
 * [calls, Object.isFrozen(r), r.yi[0], calls] // => [0, true, 1, 1]
 */
export function withLazyFields<T extends object>(value: T): T {
  LAZY_HOLDERS.add(value);
  return value;
}
