import type { Heterogeneity, Inference, Interval, StudySet } from '../types.ts';

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
