/**
 * Hessian by central differences refined by Richardson extrapolation, the method of R's
 * `numDeriv::hessian` (Gilbert & Varadhan; Linfield & Penny, 2012, Numerical Methods, §4): the
 * second differences
 *   Dⱼⱼ(h) = (f(x + heⱼ) − 2f(x) + f(x − heⱼ)) / h²,
 *   Dⱼₗ(h) = (f(x + hⱼeⱼ + hₗeₗ) − f(x + hⱼeⱼ − hₗeₗ) − f(x − hⱼeⱼ + hₗeₗ) + f(x − hⱼeⱼ − hₗeₗ)) / 4hⱼhₗ
 * are taken at steps h, h/2, …, h/2^(r−1) (hⱼ = 10⁻²·|xⱼ|, or 10⁻⁵ for |xⱼ| < 10⁻³; a positive xⱼ stays positive) and combined as
 * D ← (4ᵐD(h/2) − D(h)) / (4ᵐ − 1), m = 1, …, r − 1, which removes the h², h⁴, … error terms.
 *
 * @param levels  r, the number of step sizes (default 4)
 * @example
 * richardsonHessian((x) => Math.exp(x[0]!) * x[1]! ** 2, [1, 2])[0]![1] // => 10.87312731382136  (4e = 10.873127313836…)
 */
export function richardsonHessian(f: (x: Float64Array) => number, x: ArrayLike<number>, levels = 4): Float64Array[] {
  const n = x.length;
  const point = Float64Array.from(x);
  const h0 = Float64Array.from(point, (xi) => (Math.abs(xi) < 1e-3 ? 1e-5 : 1e-2 * Math.abs(xi)));
  const f0 = f(point);
  const table: Float64Array[][] = [];
  for (let level = 0; level < levels; level++) {
    const scale = 2 ** -level;
    table.push(secondDifferences(f, point, f0, Float64Array.from(h0, (h) => h * scale)));
  }
  for (let m = 1; m < levels; m++) {
    const factor = 4 ** m;
    for (let level = 0; level < levels - m; level++) {
      const coarse = table[level]!;
      const fine = table[level + 1]!;
      table[level] = coarse.map((row, i) => Float64Array.from(row, (c, j) => (factor * fine[i]![j]! - c) / (factor - 1)));
    }
  }
  const out = table[0]!;
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[j]![i] = out[i]![j]!;
  return out;
}

function secondDifferences(f: (x: Float64Array) => number, point: Float64Array, f0: number, h: Float64Array): Float64Array[] {
  const n = point.length;
  const at = (steps: readonly (readonly [number, number])[]) => {
    const saved = steps.map(([j]) => point[j]!);
    for (const [j, d] of steps) point[j] = point[j]! + d;
    const v = f(point);
    steps.forEach(([j], s) => { point[j] = saved[s]!; });
    return v;
  };
  const out = Array.from({ length: n }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    const hj = h[j]!;
    out[j]![j] = (at([[j, hj]]) - 2 * f0 + at([[j, -hj]])) / (hj * hj);
    for (let l = 0; l < j; l++) {
      const hl = h[l]!;
      out[j]![l] = (at([[j, hj], [l, hl]]) - at([[j, hj], [l, -hl]]) - at([[j, -hj], [l, hl]]) + at([[j, -hj], [l, -hl]])) / (4 * hj * hl);
    }
  }
  return out;
}
