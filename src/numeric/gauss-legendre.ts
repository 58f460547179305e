/** Nodes and weights of an n-point Gauss–Legendre rule on [−1, 1]. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * The n-point Gauss–Legendre rule on [−1, 1] (exact for polynomials of degree 2n − 1; Davis &
 * Rabinowitz, 1984, Methods of Numerical Integration, §2.7). Each node is a root of the Legendre
 * polynomial Pₙ, found by Newton's method from the Chebyshev-like start cos(π(i − ¼)/(n + ½)) with
 * Pₙ evaluated by the three-term recurrence (j+1)Pⱼ₊₁ = (2j+1)xPⱼ − jPⱼ₋₁; the weight is
 * 2 / ((1 − x²)·Pₙ′(x)²).
 *
 * @param n  number of nodes, an integer ≥ 1 (a kernel: other values give empty arrays)
 * @example
 * const rule = gaussLegendre(2);
 * rule.nodes[1] // => 0.5773502691896257  (1/√3)
 * rule.weights[0] // => 1
 */
export function gaussLegendre(n: number): QuadratureRule {
  const size = Number.isInteger(n) && n >= 1 ? n : 0;
  const nodes = new Float64Array(size);
  const weights = new Float64Array(size);
  for (let i = 0; i < Math.ceil(size / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (size + 0.5));
    let derivative = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      const [p, dp] = legendre(size, x);
      derivative = dp;
      const step = p / dp;
      x -= step;
      if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
    }
    derivative = legendre(size, x)[1];
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[size - 1 - i] = x;
    weights[i] = w;
    weights[size - 1 - i] = w;
  }
  if (size % 2 === 1) nodes[(size - 1) / 2] = 0;
  return { nodes, weights };
}

/** Pₙ(x) and Pₙ′(x) by the three-term recurrence. */
function legendre(n: number, x: number): [number, number] {
  let previous = 1;
  let current = x;
  if (n === 0) return [1, 0];
  for (let j = 1; j < n; j++) {
    const next = ((2 * j + 1) * x * current - j * previous) / (j + 1);
    previous = current;
    current = next;
  }
  return [current, (n * (x * current - previous)) / (x * x - 1)];
}
