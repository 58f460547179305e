/** Units of a two-level nested model: one row per inner level, grouped by outer cluster. */
export interface NestedUnits {
  /** Unit outcomes. */
  readonly y: Float64Array;
  /** Unit sampling variances (> 0). */
  readonly v: Float64Array;
  /** Outer cluster (0 … nOuter − 1) of each unit. */
  readonly outerOf: Int32Array;
  readonly nOuter: number;
}

/** (RE)ML log-likelihood of the units at (σ²_outer, σ²_inner), with its score and information. */
export interface NestedEvaluation {
  /** Restricted (REML) or full (ML) log-likelihood of the units, metafor's constants included. */
  readonly logLik: number;
  /** GLS estimate μ̂ = 1ᵀV⁻¹y / 1ᵀV⁻¹1. */
  readonly estimate: number;
  /** 1ᵀV⁻¹1, the inverse of Var(μ̂). */
  readonly sumW: number;
  /** ∂ℓ/∂σ²_outer, ∂ℓ/∂σ²_inner. */
  readonly score: readonly [number, number];
  /** Expected (Fisher) information, entries [11, 12, 22]. */
  readonly expected: readonly [number, number, number];
  /** Observed information −∂²ℓ, entries [11, 12, 22]. */
  readonly observed: readonly [number, number, number];
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Restricted or full log-likelihood of the nested random-effects model
 *
 *   yᵤ = μ + a_j + b_u + eᵤ,  a_j ~ N(0, σ²₁) per outer cluster j,  b_u ~ N(0, σ²₂),  eᵤ ~ N(0, vᵤ),
 *
 * with its score and both information matrices, in O(n) without forming any n×n matrix.
 *
 * V is block-diagonal with blocks V_j = D_j + σ²₁11ᵀ, D_j = diag(σ²₂ + vᵤ). With wᵤ = 1/(σ²₂ + vᵤ),
 * s_j = Σwᵤ and c_j = 1/(1 + σ²₁s_j), Sherman–Morrison and the determinant lemma give
 *   V_j⁻¹ = W_j − σ²₁c_j wwᵀ,  V_j⁻¹1 = c_j w,  log|V_j| = Σ log(σ²₂ + vᵤ) + log(1 + σ²₁s_j),
 * and with ȳ_j = Σwᵤyᵤ/s_j, Δ_j = ȳ_j − μ̂: rᵀV⁻¹r = Σ_j [Σwᵤ(yᵤ − ȳ_j)² + c_j s_j Δ_j²] and
 * V⁻¹r = w ∘ (y − ȳ_j + c_jΔ_j). The score −½tr(P V_m) + ½ rᵀV⁻¹V_mV⁻¹r (REML; V⁻¹ for ML in
 * the trace), the expected information ½tr(P V_m P V_n) and the observed information
 * rᵀV⁻¹V_m P V_n V⁻¹r − ½tr(P V_m P V_n), with V₁ = blockdiag(11ᵀ), V₂ = I and
 * P = V⁻¹ − V⁻¹11ᵀV⁻¹/1ᵀV⁻¹1, are the sums below (Harville, 1977, JASA 72:320; Searle, Casella &
 * McCulloch, 1992, Variance Components, ch. 6).
 *
 * log-likelihood as metafor's rma.mv (REMLf = TRUE):
 *   ML:   −½ n log 2π − ½ log|V| − ½ rᵀV⁻¹r
 *   REML: −½ (n − 1) log 2π + ½ log n − ½ log|V| − ½ log 1ᵀV⁻¹1 − ½ rᵀV⁻¹r
 *
 * @param units  outcomes, variances and outer clusters of the units
 * @param sigma2Outer  σ²₁ ≥ 0
 * @param sigma2Inner  σ²₂ ≥ 0
 * @param reml  restricted (true) or full (false) likelihood
 * @returns the evaluation; every field NaN for a negative variance component
 * @example
 * const units = { y: new Float64Array([0, 1, 2, 4]), v: new Float64Array([1, 1, 1, 1]),
 *   outerOf: new Int32Array([0, 0, 1, 1]), nOuter: 2 };
 * evaluateNested(units, 0, 0, false).estimate // => 1.75
 */
export function evaluateNested(units: NestedUnits, sigma2Outer: number, sigma2Inner: number, reml: boolean): NestedEvaluation {
  const a = sigma2Outer;
  const b = sigma2Inner;
  const { y, v, outerOf, nOuter } = units;
  const n = y.length;
  if (!(a >= 0) || !(b >= 0) || !Number.isFinite(a) || !Number.isFinite(b)) return NAN_EVALUATION;
  // pass 1: per-cluster sums of w, w·y, w², w³, Σ_{u<u'} wᵤwᵤ', log(σ²₂ + v)
  const s = new Float64Array(nOuter);
  const t = new Float64Array(nOuter);
  const q = new Float64Array(nOuter);
  const h = new Float64Array(nOuter);
  const pairs = new Float64Array(nOuter);
  let logDetD = 0;
  for (let u = 0; u < n; u++) {
    const j = outerOf[u]!;
    const d = b + v[u]!;
    const w = 1 / d;
    pairs[j]! += w * s[j]!;
    s[j]! += w;
    t[j]! += w * y[u]!;
    q[j]! += w * w;
    h[j]! += w * w * w;
    logDetD += Math.log(d);
  }
  const c = new Float64Array(nOuter);
  let sumW = 0;
  let sumWy = 0;
  let logDet = logDetD;
  for (let j = 0; j < nOuter; j++) {
    c[j] = 1 / (1 + a * s[j]!);
    sumW += c[j]! * s[j]!;
    sumWy += c[j]! * t[j]!;
    logDet += Math.log1p(a * s[j]!);
  }
  const mu = sumWy / sumW;
  // pass 2: within-cluster deviations δ = y − ȳ_j and e = V⁻¹r = w(δ + cΔ)
  const delta = new Float64Array(nOuter);
  for (let j = 0; j < nOuter; j++) delta[j] = t[j]! / s[j]! - mu;
  const within = new Float64Array(nOuter);
  const ee = new Float64Array(nOuter);
  const we = new Float64Array(nOuter);
  const wee = new Float64Array(nOuter);
  for (let u = 0; u < n; u++) {
    const j = outerOf[u]!;
    const w = 1 / (b + v[u]!);
    const dev = y[u]! - t[j]! / s[j]!;
    const e = w * (dev + c[j]! * delta[j]!);
    within[j]! += w * dev * dev;
    ee[j]! += e * e;
    we[j]! += w * e;
    wee[j]! += w * e * e;
  }
  let rss = 0;
  let trW1 = 0, trW2 = 0, gV1g = 0, gV2g = 0, eV1e = 0, eV2e = 0;
  let t11 = 0, t12 = 0, t22 = 0, x11 = 0, x12 = 0, x22 = 0;
  let o11 = 0, o12 = 0, o22 = 0, gx1 = 0, gx2 = 0;
  for (let j = 0; j < nOuter; j++) {
    const cj = c[j]!, sj = s[j]!, qj = q[j]!, hj = h[j]!, dj = delta[j]!;
    const cs = cj * sj;
    const alpha = cs * dj; // 1ᵀe_j
    rss += within[j]! + cs * dj * dj;
    trW1 += cs;
    trW2 += cj * (sj + 2 * a * pairs[j]!);
    gV1g += cs * cs;
    gV2g += cj * cj * qj;
    eV1e += alpha * alpha;
    eV2e += ee[j]!;
    t11 += cs * cs;
    t12 += cj * cj * qj;
    t22 += qj - 2 * a * cj * hj + a * a * cj * cj * qj * qj;
    x11 += cs * cs * cs;
    x12 += cs * cj * cj * qj;
    x22 += cj * cj * (hj - a * cj * qj * qj);
    o11 += alpha * alpha * cs;
    o12 += alpha * cj * we[j]!;
    o22 += wee[j]! - a * cj * we[j]! * we[j]!;
    gx1 += cs * alpha;
    gx2 += cj * we[j]!;
  }
  const trT1 = reml ? trW1 - gV1g / sumW : trW1;
  const trT2 = reml ? trW2 - gV2g / sumW : trW2;
  const score = [0.5 * (eV1e - trT1), 0.5 * (eV2e - trT2)] as const;
  const info = (tmn: number, xmn: number, gm: number, gn: number) =>
    reml ? 0.5 * (tmn - (2 * xmn) / sumW + (gm * gn) / (sumW * sumW)) : 0.5 * tmn;
  const i11 = info(t11, x11, gV1g, gV1g);
  const i12 = info(t12, x12, gV1g, gV2g);
  const i22 = info(t22, x22, gV2g, gV2g);
  const observed = [
    o11 - (gx1 * gx1) / sumW - i11,
    o12 - (gx1 * gx2) / sumW - i12,
    o22 - (gx2 * gx2) / sumW - i22,
  ] as const;
  const logLik = reml
    ? -0.5 * (n - 1) * LOG_2PI + 0.5 * Math.log(n) - 0.5 * logDet - 0.5 * Math.log(sumW) - 0.5 * rss
    : -0.5 * n * LOG_2PI - 0.5 * logDet - 0.5 * rss;
  return { logLik, estimate: mu, sumW, score, expected: [i11, i12, i22], observed };
}

const NAN_EVALUATION: NestedEvaluation = Object.freeze({
  logLik: NaN,
  estimate: NaN,
  sumW: NaN,
  score: Object.freeze([NaN, NaN] as const),
  expected: Object.freeze([NaN, NaN, NaN] as const),
  observed: Object.freeze([NaN, NaN, NaN] as const),
});
