import { optionKeys } from '../check-options.ts';
import { assertLevel, assertOneOf } from '../errors.ts';
import { normalQuantile } from '../distributions/normal.ts';
import type { Inference, Provenance, Warnings } from '../types.ts';
import { checkFinite, checkInput, checkPValue, fail, optionalFinite, show, checkComputed } from './check-number.ts';
import type { Place } from './check-number.ts';

/** Scale on which a reported estimate and CI are symmetric: `log` for ratios (OR, RR, HR). */
export type EstimateTransform = 'log' | 'none';

export const ESTIMATE_TRANSFORMS: readonly EstimateTransform[] = Object.freeze(['log', 'none']);

/** Input of {@link fromEstimateAndCi}. */
export interface FromEstimateAndCiInput {
  /** The reported estimate, on the reported scale (e.g. an odds ratio). */
  readonly estimate: number;
  /** Lower CI bound, reported scale; give both bounds or neither. */
  readonly lower?: number | null;
  /** Upper CI bound, reported scale. */
  readonly upper?: number | null;
  /** Two-sided p-value of the Wald test, used when there is no CI; strictly in (0, 1). */
  readonly pValue?: number | null;
  /** Confidence level of the CI, a proportion; default 0.95. */
  readonly level?: number;
  /** `log` takes logs of estimate and bounds first (ratio measures); default `none`. */
  readonly transform?: EstimateTransform;
  readonly study?: string;
}

/** The valid fields of {@link FromEstimateAndCiInput} (any other is an `E_UNKNOWN_FIELD` error). */
const FROM_ESTIMATE_AND_CI_INPUT_KEYS = optionKeys<FromEstimateAndCiInput>()('estimate', 'lower', 'upper', 'pValue', 'level', 'transform', 'study');

/** Result of {@link fromEstimateAndCi}: an effect size and sampling variance for the models. */
export interface FromEstimateAndCiResult extends Pick<Inference, 'se'>, Warnings {
  /** The estimate on the analysis scale (log for `transform: 'log'`). */
  readonly yi: number;
  /** Sampling variance on the analysis scale. */
  readonly vi: number;
  /** √vi. */
  readonly se: number;
  /** Whether vi came from the CI or from the p-value (the CI wins when both are given). */
  readonly source: 'ci' | 'pValue';
  readonly transform: EstimateTransform;
  readonly provenance: Provenance;
  /** E.g. an estimate outside its CI, or not about halfway between the bounds. */
  readonly warnings: readonly string[];
}

/** metafor's `conv.wald` flags an estimate farther than this fraction of the CI width from its midpoint. */
const HALFWAY_TOLERANCE = 0.1;

function onScale(x: number, transform: EstimateTransform, place: Place): number {
  if (transform === 'none') return x;
  if (!(x > 0)) fail('must be greater than 0 for transform "log"', { ...place, code: 'E_OUT_OF_RANGE' }, x);
  return Math.log(x);
}

/**
 * Effect size and sampling variance from a reported estimate with its confidence interval or
 * p-value, as metafor's `conv.wald` computes them: with `transform: 'log'` the estimate and
 * bounds are log-transformed first; then
 * - from a CI: vi = ((upper − lower)/(2·z))², z = Φ⁻¹((1 + level)/2);
 * - else from a two-sided p-value: se = |yi|/Φ⁻¹(1 − p/2), vi = se².
 * Assumes a Wald-type (normal) CI or test, symmetric on the analysis scale. An estimate
 * outside its CI, or farther than 10% of the CI width from its midpoint (metafor's check),
 * gives a warning: the CI may not be Wald-type or the transform may be wrong.
 *
 * @throws InputError for a p-value of 0 or 1, a single CI bound, lower ≥ upper, neither CI nor
 *   p-value, a zero estimate with only a p-value, a non-positive value under `log`.
 * @example
 * fromEstimateAndCi({ estimate: 1.5, lower: 1.1, upper: 2.1, transform: 'log' })
 * // => { yi: 0.405465, vi: 0.0272115, se: 0.164959, source: 'ci', ... }
 */
export function fromEstimateAndCi(input: FromEstimateAndCiInput): FromEstimateAndCiResult {
  const study = checkInput(input, 'fromEstimateAndCi input', FROM_ESTIMATE_AND_CI_INPUT_KEYS);
  const transform = input.transform ?? 'none';
  assertOneOf(transform, ESTIMATE_TRANSFORMS, 'transform');
  const level = input.level ?? 0.95;
  assertLevel(level);
  const estimate = checkFinite(input.estimate, { field: 'estimate', study });
  const lower = optionalFinite(input.lower, { field: 'lower', study });
  const upper = optionalFinite(input.upper, { field: 'upper', study });
  const pRaw = optionalFinite(input.pValue, { field: 'pValue', study, code: 'E_MISSING_VALUE' });
  if ((lower === undefined) !== (upper === undefined)) {
    fail('a CI needs both bounds', { field: lower === undefined ? 'lower' : 'upper', study, code: 'E_MISSING_VALUE' });
  }
  const yi = onScale(estimate, transform, { field: 'estimate', study });
  const prefix = study === undefined ? '' : `study "${study}": `;
  const warnings: string[] = [];

  if (lower !== undefined && upper !== undefined) {
    if (!(upper > lower)) fail('must be greater than lower', { field: 'upper', study, code: 'E_OUT_OF_RANGE' }, upper);
    const lo = onScale(lower, transform, { field: 'lower', study });
    const hi = onScale(upper, transform, { field: 'upper', study });
    const z = normalQuantile((1 + level) / 2);
    const se = checkComputed((hi - lo) / (2 * z), 'the SE from the CI width', { field: 'upper', study });
    checkComputed(se * se, 'vi = SE²', { field: 'upper', study });
    if (!(yi >= lo && yi <= hi)) {
      warnings.push(`${prefix}the estimate ${show(estimate)} lies outside its CI [${show(lower)}, ${show(upper)}]; check the reported values`);
    } else if (Math.abs((lo + hi) / 2 - yi) / (hi - lo) > HALFWAY_TOLERANCE) {
      warnings.push(
        `${prefix}the estimate is not about halfway between the CI bounds on the ${transform === 'log' ? 'log' : 'reported'} scale; ` +
          `the CI may not be Wald-type${transform === 'none' ? ' (a ratio measure needs transform: "log")' : ''}`,
      );
    }
    const scale = transform === 'log' ? 'ln upper − ln lower' : 'upper − lower';
    return Object.freeze({
      yi,
      vi: se * se,
      se,
      source: 'ci' as const,
      transform,
      provenance: Object.freeze({
        kind: 'derived' as const,
        formula: `vi = ((${scale})/(2·z(${show((1 + level) / 2)})))² (Wald CI; metafor conv.wald)`,
      }),
      warnings: Object.freeze(warnings),
    });
  }

  if (pRaw === undefined) fail('needs a CI (lower and upper) or a p-value', { field: 'pValue', study });
  const p = checkPValue(pRaw, { field: 'pValue', study });
  if (yi === 0) {
    fail('must not be 0 on the analysis scale when only a p-value is given (the SE would be 0)', { field: 'estimate', study, code: 'E_OUT_OF_RANGE' }, estimate);
  }
  const se = checkComputed(Math.abs(yi) / normalQuantile(p / 2, true), 'SE = |yi|/z', { field: 'pValue', study });
  checkComputed(se * se, 'vi = SE²', { field: 'estimate', study });
  return Object.freeze({
    yi,
    vi: se * se,
    se,
    source: 'pValue' as const,
    transform,
    provenance: Object.freeze({
      kind: 'derived' as const,
      formula: `se = |yi|/z(1 − p/2), vi = se² (Wald test; metafor conv.wald)`,
    }),
    warnings: Object.freeze(warnings),
  });
}
