/**
 * Copies `values` without entry `i` into `out` (length k − 1), keeping the order: the data of
 * a leave-one-out refit, in O(k) without allocating.
 *
 * @example
 * withoutStudy(new Float64Array([1, 2, 3]), 1, new Float64Array(2)) // => Float64Array [1, 3]
 */
export function withoutStudy(values: Float64Array, i: number, out: Float64Array): Float64Array {
  out.set(values.subarray(0, i), 0);
  out.set(values.subarray(i + 1), i);
  return out;
}
