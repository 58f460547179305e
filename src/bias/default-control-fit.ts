import { normalQuantile, normalSf } from '../distributions/normal.ts';
import { InputError } from '../errors.ts';
import { metaAnalysis } from '../models/meta-analysis.ts';
import type { Tau2Method } from '../types.ts';
import { zeroin } from './zeroin.ts';

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
  const mean = yi.reduce((a, b) => a + b, 0) / k;
  const centered = Float64Array.from(yi, (y) => y - mean);
  const f = (tau2: number) => generalizedQ(centered, vi, tau2) - (k - 1);
  const upper = Math.max(100, 10 * mad(yi) ** 2);
  const fLower = f(0);
  if (fLower < 0) return 0;
  const fUpper = f(upper);
  if (fUpper > 0) return null;
  return zeroin(f, 0, upper, fLower, fUpper, METAFOR_TOL, METAFOR_MAX_ITER).root;
}

/** Q(τ²) = yᵀPy = Σwᵢyᵢ(yᵢ − ȳ_w), wᵢ = 1/(vᵢ + τ²) (the generalized Q statistic). */
function generalizedQ(y: Float64Array, vi: Float64Array, tau2: number): number {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    const w = 1 / (vi[i]! + tau2);
    sw += w;
    swy += w * y[i]!;
  }
  const mean = swy / sw;
  let q = 0;
  for (let i = 0; i < y.length; i++) q += (y[i]! * (y[i]! - mean)) / (vi[i]! + tau2);
  return q;
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

/** Fisher scoring for τ² with metafor's default control (see {@link defaultControlFit}); `null` when it fails to converge. */
function scoringTau2(yi: Float64Array, vi: Float64Array, method: 'ML' | 'REML' | 'EB'): number | null {
  const k = yi.length;
  let tau2 = Math.max(0, hedgesTau2(yi, vi));
  for (let iter = 1; ; iter++) {
    const s = sums(yi, vi, tau2);
    let adj: number;
    if (method === 'ML') adj = (s.yPPy - s.sw) / s.sw2;
    else if (method === 'REML') adj = (s.yPPy - s.trP) / s.trPP;
    else adj = ((s.yPy * k) / (k - 1) - k) / s.sw;
    if (Number.isNaN(adj)) adj = 0;
    while (tau2 + adj < 0) adj /= 2;
    const old = tau2;
    tau2 += adj;
    if (iter > METAFOR_MAX_ITER) return null;
    if (!(Math.abs(old - tau2) > METAFOR_THRESHOLD)) break;
  }
  if (method !== 'EB' && vi.every((v) => v > 0)) {
    const ll0 = logLik(yi, vi, 0, method === 'REML');
    const ll = logLik(yi, vi, tau2, method === 'REML');
    if (ll0 - ll > METAFOR_TOL && tau2 > METAFOR_THRESHOLD) tau2 = 0;
  }
  return Math.max(0, tau2);
}

/** Hedges' (HE) estimator, the start value: (Σ(yᵢ − ȳ)² − (1 − 1/k)Σvᵢ)/(k − 1). */
function hedgesTau2(yi: Float64Array, vi: Float64Array): number {
  const k = yi.length;
  let sy = 0;
  let sv = 0;
  for (let i = 0; i < k; i++) {
    sy += yi[i]!;
    sv += vi[i]!;
  }
  const mean = sy / k;
  let rss = 0;
  for (let i = 0; i < k; i++) rss += (yi[i]! - mean) ** 2;
  return (rss - sv * (1 - 1 / k)) / (k - 1);
}

interface ScoringSums {
  readonly sw: number;
  readonly sw2: number;
  readonly yPy: number;
  readonly yPPy: number;
  readonly trP: number;
  readonly trPP: number;
}

/**
 * With wᵢ = 1/(vᵢ + τ²) and P = W − wwᵀ/Σw: yᵀPy = Σwᵢrᵢ², yᵀPPy = Σwᵢ²rᵢ² (rᵢ = yᵢ − ȳ_w),
 * tr P = Σw − Σw²/Σw, tr PP = Σw² − 2Σw³/Σw + (Σw²/Σw)².
 */
function sums(yi: Float64Array, vi: Float64Array, tau2: number): ScoringSums {
  const k = yi.length;
  let sw = 0;
  let sw2 = 0;
  let sw3 = 0;
  let swy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    if (!Number.isFinite(w)) {
      throw new InputError('a sampling variance is 0 while tau² is 0, so its weight 1/(vi + tau²) is infinite', { field: 'vi', row: i + 1, value: vi[i] });
    }
    sw += w;
    sw2 += w * w;
    sw3 += w * w * w;
    swy += w * yi[i]!;
  }
  const mean = swy / sw;
  let yPy = 0;
  let yPPy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / (vi[i]! + tau2);
    const r = yi[i]! - mean;
    yPy += w * r * r;
    yPPy += w * w * r * r;
  }
  const ratio = sw2 / sw;
  return { sw, sw2, yPy, yPPy, trP: sw - ratio, trPP: sw2 - (2 * sw3) / sw + ratio * ratio };
}

/** ML or REML log-likelihood of the intercept-only model at τ² (metafor's full expressions). */
function logLik(yi: Float64Array, vi: Float64Array, tau2: number, restricted: boolean): number {
  const k = yi.length;
  const s = sums(yi, vi, tau2);
  let logDet = 0;
  for (let i = 0; i < k; i++) logDet += Math.log(vi[i]! + tau2);
  if (restricted) return -0.5 * (k - 1) * Math.log(2 * Math.PI) - 0.5 * logDet - 0.5 * Math.log(s.sw) - 0.5 * s.yPy;
  return -0.5 * k * Math.log(2 * Math.PI) - 0.5 * logDet - 0.5 * s.yPy;
}

/** Inverse-variance estimate at τ² with a z test and a 95% Wald CI (rma.uni's defaults). */
function zFit(yi: Float64Array, vi: Float64Array, tau2: number): InterceptFit {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < yi.length; i++) {
    const w = 1 / (vi[i]! + tau2);
    sw += w;
    swy += w * yi[i]!;
  }
  const estimate = swy / sw;
  const se = Math.sqrt(1 / sw);
  const statistic = estimate / se;
  const crit = normalQuantile(0.025, true);
  return {
    estimate, se, statistic,
    pValue: 2 * normalSf(Math.abs(statistic)),
    lower: estimate - crit * se,
    upper: estimate + crit * se,
    tau2,
  };
}
