import { checkArguments } from './check-arguments.ts';
import { normalCdf } from './normal.ts';

/** Nodes in (−1, 0) and weights of the n-point Gauss–Legendre rule (n even), by Newton's method. */
function gaussLegendreHalf(n: number): { x: Float64Array; w: Float64Array } {
  const half = n / 2;
  const x = new Float64Array(half);
  const w = new Float64Array(half);
  for (let i = 0; i < half; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1, p1 = z;
      for (let j = 2; j <= n; j++) [p0, p1] = [p1, ((2 * j - 1) * z * p1 - (j - 1) * p0) / j];
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const step = p1 / dp;
      z -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    x[i] = -z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

const RULES = [gaussLegendreHalf(6), gaussLegendreHalf(12), gaussLegendreHalf(20)] as const;

/**
 * Upper bivariate normal probability P(X > h, Y > k) for standard normal X, Y with correlation r,
 * by the method of Drezner & Wesolowsky (1990, J Stat Comput Simul 35:101) as refined by Genz
 * (2004, Stat Comput 14:251): Gauss–Legendre quadrature (6, 12 or 20 points as |r| grows) of
 * Plackett's integral over asin r for |r| < 0.925, and of the integral about r = ±1 with its
 * singular part taken out in closed form above. About 15 significant digits. NaN for |r| > 1 or
 * NaN input.
 *
 * @example
 * bivariateNormalUpper(0, 0, 0.5) // => 0.3333333333333333 (= 1/4 + asin(0.5)/(2π))
 */
export function bivariateNormalUpper(h: number, k: number, r: number): number {
  if (Number.isNaN(h) || Number.isNaN(k) || !(Math.abs(r) <= 1)) return NaN;
  const rule = Math.abs(r) < 0.3 ? RULES[0] : Math.abs(r) < 0.75 ? RULES[1] : RULES[2];
  const { x, w } = rule;
  let hk = h * k;
  let bvn = 0;
  if (Math.abs(r) < 0.925) {
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    for (let i = 0; i < x.length; i++) {
      for (const side of [-1, 1]) {
        const sn = Math.sin((asr * (side * x[i]! + 1)) / 2);
        bvn += w[i]! * Math.exp((sn * hk - hs) / (1 - sn * sn));
      }
    }
    return (bvn * asr) / (4 * Math.PI) + normalCdf(-h) * normalCdf(-k);
  }
  let kk = k;
  if (r < 0) {
    kk = -k;
    hk = -hk;
  }
  if (Math.abs(r) < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - kk) ** 2;
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    bvn = a * Math.exp(-(bs / as + hk) / 2) * (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hk > -160) {
      const b = Math.sqrt(bs);
      bvn -= Math.exp(-hk / 2) * Math.sqrt(2 * Math.PI) * normalCdf(-b / a) * b * (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    for (let i = 0; i < x.length; i++) {
      for (const side of [-1, 1]) {
        const xs = (a * (side * x[i]! + 1)) ** 2;
        const rs = Math.sqrt(1 - xs);
        bvn += a * w[i]! * (Math.exp(-bs / (2 * xs) - hk / (1 + rs)) / rs - Math.exp(-(bs / xs + hk) / 2) * (1 + c * xs * (1 + d * xs)));
      }
    }
    bvn = -bvn / (2 * Math.PI);
  }
  if (r > 0) return bvn + normalCdf(-Math.max(h, kk));
  bvn = -bvn;
  if (kk > h) bvn += h < 0 ? normalCdf(kk) - normalCdf(h) : normalCdf(-h) - normalCdf(-kk);
  return bvn;
}

/**
 * Bivariate normal distribution function P(X ≤ h, Y ≤ k) for standard normal X, Y with
 * correlation r (see {@link bivariateNormalUpper}, by symmetry P(X ≤ h, Y ≤ k) = P(X > −h, Y > −k)).
 *
 * A non-number argument (a string, an object, a Symbol, a BigInt) is an `E_INVALID_TYPE`
 * InputError, as for the univariate distribution functions.
 *
 * @example
 * bivariateNormalCdf(0, 0, 0) // => 0.25
 * bivariateNormalCdf(0, '0', 0) // => throws InputError 'k: bivariateNormalCdf needs a number (got "0")'
 */
export function bivariateNormalCdf(h: number, k: number, r: number): number {
  if (typeof h !== 'number' || typeof k !== 'number' || typeof r !== 'number') checkArguments('bivariateNormalCdf', { h, k, r });
  return bivariateNormalUpper(-h, -k, r);
}

/**
 * Bivariate normal density at (h, k) for standard normal margins with correlation r:
 * exp(−(h² − 2rhk + k²)/(2(1 − r²))) / (2π√(1 − r²)).
 *
 * @example
 * bivariateNormalPdf(0, 0, 0) // => 0.15915494309189535 (1/(2π))
 */
export function bivariateNormalPdf(h: number, k: number, r: number): number {
  const s = 1 - r * r;
  return Math.exp(-(h * h - 2 * r * h * k + k * k) / (2 * s)) / (2 * Math.PI * Math.sqrt(s));
}
