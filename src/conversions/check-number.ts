import { checkKeys, isPlainObject } from '../check-options.ts';
import { InputError, numberCode, type ErrorCode } from '../errors.ts';

/** Where an input sits, for error messages: the field and, when given, the study label. */
export interface Place {
  readonly field: string;
  readonly study?: string | undefined;
  readonly code?: ErrorCode;
}

function where(place: Place, value: unknown): { field: string; study?: string; value: unknown } {
  return place.study === undefined ? { field: place.field, value } : { field: place.field, study: place.study, value };
}

/**
 * Checks that an input object is a plain object and that its optional `study` label is a string.
 * @returns the study label, or undefined.
 * @throws InputError when `input` is not a plain object, has a field not in `fields` (the
 *   message suggests the nearest), or `study` is not a non-empty string.
 */
export function checkInput(input: unknown, name: string, fields?: readonly string[]): string | undefined {
  if (!isPlainObject(input)) {
    throw new InputError('must be an object', { field: name, value: input, code: 'E_INVALID_TYPE' });
  }
  if (fields !== undefined) checkKeys(input, fields, name, 'field');
  const study = (input as Record<string, unknown>)['study'];
  if (study === undefined) return undefined;
  if (typeof study !== 'string' || study === '') {
    throw new InputError('must be a non-empty string (the study label)', { field: 'study', value: study, code: 'E_INVALID_TYPE' });
  }
  return study;
}

/**
 * A finite number.
 * @throws InputError naming the field (and study) otherwise.
 */
export function checkFinite(value: unknown, place: Place): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError('must be a finite number', { ...where(place, value), code: numberCode(value) });
  }
  return value;
}

/** A finite number > 0. @throws InputError otherwise. */
export function checkPositive(value: unknown, place: Place): number {
  const x = checkFinite(value, place);
  if (!(x > 0)) throw new InputError('must be greater than 0', { ...where(place, value), code: 'E_OUT_OF_RANGE' });
  return x;
}

/** A finite number ≥ 0. @throws InputError otherwise (e.g. a negative SD or SE). */
export function checkNonNegative(value: unknown, place: Place): number {
  const x = checkFinite(value, place);
  if (x < 0) throw new InputError('must not be negative', { ...where(place, value), code: 'E_OUT_OF_RANGE' });
  return x;
}

/** A sample size: a finite number ≥ `minimum`. @throws InputError otherwise. */
export function checkSampleSize(value: unknown, minimum: number, place: Place, why = ''): number {
  const x = checkFinite(value, place);
  if (!(x >= minimum)) {
    throw new InputError(`must be at least ${minimum}${why ? ` ${why}` : ''}`, { ...where(place, value), code: 'E_OUT_OF_RANGE' });
  }
  return x;
}

/** A two-sided p-value strictly between 0 and 1. @throws InputError for 0, 1 or outside. */
export function checkPValue(value: unknown, place: Place): number {
  const x = checkFinite(value, place);
  if (!(x > 0 && x < 1)) {
    throw new InputError(
      'must be strictly between 0 and 1 (a p-value of 0 or 1 carries no information on the standard error)',
      { ...where(place, value), code: 'E_OUT_OF_RANGE' },
    );
  }
  return x;
}

/** An optional finite number: undefined and null give undefined. @throws InputError otherwise. */
export function optionalFinite(value: unknown, place: Place): number | undefined {
  if (value === undefined || value === null) return undefined;
  return checkFinite(value, place);
}

/** Throws an InputError at `place` with `problem`, showing `value` when one is given. */
export function fail(problem: string, place: Place, value?: unknown): never {
  throw new InputError(problem, { ...(value === undefined ? withoutValue(place) : where(place, value)), code: place.code ?? 'E_INVALID_INPUT' });
}

function withoutValue(place: Place): { field: string; study?: string } {
  return place.study === undefined ? { field: place.field } : { field: place.field, study: place.study };
}

/** Compact number for formula texts and messages: up to 6 significant digits. */
export function show(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/**
 * A computed quantity that must be finite: finite inputs can still overflow (`max − min` of
 * ±1.7e308, a CI width, `SE·√n`), which would give an SD of Infinity. Returns `value`.
 * @throws InputError `E_NOT_FINITE` naming the inputs at `place` when `value` is not finite.
 */
export function checkComputed(value: number, what: string, place: Place): number {
  if (Number.isFinite(value)) return value;
  throw new InputError(`the values are too large: ${what} overflows to ${value}`, { ...withoutValue(place), code: 'E_NOT_FINITE' });
}
