import { optionKeys } from '../check-options.ts';
import { InputError, assertOneOf } from '../errors.ts';
import type { Provenance, Warnings } from '../types.ts';
import { checkInput, checkSampleSize, fail, optionalFinite, show, checkComputed } from './check-number.ts';
import { FIVE_NUMBER_MEAN_METHODS, MEAN_ESTIMATORS } from './five-number-mean.ts';
import type { FiveNumberMeanMethod } from './five-number-mean.ts';
import { FIVE_NUMBER_SD_METHODS, SD_ESTIMATORS } from './five-number-sd.ts';
import type { FiveNumberSdMethod } from './five-number-sd.ts';
import { fiveNumberSkewness } from './five-number-skewness.ts';
import type { FiveNumberScenario, FiveNumbers } from './five-number-summary.ts';

/** Input of {@link estimateMeanSd}: n plus the quantiles a study reported (others absent or null). */
export interface EstimateMeanSdInput {
  /** Sample size, at least 5. */
  readonly n: number;
  readonly min?: number | null;
  readonly q1?: number | null;
  readonly median?: number | null;
  readonly q3?: number | null;
  readonly max?: number | null;
  /** Study label, for error messages and warnings. */
  readonly study?: string;
  /**
   * Estimators; defaults follow metafor 5.1's `conv.fivenum`: mean `luo`; SD `wan` for S1 and
   * S2, `shi` for S3.
   */
  readonly method?: { readonly mean?: FiveNumberMeanMethod; readonly sd?: FiveNumberSdMethod };
}

/** The valid fields of {@link EstimateMeanSdInput} (any other is an `E_UNKNOWN_FIELD` error). */
const ESTIMATE_MEAN_SD_INPUT_KEYS = optionKeys<EstimateMeanSdInput>()('n', 'min', 'q1', 'median', 'q3', 'max', 'study', 'method');

/** Result of {@link estimateMeanSd}. */
export interface EstimateMeanSdResult extends Warnings {
  /** Which quantiles were used: S1 min/median/max, S2 q1/median/q3, S3 all five. */
  readonly scenario: FiveNumberScenario;
  readonly n: number;
  /** Estimated mean; null when the median was not reported (the SD does not need it). */
  readonly mean: number | null;
  readonly sd: number;
  /** The estimators used (`mean` null when no mean was estimated). */
  readonly method: { readonly mean: FiveNumberMeanMethod | null; readonly sd: FiveNumberSdMethod };
  /**
   * Shi et al. (2023) test for skewness significant at 5%: the normal-theory estimates are
   * doubtful. metafor's `conv.fivenum(test = TRUE)` leaves such studies out; here they are
   * estimated and flagged. Null when the median is missing.
   */
  readonly skewed: boolean | null;
  /** The skewness test's statistic and critical value; null when the median is missing. */
  readonly skewness: { readonly statistic: number; readonly critical: number } | null;
  /** Provenance of the SD: derived, with the estimator's formula. */
  readonly provenance: Provenance;
  /** Provenance of the mean; null when no mean was estimated. */
  readonly meanProvenance: Provenance | null;
  readonly warnings: readonly string[];
}

const DEFAULT_SD: Readonly<Record<FiveNumberScenario, FiveNumberSdMethod>> = { S1: 'wan', S2: 'wan', S3: 'shi' };
const ORDER = ['min', 'q1', 'median', 'q3', 'max'] as const;

/** undefined, null and NaN count as "not reported". */
function quantile(input: EstimateMeanSdInput, key: (typeof ORDER)[number], study: string | undefined): number {
  const value: unknown = input[key];
  if (typeof value === 'number' && Number.isNaN(value)) return NaN;
  return optionalFinite(value, { field: key, study }) ?? NaN;
}

function scenarioOf(s: FiveNumbers, study: string | undefined): FiveNumberScenario {
  const has = (x: number): boolean => !Number.isNaN(x);
  const range = has(s.min) && has(s.max);
  const quartiles = has(s.q1) && has(s.q3);
  if (range && quartiles) return 'S3';
  if (range && !has(s.q1) && !has(s.q3)) return 'S1';
  if (quartiles && !has(s.min) && !has(s.max)) return 'S2';
  const given = ORDER.filter((k) => has(s[k])).join(', ') || 'none';
  throw new InputError(
    `needs min and max (S1), q1 and q3 (S2), or all of min, q1, q3, max (S3), with the median for the mean; got ${given}`,
    study === undefined ? { field: 'quantiles', code: 'E_MISSING_VALUE' } : { field: 'quantiles', study, code: 'E_MISSING_VALUE' },
  );
}

function checkOrder(s: FiveNumbers, study: string | undefined): void {
  let previous: (typeof ORDER)[number] | undefined;
  for (const key of ORDER) {
    if (Number.isNaN(s[key])) continue;
    if (previous !== undefined && s[key] < s[previous]) {
      fail(
        `min ≤ q1 ≤ median ≤ q3 ≤ max does not hold: ${previous} = ${show(s[previous])} > ${key} = ${show(s[key])}`,
        { field: key, study, code: 'E_OUT_OF_RANGE' },
        s[key],
      );
    }
    previous = key;
  }
}

function validMethods<M extends string>(table: Readonly<Record<M, Partial<Record<FiveNumberScenario, unknown>>>>, scenario: FiveNumberScenario): M[] {
  return (Object.keys(table) as M[]).filter((m) => table[m][scenario] !== undefined);
}

/**
 * Estimated sample mean and standard deviation from a five-number summary and the sample
 * size, for the three reporting scenarios of Wan et al. (2014): S1 min/median/max,
 * S2 q1/median/q3, S3 min/q1/median/q3/max. Defaults reproduce metafor 5.1's
 * `conv.fivenum` (normal data, `test = FALSE`):
 * - mean: Luo et al. (2018, Stat Methods Med Res 27:1785), eq. 7 (S1), 11 (S2), 15 (S3);
 * - SD: Wan et al. (2014, BMC Med Res Methodol 14:135), eq. 9 (S1) and 16 (S2);
 *   Shi et al. (2020, Res Synth Methods 11:641), eq. 10 (S3);
 * - `skewed`: Shi et al. (2023) test for skewness (see `fiveNumberSkewness` in the docs).
 * Alternatives, by name: mean `wan`, `hozo` (Hozo et al. 2005, S1), `bland` (Bland 2015, S3);
 * SD `wan` (S3 too), `hozo` (S1), `bland` (S3). The methods assume roughly normal data:
 * a skewed study gets a warning. The median is only needed for the mean (and for the Hozo
 * SD with n ≤ 15 and the Bland SD); without it `mean` and `skewed` are null.
 * Scale: the quantiles' units.
 *
 * @throws InputError naming the study when n < 5, the quantiles are out of order
 *   (min ≤ q1 ≤ median ≤ q3 ≤ max), the reported set fits no scenario, or a method does not
 *   apply to the scenario.
 * @example
 * estimateMeanSd({ n: 25, min: 2, median: 10, max: 31 })
 * // => { scenario: 'S1', mean: 11.712741624541, sd: 7.38207701427459, skewed: true, ... }
 * //    (metafor 5.1 conv.fivenum)
 */
export function estimateMeanSd(input: EstimateMeanSdInput): EstimateMeanSdResult {
  const study = checkInput(input, 'estimateMeanSd input', ESTIMATE_MEAN_SD_INPUT_KEYS);
  const n = checkSampleSize(input.n, 5, { field: 'n', study }, 'for the quantile methods (Wan et al. 2014)');
  const s: FiveNumbers = {
    n,
    min: quantile(input, 'min', study),
    q1: quantile(input, 'q1', study),
    median: quantile(input, 'median', study),
    q3: quantile(input, 'q3', study),
    max: quantile(input, 'max', study),
  };
  checkOrder(s, study);
  const scenario = scenarioOf(s, study);
  const hasMedian = !Number.isNaN(s.median);

  const methods = input.method ?? {};
  if (typeof methods !== 'object' || methods === null) {
    throw new InputError('must be an object such as { mean: "luo", sd: "wan" }', { field: 'method', value: methods, code: 'E_INVALID_TYPE' });
  }
  const meanMethod = methods.mean ?? 'luo';
  assertOneOf(meanMethod, FIVE_NUMBER_MEAN_METHODS, 'method.mean');
  const sdMethod = methods.sd ?? DEFAULT_SD[scenario];
  assertOneOf(sdMethod, FIVE_NUMBER_SD_METHODS, 'method.sd');

  const meanEstimator = MEAN_ESTIMATORS[meanMethod][scenario];
  if (meanEstimator === undefined) {
    fail(
      `does not apply to scenario ${scenario}; valid choices are ${validMethods(MEAN_ESTIMATORS, scenario).join(', ')}`,
      { field: 'method.mean', study, code: 'E_INVALID_CHOICE' },
      meanMethod,
    );
  }
  const sdEstimator = SD_ESTIMATORS[sdMethod][scenario];
  if (sdEstimator === undefined) {
    fail(
      `does not apply to scenario ${scenario}; valid choices are ${validMethods(SD_ESTIMATORS, scenario).join(', ')}`,
      { field: 'method.sd', study, code: 'E_INVALID_CHOICE' },
      sdMethod,
    );
  }
  if (!hasMedian && sdEstimator.needsMedian(s)) {
    fail(`the ${sdMethod} SD needs the median`, { field: 'median', study, code: 'E_MISSING_VALUE' });
  }

  const sd = checkComputed(sdEstimator.estimate(s), 'the SD from the quantiles (e.g. max − min)', { field: 'quantiles', study });
  const mean = hasMedian ? meanEstimator.estimate(s) : null;
  const test = hasMedian ? fiveNumberSkewness(s, scenario) : null;
  const warnings: string[] = [];
  if (test?.skewed) {
    warnings.push(
      `${study === undefined ? '' : `study "${study}": `}the quantiles look skewed (Shi et al. 2023 test: ` +
        `T = ${show(test.statistic)} ≥ critical ${show(test.critical)}); the normal-theory mean and SD are doubtful ` +
        `(metafor's conv.fivenum with test = TRUE would not estimate them)`,
    );
  }
  return Object.freeze({
    scenario,
    n,
    mean,
    sd,
    method: Object.freeze({ mean: hasMedian ? meanMethod : null, sd: sdMethod }),
    skewed: test === null ? null : test.skewed,
    skewness: test === null ? null : Object.freeze({ statistic: test.statistic, critical: test.critical }),
    provenance: Object.freeze({ kind: 'derived' as const, formula: sdEstimator.formula(s) }),
    meanProvenance: hasMedian ? Object.freeze({ kind: 'derived' as const, formula: meanEstimator.formula(s) }) : null,
    warnings: Object.freeze(warnings),
  });
}
