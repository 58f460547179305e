import { optionKeys } from '../check-options.ts';
import type { Provenance } from '../types.ts';
import { checkFinite, checkInput, checkNonNegative, fail, show, checkComputed } from './check-number.ts';

/** Input of {@link changeScoreSd}. */
export interface ChangeScoreSdInput {
  /** SD at baseline (≥ 0). */
  readonly sdBaseline: number;
  /** SD at the final time point (≥ 0). */
  readonly sdFinal: number;
  /** Correlation between baseline and final values, in [−1, 1] (often imputed; state it). */
  readonly correlation: number;
  readonly study?: string;
}

/** The valid fields of {@link ChangeScoreSdInput} (any other is an `E_UNKNOWN_FIELD` error). */
const CHANGE_SCORE_SD_INPUT_KEYS = optionKeys<ChangeScoreSdInput>()('sdBaseline', 'sdFinal', 'correlation', 'study');

/** Result of {@link changeScoreSd}. */
export interface ChangeScoreSdResult {
  readonly sd: number;
  /** Derived, with the formula and the correlation used. */
  readonly provenance: Provenance;
}

/**
 * Standard deviation of change-from-baseline scores from the baseline and final SDs and their
 * correlation (Cochrane Handbook, section 6.5.2.8):
 * SD_change = √(SD_baseline² + SD_final² − 2·r·SD_baseline·SD_final). The correlation is
 * usually borrowed from another study (see `changeScoreCorrelation`) or assumed; vary it with
 * `sensitivity`. Scale: the outcome's units.
 *
 * @throws InputError for a negative SD or a correlation outside [−1, 1].
 * @example
 * changeScoreSd({ sdBaseline: 2.38, sdFinal: 2.21, correlation: 0.68 }).sd
 * // => 1.842599 (Cochrane Handbook 5.1, 16.4.6.4: SE = 1.8426/√10 = 0.583)
 */
export function changeScoreSd(input: ChangeScoreSdInput): ChangeScoreSdResult {
  const study = checkInput(input, 'changeScoreSd input', CHANGE_SCORE_SD_INPUT_KEYS);
  const sb = checkNonNegative(input.sdBaseline, { field: 'sdBaseline', study });
  const sf = checkNonNegative(input.sdFinal, { field: 'sdFinal', study });
  const r = checkFinite(input.correlation, { field: 'correlation', study, code: 'E_OUT_OF_RANGE' });
  if (!(r >= -1 && r <= 1)) fail('must be between -1 and 1', { field: 'correlation', study }, r);
  // Written as (sb − sf)² + 2·(1 − r)·sb·sf, which is never negative and loses no precision
  // when r is near 1 and the SDs are close.
  const variance = (sb - sf) * (sb - sf) + 2 * (1 - r) * sb * sf;
  // SDs beyond ~1e154 overflow the squares: then the same formula on SDs scaled by the larger one
  const s = Math.max(sb, sf);
  const sd = Number.isFinite(variance) ? Math.sqrt(variance) : s * Math.sqrt((sb / s - sf / s) ** 2 + 2 * (1 - r) * (sb / s) * (sf / s));
  return Object.freeze({
    sd: checkComputed(sd, 'SD_change', { field: 'sdFinal', study }),
    provenance: Object.freeze({
      kind: 'derived' as const,
      formula: `SD_change = √(SD_baseline² + SD_final² − 2·r·SD_baseline·SD_final), r = ${show(r)} (Cochrane 6.5.2.8)`,
    }),
  });
}
