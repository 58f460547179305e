import { CompensatedAccumulator } from '../numeric/compensated-sum.ts';

/**
 * Weighted mean Σ wᵢxᵢ / Σ wᵢ over the rows where both xᵢ and wᵢ are finite (metafor's
 * sample-size weighted averages for `vtype = 'AV'`, which drop NA rows). NaN when no row counts.
 *
 * @example
 * weightedMean(Float64Array.of(0.2, NaN, 0.4), Float64Array.of(10, 5, 30)) // => 0.35
 */
export function weightedMean(x: Float64Array, w: Float64Array): number {
  const num = new CompensatedAccumulator();
  const den = new CompensatedAccumulator();
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const wi = w[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(wi)) continue;
    num.add(wi * xi);
    den.add(wi);
  }
  const d = den.value();
  return d === 0 ? NaN : num.value() / d;
}
