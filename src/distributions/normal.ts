import { checkArguments } from './check-arguments.ts';
import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import { twoProduct } from '../numeric/double-double.ts';
import { invertTail } from './invert-tail.ts';

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const SQRT1_2_LO = -4.8336466567264565e-17; // 1/√2 − Math.SQRT1_2
const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π

/**
 * Standard normal density φ(x) = e^{−x²/2}/√(2π), R's `dnorm(x)`.
 *
 * x² is split as x = h + l with h carrying 16 fractional bits, so h² is exact and
 * e^{−x²/2} = e^{−h²/2}·e^{−l(h + l/2)} keeps full relative accuracy in the tails (rounding
 * x² directly would cost x²·ε, 1.5e-13 at x = 37). NaN for NaN; 0 at ±Infinity.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * normalPdf(0) // => 0.3989422804014327
 * normalPdf(37) // => 2.1200065515246056e-298
 */
export function normalPdf(x: number): number {
  if (typeof x !== 'number') checkArguments('normalPdf', { x });
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax > 40) return 0; // e^{−800} underflows
  const h = Math.trunc(ax * 65536) / 65536;
  const l = ax - h;
  return INV_SQRT_2PI * Math.exp(-0.5 * h * h) * Math.exp(-l * (h + 0.5 * l));
}

/** log φ(x), for the quantile's Newton steps. */
function logNormalPdf(x: number): number {
  return -0.5 * x * x - Math.log(Math.SQRT2 * Math.sqrt(Math.PI));
}

/**
 * Upper tail P(Z > s) for s ≥ 0: ½·erfc(s/√2). The argument s/√2 is formed in double-double
 * and the rounding δ left in z = fl(s/√2) is corrected to first order,
 * erfc(z + δ) ≈ erfc(z)·(1 − δ·r), r = 2e^{−z²}/(√π·erfc(z)) (≈ 2z + 1/z for z > 5), which
 * would otherwise cost 2z²·ε (1.5e-13 at s = 37).
 */
function upperTail(s: number): number {
  if (s === Infinity) return 0;
  const [ph, pl] = twoProduct(s, Math.SQRT1_2);
  const lo = pl + s * SQRT1_2_LO;
  const z = ph + lo;
  const delta = ph - z + lo;
  const e = erfc(z);
  if (e === 0) return 0;
  // r = −d log erfc / dz, needed to ~1e-3 only (δ·r ≲ 1.5e-13)
  const r =
    z > 5
      ? (2 * z) / (1 - 0.5 / (z * z) + 0.75 / (z * z * z * z))
      : (TWO_OVER_SQRT_PI * Math.exp(-z * z)) / e;
  return 0.5 * e * (1 - delta * r);
}

/**
 * Standard normal cumulative distribution function Φ(x) = ½·erfc(−x/√2), R's `pnorm(x)`.
 * The lower tail keeps full relative accuracy down to the underflow limit (Φ(−37) =
 * 5.7e-300, Φ(−38) = 2.9e-316 subnormal, Φ(−38.5) = 0); see `normalSf` for the method.
 * NaN for NaN.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * normalCdf(-1.959963984540054) // => 0.02500000000000001
 */
export function normalCdf(x: number): number {
  if (typeof x !== 'number') checkArguments('normalCdf', { x });
  if (Number.isNaN(x)) return NaN;
  return x < 0 ? upperTail(-x) : 1 - upperTail(x);
}

/**
 * Standard normal survival function 1 − Φ(x) = ½·erfc(x/√2), R's `pnorm(x, lower.tail = FALSE)`.
 * Never computed as `1 - cdf`, so `normalSf(10)` is 7.62e-24, not 0. erfc is stdlib's
 * (FreeBSD msun, < 1 ulp); the rounding of x/√2 is corrected to first order, so the result
 * is within a few ulps of the exact tail for all x (relative error < 1e-15).
 * NaN for NaN.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * normalSf(10) // => 7.619853024160527e-24
 */
export function normalSf(x: number): number {
  if (typeof x !== 'number') checkArguments('normalSf', { x });
  if (Number.isNaN(x)) return NaN;
  return x > 0 ? upperTail(x) : 1 - upperTail(-x);
}

/**
 * Standard normal quantile Φ⁻¹(p), R's `qnorm(p)`; with `upper`, the value whose survival
 * probability is p, R's `qnorm(p, lower.tail = FALSE)`.
 *
 * Start value √2·erfcinv(2q) (stdlib, ~1e-15), q = min(p, 1 − p) (1 − p is exact for
 * p ≥ ½), then Newton steps on log P(Z > s) = log q in log s (`invertTail`), so tiny p keep
 * full relative accuracy: normalQuantile(1e-300) = −37.0471. p = 0 or 1 give ∓Infinity
 * (±Infinity with `upper`); NaN outside [0, 1].
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * normalQuantile(0.975) // => 1.9599639845400538
 * normalQuantile(1e-300) // => -37.0470962993612
 */
export function normalQuantile(p: number, upper = false): number {
  if (typeof p !== 'number' || typeof upper !== 'boolean') checkArguments('normalQuantile', { p, upper });
  if (!(p >= 0 && p <= 1)) return NaN;
  const small = p <= 0.5 ? p : 1 - p;
  const positive = upper ? p < 0.5 : p > 0.5;
  if (small === 0.5) return 0;
  if (small === 0) return positive ? Infinity : -Infinity;
  let start = Math.SQRT2 * erfcinv(2 * small);
  if (!(start > 0 && Number.isFinite(start))) start = Math.sqrt(-2 * Math.log(small));
  const s = invertTail(upperTail, logNormalPdf, true, small, Math.log(start));
  return positive ? s : -s;
}
