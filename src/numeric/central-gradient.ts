/** Options of {@link centralGradient}. */
export interface CentralGradientOptions {
  /** Relative step h, hⱼ = h·max(1, |xⱼ|) (default ε^⅓ ≈ 6.06e-6). */
  readonly step?: number;
  /** f(x), when known: saves an evaluation where a one-sided difference is needed. */
  readonly value?: number;
}

/**
 * Gradient by central differences, ∂f/∂xⱼ ≈ (f(x + hⱼeⱼ) − f(x − hⱼeⱼ)) / 2hⱼ with
 * hⱼ = h·max(1, |xⱼ|), by default h = ε^⅓ (≈ 6e-6; balances the O(h²) truncation against the
 * O(ε/h) rounding error; Nocedal & Wright, 2006, §8.1). Where f is not finite on one side (the
 * edge of its domain) the one-sided difference on the other side is used, and 0 where f is not
 * finite on either side.
 *
 * @example
 * centralGradient((x) => x[0]! ** 3, [2])[0] // => 12.0000000001  (exact: 12)
 * centralGradient((x) => (x[0]! < 0 ? NaN : x[0]! ** 2 + x[0]!), [0])[0] // => 1.000006  (forward difference at the domain's edge: 1 + h; exact 1)
 */
export function centralGradient(f: (x: Float64Array) => number, x: ArrayLike<number>, options: CentralGradientOptions = {}): Float64Array {
  const point = Float64Array.from(x);
  const out = new Float64Array(point.length);
  const step = options.step ?? STEP;
  let value = options.value;
  for (let j = 0; j < point.length; j++) {
    const xj = point[j]!;
    const h = step * Math.max(1, Math.abs(xj));
    point[j] = xj + h;
    const up = f(point);
    point[j] = xj - h;
    const down = f(point);
    point[j] = xj;
    if (Number.isFinite(up) && Number.isFinite(down)) out[j] = (up - down) / (2 * h);
    else if (Number.isFinite(up) || Number.isFinite(down)) {
      value ??= f(point);
      out[j] = Number.isFinite(up) ? (up - value) / h : (value - down) / h;
    } else out[j] = 0;
  }
  return out;
}

const STEP = Math.cbrt(Number.EPSILON);
