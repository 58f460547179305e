import gammaln from '@stdlib/math-base-special-gammaln';
import { logChoose } from './log-factorial.ts';
import { hypergeometricObservation, observationTerm } from './observation.ts';
import type { GlmmData } from './glmm-data.ts';

/**
 * The saturated model of a GLMM fit — one effect per study (metafor's `X.QE` fit): its
 * log-likelihood and, per study, the effect ωᵢ and its information wᵢ = 1/Var(ω̂ᵢ) (0 when ω̂ᵢ
 * is infinite, i.e. a zero cell, where the fit's coefficient runs off to ±Infinity).
 */
export interface SaturatedFit {
  readonly logLik: number;
  readonly effects: Float64Array;
  readonly weights: Float64Array;
}

/** x·log(x/n) with 0·log 0 = 0. */
function xlogx(x: number, n: number): number {
  return x > 0 ? x * Math.log(x / n) : 0;
}

/** Saturated binomial log-likelihood of y events in n trials. */
function binomialSaturated(y: number, n: number): number {
  return xlogx(y, n) + xlogx(n - y, n) + logChoose(n, y);
}

/** Saturated Poisson log-likelihood of y events. */
function poissonSaturated(y: number): number {
  return (y > 0 ? y * Math.log(y) - y : 0) - gammaln(y + 1);
}

/**
 * Saturated fits with a closed form (every study fitted exactly), by model:
 * - `PLO`: ωᵢ = logit(xᵢ/nᵢ), wᵢ = xᵢ(nᵢ − xᵢ)/nᵢ; `IRLN`: ωᵢ = log(xᵢ/tᵢ), wᵢ = xᵢ;
 * - `UM.FS` OR: ωᵢ = log(aᵢdᵢ/bᵢcᵢ), 1/wᵢ = 1/aᵢ + 1/bᵢ + 1/cᵢ + 1/dᵢ (Woolf); IRR: ωᵢ = log(x1ᵢt2ᵢ/x2ᵢt1ᵢ),
 *   1/wᵢ = 1/x1ᵢ + 1/x2ᵢ; the log-likelihood sums both groups' saturated terms;
 * - conditional binomial (`CM.AL` OR, `CM.EL` IRR): ωᵢ = log(aᵢ/cᵢ) − offsetᵢ, wᵢ = aᵢcᵢ/(aᵢ + cᵢ);
 * - `CM.EL` OR: the conditional maximum-likelihood log odds ratio of each table (Newton on
 *   E_ψ[U] = aᵢ), wᵢ = Var_ψ̂[U], log-likelihood Σ log P(aᵢ | ψ̂ᵢ) (0 for a table whose aᵢ is at the end
 *   of its support, where ψ̂ᵢ is infinite).
 */
export function closedSaturatedFit(data: GlmmData, kind: 'PLO' | 'IRLN' | 'UM.FS-OR' | 'UM.FS-IRR' | 'CM-odds' | 'CM-rates' | 'CM.EL-OR'): SaturatedFit {
  const { k } = data;
  const effects = new Float64Array(k);
  const weights = new Float64Array(k);
  let logLik = 0;
  for (let i = 0; i < k; i++) {
    const [a, b, c, d, t1, t2] = [data.a[i]!, data.b[i]!, data.c[i]!, data.d[i]!, data.t1[i]!, data.t2[i]!];
    let omega = NaN;
    let w = 0;
    switch (kind) {
      case 'PLO':
        logLik += binomialSaturated(a, a + b);
        omega = Math.log(a / b);
        w = (a * b) / (a + b);
        break;
      case 'IRLN':
        logLik += poissonSaturated(a);
        omega = Math.log(a / t1);
        w = a;
        break;
      case 'UM.FS-OR':
        logLik += binomialSaturated(a, a + b) + binomialSaturated(c, c + d);
        omega = Math.log((a * d) / (b * c));
        w = 1 / (1 / a + 1 / b + 1 / c + 1 / d);
        break;
      case 'UM.FS-IRR':
        logLik += poissonSaturated(a) + poissonSaturated(c);
        omega = Math.log((a * t2) / (c * t1));
        w = 1 / (1 / a + 1 / c);
        break;
      case 'CM-odds':
      case 'CM-rates':
        logLik += binomialSaturated(a, a + c);
        omega = Math.log(a / c) - (kind === 'CM-rates' ? Math.log(t1 / t2) : Math.log((a + b) / (c + d)));
        w = (a * c) / (a + c);
        break;
      case 'CM.EL-OR': {
        const fit = conditionalMle(a, b, c, d);
        logLik += fit.logLik;
        omega = fit.omega;
        w = fit.information;
        break;
      }
    }
    const finite = Number.isFinite(omega) && w > 0 && Number.isFinite(w);
    effects[i] = finite ? omega : NaN;
    weights[i] = finite ? w : 0;
  }
  return { logLik, effects, weights };
}

/** Conditional MLE of the log odds ratio of one 2x2 table (Fisher's non-central hypergeometric). */
export function conditionalMle(a: number, b: number, c: number, d: number): { omega: number; information: number; logLik: number } {
  const o = hypergeometricObservation(a, b, c, d, new Float64Array(0), new Float64Array(0));
  const low = o.support!.low;
  const high = low + o.support!.logWeights.length - 1;
  if (a <= low || a >= high) return { omega: a <= low ? -Infinity : Infinity, information: 0, logLik: 0 };
  const term = { value: 0, d1: 0, d2: 0 };
  let eta = Math.log(((a + 0.5) * (d + 0.5)) / ((b + 0.5) * (c + 0.5)));
  for (let it = 0; it < 100; it++) {
    observationTerm(o, eta, term);
    const step = -term.d1 / term.d2;
    eta += step;
    if (Math.abs(step) < 1e-14 * (1 + Math.abs(eta))) break;
  }
  observationTerm(o, eta, term);
  return { omega: eta, information: -term.d2, logLik: term.value };
}
