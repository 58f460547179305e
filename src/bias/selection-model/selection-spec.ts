import type { SelectionType } from './selection-types.ts';

/**
 * A selection function and its parameters δ, as metafor 5.1's `selmodel` defines them: the
 * parameter space (`lower`, `upper`, and whether `lower` itself is excluded), the numerical
 * limits the optimiser maps δ into (`min`, `max`), starting values, the value of δ under "no
 * selection" (`nullValue`, where the weight is 1 everywhere) and the smallest p-value used
 * (`pMin`: p is clamped to [pMin, 1 − pMin]).
 */
export interface SelectionSpec {
  readonly type: SelectionType;
  /** Cut points of the p-value scale: the steps of a step function (last 1), (α, 1) or (a₁, a₂) for beta. */
  readonly steps: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly lowerExcluded: readonly boolean[];
  readonly min: readonly number[];
  readonly max: readonly number[];
  readonly start: readonly number[];
  readonly nullValue: readonly number[];
  /** δ values fixed by the model (the first step of a step function is 1), else `null`. */
  readonly fixed: readonly (number | null)[];
  readonly pMin: number;
  /** p-values where the weight function has a kink (for the quadrature). */
  readonly kinks: readonly number[];
  /** Relative likelihood of selection w(p) of a study with p-value p and precision factor c. */
  readonly weight: (p: number, delta: readonly number[], c: number) => number;
  /** The same weight from log p and log(1 − p) (beta without cut points, power: avoids powers per node). */
  readonly weightFromLogs?: (logP: number, logQ: number, delta: readonly number[], c: number) => number;
}

/**
 * The {@link SelectionSpec} of metafor's `selmodel(type = …)` with its resolved `steps`
 * (see {@link resolveSelectionSteps}). With c the (scaled) precision factor (1 without `prec`)
 * and α = steps[0] (0 by default):
 *
 * - `stepfun` (Vevea & Hedges, 1995, Psychometrika 60:419): w(p) = δⱼ for stepsⱼ₋₁ < p ≤ stepsⱼ, δ₁ = 1;
 * - `beta` (Citkowicz & Vevea, 2017, Psychol Methods 22:17): w(p) = x^(δ₁−1)(1 − x)^(δ₂−1), x = p clamped to [a₁, a₂];
 * - `halfnorm`: w(p) = exp(−δc(p² − α²)); `negexp`: exp(−δc(p − α)); `logistic`:
 *   [2e^(−δcp)/(1 + e^(−δcp))]/[2e^(−δcα)/(1 + e^(−δcα))]; `power`: ((1 − p)/(1 − α))^(cδ)
 *   (Preston, Ashby & Smyth, 2004, J Eval Clin Pract 10:313), each 1 for p ≤ α.
 *
 * @example
 * selectionSpec('negexp', [0, 1]).weight(0.5, [2], 1) // => 0.36787944117144233
 * selectionSpec('stepfun', [0.05, 1]).fixed // => [1, null]
 */
export function selectionSpec(type: SelectionType, steps: readonly number[]): SelectionSpec {
  if (type === 'stepfun') return stepSpec(steps);
  if (type === 'beta') return betaSpec(steps);
  return exponentialSpec(type, steps);
}

function stepSpec(steps: readonly number[]): SelectionSpec {
  const n = steps.length;
  const repeat = <T,>(x: T): T[] => Array.from({ length: n }, () => x);
  return {
    type: 'stepfun', steps, lower: repeat(0), upper: repeat(Infinity), lowerExcluded: repeat(false),
    min: repeat(0), max: repeat(100), start: Array.from({ length: n }, (_, j) => (n === 1 ? 1 : 1 - (0.2 * j) / (n - 1))),
    nullValue: repeat(1), fixed: [1, ...repeat<number | null>(null).slice(1)], pMin: 0, kinks: steps.slice(0, -1),
    weight: (p, delta, c) => delta[stepIndex(p, steps)]! / c,
  };
}

function betaSpec(steps: readonly number[]): SelectionSpec {
  const [a1, a2] = [steps[0]!, steps[1]!];
  return {
    type: 'beta', steps, lower: [0, 0], upper: [Infinity, Infinity], lowerExcluded: [true, true],
    min: [1e-5, 1e-5], max: [100, 100], start: [1, 1], nullValue: [1, 1], fixed: [null, null], pMin: 1e-5,
    kinks: [a1, a2].filter((a) => a > 0 && a < 1),
    weight: (p, delta) => {
      const x = Math.min(Math.max(a1, p), a2);
      return x ** (delta[0]! - 1) * (1 - x) ** (delta[1]! - 1);
    },
    ...(a1 === 0 && a2 === 1 ? { weightFromLogs: (logP: number, logQ: number, delta: readonly number[]) => Math.exp((delta[0]! - 1) * logP + (delta[1]! - 1) * logQ) } : {}),
  };
}

const EXPONENTIAL: Readonly<Record<'halfnorm' | 'negexp' | 'logistic' | 'power', (p: number, alpha: number, d: number) => number>> = {
  halfnorm: (p, alpha, d) => Math.exp(-d * (p * p - alpha * alpha)),
  negexp: (p, alpha, d) => Math.exp(-d * (p - alpha)),
  logistic: (p, alpha, d) => (Math.exp(-d * (p - alpha)) * (1 + Math.exp(-d * alpha))) / (1 + Math.exp(-d * p)),
  power: (p, alpha, d) => ((1 - p) / (1 - alpha)) ** d,
};

function exponentialSpec(type: 'halfnorm' | 'negexp' | 'logistic' | 'power', steps: readonly number[]): SelectionSpec {
  const alpha = steps[0]!;
  const f = EXPONENTIAL[type];
  const logAlpha = Math.log(alpha);
  const logOneMinusAlpha = Math.log1p(-alpha);
  return {
    type, steps, lower: [0], upper: [Infinity], lowerExcluded: [false], min: [0], max: [100], start: [1],
    nullValue: [0], fixed: [null], pMin: type === 'power' ? 1e-5 : 0, kinks: alpha > 0 && alpha < 1 ? [alpha] : [],
    weight: (p, delta, c) => (p <= alpha ? 1 : f(p, alpha, delta[0]! * c)),
    ...(type === 'power'
      ? { weightFromLogs: (logP: number, logQ: number, delta: readonly number[], c: number) => (logP <= logAlpha ? 1 : Math.exp(delta[0]! * c * (logQ - logOneMinusAlpha))) }
      : {}),
  };
}

/**
 * The interval j (0-based) of a step function holding p: the first j with p ≤ stepsⱼ.
 *
 * @example
 * stepIndex(0.05, [0.025, 0.05, 1]) // => 1
 */
export function stepIndex(p: number, steps: readonly number[]): number {
  for (let j = 0; j < steps.length; j++) if (p <= steps[j]!) return j;
  return steps.length - 1;
}
