/**
 * Deeply freezes a result and returns it: the result object and every plain object and array
 * reachable from it (yi, vi, weights, labels, coefficients, intervals, warnings...), so that
 * `fit.yi[1] = 99` throws in strict mode instead of silently changing what a later
 * `leaveOneOut(fit)` reports. Typed arrays cannot be frozen in JavaScript and are left as
 * they are; a getter is not called (a lazily built output freezes its own value, see
 * `lazyFrozen`). Visits each object once (shared and cyclic references are safe); arrays of numbers
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
      for (const key of Object.keys(item)) {
        // a getter is a lazily built output (see `lazyFrozen`), frozen when it is first read
        const field = Object.getOwnPropertyDescriptor(item, key)!;
        if (field.get === undefined) stack.push(field.value);
      }
    }
    Object.freeze(item);
  }
  return value;
}
