import { optionKeys } from '../check-options.ts';
import type { Inference, Provenance, Warnings } from '../types.ts';
import { checkInput, checkNonNegative, checkSampleSize, checkComputed } from './check-number.ts';

/** Input of {@link pooledSdFromSe}. */
export interface PooledSdFromSeInput {
  /** Standard error of the difference in means between two independent groups (≥ 0). */
  readonly se: number;
  /** Participants in group 1 (≥ 2). */
  readonly n1: number;
  /** Participants in group 2 (≥ 2). */
  readonly n2: number;
  readonly study?: string;
}

/** The valid fields of {@link PooledSdFromSeInput} (any other is an `E_UNKNOWN_FIELD` error). */
const POOLED_SD_FROM_SE_INPUT_KEYS = optionKeys<PooledSdFromSeInput>()('se', 'n1', 'n2', 'study');

/** Result of the pooled-SD conversions ({@link pooledSdFromSe} and relatives). */
export interface PooledSdResult extends Pick<Inference, 'se'>, Warnings {
  /** Pooled within-group SD, to be used as the SD of both groups. */
  readonly sd: number;
  /** Standard error of the mean difference it was computed from. */
  readonly se: number;
  readonly provenance: Provenance;
  readonly warnings: readonly string[];
}

/** √(1/n1 + 1/n2): the SE of a difference in means per unit of pooled SD. */
export function twoGroupFactor(n1: number, n2: number): number {
  return Math.sqrt(1 / n1 + 1 / n2);
}

/** Reads and checks the two group sizes (each ≥ 2). */
export function checkGroupSizes(input: { n1: unknown; n2: unknown }, study: string | undefined): [number, number] {
  return [
    checkSampleSize(input.n1, 2, { field: 'n1', study }, 'for a group SD to exist'),
    checkSampleSize(input.n2, 2, { field: 'n2', study }, 'for a group SD to exist'),
  ];
}

/**
 * Pooled within-group standard deviation of a two-group comparison from the standard error of
 * the mean difference (Cochrane Handbook, section 6.5.2.3): SD = SE/√(1/n1 + 1/n2). The
 * result is the SD to use for both groups (assumes equal SDs, independent groups). Scale: the
 * outcome's units.
 *
 * @throws InputError for a negative SE or a group size < 2, naming the field and the study.
 * @example
 * pooledSdFromSe({ se: 1.37, n1: 25, n2: 22 }).sd
 * // => 4.686547 (Cochrane Handbook 6.5.2.3 example: 4.69)
 */
export function pooledSdFromSe(input: PooledSdFromSeInput): PooledSdResult {
  const study = checkInput(input, 'pooledSdFromSe input', POOLED_SD_FROM_SE_INPUT_KEYS);
  const se = checkNonNegative(input.se, { field: 'se', study });
  const [n1, n2] = checkGroupSizes(input, study);
  return Object.freeze({
    sd: checkComputed(se / twoGroupFactor(n1, n2), 'SD = SE/√(1/n1 + 1/n2)', { field: 'se', study }),
    se,
    provenance: Object.freeze({ kind: 'derived' as const, formula: 'SD = SE/√(1/n1 + 1/n2) (Cochrane 6.5.2.3)' }),
    warnings: Object.freeze([]),
  });
}
