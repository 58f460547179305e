import { stepIndex } from './selection-spec.ts';

/** One interval of the p-value scale and the studies whose p-value falls in it. */
export interface StepInterval {
  /** p-values in (lower, upper]. */
  readonly lower: number;
  readonly upper: number;
  readonly k: number;
}

/**
 * The intervals (stepsⱼ₋₁, stepsⱼ] of a step function (steps₀ = 0) with the number of observed
 * p-values in each (metafor's `ptable`).
 *
 * @example
 * stepIntervals([0.01, 0.2, 0.04, 0.7], [0.05, 1]).map((s) => s.k) // => [2, 2]
 */
export function stepIntervals(pValues: ArrayLike<number>, steps: readonly number[]): StepInterval[] {
  const counts = steps.map(() => 0);
  for (let i = 0; i < pValues.length; i++) counts[stepIndex(pValues[i]!, steps)]! += 1;
  return steps.map((upper, j) => ({ lower: j === 0 ? 0 : steps[j - 1]!, upper, k: counts[j]! }));
}
