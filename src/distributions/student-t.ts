import betainc from '@stdlib/math-base-special-betainc';
import betaincinv from '@stdlib/math-base-special-betaincinv';
import { normalQuantile, normalSf } from './normal.ts';

/**
 * One tail of Student's t, P(T > |x|), through the regularized incomplete beta function:
 * P(T > |x|) = ½·I_{ν/(ν+x²)}(ν/2, ½) = ½·(1 − I_{x²/(ν+x²)}(½, ν/2))
 * (Abramowitz & Stegun 26.7.1), using whichever argument is not close to 1.
 */
function tailBeyond(x: number, df: number): number {
  const x2 = x * x;
  if (x2 < df) return 0.5 * betainc(x2 / (df + x2), 0.5, df / 2, true, true);
  return 0.5 * betainc(df / (df + x2), df / 2, 0.5, true, false);
}

/**
 * Student's t survival function P(T > x) with `df` degrees of freedom, R's
 * `pt(x, df, lower.tail = FALSE)`. Accurate in the upper tail; `df = Infinity` gives the normal.
 * NaN for df ≤ 0.
 *
 * @example
 * studentTSf(2.0, 10) // => 0.03669401738537018
 */
export function studentTSf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (df === Infinity) return normalSf(x);
  if (x === Infinity) return 0;
  if (x === -Infinity) return 1;
  const tail = tailBeyond(x, df);
  return x > 0 ? tail : 1 - tail;
}

/**
 * Student's t cumulative distribution function P(T ≤ x), R's `pt(x, df)`.
 *
 * @example
 * studentTCdf(-2.0, 10) // => 0.03669401738537018
 */
export function studentTCdf(x: number, df: number): number {
  return studentTSf(-x, df);
}

/**
 * Student's t quantile, R's `qt(p, df)`; with `upper`, R's `qt(p, df, lower.tail = FALSE)`.
 * Inverts ½·I_y(ν/2, ½) = min(p, 1−p) and returns x² = ν(1−y)/y, switching to the
 * complementary parametrisation near the centre to keep precision.
 *
 * @example
 * studentTQuantile(0.975, 10) // => 2.2281388519649385
 */
export function studentTQuantile(p: number, df: number, upper = false): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
  if (df === Infinity) return normalQuantile(p, upper);
  const lowerP = upper ? 1 - p : p;
  // The one-sided tail probability, taken from the side that is exact.
  const tail = upper ? (p <= 0.5 ? p : 1 - p) : (p <= 0.5 ? p : 1 - p);
  if (tail === 0) return lowerP < 0.5 ? -Infinity : Infinity;
  if (tail === 0.5) return 0;
  const y = betaincinv(2 * tail, df / 2, 0.5, false);
  let magnitude: number;
  if (y > 0.5) {
    // near the centre: z = x²/(ν+x²) solves I_z(½, ν/2) = 1 − 2·tail
    const z = betaincinv(2 * tail, 0.5, df / 2, true);
    magnitude = Math.sqrt((df * z) / (1 - z));
  } else {
    magnitude = Math.sqrt((df * (1 - y)) / y);
  }
  const negative = upper ? p > 0.5 : p < 0.5;
  return negative ? -magnitude : magnitude;
}
