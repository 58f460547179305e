import gammaln from '@stdlib/math-base-special-gammaln';
import { logChoose } from './log-factorial.ts';

/**
 * One observation of a generalized linear mixed model on the scale of its linear predictor
 * η = offset + xᵀθ + Σᵣ zᵣ·sᵣ·bᵣ (θ the study's fixed coefficients, sᵣ the standard deviations
 * of the standard-normal random effects bᵣ).
 *
 * - `binomial`: y events of n, logit link: y·η − n·log(1 + e^η) + log C(n, y);
 * - `poisson`: y events, log link: y·η − e^η − log y!;
 * - `hypergeometric`: Fisher's non-central hypergeometric distribution of y = aᵢ given the margins
 *   n1 = aᵢ + bᵢ, n2 = cᵢ + dᵢ, m = aᵢ + cᵢ, with log odds ratio η:
 *   log C(n1, y) + log C(n2, m − y) + y·η − log Σᵤ C(n1, u)·C(n2, m − u)·e^{uη}.
 */
export interface Observation {
  readonly family: 'binomial' | 'poisson' | 'hypergeometric';
  readonly y: number;
  /** binomial: trials; hypergeometric: n1. */
  readonly n: number;
  readonly offset: number;
  /** Coefficients of the study's fixed parameters (local order). */
  readonly x: Float64Array;
  /** Loadings of the random effects (length q). */
  readonly z: Float64Array;
  /** hypergeometric: the lowest support point and log C(n1, u)·C(n2, m − u) over the support. */
  readonly support?: { readonly low: number; readonly logWeights: Float64Array };
  /** The normalising constant of the density. */
  readonly constant: number;
}

/** A log density with its first two derivatives in η. */
export interface TermValue { value: number; d1: number; d2: number }

/** log(1 + e^x) without overflow. */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * The log density of one observation at linear predictor η and its derivatives dℓ/dη, d²ℓ/dη²
 * (for the hypergeometric: y − E[U] and −Var[U] under the non-central distribution).
 */
export function observationTerm(o: Observation, eta: number, out: TermValue): TermValue {
  if (o.family === 'binomial') {
    const p = 1 / (1 + Math.exp(-eta));
    out.value = o.y * eta - o.n * log1pExp(eta) + o.constant;
    out.d1 = o.y - o.n * p;
    out.d2 = -o.n * p * (1 - p);
    return out;
  }
  if (o.family === 'poisson') {
    const mu = Math.exp(eta);
    out.value = o.y * eta - mu + o.constant;
    out.d1 = o.y - mu;
    out.d2 = -mu;
    return out;
  }
  return hypergeometricTerm(o, eta, out);
}

function hypergeometricTerm(o: Observation, eta: number, out: TermValue): TermValue {
  const { low, logWeights } = o.support!;
  let top = -Infinity;
  for (let j = 0; j < logWeights.length; j++) top = Math.max(top, logWeights[j]! + (low + j) * eta);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let j = 0; j < logWeights.length; j++) {
    const u = low + j;
    const w = Math.exp(logWeights[j]! + u * eta - top);
    s0 += w;
    s1 += w * u;
    s2 += w * u * u;
  }
  const mean = s1 / s0;
  out.value = o.constant + o.y * eta - top - Math.log(s0);
  out.d1 = o.y - mean;
  out.d2 = -Math.max(0, s2 / s0 - mean * mean);
  return out;
}

/** A binomial observation: y events out of n. */
export function binomialObservation(y: number, n: number, offset: number, x: Float64Array, z: Float64Array): Observation {
  return { family: 'binomial', y, n, offset, x, z, constant: logChoose(n, y) };
}

/** A Poisson observation: y events (the log exposure goes into `offset`). */
export function poissonObservation(y: number, offset: number, x: Float64Array, z: Float64Array): Observation {
  return { family: 'poisson', y, n: 0, offset, x, z, constant: -gammaln(y + 1) };
}

/** Fisher's non-central hypergeometric observation of a 2x2 table (a, b, c, d) conditional on its margins. */
export function hypergeometricObservation(a: number, b: number, c: number, d: number, x: Float64Array, z: Float64Array): Observation {
  const n1 = a + b;
  const n2 = c + d;
  const m = a + c;
  const low = Math.max(0, m - n2);
  const high = Math.min(n1, m);
  const logWeights = new Float64Array(high - low + 1);
  for (let u = low; u <= high; u++) logWeights[u - low] = logChoose(n1, u) + logChoose(n2, m - u);
  return {
    family: 'hypergeometric', y: a, n: n1, offset: 0, x, z,
    support: { low, logWeights }, constant: logWeights[a - low]!,
  };
}
