import { InputError } from '../errors.ts';

/**
 * The type check of the public distribution functions (called only when a `typeof` test failed, so
 * that the hot path allocates nothing): each argument must be a number (NaN and
 * ±Infinity included: out of the domain, a distribution function returns NaN as a total function
 * does), and `upper` a boolean. A string, an object or a BigInt is an `E_INVALID_TYPE` error
 * instead of a coercion (`'1'` → 1) or a raw `TypeError` (an object without prototype, a Symbol).
 *
 * @param fn     the function's name, for the message
 * @param values the arguments, by parameter name
 * @throws InputError `E_INVALID_TYPE` naming the first argument of the wrong type.
 * @example
 * checkArguments('normalCdf', { x: 1 }) // => undefined
 * checkArguments('normalCdf', { x: '1' }) // => throws InputError 'x: normalCdf needs a number (got "1")'
 */
export function checkArguments(fn: string, values: Readonly<Record<string, unknown>>): void {
  for (const field in values) {
    const value = values[field];
    const ok = field === 'upper' ? value === undefined || typeof value === 'boolean' : typeof value === 'number';
    if (!ok) throw new InputError(`${fn} needs ${field === 'upper' ? 'true or false' : 'a number'}`, { field, value, code: 'E_INVALID_TYPE' });
  }
}
