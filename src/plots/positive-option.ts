import { InputError, numberCode } from '../errors.ts';

/**
 * A size option (width, height, font size, …): `fallback` when not given, else a positive finite
 * number, or an InputError naming the option.
 *
 * @example
 * positiveOption(undefined, 'fontSize', 12); // => 12
 * positiveOption(-1, 'width', 600); // => throws InputError "width: must be a positive number (got -1)"
 */
export function positiveOption(value: number | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new InputError('must be a positive number', { field, value, code: numberCode(value) });
  return value;
}
