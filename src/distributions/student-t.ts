import { checkArguments } from './check-arguments.ts';
import betaincinv from '@stdlib/math-base-special-betaincinv';
import { ddAddNumber, ddDiv, twoProduct } from '../numeric/double-double.ts';
import { regularizedBetaPrecise } from './incomplete-beta.ts';
import { invertTail } from './invert-tail.ts';
import { logBeta } from './log-beta.ts';
import { normalPdf, normalQuantile, normalSf } from './normal.ts';

/**
 * Degrees of freedom above which the normal distribution is used: the t and normal tails then
 * differ by a factor 1 + O(x⁴/ν) < 1 + 5e-15 wherever the normal tail is not 0 (|x| < 38.5),
 * and beyond 1e20 the incomplete-beta continued fraction would lose digits even in
 * double-double (its terms cancel to ~1/ν).
 */
const NORMAL_DF = 1e20;

/** log of the t density's normalising constant, −log(√ν·B(ν/2, ½)). */
function logNormaliser(df: number): number {
  return -0.5 * Math.log(df) - logBeta(df / 2, 0.5);
}

/** log f(x) for finite df > 0 (see `studentTPdf`). */
function logStudentTPdf(x: number, df: number): number {
  const ax = Math.abs(x);
  // log(1 + x²/ν), without overflowing x² for |x| > 1e150
  const log1pRatio = ax < 1e150 ? Math.log1p((ax / df) * ax) : 2 * Math.log(ax) - Math.log(df);
  return logNormaliser(df) - 0.5 * (df + 1) * log1pRatio;
}

/**
 * Student's t density with ν = `df` degrees of freedom, R's `dt(x, df)`:
 * f(x) = (1 + x²/ν)^{−(ν+1)/2} / (√ν·B(ν/2, ½)) (Abramowitz & Stegun 26.7.1), evaluated in
 * logs with log B from `logBeta` (Stirling-cancelled, so large ν keep full accuracy).
 * `df = Infinity` (and df > 1e20) gives the normal density. NaN for NaN x or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * studentTPdf(0, 1) // => 0.3183098861837907 (Cauchy, 1/π)
 * studentTPdf(2, 10) // => 0.061145766321218174
 */
export function studentTPdf(x: number, df: number): number {
  if (typeof x !== 'number' || typeof df !== 'number') checkArguments('studentTPdf', { x, df });
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (df > NORMAL_DF) return normalPdf(x);
  if (!Number.isFinite(x)) return 0;
  return Math.exp(logStudentTPdf(x, df));
}

/**
 * Upper tail P(T > s) for s ≥ 0 and finite df: ½·I_{ν/(ν+s²)}(ν/2, ½) (A&S 26.7.1), with
 * both ν/(ν+s²) and its complement s²/(ν+s²) formed in double-double. When s²/ν exceeds
 * 1e200 (x of the beta would underflow) the leading term of the series is exact to double
 * precision: P(T > s) = (√ν/s)^ν / (ν·B(ν/2, ½)).
 */
function upperTail(s: number, df: number): number {
  if (s === Infinity) return 0;
  if (s === 0) return 0.5;
  const root = Math.sqrt(df);
  if (s > 1e100 * root) {
    const q = root / s;
    const scale = Math.exp(-Math.log(df) - logBeta(df / 2, 0.5));
    return q > 1e-290 ? Math.pow(q, df) * scale : Math.exp(df * Math.log(q)) * scale;
  }
  // x = ν/(ν + s²) and y = s²/(ν + s²) in double-double
  const s2 = twoProduct(s, s);
  const denominator = ddAddNumber(s2, df);
  const x = ddDiv([df, 0], denominator);
  const y = ddDiv(s2, denominator);
  return 0.5 * regularizedBetaPrecise(x, y, df / 2, 0.5, false);
}

/**
 * Student's t survival function P(T > x) with `df` degrees of freedom, R's
 * `pt(x, df, lower.tail = FALSE)`.
 *
 * Through the regularized incomplete beta (`regularizedBetaPrecise`, computed on the tail
 * side, so p-values keep ~1e-14 relative accuracy down to 1e-300):
 * P(T > |x|) = ½·I_{ν/(ν+x²)}(ν/2, ½); the other side is 1 minus it (then ≥ ½). Non-integer and large ν (1e6) are exact, not
 * normal approximations; `df = Infinity` (and df > 1e20, where the two differ by < 5e-15
 * relative) gives the normal. NaN for NaN x or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * studentTSf(2.0, 10) // => 0.03669401738537017
 * studentTSf(1e20, 3) // => 1.1026577908435845e-60
 */
export function studentTSf(x: number, df: number): number {
  if (typeof x !== 'number' || typeof df !== 'number') checkArguments('studentTSf', { x, df });
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (df > NORMAL_DF) return normalSf(x);
  return x >= 0 ? upperTail(x, df) : 1 - upperTail(-x, df);
}

/**
 * Student's t cumulative distribution function P(T ≤ x), R's `pt(x, df)`: by symmetry
 * P(T ≤ x) = P(T > −x) (see `studentTSf` for the method and accuracy).
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * studentTCdf(-2.0, 10) // => 0.03669401738537017
 * studentTCdf(-1e20, 3) // => 1.1026577908435845e-60
 */
export function studentTCdf(x: number, df: number): number {
  if (typeof x !== 'number' || typeof df !== 'number') checkArguments('studentTCdf', { x, df });
  return studentTSf(-x, df);
}

/** Start value for the positive s with P(T > s) = tail (tail < ½). */
function logStart(tail: number, df: number): number {
  if (df > 1e5) {
    // Cornish–Fisher: s ≈ z + (z³ + z)/(4ν) (Abramowitz & Stegun 26.7.5)
    const z = normalQuantile(tail, true);
    return Math.log(z + (z * z * z + z) / (4 * df));
  }
  // stdlib's inverse beta: y = ν/(ν + s²) solves I_y(ν/2, ½) = 2·tail (~1e-10 accurate)
  const y = betaincinv(2 * tail, df / 2, 0.5, false);
  if (y > 0 && y < 0.5) return 0.5 * (Math.log(df) + Math.log1p(-y) - Math.log(y));
  if (y >= 0.5 && y < 1) {
    const z = betaincinv(2 * tail, 0.5, df / 2, true); // z = s²/(ν + s²)
    if (z > 0 && z < 1) return 0.5 * (Math.log(df) + Math.log(z) - Math.log1p(-z));
  }
  // far tail: tail ≈ (√ν/s)^ν / (ν·B(ν/2, ½))
  return 0.5 * Math.log(df) - (Math.log(tail) + Math.log(df) + logBeta(df / 2, 0.5)) / df;
}

/**
 * Student's t quantile, R's `qt(p, df)`; with `upper`, R's `qt(p, df, lower.tail = FALSE)`.
 *
 * With q = min(p, 1 − p) (1 − p is exact for p ≥ ½), the positive s with P(T > s) = q is
 * started from stdlib's inverse incomplete beta (or, beyond its range, from the tail
 * asymptote (√ν/s)^ν/(ν·B(ν/2, ½)) = q) and polished by Newton steps on log P(T > s) = log q
 * in log s (`invertTail`) using the accurate `studentTSf` and the log density; the result is
 * ±s. Accuracy ~1e-14 relative, including qt(1e-300, 3) = −1.03e100 and df < 1, where R's
 * own qt is off by up to 1e-8 (df = 3) or more (df < 1, and 1 < df < 3 below p = 1e-200).
 * `df = Infinity` (and df > 1e20) gives the normal quantile; p = 0 or 1 give ∓Infinity; NaN
 * for NaN, p outside [0, 1] or df ≤ 0.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * studentTQuantile(0.975, 10) // => 2.2281388519862735
 * studentTQuantile(1e-300, 1) // => -3.183098861837907e+299
 */
export function studentTQuantile(p: number, df: number, upper = false): number {
  if (typeof p !== 'number' || typeof df !== 'number' || typeof upper !== 'boolean') checkArguments('studentTQuantile', { p, df, upper });
  if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
  if (df > NORMAL_DF) return normalQuantile(p, upper);
  const small = p <= 0.5 ? p : 1 - p;
  const positive = upper ? p < 0.5 : p > 0.5;
  if (small === 0.5) return 0;
  if (small === 0) return positive ? Infinity : -Infinity;
  const s = invertTail(
    (v) => upperTail(v, df),
    (v) => logStudentTPdf(v, df),
    true,
    small,
    logStart(small, df),
  );
  return positive ? s : -s;
}
