import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * log C(n, k) = log Γ(n + 1) − log Γ(k + 1) − log Γ(n − k + 1), the binomial coefficient on
 * the log scale (the normalising constants of the binomial and hypergeometric likelihoods, so
 * that log-likelihoods equal R's `dbinom(log = TRUE)` sums as in `logLik(glm)`).
 *
 * @param n trials, ≥ 0
 * @param k successes, 0 ≤ k ≤ n
 * @returns log C(n, k); NaN out of the domain (a kernel: callers validate)
 * @example
 * logChoose(5, 2) // => 2.302585092994046 (log 10)
 */
export function logChoose(n: number, k: number): number {
  if (!(k >= 0 && k <= n)) return NaN;
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}
