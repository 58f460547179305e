import { optionKeys } from '../check-options.ts';
import { checkInput, checkNonNegative, fail, show } from './check-number.ts';
import type { Warnings } from '../types.ts';

/** Input of {@link changeScoreCorrelation}. */
export interface ChangeScoreCorrelationInput {
  /** SD at baseline (> 0). */
  readonly sdBaseline: number;
  /** SD at the final time point (> 0). */
  readonly sdFinal: number;
  /** SD of the change scores (≥ 0). */
  readonly sdChange: number;
  readonly study?: string;
}

/** The valid fields of {@link ChangeScoreCorrelationInput} (any other is an `E_UNKNOWN_FIELD` error). */
const CHANGE_SCORE_CORRELATION_INPUT_KEYS = optionKeys<ChangeScoreCorrelationInput>()('sdBaseline', 'sdFinal', 'sdChange', 'study');

/** Result of {@link changeScoreCorrelation}. */
export interface ChangeScoreCorrelationResult extends Warnings {
  readonly correlation: number;
  /** Non-empty when the reported SDs imply a correlation outside [−1, 1]. */
  readonly warnings: readonly string[];
}

/**
 * Correlation between baseline and final measurements implied by a study that reports all
 * three SDs (Cochrane Handbook, section 6.5.2.8):
 * r = (SD_baseline² + SD_final² − SD_change²)/(2·SD_baseline·SD_final),
 * to be borrowed by studies that report only baseline and final SDs (`changeScoreSd`).
 * A value outside [−1, 1] (inconsistent or rounded SDs) is returned as computed, with a warning.
 *
 * @throws InputError for a negative SD, or a zero baseline or final SD.
 * @example
 * changeScoreCorrelation({ sdBaseline: 2.38, sdFinal: 2.21, sdChange: 1.842598 }).correlation
 * // => 0.68 (to 6 digits; the inverse of the changeScoreSd example)
 */
export function changeScoreCorrelation(input: ChangeScoreCorrelationInput): ChangeScoreCorrelationResult {
  const study = checkInput(input, 'changeScoreCorrelation input', CHANGE_SCORE_CORRELATION_INPUT_KEYS);
  const sb = checkNonNegative(input.sdBaseline, { field: 'sdBaseline', study });
  const sf = checkNonNegative(input.sdFinal, { field: 'sdFinal', study });
  const sc = checkNonNegative(input.sdChange, { field: 'sdChange', study });
  if (sb === 0) fail('must be greater than 0', { field: 'sdBaseline', study, code: 'E_OUT_OF_RANGE' }, sb);
  if (sf === 0) fail('must be greater than 0', { field: 'sdFinal', study, code: 'E_OUT_OF_RANGE' }, sf);
  const r = (sb * sb + sf * sf - sc * sc) / (2 * sb * sf);
  const warnings: string[] = [];
  if (!(r >= -1 && r <= 1)) {
    warnings.push(
      `${study === undefined ? '' : `study "${study}": `}the SDs imply a correlation of ${show(r)}, outside [-1, 1]; the reported SDs are inconsistent or rounded`,
    );
  }
  return Object.freeze({ correlation: r, warnings: Object.freeze(warnings) });
}
