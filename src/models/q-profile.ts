import { chiSquareQuantile } from '../distributions/chi-square.ts';
import { brentRoot } from '../numeric/brent-root.ts';
import { generalizedQ } from './tau2/paule-mandel.ts';

/**
 * Q-profile confidence interval for τ² (Viechtbauer, 2007, Stat Med 26:37): the set of τ²
 * where the generalised Q(τ²) = Σ(yᵢ − μ̂)²/(vᵢ + τ²) lies between the χ²_{k−1} quantiles:
 *
 *   lower: Q(τ²) = χ²_{k−1; 1−α/2},   upper: Q(τ²) = χ²_{k−1; α/2}.
 *
 * Q decreases in τ², so each bound is one bracketed root (Brent). As in metafor's
 * `confint(type = "QP")`, the search runs over [0, max(100, 10·τ̂²)]; a bound beyond it is set
 * to the search limit and reported in `atLimit`, and a bound below zero is 0.
 *
 * @example
 * qProfileTau2(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), 3, 0.95).lower
 * // => 0.2508... (Q(τ²) = 8/(1+τ²) equals χ²₂;₀.₉₇₅ = 7.3778)
 */
export function qProfileTau2(
  yi: Float64Array,
  vi: Float64Array,
  tau2Hat: number,
  level: number,
  tolerance = 1e-15,
): { lower: number; upper: number; atLimit: boolean } {
  const k = yi.length;
  const alpha = 1 - level;
  const critUpper = chiSquareQuantile(alpha / 2, k - 1, true);
  const critLower = chiSquareQuantile(alpha / 2, k - 1, false);
  const max = Math.max(100, 10 * tau2Hat);
  const scratch = new Float64Array(k);
  const q = (t: number) => generalizedQ(yi, vi, t, scratch);
  const q0 = q(0);
  const qMax = q(max);
  let atLimit = false;
  let upper: number;
  if (q0 < critLower) upper = 0;
  else if (qMax > critLower) {
    upper = max;
    atLimit = true;
  } else upper = brentRoot((t) => q(t) - critLower, 0, max, tolerance);
  let lower: number;
  if (qMax > critUpper) {
    lower = max;
    upper = max;
    atLimit = true;
  } else if (q0 < critUpper) lower = 0;
  else lower = brentRoot((t) => q(t) - critUpper, 0, max, tolerance);
  return { lower, upper, atLimit };
}
