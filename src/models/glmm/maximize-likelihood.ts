import { cholesky, choleskySolve } from '../../numeric/cholesky.ts';
import { likelihoodDerivatives, totalLogLikelihood } from './local-derivatives.ts';
import type { StudyTerms } from './study-likelihood.ts';

/** Outcome of {@link maximizeLikelihood}. */
export interface Maximum {
  readonly theta: Float64Array;
  readonly logLik: number;
  /** Row-major negative Hessian at the maximum (observed information). */
  readonly information: Float64Array;
  readonly converged: boolean;
  readonly iterations: number;
  /** Why the iteration stopped when it did not converge. */
  readonly reason: string | null;
}

const MAX_ITERATIONS = 100;

/**
 * Maximises Σᵢ ℓᵢ(θ) by damped Newton–Raphson (Levenberg–Marquardt: the step solves
 * (−H + λI)δ = g, λ grows when −H is not positive definite or the step fails to increase the
 * log-likelihood, shrinks after a success) with step halving. The standard deviations of the
 * random effects enter as signed values s (the likelihood is even in s, so s = 0 — τ² = 0 on
 * the boundary — is a smooth interior point of this parametrisation and no bound is needed).
 * Converged when the Newton decrement gᵀδ < 1e-12 and the largest step < 1e-8.
 */
export function maximizeLikelihood(
  studies: readonly StudyTerms[], start: Float64Array, nodes: number, free: (index: number) => boolean,
): Maximum {
  const d = start.length;
  let theta: Float64Array = Float64Array.from(start);
  let current = likelihoodDerivatives(studies, theta, nodes, free);
  if (!Number.isFinite(current.value)) {
    return { theta, logLik: current.value, information: negate(current.hessian), converged: false, iterations: 0, reason: 'the log-likelihood is not finite at the starting values' };
  }
  let lambda = 0;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const step = newtonStep(current.hessian, current.gradient, d, lambda, free);
    if (step === null) { lambda = Math.max(1e-6, lambda * 10); if (lambda > 1e12) break; iteration--; continue; }
    let decrement = 0;
    let size = 0;
    for (let i = 0; i < d; i++) { decrement += step[i]! * current.gradient[i]!; size = Math.max(size, Math.abs(step[i]!)); }
    if (lambda === 0 && decrement < 1e-12 && size < 1e-8) {
      // the last (tiny) Newton step squares the remaining error; keep it unless it lowers ℓ
      const last = theta.map((t, i) => t + step[i]!);
      const value = totalLogLikelihood(studies, last, nodes);
      const better = Number.isFinite(value) && value >= current.value - 1e-12 * Math.abs(current.value);
      return { theta: better ? last : theta, logLik: better ? value : current.value, information: negate(current.hessian), converged: true, iterations: iteration, reason: null };
    }
    const next = lineSearch(studies, theta, step, current.value, nodes);
    if (next === null) {
      if (lambda === 0 && decrement < 1e-9) {
        return { theta, logLik: current.value, information: negate(current.hessian), converged: true, iterations: iteration, reason: null };
      }
      lambda = Math.max(1e-6, lambda * 10);
      if (lambda > 1e12) break;
      continue;
    }
    theta = next;
    current = likelihoodDerivatives(studies, theta, nodes, free);
    lambda = lambda < 1e-5 ? 0 : lambda / 10;
  }
  return {
    theta, logLik: current.value, information: negate(current.hessian), converged: false, iterations: MAX_ITERATIONS,
    reason: divergenceReason(theta),
  };
}

function negate(h: Float64Array): Float64Array {
  return h.map((x) => -x);
}

/** Solves (−H + λ·diag)δ = g over the free parameters; null when not positive definite. */
function newtonStep(hessian: Float64Array, gradient: Float64Array, d: number, lambda: number, free: (i: number) => boolean): Float64Array | null {
  const index: number[] = [];
  for (let i = 0; i < d; i++) if (free(i)) index.push(i);
  const m = index.length;
  const a = new Float64Array(m * m);
  const g = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    g[r] = gradient[index[r]!]!;
    for (let c = 0; c < m; c++) a[r * m + c] = -hessian[index[r]! * d + index[c]!]!;
    a[r * m + r] = a[r * m + r]! + lambda * Math.max(1, Math.abs(a[r * m + r]!));
  }
  const l = cholesky(a, m);
  if (l === null) return null;
  const solved = choleskySolve(l, m, g);
  const step = new Float64Array(d);
  for (let r = 0; r < m; r++) step[index[r]!] = solved[r]!;
  return step;
}

/** Halves the step until the log-likelihood does not decrease; null after 40 halvings. */
function lineSearch(studies: readonly StudyTerms[], theta: Float64Array, step: Float64Array, value: number, nodes: number): Float64Array | null {
  let scale = 1;
  for (let h = 0; h < 40; h++) {
    const trial = theta.map((t, i) => t + scale * step[i]!);
    const v = totalLogLikelihood(studies, trial, nodes);
    if (Number.isFinite(v) && v >= value - 1e-13 * Math.abs(value)) return trial;
    scale /= 2;
  }
  return null;
}

/** Why Newton–Raphson stopped without converging: a coefficient running off, or no progress. */
function divergenceReason(theta: Float64Array): string {
  const far = theta.findIndex((t) => Math.abs(t) > 15);
  return far >= 0
    ? `Newton–Raphson did not converge: parameter ${far + 1} runs off towards ${theta[far]! > 0 ? '+' : '-'}Infinity (the likelihood has no finite maximum, e.g. no events in one group of every study)`
    : `Newton–Raphson did not converge in ${MAX_ITERATIONS} iterations (the likelihood is flat or the information matrix is singular)`;
}
