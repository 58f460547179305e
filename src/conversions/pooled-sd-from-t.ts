import { optionKeys } from '../check-options.ts';
import { checkFinite, checkInput, fail, checkComputed } from './check-number.ts';
import { checkGroupSizes, twoGroupFactor } from './pooled-sd-from-se.ts';
import type { PooledSdResult } from './pooled-sd-from-se.ts';

/** Input of {@link pooledSdFromT}. */
export interface PooledSdFromTInput {
  /** Difference in means between the groups (non-zero; its sign is ignored). */
  readonly meanDifference: number;
  /** The t statistic of the two-sample (equal-variance) t test (non-zero; sign ignored). */
  readonly t: number;
  readonly n1: number;
  readonly n2: number;
  readonly study?: string;
}

/** The valid fields of {@link PooledSdFromTInput} (any other is an `E_UNKNOWN_FIELD` error). */
const POOLED_SD_FROM_T_INPUT_KEYS = optionKeys<PooledSdFromTInput>()('meanDifference', 't', 'n1', 'n2', 'study');

/**
 * Pooled within-group standard deviation from the t statistic of a two-sample t test
 * (Cochrane Handbook, section 6.5.2.3): SE = |MD|/|t|, SD = SE/√(1/n1 + 1/n2). Assumes the
 * t test pooled the variances of two independent groups. Scale: the outcome's units.
 *
 * @throws InputError when `meanDifference` or `t` is zero or not finite, or a group size < 2.
 * @example
 * pooledSdFromT({ meanDifference: 3.8, t: 2.78, n1: 25, n2: 22 }).sd
 * // => 4.675965 (SE = 3.8/2.78 = 1.366906; Cochrane Handbook 6.5.2.3 example)
 */
export function pooledSdFromT(input: PooledSdFromTInput): PooledSdResult {
  const study = checkInput(input, 'pooledSdFromT input', POOLED_SD_FROM_T_INPUT_KEYS);
  const md = checkFinite(input.meanDifference, { field: 'meanDifference', study, code: 'E_OUT_OF_RANGE' });
  if (md === 0) fail('must not be 0 (a zero difference says nothing about the SD)', { field: 'meanDifference', study }, md);
  const t = checkFinite(input.t, { field: 't', study, code: 'E_OUT_OF_RANGE' });
  if (t === 0) fail('must not be 0', { field: 't', study }, t);
  const [n1, n2] = checkGroupSizes(input, study);
  const se = checkComputed(Math.abs(md) / Math.abs(t), 'SE = |MD|/|t|', { field: 't', study });
  return Object.freeze({
    sd: checkComputed(se / twoGroupFactor(n1, n2), 'SD = SE/√(1/n1 + 1/n2)', { field: 't', study }),
    se,
    provenance: Object.freeze({
      kind: 'derived' as const,
      formula: 'SE = |MD|/|t|; SD = SE/√(1/n1 + 1/n2) (Cochrane 6.5.2.3)',
    }),
    warnings: Object.freeze([]),
  });
}
