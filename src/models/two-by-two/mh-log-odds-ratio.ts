import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import type { TwoByTwo } from '../../effect-sizes/two-by-two.ts';

/** A pooled estimate and its sampling variance (NaN where undefined). */
export interface PooledValue {
  readonly estimate: number;
  readonly variance: number;
}

/**
 * Mantel–Haenszel log odds ratio (Mantel & Haenszel, 1959, JNCI 22:719) with the variance of
 * Robins, Breslow & Greenland (1986, Biometrics 42:311, eq. 11). Per table, with N = a+b+c+d:
 * Rᵢ = aᵢdᵢ/Nᵢ, Sᵢ = bᵢcᵢ/Nᵢ, Pᵢ = (aᵢ+dᵢ)/Nᵢ, Qᵢ = (bᵢ+cᵢ)/Nᵢ, R = ΣRᵢ, S = ΣSᵢ;
 *
 *   ψ̂ = R/S,  Var(ln ψ̂) = ΣPᵢRᵢ/(2R²) + Σ(PᵢSᵢ + QᵢRᵢ)/(2RS) + ΣQᵢSᵢ/(2S²).
 *
 * Raw counts (no continuity correction). Both NaN when R = 0 or S = 0 (the ratio is 0 or
 * infinite), as metafor gives NA. Scale: natural log.
 *
 * @example
 * mhLogOddsRatio({ a: Float64Array.of(8), b: Float64Array.of(42), c: Float64Array.of(15),
 *   d: Float64Array.of(35) }).estimate // => -0.8109302162163287 (ln(8·35/(42·15)); rma.mh gives -0.810930216216329)
 */
export function mhLogOddsRatio(t: TwoByTwo): PooledValue {
  const r = new CompensatedAccumulator(), s = new CompensatedAccumulator();
  const pr = new CompensatedAccumulator(), psqr = new CompensatedAccumulator(), qs = new CompensatedAccumulator();
  for (let i = 0; i < t.a.length; i++) {
    const a = t.a[i]!, b = t.b[i]!, c = t.c[i]!, d = t.d[i]!;
    const n = a + b + c + d;
    const ri = (a / n) * d, si = (b / n) * c;
    const pi = (a + d) / n, qi = (b + c) / n;
    r.add(ri);
    s.add(si);
    pr.add(pi * ri);
    psqr.add(pi * si + qi * ri);
    qs.add(qi * si);
  }
  const R = r.value(), S = s.value();
  if (!(R > 0 && S > 0)) return { estimate: NaN, variance: NaN };
  return {
    estimate: Math.log(R / S),
    variance: 0.5 * (pr.value() / (R * R) + psqr.value() / (R * S) + qs.value() / (S * S)),
  };
}
