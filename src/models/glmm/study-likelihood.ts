import { gaussHermite } from '../../numeric/gauss-hermite.ts';
import { observationTerm } from './observation.ts';
import type { Observation, TermValue } from './observation.ts';

/**
 * The observations of one study (cluster) and where its parameters sit in the global
 * parameter vector: `fixed[l]` is the global index of the l-th fixed coefficient the rows'
 * `x` refer to, `random[r]` the global index of the standard deviation of random effect r.
 */
export interface StudyTerms {
  readonly fixed: Int32Array;
  readonly random: Int32Array;
  readonly observations: readonly Observation[];
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Marginal log-likelihood of one study, log ∫ Πⱼ f(yⱼ | ηⱼ(b)) φ_q(b) db with
 * ηⱼ(b) = offsetⱼ + xⱼᵀθ + Σᵣ zⱼᵣ·sᵣ·bᵣ, by adaptive Gauss–Hermite quadrature (Liu & Pierce,
 * 1994; Pinheiro & Bates, 1995): the nodes are centred at the mode b̂ of the integrand and
 * scaled by the Cholesky factor of its negative Hessian, as lme4's `glmer(nAGQ)` does;
 * `nodes = 1` is the Laplace approximation. For q = 2 the product rule of nodes² points.
 * Without random effects (q = 0) it is Σⱼ log f(yⱼ | ηⱼ).
 *
 * @returns the log-likelihood, −Infinity when the integrand vanishes, NaN for NaN parameters
 */
export function studyLogLikelihood(study: StudyTerms, theta: Float64Array, nodes: number): number {
  const { observations, fixed, random } = study;
  const m = observations.length;
  const q = random.length;
  const eta0 = linearPredictors(study, theta);
  const term: TermValue = { value: 0, d1: 0, d2: 0 };
  if (q === 0) {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += observationTerm(observations[j]!, eta0[j]!, term).value;
    return sum;
  }
  const loads = randomLoadings(study, theta);
  const mode = findMode(observations, eta0, loads, q, term);
  if (mode === null) return -Infinity;
  return quadrature(observations, eta0, loads, q, mode, nodes, term);
}

interface Mode { b: Float64Array; chol: Float64Array /* lower-triangular factor of −H, q×q */ }

/** log integrand g(b) = Σ log f − |b|²/2 (without −q/2·log 2π), with gradient and −Hessian. */
function integrand(
  observations: readonly Observation[], eta0: Float64Array, loads: Float64Array, q: number,
  b: Float64Array, term: TermValue, grad: Float64Array | null, negHess: Float64Array | null,
): number {
  let value = 0;
  if (grad) for (let r = 0; r < q; r++) grad[r] = -b[r]!;
  if (negHess) { negHess.fill(0); for (let r = 0; r < q; r++) negHess[r * q + r] = 1; }
  for (let r = 0; r < q; r++) value -= 0.5 * b[r]! * b[r]!;
  for (let j = 0; j < observations.length; j++) {
    let eta = eta0[j]!;
    for (let r = 0; r < q; r++) eta += loads[j * q + r]! * b[r]!;
    observationTerm(observations[j]!, eta, term);
    value += term.value;
    if (grad && negHess) {
      for (let r = 0; r < q; r++) {
        const ar = loads[j * q + r]!;
        grad[r] = grad[r]! + term.d1 * ar;
        for (let c = 0; c < q; c++) negHess[r * q + c] = negHess[r * q + c]! - term.d2 * ar * loads[j * q + c]!;
      }
    }
  }
  return value;
}

/** Newton's method with step halving for the mode of the (log-concave) integrand. */
function findMode(observations: readonly Observation[], eta0: Float64Array, loads: Float64Array, q: number, term: TermValue): Mode | null {
  const b = new Float64Array(q);
  const grad = new Float64Array(q);
  const negHess = new Float64Array(q * q);
  const trial = new Float64Array(q);
  let value = integrand(observations, eta0, loads, q, b, term, grad, negHess);
  let small = 0;
  for (let it = 0; it < 200 && small < 2; it++) {
    const step = solveSmall(negHess, grad, q);
    if (step === null) return null;
    let scale = 1;
    let accepted = false;
    for (let h = 0; h < 60; h++) {
      for (let r = 0; r < q; r++) trial[r] = b[r]! + scale * step[r]!;
      const v = integrand(observations, eta0, loads, q, trial, term, null, null);
      if (v >= value - 1e-12 * Math.abs(value)) { accepted = true; break; }
      scale /= 2;
    }
    if (!accepted) break;
    let size = 0;
    for (let r = 0; r < q; r++) { size = Math.max(size, Math.abs(scale * step[r]!)); b[r] = trial[r]!; }
    value = integrand(observations, eta0, loads, q, b, term, grad, negHess);
    if (size < 1e-11 * (1 + maxAbs(b))) small++;
  }
  if (!Number.isFinite(value)) return null;
  integrand(observations, eta0, loads, q, b, term, grad, negHess);
  const chol = choleskySmall(negHess, q);
  return chol ? { b, chol } : null;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/** Solves A x = g for the q×q (q ≤ 2) positive definite A. */
function solveSmall(a: Float64Array, g: Float64Array, q: number): Float64Array | null {
  if (q === 1) return a[0]! > 0 ? Float64Array.of(g[0]! / a[0]!) : null;
  const det = a[0]! * a[3]! - a[1]! * a[2]!;
  if (!(det > 0)) return null;
  return Float64Array.of((a[3]! * g[0]! - a[1]! * g[1]!) / det, (a[0]! * g[1]! - a[2]! * g[0]!) / det);
}

function choleskySmall(a: Float64Array, q: number): Float64Array | null {
  if (q === 1) return a[0]! > 0 ? Float64Array.of(Math.sqrt(a[0]!)) : null;
  const l00 = Math.sqrt(a[0]!);
  const l10 = a[2]! / l00;
  const d = a[3]! - l10 * l10;
  if (!(l00 > 0) || !(d > 0)) return null;
  return Float64Array.of(l00, 0, l10, Math.sqrt(d));
}

/**
 * Σ over the product grid of w·exp(g(b̂ + √2·L⁻ᵀt) + |t|²) on the log scale, times the Jacobian
 * 2^{q/2}/|L| and the normal constant (2π)^{−q/2}.
 */
function quadrature(
  observations: readonly Observation[], eta0: Float64Array, loads: Float64Array, q: number,
  mode: Mode, nodes: number, term: TermValue,
): number {
  const rule = gaussHermite(nodes);
  const { b: center, chol } = mode;
  const count = nodes ** q;
  const logs = new Float64Array(count);
  const b = new Float64Array(q);
  const t = new Float64Array(q);
  let top = -Infinity;
  for (let index = 0; index < count; index++) {
    let rest = index;
    let logWeight = 0;
    let tt = 0;
    for (let r = 0; r < q; r++) {
      const k = rest % nodes;
      rest = Math.floor(rest / nodes);
      t[r] = rule.nodes[k]!;
      logWeight += Math.log(rule.weights[k]!);
      tt += t[r]! * t[r]!;
    }
    // b = center + √2 · L⁻ᵀ t (back substitution with the lower factor L)
    if (q === 1) b[0] = center[0]! + (Math.SQRT2 * t[0]!) / chol[0]!;
    else {
      const u1 = t[1]! / chol[3]!;
      const u0 = (t[0]! - chol[2]! * u1) / chol[0]!;
      b[0] = center[0]! + Math.SQRT2 * u0;
      b[1] = center[1]! + Math.SQRT2 * u1;
    }
    const v = logWeight + integrand(observations, eta0, loads, q, b, term, null, null) + tt;
    logs[index] = v;
    if (v > top) top = v;
  }
  if (!Number.isFinite(top)) return -Infinity;
  let sum = 0;
  for (let index = 0; index < count; index++) sum += Math.exp(logs[index]! - top);
  let logDet = 0;
  for (let r = 0; r < q; r++) logDet += Math.log(chol[r * q + r]!);
  return top + Math.log(sum) + (q / 2) * Math.LN2 - logDet - (q / 2) * LOG_2PI;
}

/**
 * Σⱼ log f(yⱼ | ηⱼ(b̂)) at the conditional mode b̂ of the random effects: the log-likelihood
 * metafor reports for its lme4 fits with one random effect (`ll.QE − deviance/2`, and lme4's
 * deviance of a GLMM is the sum of squared deviance residuals at the conditional modes).
 */
export function studyConditionalLogLikelihood(study: StudyTerms, theta: Float64Array): number {
  const { observations, fixed, random } = study;
  const m = observations.length;
  const q = random.length;
  const eta0 = linearPredictors(study, theta);
  const loads = randomLoadings(study, theta);
  const term: TermValue = { value: 0, d1: 0, d2: 0 };
  const b = q === 0 ? new Float64Array(0) : findMode(observations, eta0, loads, q, term)?.b;
  if (b === undefined) return NaN;
  let sum = 0;
  for (let j = 0; j < m; j++) {
    let eta = eta0[j]!;
    for (let r = 0; r < q; r++) eta += loads[j * q + r]! * b[r]!;
    sum += observationTerm(observations[j]!, eta, term).value;
  }
  return sum;
}

/** ηⱼ without the random effects: offsetⱼ + xⱼᵀθ. */
function linearPredictors(study: StudyTerms, theta: Float64Array): Float64Array {
  const { observations, fixed } = study;
  const eta0 = new Float64Array(observations.length);
  observations.forEach((o, j) => {
    let e = o.offset;
    for (let l = 0; l < fixed.length; l++) e += o.x[l]! * theta[fixed[l]!]!;
    eta0[j] = e;
  });
  return eta0;
}

/** zⱼᵣ·sᵣ, row-major m×q. */
function randomLoadings(study: StudyTerms, theta: Float64Array): Float64Array {
  const { observations, random } = study;
  const q = random.length;
  const loads = new Float64Array(observations.length * q);
  observations.forEach((o, j) => {
    for (let r = 0; r < q; r++) loads[j * q + r] = o.z[r]! * theta[random[r]!]!;
  });
  return loads;
}
