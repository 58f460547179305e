/**
 * Freezes a plain object or array and everything reachable from it, and returns it. Safe on
 * shared and cyclic references (each object is visited once). Internal helper.
 */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object' || seen.has(item)) continue;
    seen.add(item);
    for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
    Object.freeze(item);
  }
  return value;
}

/**
 * A deeply frozen deep copy of plain data: results of the evidence functions share no object
 * with their input (nor with the caller's own objects) and cannot be changed. Internal helper.
 */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}
