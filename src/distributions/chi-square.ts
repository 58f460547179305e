import { checkArguments } from './check-arguments.ts';
import gammaincinv from '@stdlib/math-base-special-gammaincinv';
import gammaln from '@stdlib/math-base-special-gammaln';
import { regularizedGamma } from './incomplete-gamma.ts';
import { invertTail } from './invert-tail.ts';
import { normalQuantile } from './normal.ts';
import { gammaPowerTerm, logGammaPowerTerm } from './power-terms.ts';

/** log f(x) for x > 0: f(x) = (x/2)^{ν/2} e^{−x/2} / (Γ(ν/2)·x). */
function logChiSquarePdf(x: number, df: number): number {
  return logGammaPowerTerm(df / 2, x / 2) - Math.log(x);
}

/**
 * Chi-square density with ν = `df` degrees of freedom, R's `dchisq(x, df)`:
 * f(x) = x^{ν/2−1} e^{−x/2} / (2^{ν/2} Γ(ν/2)) (Abramowitz & Stegun 26.4.1), evaluated as
 * (z^a e^{−z}/Γ(a))/x with a = ν/2, z = x/2 through `gammaPowerTerm`, which keeps
 * full relative accuracy for large ν (the naive log-gamma difference loses 8 digits at
 * ν = 1e6) and for tiny x. f(0) is Infinity for ν < 2, ½ for ν = 2 and 0 for ν > 2; 0 for x < 0.
 * NaN for NaN x or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * chiSquarePdf(2, 2) // => 0.18393972058572117 (e^{-1}/2)
 * chiSquarePdf(1e6, 1e6) // => 0.00028209474475808337 (R: 2.8209474475808342e-4)
 */
export function chiSquarePdf(x: number, df: number): number {
  if (typeof x !== 'number' || typeof df !== 'number') checkArguments('chiSquarePdf', { x, df });
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (df === Infinity) return NaN;
  if (x < 0 || x === Infinity) return 0;
  if (x === 0) return df < 2 ? Infinity : df === 2 ? 0.5 : 0;
  return gammaPowerTerm(df / 2, x / 2) / x;
}

/**
 * P(X ≤ x) or P(X > x) through P(ν/2, x/2) or Q(ν/2, x/2). For the smallest subnormal x, where
 * x/2 rounds to 0, the first series term P ≈ (x/2)^a/Γ(a + 1) is taken in logs.
 */
function chiSquareTail(x: number, df: number, upper: boolean): number {
  const a = df / 2;
  const z = x / 2;
  if (x > 0 && z === 0) {
    const p = Math.exp(a * (Math.log(x) - Math.LN2) - gammaln(a + 1));
    return upper ? 1 - p : p;
  }
  return regularizedGamma(a, z, upper);
}

/**
 * Chi-square cumulative distribution function, R's `pchisq(x, df)`:
 * P(X ≤ x) = P(ν/2, x/2), the regularized lower incomplete gamma (`regularizedGamma`: series or
 * continued fraction on the side of the smaller tail, Stirling-cancelled power term), so
 * both tails keep ~1e-14 relative accuracy (a few ulps of the logarithm, ≤ 4e-13, near 1e-300)
 * for ν from 0.1 to 1e6 and beyond. For ν < 0.1 the upper tail at x < ν + 2 is 1 − P, accurate
 * to ~1e-16 absolute. 0 for x ≤ 0; NaN for NaN x or df ≤ 0 (R treats df = 0 as a point mass).
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * chiSquareCdf(3.841458820694124, 1) // => 0.95
 * chiSquareCdf(1e4, 1e4) // => 0.5018806340338168
 */
export function chiSquareCdf(x: number, df: number): number {
  if (typeof x !== 'number' || typeof df !== 'number') checkArguments('chiSquareCdf', { x, df });
  if (Number.isNaN(x) || !(df > 0) || df === Infinity) return NaN;
  return chiSquareTail(x, df, false);
}

/**
 * Chi-square survival function, R's `pchisq(x, df, lower.tail = FALSE)`:
 * P(X > x) = Q(ν/2, x/2), the regularized upper incomplete gamma computed directly (never
 * 1 − cdf), e.g. chiSquareSf(1300, 3) = 1.47e-281. 1 for x ≤ 0; NaN for NaN x or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * chiSquareSf(3.841458820694124, 1) // => 0.0500000000000001
 * chiSquareSf(1300, 3) // => 1.4717437106980768e-281
 */
export function chiSquareSf(x: number, df: number): number {
  if (typeof x !== 'number' || typeof df !== 'number') checkArguments('chiSquareSf', { x, df });
  if (Number.isNaN(x) || !(df > 0) || df === Infinity) return NaN;
  return chiSquareTail(x, df, true);
}

/** Degrees of freedom above which the start value is Wilson–Hilferty's, not stdlib's. */
const LARGE_DF = 1e5;

/** log of a start value for x with tail(x) = q (q ≤ ½) on the requested side. */
function logStart(q: number, df: number, upperSide: boolean): number {
  const a = df / 2;
  if (df > LARGE_DF) {
    // Wilson & Hilferty (1931): (X/ν)^{1/3} is nearly normal with mean 1 − 2/(9ν) and
    // variance 2/(9ν); stdlib's inverse is slow there (its iterations grow with √ν)
    const v = 2 / (9 * df);
    const cube = 1 - v + normalQuantile(q, upperSide) * Math.sqrt(v);
    return Math.log(df) + 3 * Math.log(Math.max(cube, 1e-3));
  }
  const z = gammaincinv(q, a, upperSide); // stdlib, ~1e-10 (worse for large a)
  if (z > 0 && Number.isFinite(z)) return Math.log(2 * z);
  if (!upperSide) return Math.log(2) + (Math.log(q) + gammaln(a + 1)) / a; // P ≈ z^a/Γ(a+1)
  return Math.log(2 * Math.max(a, -Math.log(q))); // Q ≈ e^{−z}·…: z of order −log q
}

/**
 * Chi-square quantile, R's `qchisq(p, df)`; with `upper`, R's
 * `qchisq(p, df, lower.tail = FALSE)`.
 *
 * The equation is solved on the tail whose probability is ≤ ½ (P(X ≤ x) = p for a lower p ≤ ½,
 * P(X > x) = 1 − p otherwise; 1 − p is exact there), started from stdlib's inverse incomplete
 * gamma (Wilson–Hilferty's cube-root normal approximation for ν > 1e5, a tail asymptote when
 * stdlib fails) and polished by Newton steps on the log tail
 * probability in log x (`invertTail`) with the accurate `chiSquareCdf`/`chiSquareSf` and the
 * log density. Accuracy ~1e-14 relative, also at p = 1e-300 and ν = 1e6; quantiles below the
 * smallest normal double give 0 as in R. p = 0 or 1 give the support ends 0 and Infinity.
 * NaN for NaN, p outside [0, 1] or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * chiSquareQuantile(0.95, 1) // => 3.841458820694128
 * chiSquareQuantile(1e-300, 3, true) // => 1388.3367738546856
 */
export function chiSquareQuantile(p: number, df: number, upper = false): number {
  if (typeof p !== 'number' || typeof df !== 'number' || typeof upper !== 'boolean') checkArguments('chiSquareQuantile', { p, df, upper });
  if (!(p >= 0 && p <= 1) || !(df > 0) || df === Infinity) return NaN;
  if (p === 0) return upper ? Infinity : 0;
  if (p === 1) return upper ? 0 : Infinity;
  // the side whose tail probability is ≤ ½, and that probability
  const useUpper = upper ? p <= 0.5 : p > 0.5;
  const q = p <= 0.5 ? p : 1 - p;
  return invertTail(
    (x) => chiSquareTail(x, df, useUpper),
    (x) => logChiSquarePdf(x, df),
    useUpper,
    q,
    logStart(q, df, useUpper),
  );
}
