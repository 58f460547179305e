import { chiSquareSf } from '../../distributions/chi-square.ts';
import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import type { TwoByTwo } from '../../effect-sizes/two-by-two.ts';

/** Breslow–Day and Tarone tests of a common odds ratio. */
export interface OddsRatioHomogeneity {
  /** Breslow–Day statistic (uncorrected). */
  readonly breslowDay: number;
  /** Tarone's corrected statistic. */
  readonly tarone: number;
  /** Tables with events and non-events, of which the df is one fewer. */
  readonly tables: number;
  /** Degrees of freedom: tables − 1 (NaN for no tables). */
  readonly df: number;
  /** p-values from the χ²(df) survival function; NaN when df < 1. */
  readonly breslowDayPValue: number;
  readonly taronePValue: number;
}

/**
 * Breslow–Day test (Breslow & Day, 1980, IARC Sci Publ 32, eq. 4.30) with Tarone's correction
 * (Tarone, 1985, Biometrika 72:91) of homogeneity of the odds ratio across tables, given the
 * common odds ratio ψ (the Mantel–Haenszel estimate, not its log). For each table with events
 * and non-events (m1 = a+c > 0, m2 = b+d > 0), the expected count of cell a under ψ is the root
 * Eᵢ in (max(0, m1 − n2), min(n1, m1)) of Eᵢ(n2 − m1 + Eᵢ) = ψ(n1 − Eᵢ)(m1 − Eᵢ), computed
 * without cancellation as Eᵢ = 2ψn1m1/(A + √(A² − 4ψ(ψ − 1)n1m1)), A = ψ(n1 + m1) + n2 − m1;
 * its variance is Vᵢ = 1/(1/Eᵢ + 1/(n1 − Eᵢ) + 1/(m1 − Eᵢ) + 1/(n2 − m1 + Eᵢ)). Then
 *
 *   X²_BD = Σ(aᵢ − Eᵢ)²/Vᵢ,   X²_Tarone = X²_BD − (Σ(aᵢ − Eᵢ))²/ΣVᵢ,
 *
 * each truncated at 0, with (number of such tables − 1) df. All NaN when ψ is not finite
 * and positive.
 *
 * @example
 * breslowDayTaroneTest({ a: Float64Array.of(8), b: Float64Array.of(42), c: Float64Array.of(15),
 *   d: Float64Array.of(35) }, 280 / 630).tarone // => 0 (one table fits its own odds ratio; df 0)
 */
export function breslowDayTaroneTest(t: TwoByTwo, psi: number): OddsRatioHomogeneity {
  if (!(psi > 0 && Number.isFinite(psi))) {
    return { breslowDay: NaN, tarone: NaN, tables: 0, df: NaN, breslowDayPValue: NaN, taronePValue: NaN };
  }
  const bd = new CompensatedAccumulator(), dev = new CompensatedAccumulator(), vsum = new CompensatedAccumulator();
  let tables = 0;
  for (let i = 0; i < t.a.length; i++) {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const n1 = a + b, n2 = c + d, m1 = a + c, m2 = b + d;
    if (!(m1 > 0 && m2 > 0)) continue;
    const A = psi * (n1 + m1) + (n2 - m1);
    const e = (2 * psi * n1 * m1) / (A + Math.sqrt(A * A - 4 * psi * (psi - 1) * n1 * m1));
    if (!(e > 0)) continue;
    const v = 1 / (1 / e + 1 / (n1 - e) + 1 / (m1 - e) + 1 / (n2 - m1 + e));
    tables++;
    bd.add(((a - e) * (a - e)) / v);
    dev.add(a - e);
    vsum.add(v);
  }
  const breslowDay = Math.max(0, bd.value());
  const deviation = dev.value();
  const tarone = tables > 0 ? Math.max(0, breslowDay - (deviation * deviation) / vsum.value()) : 0;
  const df = tables - 1;
  return {
    breslowDay,
    tarone,
    tables,
    df,
    breslowDayPValue: df >= 1 ? chiSquareSf(breslowDay, df) : NaN,
    taronePValue: df >= 1 ? chiSquareSf(tarone, df) : NaN,
  };
}
