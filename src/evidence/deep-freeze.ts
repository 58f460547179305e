/**
 * Freezes a plain object or array and everything reachable from it, and returns it.
 * Internal helper: results of the evidence functions are deeply frozen plain data.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
