import { brentRoot, expandUpper } from '../../numeric/brent-root.ts';
import type { Tau2Control, Tau2Fit } from '../tau2/tau2-fit.ts';
import { inverseWeights } from '../tau2/weighted-sums.ts';
import type { RegressionDesign } from './design-matrix.ts';
import { regressionHedgesRaw } from './moment-estimators.ts';
import { weightedFit, type WeightedFit } from './weighted-fit.ts';

/**
 * An estimating equation for τ² in meta-regression, solved by Fisher scoring: `step` is the
 * scoring update Δτ² from the weighted fit at the current τ², `score` the equation whose root is
 * the estimate (same sign as `step`), used by the bracketing fallback.
 */
interface RegressionScoringEquation {
  readonly name: 'ML' | 'REML' | 'EB';
  readonly step: (fit: WeightedFit, k: number, p: number) => number;
  readonly score: (fit: WeightedFit, k: number, p: number) => number;
}

/** ML: yᵀPPy − Σwᵢ = 0, Δ = (yᵀPPy − Σwᵢ)/Σwᵢ² (Viechtbauer, 2005, JEBS 30:261). */
const ML: RegressionScoringEquation = {
  name: 'ML',
  step: (f) => (f.rss2 - f.sumA) / f.sumA2,
  score: (f) => f.rss2 - f.sumA,
};

/** REML: yᵀPPy − tr(P) = 0, Δ = (yᵀPPy − tr(P))/tr(PP). */
const REML: RegressionScoringEquation = {
  name: 'REML',
  step: (f) => (f.rss2 - f.trP) / f.traceProduct(null, null),
  score: (f) => f.rss2 - f.trP,
};

/** Empirical Bayes (Morris, 1983): k/(k−p)·yᵀPy − k = 0, Δ = (k/(k−p)·yᵀPy − k)/Σwᵢ. */
const EB: RegressionScoringEquation = {
  name: 'EB',
  step: (f, k, p) => ((f.rss * k) / (k - p) - k) / f.sumA,
  score: (f, k, p) => (f.rss * k) / (k - p) - k,
};

/**
 * Maximum-likelihood estimator of the residual τ², metafor `method = "ML"` with moderators,
 * by Fisher scoring from max(0, τ²_HE); SE = √(2/Σwᵢ²), wᵢ = 1/(vᵢ + τ̂²). When the likelihood
 * at τ² = 0 is higher than at the scoring solution, τ² = 0 is used with a warning (metafor's
 * `ll0check`).
 *
 * @example
 * regressionMaximumLikelihood(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4), DEFAULT_TAU2_CONTROL).tau2 // => 0.05 (up to rounding)
 */
export function regressionMaximumLikelihood(y: Float64Array, v: Float64Array, design: RegressionDesign, control: Tau2Control): Tau2Fit {
  const result = scoring(y, v, design, control, ML);
  checkAgainstZero(y, v, design, result, false);
  const fit = weightedFit(design, y, inverseWeights(v, result.tau2));
  return { ...result, se: fit === null ? NaN : Math.sqrt(2 / fit.sumA2) };
}

/**
 * Restricted maximum-likelihood estimator of the residual τ² (metafor's default,
 * `method = "REML"`), by Fisher scoring from max(0, τ²_HE); SE = √(2/tr(PP)). Same check
 * against τ² = 0 as {@link regressionMaximumLikelihood}, on the restricted likelihood.
 *
 * @example
 * regressionRestrictedMaximumLikelihood(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4), DEFAULT_TAU2_CONTROL).tau2 // => 1.1
 */
export function regressionRestrictedMaximumLikelihood(
  y: Float64Array,
  v: Float64Array,
  design: RegressionDesign,
  control: Tau2Control,
): Tau2Fit {
  const result = scoring(y, v, design, control, REML);
  checkAgainstZero(y, v, design, result, true);
  const fit = weightedFit(design, y, inverseWeights(v, result.tau2));
  return { ...result, se: fit === null ? NaN : Math.sqrt(2 / fit.traceProduct(null, null)) };
}

/**
 * Empirical Bayes estimator of the residual τ², metafor `method = "EB"` with moderators, by
 * Fisher scoring from max(0, τ²_HE); SE = √(2k²/(k−p)) / Σwᵢ. Its root is the Paule–Mandel
 * root (both solve yᵀPy = k − p) whenever that is positive.
 *
 * @example
 * regressionEmpiricalBayes(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4), DEFAULT_TAU2_CONTROL).tau2 // => 1.1
 */
export function regressionEmpiricalBayes(y: Float64Array, v: Float64Array, design: RegressionDesign, control: Tau2Control): Tau2Fit {
  const { k, p } = design;
  const result = scoring(y, v, design, control, EB);
  const fit = weightedFit(design, y, inverseWeights(v, result.tau2));
  return { ...result, se: fit === null ? NaN : Math.sqrt((2 * k * k) / (k - p)) / fit.sumA };
}

interface ScoringResult {
  tau2: number;
  se: number | null;
  iterations: number;
  converged: boolean;
  warnings: string[];
}

/**
 * Fisher scoring as in metafor's rma.uni: start at max(0, τ²_HE), update τ² ← τ² + Δ, halving Δ
 * while τ² + Δ < 0, until |Δ| ≤ threshold·max(1, τ²). O(k·p²) per iteration. Without
 * convergence the root of the score equation on [0, ∞) is bracketed and found with Brent's
 * method, and a warning says so.
 */
function scoring(
  y: Float64Array,
  v: Float64Array,
  design: RegressionDesign,
  control: Tau2Control,
  eq: RegressionScoringEquation,
): ScoringResult {
  const { k, p } = design;
  const w = new Float64Array(k);
  const start = regressionHedgesRaw(y, v, design)[0];
  let tau2 = Number.isFinite(start) ? Math.max(0, start) : 0;
  for (let iter = 1; iter <= control.maxIterations; iter++) {
    const fit = weightedFit(design, y, inverseWeights(v, tau2, w));
    if (fit === null) break;
    let adj = eq.step(fit, k, p);
    if (!Number.isFinite(adj)) break;
    if (tau2 === 0 && adj < 0) return { tau2: 0, se: null, iterations: iter, converged: true, warnings: [] };
    while (tau2 + adj < 0) adj /= 2;
    tau2 += adj;
    if (Math.abs(adj) <= control.threshold * Math.max(1, tau2)) {
      return { tau2, se: null, iterations: iter, converged: true, warnings: [] };
    }
  }
  const f = (t: number): number => {
    const fit = weightedFit(design, y, inverseWeights(v, t, w));
    return fit === null ? NaN : eq.score(fit, k, p);
  };
  let root = NaN;
  const f0 = f(0);
  if (f0 <= 0) root = 0;
  else if (f0 > 0) {
    const upper = expandUpper(f, 1);
    if (Number.isFinite(upper)) root = brentRoot(f, 0, upper, control.rootTolerance);
  }
  const warning = Number.isFinite(root)
    ? `${eq.name}: Fisher scoring did not converge in ${control.maxIterations} iterations; tau² was found by a bracketing root search instead.`
    : `${eq.name}: Fisher scoring did not converge and no root of the estimating equation was found; tau² is not available.`;
  return { tau2: root, se: null, iterations: control.maxIterations, converged: Number.isFinite(root), warnings: [warning] };
}

/**
 * Log-likelihood of the meta-regression at τ² up to a constant that does not depend on τ²
 * (the 2π terms, and the scaling of the design): −½[Σlog(vᵢ+τ²) + yᵀPy] for ML, with
 * −½·log det(XᵀWX) added for REML.
 */
function logLikelihood(y: Float64Array, v: Float64Array, design: RegressionDesign, tau2: number, restricted: boolean): number {
  const fit = weightedFit(design, y, inverseWeights(v, tau2));
  if (fit === null) return NaN;
  let logDet = 0;
  for (let i = 0; i < v.length; i++) logDet += Math.log(v[i]! + tau2);
  return -0.5 * (logDet + fit.rss + (restricted ? fit.logDetGram : 0));
}

/** Likelihood gain at τ² = 0 above which the scoring solution is taken for a local maximum. */
const LL0_TOLERANCE = 1e-10;

/**
 * metafor's `ll0check` for ML/REML (only when every vᵢ > 0): if the likelihood at τ² = 0 beats
 * the one at the scoring solution, scoring stopped at a local maximum; use τ² = 0 and say so.
 */
function checkAgainstZero(y: Float64Array, v: Float64Array, design: RegressionDesign, fit: ScoringResult, restricted: boolean): void {
  if (!(fit.tau2 > 0) || v.some((x) => !(x > 0))) return;
  const ll0 = logLikelihood(y, v, design, 0, restricted);
  const ll = logLikelihood(y, v, design, fit.tau2, restricted);
  if (ll0 - ll > LL0_TOLERANCE) {
    const name = restricted ? 'REML' : 'ML';
    fit.warnings.push(`${name}: Fisher scoring stopped at a local maximum; the likelihood is higher at tau² = 0, so tau² = 0 is used.`);
    fit.tau2 = 0;
  }
}
