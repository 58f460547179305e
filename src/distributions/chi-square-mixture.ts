import { chiSquareCdf } from './chi-square.ts';

/** Terms of the series before it gives up (the weights then decay too slowly to be useful). */
const MAX_TERMS = 200_000;
/** Series mass left out, or size of a CDF term, below which the sum stops. */
const EPSILON = 1e-15;
/** Rescaling threshold of the unnormalised coefficients (they are kept as b·e^logScale). */
const BIG = 1e250;

/**
 * Distribution function of a positive linear combination of independent χ²₁ variables,
 * P(Σⱼ λⱼ Zⱼ² ≤ x) with λⱼ > 0, by Ruben's (1962, Ann Math Stat 33:542) mixture of χ²
 * distributions, the series that Farebrother's algorithm AS 204 (1984, Appl Stat 33:332) and
 * metafor's GENQ intervals (via CompQuadForm) use:
 *
 *   P(Q ≤ x) = Σ_{m≥0} aₘ·F_{n+2m}(x/β),  a₀ = Πⱼ √(β/λⱼ),  aₘ = (1/m) Σ_{r=0}^{m−1} g_{m−r} aᵣ,
 *   gₘ = ½ Σⱼ (1 − β/λⱼ)ᵐ,
 *
 * with n terms, β = min λⱼ (so every aₘ ≥ 0 and Σaₘ = 1) and F_ν the χ²_ν CDF. The sum stops
 * when the weight left out or the current χ² CDF term is below 1e-15 (F_{n+2m}(x/β) decreases
 * in m). The coefficients are carried with a separate exponent, so a₀ may underflow. Cost
 * O(M·(n + M)) for M terms; M grows with max λ / min λ. NaN for an empty or non-positive λ
 * or when 200,000 terms do not reach the accuracy.
 *
 * @param x        the quantile (≥ 0; 0 below)
 * @param lambdas  the positive coefficients λⱼ
 * @example
 * chiSquareMixtureCdf(3, [1, 1]) // => 0.776869839851570 (χ²₂: 1 − e^(−1.5))
 * chiSquareMixtureCdf(2, [1, 3]) // => 0.4246765587 (R CompQuadForm::farebrother(2, c(1, 3)): 1 − Qq = 0.424676558745607)
 */
export function chiSquareMixtureCdf(x: number, lambdas: ArrayLike<number>): number {
  const n = lambdas.length;
  if (n === 0 || Number.isNaN(x)) return NaN;
  let beta = Infinity;
  for (let j = 0; j < n; j++) {
    const l = lambdas[j]!;
    if (!(l > 0) || !Number.isFinite(l)) return NaN;
    if (l < beta) beta = l;
  }
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  const gamma = Float64Array.from({ length: n }, (_, j) => 1 - beta / lambdas[j]!);
  let logA0 = 0;
  for (let j = 0; j < n; j++) logA0 += 0.5 * Math.log(beta / lambdas[j]!);
  const y = x / beta;
  // unnormalised coefficients b_m = a_m·e^(−logScale)
  const b: number[] = [1];
  const g: number[] = [0];
  const powers = Float64Array.from(gamma);
  let logScale = logA0;
  let mass = Math.exp(logA0);
  let cdf = mass * chiSquareCdf(y, n);
  for (let m = 1; m < MAX_TERMS; m++) {
    let gm = 0;
    for (let j = 0; j < n; j++) {
      gm += powers[j]!;
      powers[j]! *= gamma[j]!;
    }
    g.push(0.5 * gm);
    let s = 0;
    for (let r = 0; r < m; r++) s += g[m - r]! * b[r]!;
    let bm = s / m;
    if (bm > BIG) {
      for (let r = 0; r < m; r++) b[r]! /= BIG;
      bm /= BIG;
      logScale += Math.log(BIG);
    }
    b.push(bm);
    const am = bm * Math.exp(logScale);
    const term = chiSquareCdf(y, n + 2 * m);
    mass += am;
    cdf += am * term;
    if (1 - mass < EPSILON || (mass > 0 && term < EPSILON)) return Math.min(1, cdf);
  }
  return NaN;
}
