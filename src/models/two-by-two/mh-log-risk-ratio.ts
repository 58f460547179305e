import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import type { TwoByTwo } from '../../effect-sizes/two-by-two.ts';
import type { PooledValue } from './mh-log-odds-ratio.ts';

/**
 * Mantel–Haenszel log risk ratio with the variance of Greenland & Robins (1985, Biometrics
 * 41:55, eq. 13). Per table, with group sizes n1 = a+b, n2 = c+d and N = n1+n2:
 * R = Σaᵢn2ᵢ/Nᵢ, S = Σcᵢn1ᵢ/Nᵢ;
 *
 *   ψ̂ = R/S,  Var(ln ψ̂) = Σ(n1ᵢn2ᵢ(aᵢ+cᵢ)/Nᵢ² − aᵢcᵢ/Nᵢ) / (R·S),
 *
 * each term summed in the equal, cancellation-free form (n1ᵢaᵢdᵢ + n2ᵢbᵢcᵢ)/Nᵢ² ≥ 0. Raw counts. Both NaN when no table has events in group 1 (Σa = 0) or in group 2 (Σc = 0),
 * as metafor gives NA. Scale: natural log.
 *
 * @example
 * mhLogRiskRatio({ a: Float64Array.of(8), b: Float64Array.of(42), c: Float64Array.of(15),
 *   d: Float64Array.of(35) }).estimate // => -0.6286086594223741 (ln(8/15); rma.mh gives -0.628608659422374)
 */
export function mhLogRiskRatio(t: TwoByTwo): PooledValue {
  const r = new CompensatedAccumulator(), s = new CompensatedAccumulator(), v = new CompensatedAccumulator();
  let events1 = 0, events2 = 0;
  for (let i = 0; i < t.a.length; i++) {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const n1 = a + b, n2 = c + d, n = n1 + n2;
    events1 += a;
    events2 += c;
    r.add(a * (n2 / n));
    s.add(c * (n1 / n));
    v.add(((n1 / n) * a * (d / n)) + ((n2 / n) * b * (c / n)));
  }
  if (!(events1 > 0 && events2 > 0)) return { estimate: NaN, variance: NaN };
  const R = r.value(), S = s.value();
  return { estimate: Math.log(R / S), variance: v.value() / (R * S) };
}
