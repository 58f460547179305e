import type { PersonTime } from '../../effect-sizes/person-time.ts';
import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import type { PooledValue } from '../two-by-two/mh-log-odds-ratio.ts';

/**
 * Mantel–Haenszel incidence rate difference (Rothman, Greenland & Lash, 2008, ch. 15), as
 * metafor's `rma.mh(measure = "IRD")`. With Tᵢ = t1ᵢ + t2ᵢ and weights wᵢ = t1ᵢt2ᵢ/Tᵢ, W = Σwᵢ:
 *
 *   IRD̂_MH = Σ(x1ᵢt2ᵢ − x2ᵢt1ᵢ)/Tᵢ / W,   Var = Σwᵢ²(x1ᵢ/t1ᵢ² + x2ᵢ/t2ᵢ²) / W².
 *
 * Raw counts. Scale: events per unit of person-time.
 *
 * @example
 * mhIncidenceRateDifference({ x1: Float64Array.of(10), t1: Float64Array.of(20), x2: Float64Array.of(6),
 *   t2: Float64Array.of(20) }).estimate // => 0.2 (10/20 − 6/20)
 */
export function mhIncidenceRateDifference(p: PersonTime): PooledValue {
  const num = new CompensatedAccumulator(), w = new CompensatedAccumulator(), v = new CompensatedAccumulator();
  for (let i = 0; i < p.x1.length; i++) {
    const x1 = p.x1[i]!, x2 = p.x2[i]!, t1 = p.t1[i]!, t2 = p.t2[i]!;
    const wi = (t1 * t2) / (t1 + t2);
    num.add(x1 * (t2 / (t1 + t2)) - x2 * (t1 / (t1 + t2)));
    w.add(wi);
    v.add(wi * wi * (x1 / (t1 * t1) + x2 / (t2 * t2)));
  }
  const W = w.value();
  return { estimate: num.value() / W, variance: v.value() / (W * W) };
}
