import { normalCdf, normalQuantile, normalSf } from '../../distributions/normal.ts';
import type { SelectionAlternative } from './selection-types.ts';

/**
 * Probability that a study with yᵢ ~ N(μ, σ²) is published under a step selection function
 * (Vevea & Hedges, 1995, Psychometrika 60:419, eq. 4): Aᵢ = Σⱼ δⱼ·P(stepsⱼ₋₁ < pᵢ ≤ stepsⱼ),
 * steps₀ = 0, where pᵢ is the study's p-value for sampling variance v (see `studyPValue`).
 * For `greater`, p ≤ s ⇔ y ≥ √v·Φ⁻¹(1 − s); `less` mirrors it; for `two.sided`,
 * p ≤ s ⇔ |y| ≥ √v·Φ⁻¹(1 − s/2). Each interval's normal probability is a difference of the
 * tails on the side away from μ, so it keeps its relative accuracy.
 *
 * @param cuts  the steps on the y scale of the study, from {@link stepCuts}
 * @example
 * stepSelectionProbability(0, 1, stepCuts(1, [0.5, 1], 'greater'), [1, 0.5], 'greater') // => 0.75
 */
export function stepSelectionProbability(
  mu: number,
  sigma: number,
  cuts: Float64Array,
  delta: readonly number[],
  alternative: SelectionAlternative,
): number {
  let total = 0;
  let previousCut = Infinity;
  for (let j = 0; j < cuts.length; j++) {
    const cut = cuts[j]!;
    let p: number;
    if (alternative === 'greater') p = normalBetween(cut, previousCut, mu, sigma);
    else if (alternative === 'less') p = normalBetween(-previousCut, -cut, mu, sigma);
    else p = normalBetween(cut, previousCut, mu, sigma) + normalBetween(-previousCut, -cut, mu, sigma);
    total += delta[j]! * p;
    previousCut = cut;
  }
  return total;
}

/** P(a ≤ Y ≤ b) for Y ~ N(μ, σ²), from the tail away from μ. */
function normalBetween(a: number, b: number, mu: number, sigma: number): number {
  if (!(b > a)) return 0;
  const za = (a - mu) / sigma;
  const zb = (b - mu) / sigma;
  return za > 0 ? normalSf(za) - normalSf(zb) : normalCdf(zb) - normalCdf(za);
}

/**
 * The steps of a step function on the y scale of a study with sampling variance v: yⱼ with
 * p(yⱼ) = stepsⱼ, i.e. √v·Φ⁻¹(1 − sⱼ) (for `two.sided`, of 1 − sⱼ/2; `less` uses the same cuts
 * mirrored); a step at 1 is −∞ (0 for two-sided).
 *
 * @example
 * stepCuts(4, [0.025, 1], 'greater')[0] // => 3.919927969080108
 */
export function stepCuts(v: number, steps: readonly number[], alternative: SelectionAlternative): Float64Array {
  const sv = Math.sqrt(v);
  return Float64Array.from(steps, (s) =>
    s >= 1 ? (alternative === 'two.sided' ? 0 : -Infinity) : sv * normalQuantile(alternative === 'two.sided' ? s / 2 : s, true));
}
