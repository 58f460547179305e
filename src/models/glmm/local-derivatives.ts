import { observationTerm } from './observation.ts';
import { studyLogLikelihood } from './study-likelihood.ts';
import type { StudyTerms } from './study-likelihood.ts';

/** Gradient and Hessian of a sum of study log-likelihoods, dense over the global parameters. */
export interface Derivatives {
  readonly value: number;
  readonly gradient: Float64Array;
  /** Row-major d×d. */
  readonly hessian: Float64Array;
}

/** Step of the Richardson-extrapolated central first differences. */
const GRADIENT_STEP = 1e-3;
/** Step of the second differences. */
const HESSIAN_STEP = 1e-4;

/** The global indices a study's log-likelihood depends on: its fixed coefficients, then its SDs. */
export function localIndices(study: StudyTerms, free: (index: number) => boolean): number[] {
  return [...study.fixed, ...study.random].filter((index, position, all) => free(index) && all.indexOf(index) === position);
}

/**
 * Value, gradient and Hessian of Σᵢ ℓᵢ(θ) by finite differences on each study's own
 * parameters only (a study of the fixed-study-effects model touches its intercept, the shared
 * coefficients and τ, never the other studies' intercepts), so the cost grows with k times the
 * square of the per-study dimension. First derivatives: central differences with one Richardson
 * step, D(h) = [4·C(h/2) − C(h)]/3, error O(h⁴) (h = 1e-3); second derivatives: central
 * second differences with h = 1e-4 (error O(h²) + O(ε/h²), about 1e-8).
 * A study without random effects (the equal-effects form) gets its exact derivatives,
 * Σⱼ ℓ′(ηⱼ)·xⱼ and Σⱼ ℓ″(ηⱼ)·xⱼxⱼᵀ. Parameters for which `free` is false are held fixed.
 */
export function likelihoodDerivatives(
  studies: readonly StudyTerms[], theta: Float64Array, nodes: number, free: (index: number) => boolean,
): Derivatives {
  const d = theta.length;
  const gradient = new Float64Array(d);
  const hessian = new Float64Array(d * d);
  let value = 0;
  const work = Float64Array.from(theta);
  for (const study of studies) {
    if (study.random.length === 0) {
      value += addExactDerivatives(study, theta, free, gradient, hessian);
      continue;
    }
    const f = () => studyLogLikelihood(study, work, nodes);
    const f0 = f();
    value += f0;
    const local = localIndices(study, free);
    const shifted = (moves: readonly [number, number][]): number => {
      for (const [i, h] of moves) work[i] = work[i]! + h;
      const v = f();
      for (const [i] of moves) work[i] = theta[i]!;
      return v;
    };
    for (let a = 0; a < local.length; a++) {
      const i = local[a]!;
      const h = GRADIENT_STEP;
      const c1 = (shifted([[i, h]]) - shifted([[i, -h]])) / (2 * h);
      const c2 = (shifted([[i, h / 2]]) - shifted([[i, -h / 2]])) / h;
      gradient[i] = gradient[i]! + (4 * c2 - c1) / 3;
      const s = HESSIAN_STEP;
      const plus = shifted([[i, s]]);
      const minus = shifted([[i, -s]]);
      hessian[i * d + i] = hessian[i * d + i]! + (plus - 2 * f0 + minus) / (s * s);
      for (let b = 0; b < a; b++) {
        const j = local[b]!;
        const hij = (shifted([[i, s], [j, s]]) - shifted([[i, s], [j, -s]]) - shifted([[i, -s], [j, s]]) + shifted([[i, -s], [j, -s]])) / (4 * s * s);
        hessian[i * d + j] = hessian[i * d + j]! + hij;
        hessian[j * d + i] = hessian[j * d + i]! + hij;
      }
    }
  }
  return { value, gradient, hessian };
}

/** Σᵢ ℓᵢ(θ). */
export function totalLogLikelihood(studies: readonly StudyTerms[], theta: Float64Array, nodes: number): number {
  let sum = 0;
  for (const study of studies) sum += studyLogLikelihood(study, theta, nodes);
  return sum;
}

/** Adds the exact gradient and Hessian of a study without random effects; returns its ℓ. */
function addExactDerivatives(study: StudyTerms, theta: Float64Array, free: (index: number) => boolean, gradient: Float64Array, hessian: Float64Array): number {
  const d = theta.length;
  const { fixed } = study;
  const term = { value: 0, d1: 0, d2: 0 };
  let value = 0;
  for (const o of study.observations) {
    let eta = o.offset;
    for (let l = 0; l < fixed.length; l++) eta += o.x[l]! * theta[fixed[l]!]!;
    observationTerm(o, eta, term);
    value += term.value;
    for (let a = 0; a < fixed.length; a++) {
      const i = fixed[a]!;
      if (!free(i) || o.x[a] === 0) continue;
      gradient[i] = gradient[i]! + term.d1 * o.x[a]!;
      for (let b = 0; b < fixed.length; b++) {
        const j = fixed[b]!;
        if (free(j)) hessian[i * d + j] = hessian[i * d + j]! + term.d2 * o.x[a]! * o.x[b]!;
      }
    }
  }
  return value;
}
