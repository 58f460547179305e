import { chiSquareSf } from '../../distributions/chi-square.ts';
import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import type { TwoByTwo } from '../../effect-sizes/two-by-two.ts';

/** A chi-square test statistic with its p-value (NaN where undefined). */
export interface ChiSquareTest {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Cochran–Mantel–Haenszel test of no association across K 2x2 tables (Mantel & Haenszel, 1959,
 * JNCI 22:719, eq. 9), with the hypergeometric variance. With n1 = a+b, n2 = c+d, m1 = a+c,
 * m2 = b+d and N = n1+n2:
 *
 *   χ²_MH = (|Σ(aᵢ − n1ᵢm1ᵢ/Nᵢ)| − ½)² / Σ n1ᵢn2ᵢm1ᵢm2ᵢ/(Nᵢ²(Nᵢ − 1)),  1 df,
 *
 * the −½ being the continuity correction (`correct`, as metafor's `correct = TRUE`; the
 * statistic is not truncated at 0, as in metafor). NaN when no table has an event or none has a
 * non-event. p from the χ²(1) survival function.
 *
 * @example
 * cochranMantelHaenszelTest({ a: Float64Array.of(8), b: Float64Array.of(42), c: Float64Array.of(15),
 *   d: Float64Array.of(35) }, true).statistic // => 2.012422360248447 (rma.mh gives 2.01242236024845)
 */
export function cochranMantelHaenszelTest(t: TwoByTwo, correct: boolean): ChiSquareTest {
  const deviation = new CompensatedAccumulator(), variance = new CompensatedAccumulator();
  let events = 0, nonEvents = 0;
  for (let i = 0; i < t.a.length; i++) {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const n1 = a + b, n2 = c + d, n = n1 + n2, m1 = a + c, m2 = b + d;
    events += m1;
    nonEvents += m2;
    deviation.add(a - (n1 / n) * m1);
    variance.add((n1 / n) * (n2 / n) * m1 * (m2 / (n - 1)));
  }
  if (!(events > 0 && nonEvents > 0)) return { statistic: NaN, df: 1, pValue: NaN };
  const x = Math.abs(deviation.value()) - (correct ? 0.5 : 0);
  const statistic = (x * x) / variance.value();
  return { statistic, df: 1, pValue: chiSquareSf(statistic, 1) };
}
