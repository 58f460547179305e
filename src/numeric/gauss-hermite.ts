/** Nodes and weights of an n-point Gauss–Hermite rule. */
export interface GaussHermiteRule {
  /** Nodes xᵢ in increasing order (roots of the Hermite polynomial Hₙ). */
  readonly nodes: Float64Array;
  /** Weights wᵢ, with Σ wᵢ f(xᵢ) ≈ ∫ e^{−x²} f(x) dx (they sum to √π). */
  readonly weights: Float64Array;
}

const cache = new Map<number, GaussHermiteRule>();

/**
 * Gauss–Hermite quadrature rule with weight function e^{−x²} (physicists' convention).
 *
 * The nodes are the roots of Hₙ, found by Newton's method on the orthonormal Hermite
 * recurrence h₀ = π^{−1/4}, hⱼ = x·√(2/j)·hⱼ₋₁ − √((j−1)/j)·hⱼ₋₂, with h′ₙ = √(2n)·hₙ₋₁;
 * the weights are wᵢ = 2 / h′ₙ(xᵢ)². Starting values from the asymptotic formulas of
 * Stroud & Secrest (1966, Gaussian quadrature formulas), then symmetry. Exact for polynomials
 * of degree ≤ 2n − 1. For a standard normal expectation use E f(Z) ≈ Σ (wᵢ/√π) f(√2·xᵢ).
 *
 * @param n number of nodes, an integer in 1..100
 * @returns the frozen rule (cached per n)
 * @throws RangeError when n is not an integer in 1..100 (an internal kernel: callers validate)
 * @example
 * const rule = gaussHermite(2);
 * rule.nodes[1] // => 0.7071067811865476 (1/√2)
 * rule.weights[0] // => 0.88622692545276 (√π/2)
 */
export function gaussHermite(n: number): GaussHermiteRule {
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new RangeError(`gaussHermite: n must be an integer in 1..100, got ${n}`);
  const known = cache.get(n);
  if (known) return known;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  let z = 0;
  for (let i = 0; i < half; i++) {
    z = startingValue(i, n, z, nodes);
    let derivative = 0;
    for (let it = 0; it < 100; it++) {
      const [hn, hn1] = hermitePair(z, n);
      derivative = Math.sqrt(2 * n) * hn1;
      const step = hn / derivative;
      z -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    derivative = Math.sqrt(2 * n) * hermitePair(z, n)[1];
    // largest root first: store symmetric pairs
    nodes[n - 1 - i] = z;
    nodes[i] = -z;
    const w = 2 / (derivative * derivative);
    weights[n - 1 - i] = w;
    weights[i] = w;
  }
  if (n % 2 === 1) nodes[half - 1] = 0;
  const rule = Object.freeze({ nodes, weights });
  cache.set(n, rule);
  return rule;
}

/** Orthonormal Hermite values hₙ(z) and hₙ₋₁(z). */
function hermitePair(z: number, n: number): [number, number] {
  let previous = 0;
  let current = Math.PI ** -0.25;
  for (let j = 1; j <= n; j++) {
    const next = z * Math.sqrt(2 / j) * current - Math.sqrt((j - 1) / j) * previous;
    previous = current;
    current = next;
  }
  return [current, previous];
}

/** Starting value of the i-th largest root (Stroud & Secrest's asymptotic guesses). */
function startingValue(i: number, n: number, last: number, nodes: Float64Array): number {
  if (i === 0) return Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** (-1 / 6);
  if (i === 1) return last - (1.14 * n ** 0.426) / last;
  const z1 = nodes[n - i]!;
  const z2 = nodes[n - i + 1]!;
  if (i === 2) return 1.86 * z1 - 0.86 * z2;
  if (i === 3) return 1.91 * z1 - 0.91 * z2;
  return 2 * z1 - z2;
}
