/**
 * Gradient by central differences, ∂f/∂xⱼ ≈ (f(x + hⱼeⱼ) − f(x − hⱼeⱼ)) / 2hⱼ with
 * hⱼ = ε^⅓·max(1, |xⱼ|) (≈ 6e-6; balances the O(h²) truncation against the O(ε/h) rounding
 * error; Nocedal & Wright, 2006, §8.1).
 *
 * @example
 * centralGradient((x) => x[0]! ** 3, [2])[0] // => 12.0000000001  (exact: 12)
 */
export function centralGradient(f: (x: Float64Array) => number, x: ArrayLike<number>): Float64Array {
  const point = Float64Array.from(x);
  const out = new Float64Array(point.length);
  for (let j = 0; j < point.length; j++) {
    const xj = point[j]!;
    const h = STEP * Math.max(1, Math.abs(xj));
    point[j] = xj + h;
    const up = f(point);
    point[j] = xj - h;
    const down = f(point);
    point[j] = xj;
    out[j] = (up - down) / (2 * h);
  }
  return out;
}

const STEP = Math.cbrt(Number.EPSILON);
