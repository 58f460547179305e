import { chiSquareQuantile } from '../../distributions/chi-square.ts';
import { normalQuantile } from '../../distributions/normal.ts';
import { studentTQuantile } from '../../distributions/student-t.ts';

/** Most remembered quantiles; the memory is cleared when it fills. */
const LIMIT = 4096;
const memory = new Map<string, number>();

/**
 * A quantile of the normal (`df` null), t (`'t'`) or χ² (`'chisq'`) distribution, remembered:
 * the quantile functions invert accurate tail functions by iteration (tens of µs to a ms),
 * while a fit needs the same few quantiles again and again (one per df and level: every
 * analysis of a batch with the same k, every leave-one-out refit, every repeated fit). A
 * quantile is a pure function of (p, df, tail), so remembering it cannot change any result.
 *
 * @example
 * cachedQuantile('t', 0.025, 19, true) === studentTQuantile(0.025, 19, true) // => true
 */
export function cachedQuantile(family: 'normal' | 't' | 'chisq', p: number, df: number, upper: boolean): number {
  const key = `${family}|${p}|${df}|${upper ? 1 : 0}`;
  let q = memory.get(key);
  if (q === undefined) {
    q = family === 'normal' ? normalQuantile(p, upper) : family === 't' ? studentTQuantile(p, df, upper) : chiSquareQuantile(p, df, upper);
    if (memory.size >= LIMIT) memory.clear();
    memory.set(key, q);
  }
  return q;
}
