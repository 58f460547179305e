import { optionKeys } from '../check-options.ts';
import { studentTQuantile } from '../distributions/student-t.ts';
import { checkFinite, checkInput, checkPValue, fail, checkComputed } from './check-number.ts';
import { checkGroupSizes, twoGroupFactor } from './pooled-sd-from-se.ts';
import type { PooledSdResult } from './pooled-sd-from-se.ts';

/** Input of {@link pooledSdFromP}. */
export interface PooledSdFromPInput {
  /** Difference in means between the groups (non-zero; its sign is ignored). */
  readonly meanDifference: number;
  /** Exact two-sided p-value of the two-sample t test, strictly between 0 and 1. */
  readonly pValue: number;
  readonly n1: number;
  readonly n2: number;
  readonly study?: string;
}

/** The valid fields of {@link PooledSdFromPInput} (any other is an `E_UNKNOWN_FIELD` error). */
const POOLED_SD_FROM_P_INPUT_KEYS = optionKeys<PooledSdFromPInput>()('meanDifference', 'pValue', 'n1', 'n2', 'study');

/** Result of {@link pooledSdFromP}: the pooled SD plus the t value and df behind it. */
export interface PooledSdFromPResult extends PooledSdResult {
  /** t = t(1 − p/2; n1 + n2 − 2). */
  readonly t: number;
  readonly df: number;
}

/**
 * Pooled within-group standard deviation from the exact two-sided p-value of a two-sample
 * t test (Cochrane Handbook, section 6.5.2.3): t = t(1 − p/2; n1 + n2 − 2) (Excel's
 * `TINV(p, df)`), SE = |MD|/t, SD = SE/√(1/n1 + 1/n2). Needs an exact p-value; a bound such as
 * "p < 0.05" only gives a bound on the SD (see `maxSdForSignificance`).
 *
 * @throws InputError for a p-value of 0 or 1 (or outside), a zero mean difference, a group
 *   size < 2.
 * @example
 * pooledSdFromP({ meanDifference: 3.8, pValue: 0.008, n1: 25, n2: 22 })
 * // => { t: 2.775545, df: 45, se: 1.369100, sd: 4.683469, ... }
 * //    (Cochrane Handbook 6.5.2.3 example: t = 2.78, SE = 1.37, SD = 4.69)
 */
export function pooledSdFromP(input: PooledSdFromPInput): PooledSdFromPResult {
  const study = checkInput(input, 'pooledSdFromP input', POOLED_SD_FROM_P_INPUT_KEYS);
  const md = checkFinite(input.meanDifference, { field: 'meanDifference', study, code: 'E_OUT_OF_RANGE' });
  if (md === 0) fail('must not be 0 (a zero difference says nothing about the SD)', { field: 'meanDifference', study }, md);
  const p = checkPValue(input.pValue, { field: 'pValue', study });
  const [n1, n2] = checkGroupSizes(input, study);
  const df = n1 + n2 - 2;
  const t = studentTQuantile(p / 2, df, true);
  const se = checkComputed(Math.abs(md) / t, 'SE = |MD|/t', { field: 'meanDifference', study });
  return Object.freeze({
    sd: checkComputed(se / twoGroupFactor(n1, n2), 'SD = SE/√(1/n1 + 1/n2)', { field: 'meanDifference', study }),
    se,
    t,
    df,
    provenance: Object.freeze({
      kind: 'derived' as const,
      formula: 't = t(1 − p/2; n1 + n2 − 2); SE = |MD|/t; SD = SE/√(1/n1 + 1/n2) (Cochrane 6.5.2.3)',
    }),
    warnings: Object.freeze([]),
  });
}
