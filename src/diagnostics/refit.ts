import { cochranQ, inconsistency } from '../models/heterogeneity.ts';
import { poolEstimate } from '../models/pooled-estimate.ts';
import { NEEDS_POSITIVE_VI, TAU2_ESTIMATORS } from '../models/tau2/estimators.ts';
import { DEFAULT_TAU2_CONTROL } from '../models/tau2/tau2-fit.ts';
import { weightedSums } from '../models/tau2/weighted-sums.ts';
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
 * Refits the intercept-only model of `metaAnalysis` to the studies (yᵢ, vᵢ) with the same τ²
 * estimator, test and level, without the Q-profile intervals: O(k) work per iteration of the
 * τ² estimator. Mirrors rma.uni: with k = 1, τ² = 0 and the z test are used; Q, I² and H² are
 * NaN when a sampling variance is 0; Q = 0, I² = 0, H² = 1 for k = 1. Knapp–Hartung:
 * s²_w = Σwᵢ(yᵢ − μ̂)²/(k − 1), set to 0 when the sum is ≤ machine ε (Knapp & Hartung, 2003).
 *
 * Returns a {@link FailedRefit} (never throws) where rma.uni stops: no study, a zero variance
 * with a method that needs 1/vᵢ, a τ² estimator that found no solution, or an infinite weight
 * 1/(vᵢ + τ²).
 *
 * @example
 * refit(new Float64Array([1, 3]), new Float64Array([1, 1]), 'EE', 'z', 0.95) // => { ok: true, estimate: 2, q: 2, ... }
 */
export function refit(yi: Float64Array, vi: Float64Array, method: Tau2Method, requestedTest: TestType, level: number): Refit | FailedRefit {
  const k = yi.length;
  if (k === 0) return { ok: false, k, reason: 'no study left to pool' };
  if (NEEDS_POSITIVE_VI.has(method) && vi.some((v) => !(v > 0))) {
    return { ok: false, k, reason: `a sampling variance is 0, which method ${method} cannot use` };
  }
  const test: TestType = k === 1 ? 'z' : requestedTest;
  const tau2 = k === 1 ? 0 : TAU2_ESTIMATORS[method](yi, vi, DEFAULT_TAU2_CONTROL).tau2;
  if (!Number.isFinite(tau2)) return { ok: false, k, reason: `the ${method} estimator of tau² found no solution` };
  if (vi.some((v) => !(v + tau2 > 0))) {
    return { ok: false, k, reason: 'a sampling variance is 0 and tau² is 0, so a weight 1/(vi + tau²) is infinite' };
  }
  const pooled = poolEstimate(yi, vi, tau2, test, level);
  const s2w = test === 'knha' ? knappHartungFactor(yi, pooled.weights) : 1;
  const half = pooled.crit * pooled.se;
  return {
    ok: true,
    k,
    estimate: pooled.estimate,
    se: pooled.se,
    statistic: pooled.statistic,
    df: pooled.df,
    pValue: pooled.pValue,
    ciLower: pooled.estimate - half,
    ciUpper: pooled.estimate + half,
    tau2,
    ...heterogeneity(yi, vi, tau2, method === 'EE'),
    vb: pooled.se * pooled.se,
    s2w,
  };
}

function knappHartungFactor(yi: Float64Array, weights: Float64Array): number {
  const rss = weightedSums(yi, weights).rss;
  return rss <= Number.EPSILON ? 0 : rss / (yi.length - 1);
}

function heterogeneity(
  yi: Float64Array,
  vi: Float64Array,
  tau2: number,
  equalEffects: boolean,
): { q: number; qPValue: number; i2: number; h2: number } {
  if (vi.some((v) => !(v > 0))) return { q: NaN, qPValue: NaN, i2: NaN, h2: NaN };
  const k = yi.length;
  if (k < 2) return { q: 0, qPValue: 1, i2: 0, h2: 1 };
  const het = cochranQ(yi, vi);
  const { i2, h2 } = inconsistency(tau2, k, het, equalEffects);
  return { q: het.q, qPValue: het.qPValue, i2, h2 };
}
