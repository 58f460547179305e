import type { Heterogeneity, Inference, Interval, StudySet } from '../types.ts';
import { finiteOrNull } from '../numeric/finite-or-null.ts';
import type { FailedRefit, Refit } from './refit.ts';

/**
 * The model refitted to a subset of the studies: one row of `leaveOneOut` or `cumulative`
 * (metafor's `list.rma` rows). Numbers that metafor reports as NA are `null`: everything when
 * the refit could not be fitted (then `error` says why), and Q, I², H² when a sampling
 * variance is 0.
 */
export interface SubsetFit
  extends Inference, Pick<Heterogeneity, 'tau2' | 'i2' | 'h2' | 'q' | 'qPValue'>, Pick<StudySet, 'k'> {
  /** `leaveOneOut`: the study left out; `cumulative`: the study added at this step. */
  readonly label: string;
  /** Number of studies in the refit. */
  readonly k: number;
  readonly estimate: number | null;
  readonly se: number | null;
  /** z or t statistic (metafor's `zval` / `tval`). */
  readonly statistic: number | null;
  /** Degrees of freedom of the t / Knapp–Hartung test; `null` for z (always z when k = 1). */
  readonly df: number | null;
  readonly pValue: number | null;
  readonly ci: Interval;
  /** τ² of the refit (0 for the equal-effects model, whose metafor output has no tau2 column). */
  readonly tau2: number | null;
  /** I² in percent. */
  readonly i2: number | null;
  readonly h2: number | null;
  /** Cochran's Q and its p-value (metafor's `Q`, `Qp`). */
  readonly q: number | null;
  readonly qPValue: number | null;
  /** Present only when the refit failed: why (metafor's rma.uni would stop there). */
  readonly error?: string;
}

/**
 * Turns a refit into a frozen {@link SubsetFit} row, mapping non-finite numbers to `null`.
 *
 * @example
 * subsetFit('Study 1', refit(new Float64Array([1, 3]), new Float64Array([1, 1]), 'EE', 'z', 0.95)).estimate // => 2
 */
export function subsetFit(label: string, fit: Refit | FailedRefit): SubsetFit {
  if (!fit.ok) {
    return Object.freeze({
      label, k: fit.k, estimate: null, se: null, statistic: null, df: null, pValue: null,
      ci: Object.freeze({ lower: null, upper: null }),
      tau2: null, i2: null, h2: null, q: null, qPValue: null, error: fit.reason,
    });
  }
  return Object.freeze({
    label,
    k: fit.k,
    estimate: finiteOrNull(fit.estimate),
    se: finiteOrNull(fit.se),
    statistic: finiteOrNull(fit.statistic),
    df: fit.df,
    pValue: finiteOrNull(fit.pValue),
    ci: Object.freeze({ lower: finiteOrNull(fit.ciLower), upper: finiteOrNull(fit.ciUpper) }),
    tau2: finiteOrNull(fit.tau2),
    i2: finiteOrNull(fit.i2),
    h2: finiteOrNull(fit.h2),
    q: finiteOrNull(fit.q),
    qPValue: finiteOrNull(fit.qPValue),
  });
}

