import { InputError } from '../errors.ts';
import { metaAnalysis } from '../models/meta-analysis.ts';
import { normalSf } from '../distributions/normal.ts';
import { uniroot } from '../numeric/uniroot.ts';
import type { Tau2Method, TestType } from '../types.ts';

/** The settings of the general (random-effects) fail-safe N, resolved. */
export interface GeneralFsnSettings {
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly weighted: boolean;
  /** A fixed τ², or `null` to estimate it. */
  readonly tau2: number | null;
  readonly target: number | null;
  readonly alpha: number;
  readonly exact: boolean;
  readonly mumiss: number;
  /** Fit with metafor's default convergence control (as `fsn` does) instead of exactly. */
  readonly metaforControl: boolean;
}

/** What {@link generalFailSafeN} finds. */
export interface GeneralFsn {
  readonly n: number;
  readonly estimate: number;
  readonly tau2: number;
  readonly pValue: number;
  /** The target used (its sign set to the estimate's), or `null`. */
  readonly target: number | null;
  readonly estimateAfter: number | null;
  readonly tau2After: number | null;
  readonly pValueAfter: number | null;
  /** N reached the cap of 10⁷ added studies (metafor prints it as "> 1e+07"). */
  readonly capped: boolean;
}

const MAX_N = 1e7;
/** metafor refits the augmented data only up to this many added studies; beyond, it uses the approximation. */
const MAX_EXACT = 5000;

/**
 * n standardized values (mean 0, sample SD 1; 0 for n = 1): metafor draws them with `rnorm` and
 * standardizes, and every τ² estimator and pooled estimate depends on them only through that
 * mean and SD (the added studies share one variance), so fixed values give the same fits.
 */
function standardized(n: number): number[] {
  if (n <= 1) return n === 1 ? [0] : [];
  if (n % 2 === 0) {
    const c = Math.sqrt((n - 1) / n);
    return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? c : -c));
  }
  return Array.from({ length: n }, (_, i) => (i === 0 ? 0 : i % 2 === 0 ? 1 : -1));
}

interface Augmented {
  readonly estimate: number;
  readonly tau2: number;
  readonly pValue: number;
}

/**
 * The general fail-safe N of metafor 5's `fsn(type = "General")` (Viechtbauer, 2024, metafor
 * documentation of `fsn`; after Rosenthal, 1979, and Orwin, 1983, for a random-effects model):
 * the number N of added studies, each with the harmonic-mean variance v̄ = k/Σ(1/vᵢ) and effects
 * of mean `mumiss` and SD √(v̄ + τ̂²), that makes the refitted model's p-value reach α (no
 * target) or its estimate reach the target. `exact`: refit the model to the augmented data (for
 * N ≤ 5000; always when the test is not z); otherwise the closed-form approximation of τ² after
 * adding N studies, τ̃² = [(k − 1)τ̂² + (N − 1)τ̂² + k(θ̂ − θ̄)² + N(μ − θ̄)²]/(k + N − 1) with
 * θ̄ = (kθ̂ + Nμ)/(k + N), and the weighted (or unweighted) mean with its z test. N solves
 * the resulting step function with R's `uniroot` on [0, 50k] and is rounded up.
 *
 * @example
 * const g = generalFailSafeN([0.5, 0.4, 0.6], [0.04, 0.04, 0.04], { method: 'DL', test: 'z', weighted: true,
 *   tau2: null, target: null, alpha: 0.05, exact: false, mumiss: 0, metaforControl: true });
 * g.n           // => 3   (metafor fsn(yi, vi, type = "General", method = "DL"): 3)
 * g.pValueAfter // => 0.0709514924…  (metafor: pval.fsn 0.07095149243)
 */
export function generalFailSafeN(yi: readonly number[], vi: readonly number[], s: GeneralFsnSettings): GeneralFsn {
  const k = yi.length;
  const fitOf = (y: readonly number[], v: readonly number[]) =>
    metaAnalysis({ yi: y, vi: v }, { method: s.method, test: s.test, ...(s.metaforControl ? { control: 'metafor' as const } : {}), ...(s.weighted ? {} : { weighted: false }), ...(s.tau2 === null ? {} : { tau2: s.tau2 }) });
  const fit = fitOf(yi, vi);
  const est = fit.estimate;
  const tau2 = fit.tau2;
  const pval = fit.pValue;
  const exact = s.exact || s.test !== 'z';
  let sumW = 0;
  for (const v of vi) sumW += 1 / v;
  const vt = k / sumW;

  const augmented = (nIn: number, target: number | null): Augmented => {
    const n = Math.min(Math.floor(nIn), MAX_N);
    if (exact && n <= MAX_EXACT) {
      const sd = Math.sqrt(vt + tau2);
      const added = standardized(n).map((z) => z * sd + s.mumiss);
      const refit = fitOf([...yi, ...added], [...vi, ...added.map(() => vt)]);
      let p = refit.pValue;
      if (target === null && s.mumiss !== 0 && Math.sign(refit.estimate) === Math.sign(s.mumiss)) p = 1;
      return { estimate: refit.estimate, tau2: refit.tau2, pValue: p };
    }
    let t2: number;
    if (s.method === 'EE') t2 = 0;
    else if (s.tau2 !== null) t2 = s.tau2;
    else {
      const mean = (k * est + n * s.mumiss) / (k + n);
      const pooled = ((k - 1) * tau2 + Math.max(0, n - 1) * tau2 + k * (est - mean) ** 2 + n * (s.mumiss - mean) ** 2) / (k + n - 1);
      t2 = target === null ? Math.max(0, pooled) : pooled;
    }
    let estimate: number;
    let z: number;
    if (s.weighted) {
      let sw = 0;
      let swy = 0;
      for (let i = 0; i < k; i++) {
        sw += 1 / (vi[i]! + t2);
        swy += yi[i]! / (vi[i]! + t2);
      }
      const wt = n / (vt + t2);
      estimate = (swy + wt * s.mumiss) / (sw + wt);
      z = estimate / Math.sqrt(1 / (sw + wt));
    } else {
      let sy = 0;
      let sv = 0;
      for (let i = 0; i < k; i++) {
        sy += yi[i]!;
        sv += vi[i]! + t2;
      }
      estimate = (sy + n * s.mumiss) / (k + n);
      z = ((k + n) * estimate) / Math.sqrt(sv + n * (vt + t2));
    }
    let p = 2 * normalSf(Math.abs(z));
    if (target === null && s.mumiss !== 0 && Math.sign(estimate * s.mumiss) === 1) p = 1;
    return { estimate, tau2: t2, pValue: p };
  };

  const solve = (target: number | null, extendInt: 'upX' | 'downX'): number => {
    const diff = (n: number) => {
      if (Math.floor(n) >= MAX_N) return 0;
      const a = augmented(n, target);
      return target === null ? a.pValue - s.alpha : a.estimate - target;
    };
    const root = uniroot(diff, 0, 50 * k, { extendInt, tol: Number.EPSILON ** 0.25, maxiter: 1000 }).root;
    if (!Number.isFinite(root)) {
      throw new InputError('could not find the fail-safe N based on a random-effects model (no sign change of the criterion)', { field: 'yi', code: 'E_NOT_ESTIMABLE' });
    }
    return roundFsn(Math.min(root, MAX_N));
  };

  const base = { estimate: est, tau2, pValue: pval };
  let target = s.target;
  let n: number;
  if (target === null) {
    n = pval >= s.alpha ? 0 : solve(null, 'upX');
  } else {
    if (Math.sign(target) !== Math.sign(est)) target = -target;
    if (target === 0) n = Infinity;
    else if (Math.abs(target) >= Math.abs(est)) n = 0;
    else n = solve(target, est > 0 ? 'downX' : 'upX');
  }
  const after = n === 0 ? base : Number.isFinite(n) ? augmented(n, target) : null;
  return {
    n, ...base, target,
    estimateAfter: after?.estimate ?? null, tau2After: after?.tau2 ?? null, pValueAfter: after?.pValue ?? null,
    capped: n >= MAX_N,
  };
}

/**
 * metafor's rounding of a fail-safe N: up to the next integer unless within √ε of one.
 *
 * @example
 * roundFsn(3.2)         // => 4
 * roundFsn(5 + 1e-12)   // => 5
 */
export function roundFsn(n: number): number {
  if (!Number.isFinite(n)) return n;
  const nearest = Math.round(n);
  return Math.abs(n - nearest) >= Math.sqrt(Number.EPSILON) ? Math.ceil(n) : nearest;
}
