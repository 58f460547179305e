import { checkArguments } from './check-arguments.ts';
import betaincinv from '@stdlib/math-base-special-betaincinv';
import { chiSquarePdf, chiSquareQuantile } from './chi-square.ts';
import type { DoubleDouble } from '../numeric/double-double.ts';
import { ddAdd, ddAddNumber, ddDiv, ddMul } from '../numeric/double-double.ts';
import { regularizedBetaPrecise } from './incomplete-beta.ts';
import { regularizedGamma } from './incomplete-gamma.ts';
import { invertTail } from './invert-tail.ts';
import { logBeta } from './log-beta.ts';
import { normalCdf, normalPdf, normalQuantile, normalSf } from './normal.ts';
import { betaPowerTerm, logBetaPowerTerm } from './power-terms.ts';

/**
 * Degrees of freedom treated as infinite, as R does for `Inf`: F(d₁, ∞) = χ²_{d₁}/d₁ and
 * F(∞, d₂) = d₂/χ²_{d₂}; with both infinite, log F is taken as normal with variance
 * 2/d₁ + 2/d₂ (a point mass at 1 for d₁ = d₂ = Infinity). Beyond 1e20 the incomplete-beta
 * continued fraction would lose digits even in double-double, and the limits are then exact
 * to O(x²·d₁/d₂).
 */
const HUGE_DF = 1e20;

/**
 * The beta arguments of an F value, u = d₁x/(d₁x + d₂) and its complement v = d₂/(d₁x + d₂),
 * in double-double through r = (d₁/d₂)·x (or its reciprocal when d₁x > d₂), so neither is
 * formed as 1 minus the other and nothing overflows for huge x.
 */
function betaArguments(x: number, d1: number, d2: number): [u: DoubleDouble, v: DoubleDouble] {
  if (d1 * x <= d2) {
    const r = ddMul(ddDiv([d1, 0], [d2, 0]), [x, 0]);
    const onePlus = ddAddNumber(r, 1);
    return [ddDiv(r, onePlus), ddDiv([1, 0], onePlus)];
  }
  const ratio = ddDiv([d2, 0], [d1, 0]);
  // for x beyond 1e290 the splitting in the product would overflow; r is then tiny anyway
  const r = x < 1e290 ? ddDiv(ratio, [x, 0]) : ([ratio[0] / x, 0] as const);
  const onePlus = ddAddNumber(r, 1);
  return [ddDiv([1, 0], onePlus), ddDiv(r, onePlus)];
}

/** u, v, a = d₁/2, b = d₂/2 and the deviation b·u − a·v of an F value, for the power term. */
function powerTermArguments(x: number, d1: number, d2: number): [number, number, number, number, number] {
  const [u, v] = betaArguments(x, d1, d2);
  const a = d1 / 2;
  const b = d2 / 2;
  const d = ddAdd(ddMul([b, 0], u), ddMul([-a, 0], v));
  return [u[0] + u[1], v[0] + v[1], a, b, d[0] + d[1]];
}

/** log f(x) for 0 < x < Infinity and finite degrees of freedom (see `fisherFPdf`). */
function logFisherFPdf(x: number, d1: number, d2: number): number {
  return logBetaPowerTerm(...powerTermArguments(x, d1, d2)) - Math.log(x);
}

function invalid(d1: number, d2: number): boolean {
  return !(d1 > 0) || !(d2 > 0);
}

/** Standard deviation of log F in the double limit (0 for two infinite df). */
function logSd(d1: number, d2: number): number {
  return Math.sqrt(2 / d1 + 2 / d2);
}

/**
 * F density with `df1` and `df2` degrees of freedom, R's `df(x, df1, df2)`:
 * f(x) = (d₁x)^{d₁/2} d₂^{d₂/2} / ((d₁x + d₂)^{(d₁+d₂)/2}·x·B(d₁/2, d₂/2)) (Abramowitz &
 * Stegun 26.6.1), evaluated as u^{d₁/2} v^{d₂/2}/(B·x) with u = d₁x/(d₁x + d₂), v = 1 − u,
 * through `betaPowerTerm` (accurate for large degrees of freedom and tiny x). f(0) is
 * Infinity for d₁ < 2, 1 for d₁ = 2 and 0 for d₁ > 2; 0 for x < 0. Degrees of freedom above
 * 1e20 or Infinity use the limits described at `fisherFCdf`. NaN for NaN x or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * fisherFPdf(1, 2, 2) // => 0.24999999999999994 (1/(1 + x)² at x = 1)
 * fisherFPdf(3, 3, 7) // => 0.06347107132747251
 */
export function fisherFPdf(x: number, df1: number, df2: number): number {
  if (typeof x !== 'number' || typeof df1 !== 'number' || typeof df2 !== 'number') checkArguments('fisherFPdf', { x, df1, df2 });
  if (Number.isNaN(x) || invalid(df1, df2)) return NaN;
  if (x < 0 || x === Infinity) return 0;
  if (df1 > HUGE_DF && df2 > HUGE_DF) {
    const sd = logSd(df1, df2);
    if (sd === 0) return x === 1 ? Infinity : 0;
    return x === 0 ? 0 : normalPdf(Math.log(x) / sd) / (sd * x);
  }
  if (df2 > HUGE_DF) return df1 * chiSquarePdf(df1 * x, df1);
  if (df1 > HUGE_DF) return x === 0 ? 0 : (df2 / (x * x)) * chiSquarePdf(df2 / x, df2);
  if (x === 0) return df1 < 2 ? Infinity : df1 === 2 ? 1 : 0;
  return betaPowerTerm(...powerTermArguments(x, df1, df2)) / x;
}

/** One tail of F: P(F ≤ x) = I_u(d₁/2, d₂/2) (A&S 26.6.2), or a limit for huge df. */
function fTail(x: number, d1: number, d2: number, upper: boolean): number {
  if (Number.isNaN(x) || invalid(d1, d2)) return NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  if (d1 > HUGE_DF && d2 > HUGE_DF) {
    const sd = logSd(d1, d2);
    if (sd === 0) return x === 1 ? 0.5 : x < 1 === upper ? 1 : 0;
    const z = Math.log(x) / sd;
    return upper ? normalSf(z) : normalCdf(z);
  }
  if (d2 > HUGE_DF) return regularizedGamma(d1 / 2, (d1 * x) / 2, upper);
  if (d1 > HUGE_DF) return regularizedGamma(d2 / 2, d2 / x / 2, !upper);
  const a = d1 / 2;
  const ratio = (d1 / d2) * x;
  if (ratio < 1e-300) {
    // u = d₁x/(d₁x + d₂) would be subnormal: I_u(a, b) = u^a/(a·B(a, b))·(1 + O(u)), in logs
    const lower = Math.exp(a * (Math.log(d1 / d2) + Math.log(x)) - Math.log(a) - logBeta(a, d2 / 2));
    return upper ? 1 - lower : lower;
  }
  const [u, v] = betaArguments(x, d1, d2);
  return regularizedBetaPrecise(u, v, a, d2 / 2, upper);
}

/**
 * F cumulative distribution function, R's `pf(x, df1, df2)`: P(F ≤ x) = I_u(d₁/2, d₂/2) with
 * u = d₁x/(d₁x + d₂), the regularized incomplete beta (`regularizedBetaPrecise`, u and 1 − u
 * formed in double-double, tail side computed directly): ~1e-14 relative accuracy in both
 * tails down to 1e-300, for small (0.5) and large (1e6) degrees of freedom; R's own `pf`
 * is off by up to 1e-8 in some deep tails. Degrees of freedom above 1e20 or Infinity use the
 * limits F(d₁, ∞) = χ²_{d₁}/d₁, F(∞, d₂) = d₂/χ²_{d₂} (as R does for `Inf`) and, with both,
 * log F ~ N(0, 2/d₁ + 2/d₂). 0 for x ≤ 0; NaN for NaN x or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * fisherFCdf(4.964602743730711, 1, 10) // => 0.95
 * fisherFCdf(1e-12, 1, 1) // => 6.366197723673693e-7
 */
export function fisherFCdf(x: number, df1: number, df2: number): number {
  if (typeof x !== 'number' || typeof df1 !== 'number' || typeof df2 !== 'number') checkArguments('fisherFCdf', { x, df1, df2 });
  return fTail(x, df1, df2, false);
}

/**
 * F survival function, R's `pf(x, df1, df2, lower.tail = FALSE)`: P(F > x) = I_v(d₂/2, d₁/2)
 * with v = d₂/(d₁x + d₂), computed directly (never 1 − cdf); see `fisherFCdf` for accuracy and
 * the limits for huge df. 1 for x ≤ 0; NaN for NaN x or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * fisherFSf(4.964602743730711, 1, 10) // => 0.049999999999999996
 * fisherFSf(1e4, 2, 50) // => 8.344314885507978e-66
 */
export function fisherFSf(x: number, df1: number, df2: number): number {
  if (typeof x !== 'number' || typeof df1 !== 'number' || typeof df2 !== 'number') checkArguments('fisherFSf', { x, df1, df2 });
  return fTail(x, df1, df2, true);
}

/** Degrees of freedom above which start values come from limits, not stdlib (slow there). */
const LARGE_DF = 1e5;

/** log of a start value for x with the requested tail equal to q ≤ ½. */
function logStart(q: number, d1: number, d2: number, upperSide: boolean): number {
  if (d1 > LARGE_DF && d2 > LARGE_DF) return logSd(d1, d2) * normalQuantile(q, upperSide);
  if (d2 > LARGE_DF) return Math.log(chiSquareQuantile(q, d1, upperSide) / d1);
  if (d1 > LARGE_DF) return Math.log(d2 / chiSquareQuantile(q, d2, !upperSide));
  const a = d1 / 2;
  const b = d2 / 2;
  // stdlib's inverse beta (~1e-10 accurate, worse for large df): on the lower side solve
  // I_u(a, b) = q for u, on the upper side I_v(b, a) = q for v = 1 − u
  if (upperSide) {
    const v = betaincinv(q, b, a, false);
    if (v > 0 && v < 1) return Math.log(d2 / d1) + Math.log1p(-v) - Math.log(v);
    // far upper tail: I_v(b, a) ≈ v^b/(b·B(a, b))
    const logV = (Math.log(q) + Math.log(b) + logBeta(a, b)) / b;
    return Math.log(d2 / d1) - logV;
  }
  const u = betaincinv(q, a, b, false);
  if (u > 0 && u < 1) return Math.log(d2 / d1) + Math.log(u) - Math.log1p(-u);
  const logU = (Math.log(q) + Math.log(a) + logBeta(a, b)) / a; // I_u(a, b) ≈ u^a/(a·B)
  return Math.log(d2 / d1) + logU;
}

/**
 * F quantile, R's `qf(p, df1, df2)`; with `upper`, R's `qf(p, df1, df2, lower.tail = FALSE)`.
 *
 * Solved on the tail whose probability is ≤ ½ (1 − p is exact for p ≥ ½): a start value from
 * stdlib's inverse incomplete beta (or a tail asymptote; for df > 1e5 the chi-square or
 * log-normal limit), then Newton steps on the log tail
 * probability in log x (`invertTail`) with the accurate `fisherFCdf`/`fisherFSf` and the log
 * density. Accuracy ~1e-14 relative everywhere tested, including quantiles near 0, where R's
 * `qf` (computed as (1/qbeta(…) − 1)·d₂/d₁) cancels: fisherFQuantile(1e-10, 1, 1) is
 * tan²(π·1e-10/2) = 2.47e-20 where R returns 0, and df2 = 1e6, where R's qf is off by 1e-5.
 * Huge or infinite df use the limits of `fisherFCdf`. p = 0 or 1 give the support ends 0 and
 * Infinity; NaN for NaN, p outside [0, 1] or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * fisherFQuantile(0.95, 1, 10) // => 4.964602743730707
 * fisherFQuantile(1e-10, 1, 1) // => 2.4674011002723382e-20
 */
export function fisherFQuantile(p: number, df1: number, df2: number, upper = false): number {
  if (typeof p !== 'number' || typeof df1 !== 'number' || typeof df2 !== 'number' || typeof upper !== 'boolean') checkArguments('fisherFQuantile', { p, df1, df2, upper });
  if (!(p >= 0 && p <= 1) || invalid(df1, df2)) return NaN;
  if (p === 0) return upper ? Infinity : 0;
  if (p === 1) return upper ? 0 : Infinity;
  if (df1 > HUGE_DF && df2 > HUGE_DF) return Math.exp(logSd(df1, df2) * normalQuantile(p, upper));
  if (df2 > HUGE_DF) return chiSquareQuantile(p, df1, upper) / df1;
  if (df1 > HUGE_DF) return df2 / chiSquareQuantile(p, df2, !upper);
  const useUpper = upper ? p <= 0.5 : p > 0.5;
  const q = p <= 0.5 ? p : 1 - p;
  return invertTail(
    (x) => fTail(x, df1, df2, useUpper),
    (x) => logFisherFPdf(x, df1, df2),
    useUpper,
    q,
    logStart(q, df1, df2, useUpper),
  );
}
