import { normalQuantile } from '../distributions/normal.ts';
import type { BackTransform } from '../effect-sizes/back-transform.ts';

/**
 * The analysis-scale value whose back-transform is `y`: exact for `none`, `exp` (log), `tanh`
 * (atanh), `ilogit` (logit), `ztor2` (atanh √y), `iahw` (1 − ∛(1 − y)), `iabt` (−ln(1 − y)) and `iprobit` (Φ⁻¹), by bisection for the others (`iarcsin`, `ipft`, which are
 * monotone increasing and flat outside their domain). Returns NaN when `y` is outside the range
 * of the transform (e.g. a ratio ≤ 0, a correlation outside (−1, 1)).
 *
 * @example
 * invertTransform(backTransform('OR'), 2); // => 0.6931471805599453 (log 2)
 */
export function invertTransform(transform: BackTransform, y: number): number {
  switch (transform.name) {
    case 'none': return y;
    case 'exp': return y > 0 ? Math.log(y) : NaN;
    case 'tanh': return y > -1 && y < 1 ? Math.atanh(y) : NaN;
    case 'ilogit': return y > 0 && y < 1 ? Math.log(y / (1 - y)) : NaN;
    case 'ztor2': return y >= 0 && y < 1 ? Math.atanh(Math.sqrt(y)) : NaN;
    case 'iahw': return y >= 0 && y <= 1 ? 1 - Math.cbrt(1 - y) : NaN;
    case 'iabt': return y >= 0 && y < 1 ? -Math.log1p(-y) : NaN;
    case 'iprobit': return y > 0 && y < 1 ? normalQuantile(y) : NaN;
    case 'isqrt': return y >= 0 ? Math.sqrt(y) : NaN;
    case 'iirft': return bisect(transform.apply, y, 0, upperEnd(transform.apply, y));
    default: return bisect(transform.apply, y, 0, Math.PI / 2);
  }
}

/** An upper end for the bisection of an increasing transform on [0, ∞): doubles 1 until f passes y. */
function upperEnd(f: (x: number) => number, y: number): number {
  let hi = 1;
  while (f(hi) < y && hi < 1e300) hi *= 2;
  return hi;
}

function bisect(f: (x: number) => number, y: number, lo: number, hi: number): number {
  if (!(y >= f(lo) && y <= f(hi))) return NaN;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < y) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
