import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import type { TwoByTwo } from '../../effect-sizes/two-by-two.ts';
import type { PooledValue } from './mh-log-odds-ratio.ts';

/**
 * Mantel–Haenszel risk difference (Greenland & Robins, 1985, Biometrics 41:55) with the variance
 * of Sato, Greenland & Robins (1989, Biometrics 45:1323), the one metafor uses. Per table, with
 * n1 = a+b, n2 = c+d, N = n1+n2 and W = Σn1ᵢn2ᵢ/Nᵢ:
 *
 *   RD̂ = Σ(aᵢn2ᵢ − cᵢn1ᵢ)/Nᵢ / W,
 *   Var(RD̂) = [RD̂·Σ(cᵢn1ᵢ² − aᵢn2ᵢ² + n1ᵢn2ᵢ(n2ᵢ − n1ᵢ)/2)/Nᵢ² + Σ(aᵢ(n2ᵢ − cᵢ) + cᵢ(n1ᵢ − aᵢ))/(2Nᵢ)] / W².
 *
 * Raw counts; defined for any tables with n1, n2 > 0. The variance is 0 in exact arithmetic when
 * every table separates perfectly (RD̂ = ±1); a rounding residue below 0 is returned as 0.
 * Scale: proportion (−1 to 1).
 *
 * @example
 * mhRiskDifference({ a: Float64Array.of(8), b: Float64Array.of(42), c: Float64Array.of(15),
 *   d: Float64Array.of(35) }).estimate // => -0.14 (8/50 − 15/50)
 */
export function mhRiskDifference(t: TwoByTwo): PooledValue {
  const num = new CompensatedAccumulator(), w = new CompensatedAccumulator();
  const p = new CompensatedAccumulator(), q = new CompensatedAccumulator();
  for (let i = 0; i < t.a.length; i++) {
    const a = t.a[i]!, c = t.c[i]!;
    const n1 = a + t.b[i]!, n2 = c + t.d[i]!, n = n1 + n2;
    const f1 = n1 / n, f2 = n2 / n;
    num.add(a * f2 - c * f1);
    w.add(n1 * f2);
    p.add(c * f1 * f1 - a * f2 * f2 + (f1 * f2 * (n2 - n1)) / 2);
    q.add((a * (n2 - c) + c * (n1 - a)) / n);
  }
  const W = w.value();
  const estimate = num.value() / W;
  return { estimate, variance: Math.max(0, (estimate * p.value() + q.value() / 2) / (W * W)) };
}
