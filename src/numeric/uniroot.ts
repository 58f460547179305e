import { zeroin } from './brent-root.ts';

/** How {@link uniroot} may widen the search interval (R's `extendInt`). */
export type ExtendInterval = 'no' | 'upX' | 'downX';

/** Result of {@link uniroot}. */
export interface UnirootResult {
  readonly root: number;
  /** Evaluations used by Brent's method plus those of the interval extension; −1 when it ran out. */
  readonly iterations: number;
}

/**
 * R's `uniroot` step for step: evaluates f at both ends, widens the interval as `extendInt`
 * asks ('upX': f increases through its root, so the lower end moves down while f(lower) > 0 and
 * the upper end up while f(upper) < 0, by steps of 1% of |end| (at least 1e-6) that double each
 * time; 'downX' the mirror image), then runs Brent's method ({@link zeroin}, R's `zeroin2`) with
 * the remaining evaluations. Step-for-step agreement matters where the root is rounded afterwards
 * (metafor's fail-safe N rounds the root of a step function up). Returns NaN when no sign
 * change is found (R stops with an error there).
 *
 * @example
 * uniroot((x) => x - 150, 0, 100, { extendInt: 'upX', tol: 1e-10 }).root // => 150
 */
export function uniroot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: { readonly extendInt?: ExtendInterval; readonly tol?: number; readonly maxiter?: number } = {},
): UnirootResult {
  const tol = options.tol ?? Number.EPSILON ** 0.25;
  const maxiter = options.maxiter ?? 1000;
  const sig = options.extendInt === 'upX' ? 1 : options.extendInt === 'downX' ? -1 : 0;
  const truncate = (x: number) => Math.max(Math.min(x, Number.MAX_VALUE), -Number.MAX_VALUE);
  let fLower = f(lower);
  let fUpper = f(upper);
  if (Number.isNaN(fLower) || Number.isNaN(fUpper)) return { root: NaN, iterations: -1 };
  let it = 0;
  if (sig !== 0 && (sig * truncate(fLower) > 0 || sig * truncate(fUpper) < 0)) {
    const delta0 = (u: number) => 0.01 * Math.max(1e-4, Math.abs(u));
    let delta = delta0(lower);
    while (sig * fLower > 0) {
      if (++it > maxiter) return { root: NaN, iterations: -1 };
      lower -= delta;
      fLower = f(lower);
      delta *= 2;
    }
    delta = delta0(upper);
    while (sig * fUpper < 0) {
      if (++it > maxiter) return { root: NaN, iterations: -1 };
      upper += delta;
      fUpper = f(upper);
      delta *= 2;
    }
  }
  if (!(Math.sign(fLower) * Math.sign(fUpper) <= 0)) return { root: NaN, iterations: -1 };
  const result = zeroin(f, lower, upper, fLower, fUpper, tol, maxiter);
  return { root: result.root, iterations: result.iterations < 0 ? -1 : result.iterations + it };
}
