import { chiSquareMixtureCdf } from '../../distributions/chi-square-mixture.ts';
import { expandUpper, zeroin } from '../../numeric/brent-root.ts';
import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { householderTridiagonal } from '../multilevel/householder-tridiagonal.ts';
import { tridiagonalEigen } from '../multilevel/tridiagonal-eigen.ts';

/** The data of a generalised Q statistic: design (row-major k × p), weights, outcomes, variances. */
export interface GeneralizedQData {
  readonly x: ArrayLike<number>;
  readonly k: number;
  readonly p: number;
  readonly a: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly v: ArrayLike<number>;
}

/**
 * The residual-forming matrix P = A − AX(XᵀAX)⁻¹XᵀA of weights A = diag(aᵢ), dense k × k
 * (row-major); `null` when XᵀAX is singular.
 */
function residualMatrix(d: GeneralizedQData): Float64Array | null {
  const { x, k, p, a } = d;
  const gram = new Float64Array(p * p);
  for (let i = 0; i < k; i++) {
    for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) gram[r * p + c] = gram[r * p + c]! + a[i]! * x[i * p + r]! * x[i * p + c]!;
  }
  const l = cholesky(gram, p);
  if (l === null) return null;
  const inv = choleskyInverse(l, p);
  const P = new Float64Array(k * k);
  const xi = new Float64Array(p);
  for (let i = 0; i < k; i++) {
    for (let r = 0; r < p; r++) {
      let s = 0;
      for (let c = 0; c < p; c++) s += inv[r * p + c]! * x[i * p + c]!;
      xi[r] = s;
    }
    for (let j = 0; j < k; j++) {
      let h = 0;
      for (let r = 0; r < p; r++) h += xi[r]! * x[j * p + r]!;
      P[i * k + j] = (i === j ? a[i]! : 0) - a[i]! * a[j]! * h;
    }
  }
  return P;
}

/**
 * The k − p non-zero eigenvalues λⱼ of (V + τ²I)^½ P (V + τ²I)^½, the coefficients of the
 * generalised Q statistic Q_a = yᵀPy as Σλⱼχ²₁ under the random-effects model with τ²
 * (Jackson, 2013, Stat Med 32:2765; metafor's `.GENQ.func`). Dense O(k³).
 */
function coefficients(P: Float64Array, d: GeneralizedQData, tau2: number): Float64Array {
  const { k, p, v } = d;
  const s = Float64Array.from({ length: k }, (_, i) => Math.sqrt(v[i]! + tau2));
  const m = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) m[i * k + j] = s[i]! * P[i * k + j]! * s[j]!;
  const t = householderTridiagonal(m, k);
  const values = Float64Array.from(tridiagonalEigen(t.diag, t.off).values).sort().reverse();
  return values.subarray(0, k - p);
}

/** A τ² interval from the generalised Q statistic, in the data's units. */
export interface GeneralizedQBounds {
  readonly lower: number;
  readonly upper: number;
  /** Both bounds are 0: the observed Q_a is below its 1 − α/2 quantile even at τ² = 0. */
  readonly empty: boolean;
}

/**
 * Confidence interval for τ² from the exact distribution of the generalised Q statistic
 * Q_a = yᵀPy with the user's weights (Jackson, 2013, Stat Med 32:2765; metafor's
 * `confint(res, type = "GENQ")` for method GENQ): P(Q_a > q | τ²) increases in τ², and the
 * bounds solve P(Q_a > q | τ²) = α/2 (lower) and 1 − α/2 (upper), each truncated at 0. Each
 * probability is Ruben's χ² mixture (`chiSquareMixtureCdf`) over the eigenvalues of
 * (V + τ²I)^½ P (V + τ²I)^½; the roots by Brent's method to 1e-12 relative, on a bracket doubled
 * until it holds the root. O(k³) per evaluation (the eigenvalues).
 *
 * @example
 * const d = { x: [1, 1, 1, 1], k: 4, p: 1, a: [1, 1, 1, 1], y: [0, 1, 3, 6], v: [1, 1, 1, 1] };
 * generalizedQInterval(d, 0.95).lower // => 1.24637284 (equal weights and variances: Q/(1 + τ²) is χ²₃, so 21/χ²₃;₀.₉₇₅ − 1)
 */
export function generalizedQInterval(d: GeneralizedQData, level: number): GeneralizedQBounds {
  const P = residualMatrix(d);
  if (P === null) return { lower: NaN, upper: NaN, empty: false };
  const { k, y } = d;
  let q = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) q += y[i]! * P[i * k + j]! * y[j]!;
  const alpha = 1 - level;
  const right = (tau2: number) => 1 - chiSquareMixtureCdf(q, coefficients(P, d, tau2));
  const atZero = right(0);
  const bound = (target: number): number => {
    if (atZero >= target) return 0;
    const f = (t: number) => right(t) - target;
    let scale = 0;
    for (let i = 0; i < k; i++) scale = Math.max(scale, d.v[i]!);
    const hi = expandUpper((t) => -f(t), scale);
    if (!Number.isFinite(hi)) return NaN;
    const lo = hi / 2 >= Number.MIN_VALUE && f(hi / 2) < 0 ? hi / 2 : 0;
    return zeroin(f, lo, hi, f(lo), f(hi), 1e-12 * hi, 1000).root;
  };
  const upper = bound(1 - alpha / 2);
  return { lower: bound(alpha / 2), upper, empty: upper === 0 };
}
