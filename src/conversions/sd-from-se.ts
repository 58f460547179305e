import { optionKeys } from '../check-options.ts';
import type { Provenance } from '../types.ts';
import { checkInput, checkNonNegative, checkSampleSize, checkComputed } from './check-number.ts';

/** Input of {@link sdFromSe}. */
export interface SdFromSeInput {
  /** Standard error of a group mean (outcome units, ≥ 0). */
  readonly se: number;
  /** Number of participants in the group (≥ 2). */
  readonly n: number;
  /** Study label, for error messages. */
  readonly study?: string;
}

/** The valid fields of {@link SdFromSeInput} (any other is an `E_UNKNOWN_FIELD` error). */
const SD_FROM_SE_INPUT_KEYS = optionKeys<SdFromSeInput>()('se', 'n', 'study');

/** Result of {@link sdFromSe}. */
export interface SdFromSeResult {
  readonly sd: number;
  readonly provenance: Provenance;
}

/** Formula text carried by the result's provenance. */
export const SD_FROM_SE_FORMULA = 'SD = SE·√n (Cochrane 6.5.2.2)';

/**
 * Standard deviation of a group from the standard error of its mean:
 * SD = SE·√n (Cochrane Handbook, section 6.5.2.2). Scale: the outcome's units.
 *
 * @throws InputError when `se` is negative or not finite, or `n` < 2; the message names the
 *   field and the study.
 * @example
 * sdFromSe({ se: 2.5, n: 25 })
 * // => { sd: 12.5, provenance: { kind: 'derived', formula: 'SD = SE·√n (Cochrane 6.5.2.2)' } }
 */
export function sdFromSe(input: SdFromSeInput): SdFromSeResult {
  const study = checkInput(input, 'sdFromSe input', SD_FROM_SE_INPUT_KEYS);
  const se = checkNonNegative(input.se, { field: 'se', study });
  const n = checkSampleSize(input.n, 2, { field: 'n', study }, 'for an SD to exist');
  return Object.freeze({
    sd: checkComputed(se * Math.sqrt(n), 'SE·√n', { field: 'se', study }),
    provenance: Object.freeze({ kind: 'derived' as const, formula: SD_FROM_SE_FORMULA }),
  });
}
