import { InputError } from '../errors.ts';
import { metaAnalysis } from '../models/meta-analysis.ts';
import { poolEstimate } from '../models/pooled-estimate.ts';
import { logLikelihood } from '../models/tau2/fisher-scoring.ts';
import { hedgesRaw } from '../models/tau2/hedges.ts';
import { generalizedQ } from '../models/tau2/paule-mandel.ts';
import { inverseWeights, weightedSums } from '../models/tau2/weighted-sums.ts';
import type { Tau2Method } from '../types.ts';
import { zeroin } from '../numeric/brent-root.ts';

/** An intercept-only random-effects fit with a z test (the refits inside trim and fill). */
export interface InterceptFit {
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly lower: number;
  readonly upper: number;
  readonly tau2: number;
  /** Set when metafor's search would have failed and the exact solution was used instead. */
  readonly note?: string;
}

/** metafor's default `control` for rma.uni: threshold, maxiter and the ll0check tolerance. */
const METAFOR_THRESHOLD = 1e-5;
const METAFOR_MAX_ITER = 100;
const METAFOR_TOL = Number.EPSILON ** 0.25;

/**
 * Fits the intercept-only model `rma.uni(yi, vi, method)` with a z test and 95% CI, the way
 * metafor 3.8-1's `trimfill` refits it: with metafor's *default* convergence control, which
 * `trimfill` does not pass on. For ML, REML and EB this is Fisher scoring from max(0, τ²_HE)
 * (Viechtbauer, 2005, JEBS 30:261), halving a step that would make τ² negative, stopping when
 * |Δτ²| ≤ 1e-5 (at most 100 iterations), and for ML/REML falling back to τ² = 0 when the
 * likelihood there is higher by more than ε^¼ — so the result reproduces metafor's, not the
 * exact root. PM is R's `uniroot` (Brent, tolerance ε^¼ ≈ 1.2e-4) on [0, max(100, 10·mad(y)²)],
 * again as metafor runs it. The closed-form methods come from `metaAnalysis`; with
 * `exact = true`, every method does. Where metafor's search fails (scoring beyond 100
 * iterations, PM root beyond tau2.max) and metafor stops with an error, the exact solution is
 * used and `note` says so. O(k) per iteration.
 *
 * @throws InputError when a zero variance makes a weight infinite (as metafor).
 * @example
 * defaultControlFit(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), 'REML', false).tau2 // => 3
 */
export function defaultControlFit(yi: Float64Array, vi: Float64Array, method: Tau2Method, exact: boolean): InterceptFit {
  const k = yi.length;
  let note: string | undefined;
  if (!exact && k > 1) {
    if (method === 'ML' || method === 'REML' || method === 'EB') {
      const tau2 = scoringTau2(yi, vi, method);
      if (tau2 !== null) return zFit(yi, vi, tau2);
      note = `Fisher scoring for the ${method} estimate of tau² (metafor's default control) did not converge in ${METAFOR_MAX_ITER} iterations for the refit of ${k} studies, where metafor stops with an error; the exact solution was used.`;
    }
    if (method === 'PM' && vi.every((v) => v > 0)) {
      const tau2 = pauleMandelTau2(yi, vi);
      if (tau2 !== null) return zFit(yi, vi, tau2);
      note = `The PM estimate of tau² lies beyond metafor's search limit tau2.max for the refit of ${k} studies, where metafor stops with an error; the exact solution was used.`;
    }
  }
  const fit = metaAnalysis({ yi, vi }, { method, test: 'z', level: 0.95 });
  const result = zFit(yi, vi, fit.tau2);
  return note === undefined ? result : { ...result, note };
}

/**
 * Paule–Mandel τ² as metafor's default control finds it: 0 when Q(0) < k − 1, else R's
 * `uniroot` (Brent, tol ε^¼, 100 iterations) for Q(τ²) = k − 1 on [0, max(100, 10·mad(y)²)].
 * `null` when Q at the upper end is still above k − 1 (metafor stops there; the caller then
 * uses the exact root).
 */
function pauleMandelTau2(yi: Float64Array, vi: Float64Array): number | null {
  const k = yi.length;
  const scratch = new Float64Array(k);
  const f = (tau2: number) => generalizedQ(yi, vi, tau2, scratch) - (k - 1);
  const upper = Math.max(100, 10 * mad(yi) ** 2);
  const fLower = f(0);
  if (fLower < 0) return 0;
  const fUpper = f(upper);
  if (fUpper > 0) return null;
  return zeroin(f, 0, upper, fLower, fUpper, METAFOR_TOL, METAFOR_MAX_ITER).root;
}

/** R's `mad`: 1.4826 · median |yᵢ − median(y)|. */
function mad(y: Float64Array): number {
  const median = (a: Float64Array) => {
    const s = Float64Array.from(a).sort();
    const h = s.length >> 1;
    return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
  };
  const m = median(y);
  return 1.4826 * median(Float64Array.from(y, (v) => Math.abs(v - m)));
}

/**
 * Fisher scoring for τ² with metafor's default control (see {@link defaultControlFit}): the
 * scoring steps of the models' estimators, but metafor's absolute stopping rule and limits.
 * `null` when it fails to converge.
 */
function scoringTau2(yi: Float64Array, vi: Float64Array, method: 'ML' | 'REML' | 'EB'): number | null {
  const k = yi.length;
  const wi = new Float64Array(k);
  let tau2 = Math.max(0, hedgesRaw(yi, vi)[0]);
  for (let iter = 1; ; iter++) {
    const s = weightedSums(yi, inverseWeights(vi, tau2, wi));
    const infinite = wi.findIndex((w) => !Number.isFinite(w));
    if (infinite >= 0) {
      throw new InputError('a sampling variance is 0 while tau² is 0, so its weight 1/(vi + tau²) is infinite', { field: 'vi', row: infinite + 1, value: vi[infinite] });
    }
    let adj: number;
    if (method === 'ML') adj = (s.rss2 - s.sumW) / s.sumW2;
    else if (method === 'REML') adj = (s.rss2 - s.trP) / s.trPP;
    else adj = ((s.rss * k) / (k - 1) - k) / s.sumW;
    if (Number.isNaN(adj)) adj = 0;
    while (tau2 + adj < 0) adj /= 2;
    const old = tau2;
    tau2 += adj;
    if (iter > METAFOR_MAX_ITER) return null;
    if (!(Math.abs(old - tau2) > METAFOR_THRESHOLD)) break;
  }
  if (method !== 'EB' && vi.every((v) => v > 0)) {
    const ll0 = logLikelihood(yi, vi, 0, method === 'REML');
    const ll = logLikelihood(yi, vi, tau2, method === 'REML');
    if (ll0 - ll > METAFOR_TOL && tau2 > METAFOR_THRESHOLD) tau2 = 0;
  }
  return Math.max(0, tau2);
}

/** Inverse-variance estimate at τ² with a z test and a 95% Wald CI (rma.uni's defaults). */
function zFit(yi: Float64Array, vi: Float64Array, tau2: number): InterceptFit {
  const p = poolEstimate(yi, vi, tau2, 'z', 0.95);
  return {
    estimate: p.estimate, se: p.se, statistic: p.statistic, pValue: p.pValue,
    lower: p.estimate - p.crit * p.se,
    upper: p.estimate + p.crit * p.se,
    tau2,
  };
}
