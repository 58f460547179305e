/**
 * Neumaier's compensated summation (an improved Kahan–Babuška sum).
 *
 * Sums `values[0..n)` with a running correction term, so the error does not grow with n:
 * s = Σ xᵢ with |error| ≲ 2ε|Σ|xᵢ||, independent of n (Neumaier, 1974, ZAMM 54:39–51).
 *
 * @example
 * compensatedSum([1e16, 1, -1e16]) // => 1 (a naive loop gives 0)
 */
export function compensatedSum(values: ArrayLike<number>, n: number = values.length): number {
  let sum = 0;
  let correction = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const t = sum + x;
    correction += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + correction;
}

/**
 * Compensated dot product Σ aᵢ·bᵢ (Neumaier summation of the products).
 *
 * @example
 * compensatedDot([1, 2, 3], [4, 5, 6]) // => 32
 */
export function compensatedDot(a: ArrayLike<number>, b: ArrayLike<number>, n: number = a.length): number {
  let sum = 0;
  let correction = 0;
  for (let i = 0; i < n; i++) {
    const x = (a[i] as number) * (b[i] as number);
    const t = sum + x;
    correction += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + correction;
}

/**
 * A running Neumaier-compensated sum, for loops that accumulate several sums in one pass.
 *
 * @example
 * const acc = new CompensatedAccumulator();
 * acc.add(1e16); acc.add(1); acc.add(-1e16);
 * acc.value() // => 1
 */
export class CompensatedAccumulator {
  private sum = 0;
  private correction = 0;

  add(x: number): void {
    const t = this.sum + x;
    this.correction += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }

  value(): number {
    return this.sum + this.correction;
  }
}

/**
 * Neumaier-compensated sums kept in a preallocated Float64Array, two entries per sum (the sum at
 * 2·slot, its correction at 2·slot + 1), for hot loops that must not allocate: add with
 * {@link addCompensated}, read with {@link compensatedValue}, restart with `acc.fill(0)`.
 *
 * @example
 * const acc = new Float64Array(2);
 * addCompensated(acc, 0, 1e16); addCompensated(acc, 0, 1); addCompensated(acc, 0, -1e16);
 * compensatedValue(acc, 0) // => 1
 */
export function addCompensated(acc: Float64Array, slot: number, x: number): void {
  const i = 2 * slot;
  const sum = acc[i]!;
  const t = sum + x;
  acc[i + 1] = acc[i + 1]! + (Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum);
  acc[i] = t;
}

/**
 * The value of compensated sum `slot` of `acc` (see {@link addCompensated}).
 *
 * @example
 * compensatedValue(new Float64Array([3, 1e-20]), 0) // => 3
 */
export function compensatedValue(acc: Float64Array, slot: number): number {
  return acc[2 * slot]! + acc[2 * slot + 1]!;
}

/**
 * Compensated sum `slot` of `acc` (see {@link addCompensated}) without one of its terms `x`: the
 * sum of all but one term in O(1), e.g. a leave-one-out sum. The subtraction of x from the
 * leading part is error-free (Neumaier's two-sum), so the result is accurate to about ε relative
 * to itself plus ε² relative to the full sum, even when x held most of it.
 *
 * @example
 * const acc = new Float64Array(2);
 * addCompensated(acc, 0, 1e16); addCompensated(acc, 0, 3);
 * compensatedValueWithout(acc, 0, 1e16) // => 3
 */
export function compensatedValueWithout(acc: Float64Array, slot: number, x: number): number {
  const sum = acc[2 * slot]!;
  const t = sum - x;
  const error = Math.abs(sum) >= Math.abs(x) ? sum - t - x : sum - (t + x);
  return t + (error + acc[2 * slot + 1]!);
}
