/**
 * Double-double arithmetic: a value is the unevaluated sum hi + lo of two doubles with
 * |lo| ≤ ulp(hi)/2, giving about 106 bits (~32 digits). The error-free transformations are
 * Knuth's TwoSum and Dekker's TwoProduct with Veltkamp splitting (Dekker 1971, Numer. Math.
 * 18:224–242; Shewchuk 1997, Discrete Comput. Geom. 18:305–363). Used by the incomplete-beta
 * continued fraction, whose terms cancel to ~1/(1 − x) when x is near 1.
 */
export type DoubleDouble = readonly [hi: number, lo: number];

const SPLITTER = 134217729; // 2^27 + 1

/**
 * Exact sum: s + e = a + b with s = fl(a + b) (Knuth's TwoSum).
 *
 * @throws never.
 * @example
 * twoSum(1, 1e-20) // => [1, 1e-20]
 */
export function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bv = s - a;
  return [s, a - (s - bv) + (b - bv)];
}

/**
 * Exact product: p + e = a·b with p = fl(a·b) (Dekker's TwoProduct); |a|, |b| < 1e290.
 *
 * @throws never.
 * @example
 * twoProduct(1 + 2 ** -30, 1 + 2 ** -30) // => [1.0000000018626451, 8.673617379884035e-19] (1 + 2⁻²⁹ and 2⁻⁶⁰)
 */
export function twoProduct(a: number, b: number): DoubleDouble {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function renormalize(s: number, e: number): DoubleDouble {
  const hi = s + e;
  return [hi, e - (hi - s)];
}

/**
 * Double-double sum x + y.
 *
 * @throws never.
 * @example
 * ddAdd([1, 0], [1e-20, 0]) // => [1, 1e-20]
 */
export function ddAdd(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const [s, e] = twoSum(x[0], y[0]);
  return renormalize(s, e + x[1] + y[1]);
}

/**
 * Double-double sum x + c with a double c.
 *
 * @throws never.
 * @example
 * ddAddNumber([1, 1e-20], -1) // => [1e-20, 0]
 */
export function ddAddNumber(x: DoubleDouble, c: number): DoubleDouble {
  const [s, e] = twoSum(x[0], c);
  return renormalize(s, e + x[1]);
}

/**
 * Double-double product x·y.
 *
 * @throws never.
 * @example
 * ddMul([3, 0], [1 / 3, 0])[0] // => 1
 */
export function ddMul(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const [p, e] = twoProduct(x[0], y[0]);
  return renormalize(p, e + (x[0] * y[1] + x[1] * y[0]));
}

/**
 * Double-double quotient x/y (two correction steps of long division).
 *
 * @throws never.
 * @example
 * ddDiv([1, 0], [3, 0]) // => [0.3333333333333333, 1.850371707708594e-17]
 */
export function ddDiv(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const q1 = x[0] / y[0];
  let r = ddAdd(x, ddMul(y, [-q1, 0]));
  const q2 = r[0] / y[0];
  r = ddAdd(r, ddMul(y, [-q2, 0]));
  const q3 = r[0] / y[0];
  const [s, e] = twoSum(q1, q2);
  return renormalize(s, e + q3);
}
