import { InputError, numberCode } from '../errors.ts';

/**
 * Fixed-point formatting with `digits` decimals; `NA` for null, NaN or a non-number (as R prints NA).
 *
 * @example
 * formatFixed(0.314159, 4) // => "0.3142"
 */
export function formatFixed(x: number | null | undefined, digits = 4): string {
  checkDigits(digits);
  if (typeof x !== 'number' || Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  return x.toFixed(digits);
}

/**
 * A p-value as a reader wants it: fixed 4 decimals down to 0.0001, then scientific with three
 * significant digits, so a p of 2.3e-26 is shown as it is rather than as "<.0001".
 *
 * @example
 * formatPValue(2.2886e-26) // => "2.29e-26"
 */
export function formatPValue(p: number | null | undefined): string {
  if (typeof p !== 'number' || Number.isNaN(p)) return 'NA';
  if (p >= 1e-4) return p.toFixed(4);
  if (p === 0) return '< 1e-300';
  return p.toExponential(2);
}

/** Significance stars as R prints them: *** < .001, ** < .01, * < .05, . < .1. */
export function significanceStars(p: number | null | undefined): string {
  if (typeof p !== 'number' || Number.isNaN(p)) return '';
  if (p < 0.001) return '***';
  if (p < 0.01) return '**';
  if (p < 0.05) return '*';
  if (p < 0.1) return '.';
  return '';
}

/**
 * Throws unless `digits` is a whole number of decimals from 0 to 12 (the printouts' range).
 *
 * @example
 * checkDigits(3)   // => 3
 * checkDigits(2.5) // => throws InputError 'digits: must be a whole number of decimals from 0 to 12 (got 2.5)'
 */
export function checkDigits(digits: unknown, field = 'digits'): number {
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 12) {
    throw new InputError('must be a whole number of decimals from 0 to 12', { field, value: digits, code: numberCode(digits) });
  }
  return digits;
}
