import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import type { TwoByTwo } from '../../effect-sizes/two-by-two.ts';

/** Peto's pooled log odds ratio with its heterogeneity statistic. */
export interface PetoPooled {
  readonly estimate: number;
  readonly variance: number;
  /** Q = Σ(Oᵢ − Eᵢ)²/Vᵢ − (Σ(Oᵢ − Eᵢ))²/ΣVᵢ over tables with Vᵢ > 0, truncated at 0. */
  readonly q: number;
  /** Tables with Vᵢ > 0 (events and non-events). */
  readonly informative: number;
}

/**
 * Peto's one-step pooled log odds ratio (Yusuf, Peto, Lewis, Collins & Sleight, 1985, Prog
 * Cardiovasc Dis 27:335). For each table, with n1 = a+b, n2 = c+d, m1 = a+c, m2 = b+d and
 * N = n1+n2, the observed-minus-expected count and its hypergeometric variance are
 * Oᵢ − Eᵢ = aᵢ − n1ᵢm1ᵢ/Nᵢ and Vᵢ = n1ᵢn2ᵢm1ᵢm2ᵢ/(Nᵢ²(Nᵢ − 1)); then
 *
 *   ln ψ̂ = Σ(Oᵢ − Eᵢ)/ΣVᵢ,  Var = 1/ΣVᵢ,  Q = Σ(Oᵢ − Eᵢ)²/Vᵢ − (Σ(Oᵢ − Eᵢ))²/ΣVᵢ,
 *
 * Q summing over the tables with Vᵢ > 0. Raw counts. NaN estimate when ΣVᵢ = 0 (no table has
 * both events and non-events). Scale: natural log.
 *
 * @example
 * petoPooled({ a: Float64Array.of(8), b: Float64Array.of(42), c: Float64Array.of(15),
 *   d: Float64Array.of(35) }).estimate // => -0.782608695652174 (rma.peto gives -0.782608695652174)
 */
export function petoPooled(t: TwoByTwo): PetoPooled {
  const oe = new CompensatedAccumulator(), vsum = new CompensatedAccumulator(), chi = new CompensatedAccumulator();
  let informative = 0;
  for (let i = 0; i < t.a.length; i++) {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const n1 = a + b, n2 = c + d, n = n1 + n2, m1 = a + c, m2 = b + d;
    const deviation = a - (m1 * n1) / n;
    const v = (m1 * m2 * (n1 / n) * (n2 / n)) / (n - 1);
    oe.add(deviation);
    vsum.add(v);
    if (v > 0) {
      informative++;
      chi.add((deviation * deviation) / v);
    }
  }
  const V = vsum.value(), O = oe.value();
  if (!(V > 0)) return { estimate: NaN, variance: NaN, q: NaN, informative };
  return { estimate: O / V, variance: 1 / V, q: Math.max(0, chi.value() - (O * O) / V), informative };
}
