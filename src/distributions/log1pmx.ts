/**
 * log(1 + t) − t, accurate also for small |t| where the two terms nearly cancel.
 *
 * For |t| ≤ 0.5 it uses log(1 + t) = 2·atanh(s) with s = t/(2 + t), which gives
 * log(1 + t) − t = −t·s + 2·Σ_{k≥1} s^{2k+1}/(2k + 1) (Abramowitz & Stegun 4.1.27 and 4.6.22);
 * |s| ≤ 1/3 there, so the series gains a factor ≥ 9 per term. Elsewhere it is `log1p(t) − t`.
 * Domain t > −1; t = −1 gives −Infinity and t < −1 gives NaN.
 *
 * @throws never: arguments out of the domain give NaN (a kernel; callers validate).
 * @example
 * log1pmx(1e-10) // => -4.999999999666667e-21
 */
export function log1pmx(t: number): number {
  if (!(Math.abs(t) <= 0.5)) return Math.log1p(t) - t;
  const s = t / (2 + t);
  const s2 = s * s;
  let power = s * s2;
  let series = 0;
  for (let k = 3; ; k += 2) {
    const term = power / k;
    series += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(series)) break;
    power *= s2;
  }
  return 2 * series - t * s;
}
