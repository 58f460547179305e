import { fitIntercept } from '../models/engine/fit-intercept.ts';
import { DEFAULT_TAU2_CONTROL } from '../models/tau2/tau2-fit.ts';
import type { Tau2Method, TestType } from '../types.ts';

/** One intercept-only refit on a subset of studies (the quantities the diagnostics need). */
export interface Refit {
  readonly ok: true;
  readonly k: number;
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  /** Degrees of freedom of the t / Knapp–Hartung test, `null` for z. */
  readonly df: number | null;
  readonly pValue: number;
  readonly ciLower: number;
  readonly ciUpper: number;
  readonly tau2: number;
  /** Cochran's Q, its p-value, I² (percent) and H²; NaN when some vᵢ ≤ 0 (as metafor's NA). */
  readonly q: number;
  readonly qPValue: number;
  readonly i2: number;
  readonly h2: number;
  /** Variance of the estimate, SE² (includes the Knapp–Hartung factor s²_w). */
  readonly vb: number;
  /** Knapp–Hartung scale factor s²_w (1 unless test = 'knha'). */
  readonly s2w: number;
}

/** A refit that metafor's rma.uni would refuse (its diagnostics then report NA). */
export interface FailedRefit {
  readonly ok: false;
  readonly k: number;
  readonly reason: string;
}

/**
 * Refits the intercept-only model of `metaAnalysis` (the shared engine, `fitIntercept`) to the
 * studies (yᵢ, vᵢ) with the same τ² estimator, test and level, without the Q-profile intervals:
 * O(k) work per iteration of the τ² estimator. Mirrors rma.uni: with k = 1, τ² = 0 and the z
 * test are used; Q, I² and H² are NaN when a sampling variance is 0; Q = 0, I² = 0, H² = 1 for
 * k = 1. Knapp–Hartung: s²_w = Σwᵢ(yᵢ − μ̂)²/(k − 1), 0 when the sum is ≤ machine ε.
 *
 * Returns a {@link FailedRefit} (never throws) where rma.uni stops: no study, a zero variance
 * with a method that needs 1/vᵢ, a τ² estimator that found no solution, or an infinite weight
 * 1/(vᵢ + τ²).
 *
 * @example
 * refit(new Float64Array([1, 3]), new Float64Array([1, 1]), 'EE', 'z', 0.95) // => { ok: true, estimate: 2, q: 2, ... }
 */
export function refit(yi: Float64Array, vi: Float64Array, method: Tau2Method, requestedTest: TestType, level: number): Refit | FailedRefit {
  const fit = fitIntercept(yi, vi, method, requestedTest, level, DEFAULT_TAU2_CONTROL);
  if (!fit.ok) return { ok: false, k: fit.k, reason: fit.reason };
  const missingQ = vi.some((v) => !(v > 0));
  return {
    ok: true,
    k: fit.k,
    estimate: fit.estimate,
    se: fit.se,
    statistic: fit.statistic,
    df: fit.df,
    pValue: fit.pValue,
    ciLower: fit.ciLower,
    ciUpper: fit.ciUpper,
    tau2: fit.tau2,
    q: fit.q,
    qPValue: fit.qPValue,
    i2: missingQ ? NaN : fit.i2,
    h2: missingQ ? NaN : fit.h2,
    vb: fit.se * fit.se,
    s2w: fit.s2w,
  };
}
