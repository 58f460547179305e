import { betaPowerTerm, logBetaPowerTerm, logGammaPowerTerm } from './power-terms.ts';

/**
 * Log density of the noncentral F distribution's leading Poisson–beta term and the mixture
 * sum around it. The noncentral F with d₁, d₂ degrees of freedom and noncentrality λ is
 * d₂Y/(d₁(1 − Y)) with Y noncentral beta: f_Y(y) = Σₖ Pois(k; λ/2)·Beta(y; d₁/2 + k, d₂/2)
 * (Johnson, Kotz & Balakrishnan, 1995, ch. 30). The sum starts at its largest term, k̂ the
 * root of t_{k+1}/t_k = 1, and runs outwards until a term falls below 1e-16 of the sum, using
 * t_{k+1}/t_k = (λ/2)·y·(a + b + k)/((k + 1)(a + k)).
 */
function logMixture(y: number, w: number, a: number, b: number, mu: number): { logTop: number; sum: () => number } {
  const my = mu * y;
  const half = (my - a - 1) / 2;
  const disc = half * half + my * (a + b) - a;
  const top = disc <= 0 ? 0 : Math.max(0, Math.ceil(half + Math.sqrt(disc)));
  const logPois = mu === 0 ? (top === 0 ? 0 : -Infinity) : top === 0 ? -mu : logGammaPowerTerm(top + 1, mu) - Math.log(mu);
  const logBeta = logBetaPowerTerm(y, w, a + top, b) - Math.log(y) - Math.log(w);
  return {
    logTop: logPois + logBeta,
    sum: () => {
      let sum = 1;
      let term = 1;
      for (let k = top; k > 0 && term > sum * 1e-16; ) {
        k--;
        term *= ((k + 1) * (k + a)) / ((k + a + b) * my);
        sum += term;
      }
      term = 1;
      for (let k = top; term > sum * 1e-16; k++) {
        term *= (my * (k + a + b)) / ((k + a) * (k + 1));
        sum += term;
      }
      return sum;
    },
  };
}

/**
 * Density of the noncentral F distribution with d₁, d₂ degrees of freedom and noncentrality λ
 * at x > 0, through the noncentral beta mixture (see above): f(x) = f_Y(y)·(d₁/d₂)·(1 − y)²
 * with y = d₁x/(d₁x + d₂). λ = 0 gives the central density. `logCutoff` (default −∞): return 0
 * without summing when the largest mixture term is below e^logCutoff (for callers that only
 * need densities above some floor). NaN for x ≤ 0 or non-finite arguments.
 *
 * @example
 * noncentralFPdf(1, 4, 10, 0) // => 0.455349629588254 (central; R: df(1, 4, 10))
 */
export function noncentralFPdf(x: number, d1: number, d2: number, ncp: number, logCutoff = -Infinity): number {
  if (!(x > 0) || !Number.isFinite(x) || !(d1 > 0) || !(d2 > 0) || !(ncp >= 0) || !Number.isFinite(ncp)) return NaN;
  const r = (d1 / d2) * x;
  const y = r / (1 + r), w = 1 / (1 + r);
  const a = d1 / 2, b = d2 / 2;
  if (ncp === 0) return (betaPowerTerm(y, w, a, b) / (y * w)) * (d1 / d2) * w * w;
  const m = logMixture(y, w, a, b, ncp / 2);
  if (m.logTop < logCutoff) return 0;
  return Math.exp(m.logTop + Math.log(m.sum())) * (d1 / d2) * w * w;
}
