import { chiSquareSf } from '../distributions/chi-square.ts';
import { normalSf } from '../distributions/normal.ts';
import { regularizedBeta } from '../distributions/incomplete-beta.ts';
import { uniroot } from '../numeric/uniroot.ts';
import { roundFsn } from './general-fail-safe-n.ts';

/** A fail-safe N with the observed p-value it started from. */
export interface PValueFsn {
  readonly n: number;
  readonly pValue: number;
}

/**
 * Rosenthal's fail-safe N with Fisher's method of pooling one-sided p-values (metafor 5's
 * `fsn(pool = "Fisher")`): pᵢ = P(Z > |yᵢ|/√vᵢ), X² = −2Σ ln pᵢ with 2k df; N added studies with
 * p = 0.5 each give X² − 2⌊N⌋ ln 0.5 on 2(k + N) df (metafor counts ⌊N⌋ p-values but N in the
 * df), and N solves P(χ² > X²) = α with R's `uniroot` from [0, 50k], rounded up.
 * Returns NaN for N when no root is found.
 *
 * @example
 * fisherFailSafeN([0.5, 0.4, 0.6], [0.04, 0.04, 0.04], 0.05).n // => 15  (metafor fsn(pool = "Fisher"): 15)
 */
export function fisherFailSafeN(yi: readonly number[], vi: readonly number[], alpha: number): PValueFsn {
  const k = yi.length;
  let sumLog = 0;
  for (let i = 0; i < k; i++) sumLog += Math.log(normalSf(Math.abs(yi[i]! / Math.sqrt(vi[i]!))));
  const p = (n: number) => chiSquareSf(-2 * (sumLog + Math.floor(n) * Math.log(0.5)), 2 * (k + n));
  const pValue = p(0);
  if (pValue >= alpha) return { n: 0, pValue };
  const root = uniroot((n) => p(n) - alpha, 0, 50 * k, { extendInt: 'upX' }).root;
  return { n: roundFsn(root), pValue };
}

/** Two-sided exact binomial test of x successes in n trials against p = ½ (R's `binom.test`): 2·P(X ≤ min(x, n − x)), at most 1. */
function binomialHalfTest(x: number, n: number): number {
  const m = Math.min(x, n - x);
  if (2 * m === n) return 1;
  // P(X ≤ m) = 1 − I_½(m + 1, n − m)
  return Math.min(1, 2 * regularizedBeta(0.5, 0.5, m + 1, n - m, true));
}

/**
 * The binomial fail-safe N (metafor 5's `fsn(type = "Binomial")`): with k₊ of the k effects
 * positive, the sign test p = binom.test(k₊, k); N is the smallest even number of added studies,
 * half of them positive, for which binom.test(k₊ + N/2, k + N) reaches α (0 when p ≥ α); found by
 * doubling and bisection (the p-value grows with N), O(log N) tests.
 *
 * @example
 * binomialFailSafeN([0.3, 0.1, 0.8, 0.45, 0.2, 0.62, 0.95, 0.5, 0.33, 0.12], 0.05).n // => 12  (metafor fsn(type = "Binomial"): 12)
 */
export function binomialFailSafeN(yi: readonly number[], alpha: number, maxN = 1e7): PValueFsn {
  const k = yi.length;
  const positive = yi.filter((y) => y > 0).length;
  const pValue = binomialHalfTest(positive, k);
  if (pValue >= alpha) return { n: 0, pValue };
  // p grows with N (the excess k₊ − k/2 stays, the trials grow): the smallest even N by doubling
  // and bisection gives what metafor's loop over N = 2, 4, 6, ... gives
  const reaches = (pairs: number) => binomialHalfTest(positive + pairs, k + 2 * pairs) >= alpha;
  let high = 1;
  while (!reaches(high) && 2 * high < maxN) high *= 2;
  let low = high === 1 ? 0 : high / 2;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (reaches(mid)) high = mid;
    else low = mid;
  }
  const n = 2 * high;
  return { n, pValue };
}
