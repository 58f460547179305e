/**
 * The design matrix of a meta-regression, X = [1, x₁, …, x_m] (k × p, p = m + 1), stored with
 * each moderator centred and scaled: column j holds (xⱼ − cⱼ)/sⱼ with cⱼ the mean and sⱼ the
 * root-mean-square deviation of moderator j. The scaled design spans the same column space as
 * X, so every projection (P, τ², Q_E, fitted values) is unchanged, while XᵀWX stays well
 * conditioned (moderators such as calendar years make the raw Gram matrix nearly singular).
 * Coefficients are mapped back with {@link toOriginalScale}.
 */
export interface RegressionDesign {
  /** Number of studies (rows). */
  readonly k: number;
  /** Number of coefficients, intercept included. */
  readonly p: number;
  /** Coefficient names: `'intercept'`, then the moderators in the order given. */
  readonly names: readonly string[];
  /** Row-major k × p scaled design; column 0 is the intercept (all ones). */
  readonly x: Float64Array;
  /** cⱼ per column (0 for the intercept). */
  readonly center: Float64Array;
  /** sⱼ per column (1 for the intercept; 0 marks a constant moderator). */
  readonly scale: Float64Array;
}

/**
 * Builds the centred and scaled design from moderator columns of equal length k. A constant
 * column gets scale 0 and is left as zeros (the caller rejects it; see `findCollinear`).
 *
 * @param columns  moderator values, one Float64Array of length k per moderator
 * @param names    moderator names, index-aligned with `columns`
 * @param k        number of studies
 * @example
 * scaledDesign([new Float64Array([1, 2, 3])], ['dose'], 3).x
 * // => Float64Array [1, -1.2247…, 1, 0, 1, 1.2247…]
 */
export function scaledDesign(columns: readonly Float64Array[], names: readonly string[], k: number): RegressionDesign {
  const p = columns.length + 1;
  const x = new Float64Array(k * p);
  const center = new Float64Array(p);
  const scale = new Float64Array(p);
  scale[0] = 1;
  for (let at = 0; at < k * p; at += p) x[at] = 1;
  columns.forEach((col, c) => {
    const j = c + 1;
    let sum = 0;
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < k; i++) {
      const t = col[i]!;
      sum += t;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
    let mean = sum / k;
    let corr = 0;
    for (let i = 0; i < k; i++) corr += col[i]! - mean;
    mean += corr / k; // one refinement step of the mean
    let ss = 0;
    for (let i = 0; i < k; i++) {
      const dev = col[i]! - mean;
      ss += dev * dev;
    }
    const s = Math.sqrt(ss / k);
    center[j] = mean;
    const constant = !(s > 0) || !(lo < hi);
    scale[j] = constant ? 0 : s;
    if (!constant) for (let i = 0, at = j; i < k; i++, at += p) x[at] = (col[i]! - mean) / s;
  });
  return { k, p, names: ['intercept', ...names], x, center, scale };
}

/**
 * The intercept-only design (p = 1) for k studies, used for the reference fit of R².
 *
 * @example
 * interceptDesign(2).x // => Float64Array [1, 1]
 */
export function interceptDesign(k: number): RegressionDesign {
  return {
    k, p: 1, names: ['intercept'], x: new Float64Array(k).fill(1),
    center: new Float64Array(1), scale: new Float64Array([1]),
  };
}

/**
 * Maps coefficients γ of the scaled design and their covariance V_γ back to the original
 * moderators: β = Bγ and V_β = B V_γ Bᵀ with βⱼ = γⱼ/sⱼ (j ≥ 1) and β₀ = γ₀ − Σⱼ cⱼγⱼ/sⱼ.
 *
 * @param gamma  coefficients on the scaled design (length p)
 * @param vGamma row-major p × p covariance on the scaled design
 * @example
 * toOriginalScale(scaledDesign([new Float64Array([1, 2, 3])], ['dose'], 3),
 *   new Float64Array([2, Math.sqrt(2 / 3)]), new Float64Array([1, 0, 0, 1])).beta
 * // => Float64Array [0, 1] (up to rounding)
 */
export function toOriginalScale(
  design: RegressionDesign,
  gamma: Float64Array,
  vGamma: Float64Array,
): { beta: Float64Array; vBeta: Float64Array } {
  const { p, center, scale } = design;
  const b = new Float64Array(p * p);
  b[0] = 1 / scale[0]!; // 1 for the intercept; 1/s₀ for the first column of a design without intercept
  for (let j = 1; j < p; j++) {
    b[j] = -center[j]! / scale[j]!;
    b[j * p + j] = 1 / scale[j]!;
  }
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += b[i * p + j]! * gamma[j]!;
    beta[i] = s;
  }
  // BV then (BV)Bᵀ
  const bv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let t = 0; t < p; t++) s += b[i * p + t]! * vGamma[t * p + j]!;
      bv[i * p + j] = s;
    }
  }
  const vBeta = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t < p; t++) s += bv[i * p + t]! * b[j * p + t]!;
      vBeta[i * p + j] = s;
      vBeta[j * p + i] = s;
    }
  }
  return { beta, vBeta };
}
