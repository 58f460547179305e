import { wald } from '../inference/wald-test.ts';
import type { Interval } from '../../types.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';

/** Normal-theory (Wald) inference on one pooled value; `null` where undefined (metafor NA). */
export interface WaldInference {
  readonly estimate: number | null;
  readonly se: number | null;
  readonly statistic: number | null;
  readonly pValue: number | null;
  readonly ci: Interval;
}


/**
 * z = θ̂/SE, two-sided p = 2·(1 − Φ(|z|)) from the normal survival function, and the CI
 * θ̂ ± z_{(1−level)/2}·SE, with SE = √variance. Values that are not finite become `null`.
 *
 * @example
 * waldInference(1, 0.25, 0.95).ci // => { lower: 0.020018007729973086, upper: 1.979981992270027 }
 */
export function waldInference(estimate: number, variance: number, level: number): WaldInference {
  const se = Math.sqrt(variance);
  const w = wald(estimate, se, null, level);
  return {
    estimate: finiteOrNull(estimate),
    se: finiteOrNull(se),
    statistic: finiteOrNull(w.statistic),
    pValue: finiteOrNull(w.pValue),
    ci: Object.freeze({ lower: finiteOrNull(w.lower), upper: finiteOrNull(w.upper) }),
  };
}

/**
 * The Wald result on the ratio scale: exp of the estimate and of the CI bounds (for log odds
 * and log risk ratios).
 *
 * @example
 * exponentiate({ estimate: 0, ci: { lower: -1, upper: 1 } }).estimate // => 1
 */
export function exponentiate(w: { readonly estimate: number | null; readonly ci: Interval }): { estimate: number | null; ci: Interval } {
  const exp = (x: number | null) => (x === null ? null : Math.exp(x));
  return Object.freeze({ estimate: exp(w.estimate), ci: Object.freeze({ lower: exp(w.ci.lower), upper: exp(w.ci.upper) }) });
}
