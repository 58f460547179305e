import { brentRoot, expandUpper } from '../../numeric/brent-root.ts';
import { hedgesRaw } from './hedges.ts';
import { weightedSums, inverseWeights, type WeightedSums } from './weighted-sums.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * One estimating equation solved by Fisher scoring: `step` gives the scoring update Δτ² from
 * the weighted sums at the current τ², and `score` the equation whose root is the estimate
 * (same sign as `step`), used by the fallback search.
 */
export interface ScoringEquation {
  readonly name: string;
  readonly step: (s: WeightedSums, k: number) => number;
  readonly score: (s: WeightedSums, k: number) => number;
}

/**
 * Fisher scoring for τ² as in metafor's rma.uni (Viechtbauer, 2005, JEBS 30:261): start at
 * max(0, τ²_HE), update τ² ← τ² + Δ, halving Δ while τ² + Δ < 0, until |Δ| ≤ threshold.
 * Each iteration is O(k). If scoring fails to converge, the root of the score equation on
 * [0, ∞) is bracketed and found with Brent's method, and a warning names the method.
 */
export function fisherScoring(
  yi: Float64Array,
  vi: Float64Array,
  control: Tau2Control,
  equation: ScoringEquation,
): { tau2: number; iterations: number; converged: boolean; warnings: string[] } {
  const k = yi.length;
  const wi = new Float64Array(k);
  let tau2 = Math.max(0, hedgesRaw(yi, vi)[0]);
  for (let iter = 1; iter <= control.maxIterations; iter++) {
    const s = weightedSums(yi, inverseWeights(vi, tau2, wi));
    let adj = equation.step(s, k);
    if (!Number.isFinite(adj)) break;
    if (tau2 === 0 && adj < 0) return { tau2: 0, iterations: iter, converged: true, warnings: [] };
    while (tau2 + adj < 0) adj /= 2;
    tau2 += adj;
    if (Math.abs(adj) <= control.threshold * Math.max(1, tau2)) {
      return { tau2, iterations: iter, converged: true, warnings: [] };
    }
  }
  const fallback = solveScore(yi, vi, control, equation);
  const warning = Number.isFinite(fallback)
    ? `${equation.name}: Fisher scoring did not converge in ${control.maxIterations} iterations; tau² was found by a bracketing root search instead.`
    : `${equation.name}: Fisher scoring did not converge and no root of the estimating equation was found; tau² is not available.`;
  return { tau2: fallback, iterations: control.maxIterations, converged: Number.isFinite(fallback), warnings: [warning] };
}

/** Root of the score equation on [0, ∞) by bracketing; 0 when the score is negative at 0. */
function solveScore(yi: Float64Array, vi: Float64Array, control: Tau2Control, equation: ScoringEquation): number {
  const k = yi.length;
  const wi = new Float64Array(k);
  const f = (t: number) => equation.score(weightedSums(yi, inverseWeights(vi, t, wi)), k);
  if (!(f(0) > 0)) return 0;
  const upper = expandUpper(f, 1);
  return Number.isFinite(upper) ? brentRoot(f, 0, upper, control.rootTolerance) : NaN;
}

/**
 * Log-likelihood of the intercept-only random-effects model at τ² (ML, or REML when
 * `restricted`), up to nothing: the full expressions of metafor's rma.uni.
 *   ℓ_ML   = −½[k·log 2π + Σlog(vᵢ+τ²) + Σwᵢ(yᵢ−μ̂)²]
 *   ℓ_REML = −½[(k−1)·log 2π + Σlog(vᵢ+τ²) + log Σwᵢ + Σwᵢ(yᵢ−μ̂)²]
 */
export function logLikelihood(yi: Float64Array, vi: Float64Array, tau2: number, restricted: boolean): number {
  const k = yi.length;
  const s = weightedSums(yi, inverseWeights(vi, tau2));
  let logDet = 0;
  for (let i = 0; i < k; i++) logDet += Math.log(vi[i]! + tau2);
  const n = restricted ? k - 1 : k;
  return -0.5 * (n * Math.log(2 * Math.PI) + logDet + (restricted ? Math.log(s.sumW) : 0) + s.rss);
}

/**
 * metafor's check for ML/REML: when the likelihood at τ² = 0 beats the one at the scoring
 * solution, the algorithm stopped at a local maximum; use τ² = 0 and say so.
 */
export function checkAgainstZero(
  yi: Float64Array,
  vi: Float64Array,
  fit: { tau2: number; warnings: string[] },
  restricted: boolean,
  name: string,
): void {
  if (!(fit.tau2 > 0) || vi.some((v) => !(v > 0))) return;
  const ll0 = logLikelihood(yi, vi, 0, restricted);
  const ll = logLikelihood(yi, vi, fit.tau2, restricted);
  if (ll0 - ll > 1e-10) {
    fit.warnings.push(`${name}: Fisher scoring stopped at a local maximum; the likelihood is higher at tau² = 0, so tau² = 0 is used.`);
    fit.tau2 = 0;
  }
}

/** Assembles the Tau2Fit of a scoring estimator. */
export function scoringFit(
  result: { tau2: number; iterations: number; converged: boolean; warnings: string[] },
  se: number | null,
): Tau2Fit {
  return { tau2: result.tau2, se, iterations: result.iterations, converged: result.converged, warnings: result.warnings };
}
