import { normalSf } from '../distributions/normal.ts';
import { InputError } from '../errors.ts';
import type { Inference, MetaAnalysisResult, StudySet, Warnings } from '../types.ts';
import { kendallLowerTail } from './kendall-distribution.ts';
import { kendallTau, type KendallTau } from './kendall-tau.ts';
import { interceptModel } from '../models/engine/intercept-model.ts';
import { readFit, type FitLike } from '../models/read-fit.ts';
import { freezeResult } from '../freeze-result.ts';
import { readResult } from '../read-result.ts';

/** Largest k for which the exact permutation p-value is computed (cost O(k³)). */
export const RANK_TEST_EXACT_MAX_K = 500;

/** Result of {@link rankCorrelationTest} (metafor's `ranktest`). */
export interface RankCorrelationResult extends Pick<Inference, 'statistic' | 'pValue'>, Pick<StudySet, 'k'>, Warnings {
  readonly k: number;
  /** Kendall's τ_b between the standardized deviates and the sampling variances; `null` when undefined (all vᵢ equal). */
  readonly tau: number | null;
  /** Two-sided p-value; `null` when τ is undefined. */
  readonly pValue: number | null;
  /**
   * How the p-value was computed: `exact` (permutation distribution of Kendall's statistic, no
   * ties) or `normal` (normal approximation with tie correction, as R's `cor.test` with ties, or
   * k > {@link RANK_TEST_EXACT_MAX_K}); `null` when τ is undefined.
   */
  readonly pValueMethod: 'exact' | 'normal' | null;
  /** The statistic: concordant pairs T (exact) or z (normal); `null` when τ is undefined. */
  readonly statistic: number | null;
  readonly warnings: readonly string[];
}

/**
 * Rank correlation test for funnel plot asymmetry (Begg & Mazumdar, 1994, Biometrics
 * 50:1088), metafor's `ranktest`: Kendall's τ between the standardized deviates and
 * the sampling variances,
 *
 *   θ̂ = Σwᵢyᵢ/Σwᵢ,  wᵢ = 1/vᵢ,  vᵢ* = vᵢ − 1/Σwᵢ,  yᵢ* = (yᵢ − θ̂)/√vᵢ*,  τ = τ_b(y*, v).
 *
 * The p-value is two-sided, from the exact permutation distribution of the number of
 * concordant pairs when there are no ties (metafor asks R's `cor.test` for `exact = TRUE`;
 * P(T ≥ q) is summed directly rather than taken as 1 − P(T ≤ q − 1)); with ties, R's normal
 * approximation S/√Var(S) with the tie-corrected variance (Kendall, 1970, Rank Correlation
 * Methods, ch. 4) is used and a warning says so. Deviation from metafor: R's exact
 * computation overflows for k > 170 and returns NaN; here the exact p-value is computed up
 * to k = 500 and the normal approximation above (a warning says so).
 *
 * Uses the studies and nothing else of the fit (the test is the same for any method).
 * Invariant to a common shift of the yᵢ and to scaling them.
 *
 * @param fit  a `metaAnalysis` result (its `yi`, `vi`)
 * @throws InputError when the fit has fewer than 2 studies, a vᵢ ≤ 0, or is not a fit.
 * @example
 * const fit = metaAnalysis({ yi: [0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95],
 *                            vi: [0.02, 0.05, 0.11, 0.07, 0.03, 0.09, 0.15] });
 * const rank = rankCorrelationTest(fit);
 * rank.tau    // => 0.7142857142857143  (metafor ranktest: tau = 0.7143)
 * rank.pValue // => 0.0301587…          (exact: 2·P(T ≥ 18) for k = 7; metafor p = 0.0302)
 */
export function rankCorrelationTest(fit: MetaAnalysisResult | FitLike): RankCorrelationResult {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    const { yi, vi } = readFit(fit, 'rankCorrelationTest', { positiveVi: true, studiesOnly: true });
    const k = yi.length;
    if (k < 2) throw new InputError(`the rank correlation test needs at least 2 studies (got ${k})`, { field: 'yi', code: 'E_TOO_FEW_STUDIES' });
    const deviates = standardizedDeviates(yi, vi);
    const warnings: string[] = [];
    const kt = kendallTau(deviates, vi);
    if (!Number.isFinite(kt.tau)) {
      warnings.push('Kendall\'s tau is undefined: all standardized deviates or all sampling variances are equal.');
      return freeze({ k, tau: null, pValue: null, pValueMethod: null, statistic: null, warnings });
    }
    if (!kt.ties && k <= RANK_TEST_EXACT_MAX_K) {
      const half = (k * (k - 1)) / 4;
      const concordant = (2 * half + kt.s) / 2; // = R's round((r + 1) n (n − 1) / 4) without ties
      // P(T ≥ q) = P(T ≤ n(n−1)/2 − q) by symmetry; a survival sum, not 1 − cdf
      const tail = concordant > half ? kendallLowerTail(2 * half - concordant, k) : kendallLowerTail(concordant, k);
      return freeze({ k, tau: kt.tau, pValue: Math.min(1, 2 * tail), pValueMethod: 'exact', statistic: concordant, warnings });
    }
    if (kt.ties) warnings.push('Ties among the standardized deviates or the variances: the exact p-value is not available; the normal approximation with tie correction is used (as R\'s cor.test).');
    else warnings.push(`k = ${k} > ${RANK_TEST_EXACT_MAX_K}: the p-value uses the normal approximation to Kendall's statistic (metafor's exact computation gives NaN above k = 170).`);
    const z = kendallZ(kt);
    return freezeResult(freeze({ k, tau: kt.tau, pValue: 2 * normalSf(Math.abs(z)), pValueMethod: 'normal', statistic: z, warnings }));
  });
}

/** yᵢ* = (yᵢ − θ̂)/√(vᵢ − 1/Σwᵢ), θ̂ the inverse-variance weighted mean (Begg & Mazumdar, 1994). */
function standardizedDeviates(yi: Float64Array, vi: Float64Array): Float64Array {
  const fit = interceptModel(yi, vi).fitTau2(0);
  const theta = fit === null ? NaN : fit.coef[0]!;
  const vb = fit === null ? NaN : 1 / fit.sumW;
  return Float64Array.from(yi, (y, i) => (y - theta) / Math.sqrt(vi[i]! - vb));
}

/**
 * z = S/√Var(S) with the tie-corrected variance of Kendall's S (Kendall, 1970, eq. 4.4):
 * Var(S) = [v₀ − Σt(t−1)(2t+5) − Σu(u−1)(2u+5)]/18 + Σt(t−1)·Σu(u−1)/(2n(n−1))
 *          + Σt(t−1)(t−2)·Σu(u−1)(u−2)/(9n(n−1)(n−2)),  v₀ = n(n−1)(2n+5),
 * t, u the sizes of the tie groups in x and y. S is recovered from τ_b as R does.
 */
function kendallZ(kt: KendallTau): number {
  const { n } = kt;
  const sum = (g: readonly number[], f: (t: number) => number) => g.reduce((acc, t) => acc + f(t), 0);
  const t0 = (n * (n - 1)) / 2;
  const t1 = sum(kt.xTies, (t) => t * (t - 1)) / 2;
  const t2 = sum(kt.yTies, (t) => t * (t - 1)) / 2;
  const s = kt.tau * Math.sqrt((t0 - t1) * (t0 - t2));
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sum(kt.xTies, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sum(kt.yTies, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sum(kt.xTies, (t) => t * (t - 1)) * sum(kt.yTies, (t) => t * (t - 1));
  const v2 = sum(kt.xTies, (t) => t * (t - 1) * (t - 2)) * sum(kt.yTies, (t) => t * (t - 1) * (t - 2));
  const varS = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + (n > 2 ? v2 / (9 * n * (n - 1) * (n - 2)) : 0);
  return s / Math.sqrt(varS);
}

function freeze(r: RankCorrelationResult): RankCorrelationResult {
  return Object.freeze({ ...r, warnings: Object.freeze([...r.warnings]) });
}
