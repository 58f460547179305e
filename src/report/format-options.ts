import { checkDigits } from './format-number.ts';
import { InputError, assertOneOf, numberCode } from '../errors.ts';
import { TRANSFORMS, type TransformName } from '../effect-sizes/back-transform.ts';
import { MEASURES, type Measure } from '../types.ts';
import { checkOptions, optionKeys } from '../check-options.ts';

/** Options of `formatResult`. */
export interface FormatOptions {
  /** Decimals of estimates, SEs, test statistics and bounds (metafor's `digits`); default 4. */
  readonly digits?: number;
  /**
   * Back-transformation of estimates and interval bounds (never of SEs): a transform name, or
   * `'auto'` (default) for the natural one of the result's measure (`exp` for OR/RR/ROM, `tanh`
   * for ZCOR, the inverse logit for PLO, …; none for MD, SMD, RD, …). `'none'` prints the
   * analysis scale only.
   */
  readonly transform?: TransformName | 'auto';
  /** The measure, for results that do not carry it (subgroups, multilevel, diagnostics, bias tests). */
  readonly measure?: Measure;
  /** Sample sizes of the studies: needed by the inverse Freeman–Tukey transform (`ipft`, measure PFT). */
  readonly n?: ArrayLike<number>;
  /** Append the per-study table (estimate, SE, CI, weight) to the printout of a fit; default false. */
  readonly studies?: boolean;
}

/** The valid keys of {@link FormatOptions} (any other key is an `E_UNKNOWN_OPTION` error). */
export const FORMAT_OPTION_KEYS = optionKeys<FormatOptions>()('digits', 'transform', 'measure', 'n', 'studies');

/** {@link FormatOptions} with every default filled in. */
export interface ResolvedFormatOptions {
  readonly digits: number;
  readonly transform: TransformName | 'auto';
  readonly measure: Measure | null;
  readonly n: ArrayLike<number> | undefined;
  readonly studies: boolean;
}

/**
 * Resolves the options of `formatResult` once. A bare number is `digits` (the former signature
 * `formatResult(result, digits)`).
 *
 * @throws InputError naming the option for digits outside 0–12, an unknown transform or measure,
 *   or a non-boolean `studies`.
 * @example
 * resolveFormatOptions(3).digits // => 3
 * resolveFormatOptions({}).transform // => 'auto'
 */
export function resolveFormatOptions(options: number | FormatOptions | undefined): ResolvedFormatOptions {
  if (typeof options !== 'number') checkOptions(options, FORMAT_OPTION_KEYS);
  const o: FormatOptions = typeof options === 'number' ? { digits: options } : options ?? {};
  if (o === null || typeof o !== 'object') throw new InputError('must be an options object such as { digits: 4 }', { field: 'options', value: o, code: 'E_INVALID_TYPE' });
  const digits = checkDigits(o.digits ?? 4);
  const transform = o.transform ?? 'auto';
  if (transform !== 'auto') assertOneOf(transform, TRANSFORMS, 'transform');
  if (o.measure !== undefined) assertOneOf(o.measure, MEASURES, 'measure');
  const studies = o.studies ?? false;
  if (typeof studies !== 'boolean') throw new InputError('must be true or false', { field: 'studies', value: studies, code: 'E_INVALID_TYPE' });
  return { digits, transform, measure: o.measure ?? null, n: o.n, studies };
}
