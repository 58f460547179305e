/**
 * Rows per block of the blocked design sums: the block's design rows (p ≤ 8: 16 KB) and its
 * per-row factors stay in the first-level cache while every column pair is summed over them.
 */
export const GRAM_BLOCK = 256;

/**
 * Adds the weighted Gram matrices of one block of design rows, Σₜ cₜ·xᵢxᵢᵀ with i = first + t,
 * t < n, for one to three factor vectors c1, c2, c3 (indexed by t), to the lower triangles of
 * the row-major p × p matrices at offsets o1, o2, o3 of `out` (c3, or c2 and c3, may be null;
 * with all three, a fourth c4 may be added into `out4` at o4; Golub & Van Loan, 2013, §1.3:
 * a blocked outer-product update). Each entry is summed over the block in a local variable,
 * so at large k a column pair costs a few multiply-adds per row, not a load and a store of its
 * accumulator. Uncompensated, as the per-row updates it replaces.
 *
 * @param x  the row-major design (k × p)
 * @example
 * const out = new Float64Array(4);
 * addGramBlock(new Float64Array([1, 2, 1, 3]), 2, 0, 2, new Float64Array([1, 1]), null, null, out, 0, 0, 0);
 * out // => Float64Array [2, 0, 5, 13] (XᵀX = [[2, 5], [5, 13]], lower triangle)
 */
export function addGramBlock(
  x: Float64Array, p: number, first: number, n: number,
  c1: Float64Array, c2: Float64Array | null, c3: Float64Array | null,
  out: Float64Array, o1: number, o2: number, o3: number,
  c4: Float64Array | null = null, out4: Float64Array = out, o4 = 0,
): void {
  const base = first * p;
  if (c2 !== null && c3 !== null && c4 !== null) {
    addGramBlock4(x, p, base, n, c1, c2, c3, c4, out, o1, o2, o3, out4, o4);
    return;
  }
  if (c2 === null) {
    for (let j = 0; j < p; j++) {
      for (let l = 0; l <= j; l++) {
        let s1 = 0;
        for (let t = 0, row = base; t < n; t++, row += p) s1 += c1[t]! * x[row + j]! * x[row + l]!;
        out[o1 + j * p + l] = out[o1 + j * p + l]! + s1;
      }
    }
    return;
  }
  if (c3 === null) {
    for (let j = 0; j < p; j++) {
      for (let l = 0; l <= j; l++) {
        let s1 = 0, s2 = 0;
        for (let t = 0, row = base; t < n; t++, row += p) {
          const xx = x[row + j]! * x[row + l]!;
          s1 += c1[t]! * xx;
          s2 += c2[t]! * xx;
        }
        out[o1 + j * p + l] = out[o1 + j * p + l]! + s1;
        out[o2 + j * p + l] = out[o2 + j * p + l]! + s2;
      }
    }
    return;
  }
  for (let j = 0; j < p; j++) {
    let l = 0;
    // two entries of row j at a time: the loads of xᵢⱼ and of the factors are shared
    for (; l < j; l += 2) {
      let a1 = 0, a2 = 0, a3 = 0, b1 = 0, b2 = 0, b3 = 0;
      for (let t = 0, row = base; t < n; t++, row += p) {
        const xj = x[row + j]!;
        const xa = xj * x[row + l]!;
        const xb = xj * x[row + l + 1]!;
        const u1 = c1[t]!, u2 = c2[t]!, u3 = c3[t]!;
        a1 += u1 * xa; a2 += u2 * xa; a3 += u3 * xa;
        b1 += u1 * xb; b2 += u2 * xb; b3 += u3 * xb;
      }
      const at = j * p + l;
      out[o1 + at] = out[o1 + at]! + a1; out[o2 + at] = out[o2 + at]! + a2; out[o3 + at] = out[o3 + at]! + a3;
      out[o1 + at + 1] = out[o1 + at + 1]! + b1; out[o2 + at + 1] = out[o2 + at + 1]! + b2; out[o3 + at + 1] = out[o3 + at + 1]! + b3;
    }
    if (l === j) {
      let s1 = 0, s2 = 0, s3 = 0;
      for (let t = 0, row = base; t < n; t++, row += p) {
        const xx = x[row + j]! * x[row + j]!;
        s1 += c1[t]! * xx; s2 += c2[t]! * xx; s3 += c3[t]! * xx;
      }
      const at = j * p + j;
      out[o1 + at] = out[o1 + at]! + s1; out[o2 + at] = out[o2 + at]! + s2; out[o3 + at] = out[o3 + at]! + s3;
    }
  }
}

/** {@link addGramBlock} with four factor vectors (a series' extra power shares the loads). */
function addGramBlock4(
  x: Float64Array, p: number, base: number, n: number,
  c1: Float64Array, c2: Float64Array, c3: Float64Array, c4: Float64Array,
  out: Float64Array, o1: number, o2: number, o3: number, out4: Float64Array, o4: number,
): void {
  for (let j = 0; j < p; j++) {
    // two entries of row j at a time, as in addGramBlock
    for (let l = 0; l <= j; l += 2) {
      const second = l < j ? l + 1 : l;
      let a1 = 0, a2 = 0, a3 = 0, a4 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0;
      for (let t = 0, row = base; t < n; t++, row += p) {
        const xj = x[row + j]!;
        const xa = xj * x[row + l]!;
        const xb = xj * x[row + second]!;
        const u1 = c1[t]!, u2 = c2[t]!, u3 = c3[t]!, u4 = c4[t]!;
        a1 += u1 * xa; a2 += u2 * xa; a3 += u3 * xa; a4 += u4 * xa;
        b1 += u1 * xb; b2 += u2 * xb; b3 += u3 * xb; b4 += u4 * xb;
      }
      const at = j * p + l;
      out[o1 + at] = out[o1 + at]! + a1; out[o2 + at] = out[o2 + at]! + a2; out[o3 + at] = out[o3 + at]! + a3;
      out4[o4 + at] = out4[o4 + at]! + a4;
      if (second === l) continue; // the diagonal alone (computed twice, added once)
      out[o1 + at + 1] = out[o1 + at + 1]! + b1; out[o2 + at + 1] = out[o2 + at + 1]! + b2; out[o3 + at + 1] = out[o3 + at + 1]! + b3;
      out4[o4 + at + 1] = out4[o4 + at + 1]! + b4;
    }
  }
}

/**
 * Adds Σₜ c1ₜ·xᵢ and Σₜ c2ₜ·xᵢ (i = first + t, t < n) to the p-vectors at offsets o1, o2 of
 * `out` (c2 may be null), and with c2 a third Σₜ c3ₜ·xᵢ into `out3` at o3: the cross-products
 * Xᵀc of one block of design rows.
 *
 * @example
 * const out = new Float64Array(2);
 * addCrossBlock(new Float64Array([1, 2, 1, 3]), 2, 0, 2, new Float64Array([1, 2]), null, out, 0, 0);
 * out // => Float64Array [3, 8]
 */
export function addCrossBlock(
  x: Float64Array, p: number, first: number, n: number,
  c1: Float64Array, c2: Float64Array | null, out: Float64Array, o1: number, o2: number,
  c3: Float64Array | null = null, out3: Float64Array = out, o3 = 0,
): void {
  const base = first * p;
  for (let j = 0; j < p; j++) {
    let s1 = 0, s2 = 0, s3 = 0;
    if (c2 !== null && c3 !== null) {
      for (let t = 0, row = base; t < n; t++, row += p) {
        const xj = x[row + j]!;
        s1 += c1[t]! * xj;
        s2 += c2[t]! * xj;
        s3 += c3[t]! * xj;
      }
      out[o2 + j] = out[o2 + j]! + s2;
      out3[o3 + j] = out3[o3 + j]! + s3;
    } else if (c2 === null) {
      for (let t = 0, row = base; t < n; t++, row += p) s1 += c1[t]! * x[row + j]!;
    } else {
      for (let t = 0, row = base; t < n; t++, row += p) {
        const xj = x[row + j]!;
        s1 += c1[t]! * xj;
        s2 += c2[t]! * xj;
      }
      out[o2 + j] = out[o2 + j]! + s2;
    }
    out[o1 + j] = out[o1 + j]! + s1;
  }
}
