import { log1pmx } from './log1pmx.ts';
import { normalCdf, normalPdf, normalSf } from './normal.ts';
import { gammaPowerTerm } from './power-terms.ts';

const MAX_ITERATIONS = 10_000_000;
const TINY = 1e-300;

/**
 * Lower ratio P(a, x) by its power series (Abramowitz & Stegun 6.5.29):
 * P = x^a e^{−x}/Γ(a + 1) · Σ_{k≥0} x^k / ((a + 1)(a + 2)…(a + k)), used for x < a + 1, where
 * the ratios x/(a + k) are below 1. Summation stops once the geometric bound on the rest,
 * term·r/(1 − r), is below half an ulp of the sum.
 */
function lowerSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < MAX_ITERATIONS; k++) {
    const r = x / (a + k);
    term *= r;
    sum += term;
    if (term * r <= 1.1e-16 * sum * (1 - r)) break;
  }
  return gammaPowerTerm(a, x) * (sum / a);
}

/**
 * Upper ratio Q(a, x) by Legendre's continued fraction (A&S 6.5.31, Numerical Recipes §6.2
 * form), evaluated with the modified Lentz method, used for x ≥ a + 1:
 * Q = x^a e^{−x}/Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …))).
 */
function upperFraction(a: number, x: number): number {
  const xma = x - a; // exact when x and a are within a factor 2 (Sterbenz)
  let b = xma + 1;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = i * (a - i);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= Number.EPSILON) break; // delta within one ulp of 1
  }
  return gammaPowerTerm(a, x) * h;
}

/** Shape above which Temme's uniform expansion replaces the series and continued fraction. */
const LARGE_SHAPE = 5e7;

/**
 * Temme's uniform asymptotic expansion for large a (Temme 1979, SIAM J. Math. Anal. 10:757;
 * DiDonato & Morris 1986, ACM TOMS 12:377, eq. 32), truncated after its first term:
 * Q(a, x) = ½·erfc(η·√(a/2)) + e^{−aη²/2}/√(2πa) · [C₀(η) + O(1/a)], with λ = x/a,
 * η = sign(λ − 1)·√(2(λ − 1 − log λ)) and C₀(η) = 1/(λ − 1) − 1/η (its Taylor series
 * −1/3 + η/12 − 2η²/135 + η³/864 near η = 0). For a > 5e7 the neglected term is below
 * 1e-12 of the correction, which is itself ~1/√a of the result, while the series would
 * need √a iterations.
 */
function temme(a: number, x: number, upper: boolean): number {
  const t = (x - a) / a; // λ − 1
  const eta = Math.sign(t) * Math.sqrt(-2 * log1pmx(t));
  const c0 =
    Math.abs(eta) < 1e-3 ? -1 / 3 + eta * (1 / 12 - eta * (2 / 135 - eta / 864)) : 1 / t - 1 / eta;
  const z = eta * Math.sqrt(a);
  const correction = (normalPdf(z) / Math.sqrt(a)) * c0;
  return upper ? normalSf(z) + correction : normalCdf(z) - correction;
}

/**
 * Regularized incomplete gamma ratios P(a, x) = γ(a, x)/Γ(a) (lower) and Q(a, x) = Γ(a, x)/Γ(a)
 * (upper), each computed directly so that the smaller one keeps its relative accuracy down to
 * the underflow limit: the series for P when x < a + 1, Legendre's continued fraction for Q
 * otherwise, the other ratio as 1 minus it (then ≥ ~0.3, so nothing is lost). The power term
 * x^a e^{−x}/Γ(a) comes from `logGammaPowerTerm`, accurate for large a.
 *
 * For a > 5e7 (ν > 1e8) Temme's uniform asymptotic expansion is used instead (see `temme`).
 *
 * Scale: a > 0 (shape), x ≥ 0; NaN for NaN or a ≤ 0 or infinite. Relative error ~1e-14 for
 * a ≥ 0.05 (a few ulps of the logarithm for results near 1e-300); for smaller a with x < a + 1
 * the upper ratio is 1 − P, accurate to ~1e-16 absolute. Work grows like √a near x = a
 * (6,000 terms at a = 5e5, 6e4 at a = 5e7).
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * regularizedGamma(1, 2, true) // => 0.1353352832366127 (e^{-2})
 */
export function regularizedGamma(a: number, x: number, upper: boolean): number {
  if (Number.isNaN(x) || !(a > 0) || a === Infinity) return NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  if (a > LARGE_SHAPE) return temme(a, x, upper);
  if (x < a + 1) {
    const p = lowerSeries(a, x);
    return upper ? 1 - p : p;
  }
  const q = upperFraction(a, x);
  return upper ? q : 1 - q;
}
