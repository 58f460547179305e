import { chiSquareSf } from '../../distributions/chi-square.ts';
import type { PersonTime } from '../../effect-sizes/person-time.ts';
import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import type { ChiSquareTest } from '../two-by-two/cmh-test.ts';
import type { PooledValue } from '../two-by-two/mh-log-odds-ratio.ts';

/**
 * Mantel–Haenszel log incidence rate ratio (Rothman, Greenland & Lash, 2008, ch. 15; Greenland &
 * Robins, 1985), as metafor's `rma.mh(measure = "IRR")`. With Tᵢ = t1ᵢ + t2ᵢ,
 * R = Σx1ᵢt2ᵢ/Tᵢ and S = Σx2ᵢt1ᵢ/Tᵢ:
 *
 *   ln IRR̂_MH = ln(R/S),   Var = Σ(t1ᵢt2ᵢ/Tᵢ²)(x1ᵢ + x2ᵢ) / (R·S).
 *
 * Raw counts. NaN when a group has no events in any study (metafor's NA). Scale: natural log.
 *
 * @example
 * mhLogIncidenceRateRatio({ x1: Float64Array.of(9, 8), t1: Float64Array.of(413, 263),
 *   x2: Float64Array.of(19, 19), t2: Float64Array.of(398, 245) }).estimate // => -0.857802814525 (rma.mh on AFASAK and SPAF of dat.hart1999: -0.857802814524708)
 */
export function mhLogIncidenceRateRatio(p: PersonTime): PooledValue {
  const r = new CompensatedAccumulator(), s = new CompensatedAccumulator(), v = new CompensatedAccumulator();
  let events1 = 0, events2 = 0;
  for (let i = 0; i < p.x1.length; i++) {
    const x1 = p.x1[i]!, x2 = p.x2[i]!, t1 = p.t1[i]!, t2 = p.t2[i]!;
    const f1 = t1 / (t1 + t2), f2 = t2 / (t1 + t2);
    events1 += x1;
    events2 += x2;
    r.add(x1 * f2);
    s.add(x2 * f1);
    v.add(f1 * f2 * (x1 + x2));
  }
  if (events1 === 0 || events2 === 0) return { estimate: NaN, variance: NaN };
  return { estimate: Math.log(r.value() / s.value()), variance: v.value() / (r.value() * s.value()) };
}

/**
 * Mantel–Haenszel test of equal incidence rates across studies (metafor's `MH` for IRR), 1 df:
 * with xᵢ = x1ᵢ + x2ᵢ,
 *
 *   χ² = (|Σ(x1ᵢ − xᵢt1ᵢ/Tᵢ)| − ½)² / Σxᵢ(t1ᵢ/Tᵢ)(t2ᵢ/Tᵢ),
 *
 * the −½ being the continuity correction (`correct`). NaN when there are no events at all.
 *
 * @example
 * mantelHaenszelRateTest({ x1: Float64Array.of(9), t1: Float64Array.of(413), x2: Float64Array.of(19),
 *   t2: Float64Array.of(398) }, false).statistic // => 3.952 (direct: (9 − 28·413/811)²/(28·413·398/811²))
 */
export function mantelHaenszelRateTest(p: PersonTime, correct: boolean): ChiSquareTest {
  const deviation = new CompensatedAccumulator(), variance = new CompensatedAccumulator();
  let events = 0;
  for (let i = 0; i < p.x1.length; i++) {
    const x1 = p.x1[i]!, x = x1 + p.x2[i]!, t1 = p.t1[i]!, t2 = p.t2[i]!;
    const f1 = t1 / (t1 + t2), f2 = t2 / (t1 + t2);
    events += x;
    deviation.add(x1 - x * f1);
    variance.add(x * f1 * f2);
  }
  if (!(events > 0)) return { statistic: NaN, df: 1, pValue: NaN };
  const d = Math.abs(deviation.value()) - (correct ? 0.5 : 0);
  const statistic = (d * d) / variance.value();
  return { statistic, df: 1, pValue: chiSquareSf(statistic, 1) };
}
