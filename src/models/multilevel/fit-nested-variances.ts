import { evaluateNested, type NestedEvaluation, type NestedUnits } from './nested-likelihood.ts';

/** Controls of the variance-component optimizer. */
export interface NestedControl {
  /** Maximum number of Newton / scoring iterations. */
  readonly maxIter: number;
  /** Relative change of each σ² below which the fit has converged. */
  readonly tol: number;
}

/** Default controls: 200 iterations, relative change 1e-13 (the fixtures' optimum to ~1e-15). */
export const DEFAULT_NESTED_CONTROL: NestedControl = Object.freeze({ maxIter: 200, tol: 1e-13 });

/** (RE)ML estimates of (σ²_outer, σ²_inner) and the evaluation at them. */
export interface NestedVarianceFit {
  readonly sigma2: readonly [number, number];
  readonly evaluation: NestedEvaluation;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Maximizes the REML (or ML) log-likelihood of the nested model over σ²_outer ≥ 0, σ²_inner ≥ 0
 * by projected Newton iterations (Harville, 1977; Jennrich & Sampson, 1976, Technometrics 18:11):
 *
 *   θ ← max(0, θ + λ·I_F⁻¹ U_F)
 *
 * where U is the score and I the observed information when it is positive definite on the free
 * components F (quadratic convergence), else the expected (Fisher scoring) information; a
 * component at 0 whose score is ≤ 0 is held at the boundary (Kuhn–Tucker), so boundary solutions
 * are exactly 0. The step length λ is halved until the likelihood does not decrease. Each
 * evaluation is O(n) (see `evaluateNested`).
 *
 * @param units  the data reduced to units (see `collapseInner`)
 * @param reml  restricted (true) or full (false) likelihood
 * @param fixed  hold [σ²_outer, σ²_inner] at 0 (a single-level factor, as metafor does)
 * @param start  starting values (default: half the excess variance to each component)
 * @returns the estimates; `converged` is false after `maxIter` iterations
 * @example
 * const units = { y: new Float64Array([0.1, 0.3, 0.9, 1.1, -0.2, 0]), v: new Float64Array(6).fill(0.01),
 *   outerOf: new Int32Array([0, 0, 1, 1, 2, 2]), nOuter: 3 };
 * fitNestedVariances(units, true, [false, false]).sigma2 // => [0.31333..., 0.01] (metafor: 0.31333, 0.01)
 */
export function fitNestedVariances(
  units: NestedUnits,
  reml: boolean,
  fixed: readonly [boolean, boolean],
  control: NestedControl = DEFAULT_NESTED_CONTROL,
  start?: readonly [number, number],
): NestedVarianceFit {
  let theta: [number, number] = start === undefined ? startingValues(units, fixed) : [fixed[0] ? 0 : start[0], fixed[1] ? 0 : start[1]];
  let ev = evaluateNested(units, theta[0], theta[1], reml);
  const scale = meanOf(units.v);
  for (let iter = 1; iter <= control.maxIter; iter++) {
    const free: [boolean, boolean] = [
      !fixed[0] && !(theta[0] === 0 && ev.score[0] <= 0),
      !fixed[1] && !(theta[1] === 0 && ev.score[1] <= 0),
    ];
    if (!free[0] && !free[1]) return { sigma2: theta, evaluation: ev, iterations: iter - 1, converged: true };
    const next = improve(units, reml, theta, ev, free);
    // no step raises the likelihood: converged only where the model predicts no gain either
    if (next === null) return { sigma2: theta, evaluation: ev, iterations: iter - 1, converged: predictedGain(ev, free) < 1e-8 };
    const small = (m: 0 | 1) => Math.abs(next.theta[m] - theta[m]) <= control.tol * next.theta[m] + 1e-15 * scale;
    const done = small(0) && small(1);
    theta = next.theta;
    ev = next.evaluation;
    if (done) return { sigma2: theta, evaluation: ev, iterations: iter, converged: true };
  }
  return { sigma2: theta, evaluation: ev, iterations: control.maxIter, converged: false };
}

/** One safeguarded step; null when no direction raises the likelihood beyond rounding noise. */
function improve(
  units: NestedUnits,
  reml: boolean,
  theta: readonly [number, number],
  ev: NestedEvaluation,
  free: readonly [boolean, boolean],
): { theta: [number, number]; evaluation: NestedEvaluation } | null {
  const noise = 1e-13 * (1 + Math.abs(ev.logLik));
  for (const info of [ev.observed, ev.expected]) {
    const dir = newtonDirection(info, ev.score, free);
    if (dir === null) continue;
    let lambda = 1;
    for (let halving = 0; halving < 60; halving++, lambda /= 2) {
      const cand: [number, number] = [
        Math.max(0, theta[0] + lambda * dir[0]),
        Math.max(0, theta[1] + lambda * dir[1]),
      ];
      const evC = evaluateNested(units, cand[0], cand[1], reml);
      if (evC.logLik >= ev.logLik - noise) return { theta: cand, evaluation: evC };
    }
  }
  return null;
}

/** Solves I_F d_F = U_F on the free components; null unless I_F is positive definite. */
function newtonDirection(
  info: readonly [number, number, number],
  score: readonly [number, number],
  free: readonly [boolean, boolean],
): [number, number] | null {
  const [i11, i12, i22] = info;
  if (free[0] && free[1]) {
    const det = i11 * i22 - i12 * i12;
    if (!(i11 > 0 && i22 > 0 && det > 0)) return null;
    return [(i22 * score[0] - i12 * score[1]) / det, (i11 * score[1] - i12 * score[0]) / det];
  }
  if (free[0]) return i11 > 0 ? [score[0] / i11, 0] : null;
  return i22 > 0 ? [0, score[1] / i22] : null;
}

/** Half the excess of the units' variance over their mean sampling variance to each component. */
function startingValues(units: NestedUnits, fixed: readonly [boolean, boolean]): [number, number] {
  const n = units.y.length;
  const mean = meanOf(units.y);
  let ss = 0;
  for (let u = 0; u < n; u++) ss += (units.y[u]! - mean) ** 2;
  const vbar = meanOf(units.v);
  const total = Math.max(ss / Math.max(1, n - 1) - vbar, 0.1 * vbar);
  const share = total / ((fixed[0] ? 0 : 1) + (fixed[1] ? 0 : 1) || 1);
  return [fixed[0] ? 0 : share, fixed[1] ? 0 : share];
}

function meanOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

/** Newton decrement ½·UᵀI⁻¹U on the free components (expected information): the gain a step predicts. */
function predictedGain(ev: NestedEvaluation, free: readonly [boolean, boolean]): number {
  const dir = newtonDirection(ev.expected, ev.score, free);
  if (dir === null) return Infinity;
  return 0.5 * (dir[0] * ev.score[0] + dir[1] * ev.score[1]);
}
