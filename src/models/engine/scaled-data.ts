/** Studies re-expressed in units where the sampling variances are of order 1. */
export interface ScaledData {
  /** (yᵢ − shift)/√unit. */
  readonly y: Float64Array;
  /** vᵢ/unit. */
  readonly v: Float64Array;
  /** The centre subtracted from y (the median of y). */
  readonly shift: number;
  /** The variance unit, a power of 4 (so that √unit is a power of 2 and the scaling is exact). */
  readonly unit: number;
}

/**
 * Centres the outcomes at their median and divides outcomes by c and variances by c², with c
 * the power of 2 nearest √(median of the positive vᵢ) (or, without one, of the median squared
 * deviation of y). Dividing by a power of 2 is exact, so nothing is lost; afterwards the
 * estimators, their stopping rules and every sum work on numbers of order 1, whatever the
 * units of the data: τ² estimates scale by c², estimates and SEs by c, and no sum overflows for
 * variances near 1e-300 or effects near 1e300. `exact = false` (metafor's stopping rule, which
 * is absolute and tied to the user's units) leaves the data as they are.
 *
 * @example
 * scaleData(new Float64Array([1e-8, 3e-8]), new Float64Array([4e-16, 4e-16]), true).unit // => 2.220446049250313e-16 (2^-52, the power of 4 nearest 4e-16)
 */
export function scaleData(yi: Float64Array, vi: Float64Array, exact: boolean): ScaledData {
  if (!exact) return { y: yi, v: vi, shift: 0, unit: 1 };
  const k = yi.length;
  const shift = median(yi);
  let typical = median(vi.filter((x) => x > 0));
  if (!(typical > 0 && typical < Infinity)) {
    typical = median(Float64Array.from(yi, (x) => (x - shift) ** 2).filter((x) => x > 0));
  }
  if (!(typical > 0 && typical < Infinity)) typical = 1;
  const e = Math.max(-500, Math.min(500, Math.round(0.5 * Math.log2(typical))));
  const c = 2 ** e;
  const unit = c * c;
  const y = new Float64Array(k);
  const v = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    y[i] = (yi[i]! - shift) / c;
    v[i] = vi[i]! / c / c;
  }
  return { y, v, shift, unit };
}

function median(x: Float64Array): number {
  if (x.length === 0) return NaN;
  const s = Float64Array.from(x).sort();
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : s[h - 1]! / 2 + s[h]! / 2;
}
