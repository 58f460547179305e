/**
 * Largest ε = |τ² − τ₀²|·max aᵢ at which {@link seriesSums} is used: its truncation error is
 * at most 6ε²/(1 − ε) of each sum (≤ 6e-18, below the rounding of a pass). Fisher scoring's
 * exact steps start where scoring on the binned moments stopped (a step ≤ 1e-8 relative), so
 * its last steps and the estimate itself fall well inside.
 */
export const SERIES_RADIUS = 1e-9;

/**
 * The power sums of one pass of a design model at τ₀², aᵢ = 1/(vᵢ + τ₀²), from which the sums
 * of a fit at any nearby τ² follow without a pass (see {@link seriesSums}). Index j is the power
 * of aᵢ; residuals r̃ᵢ are taken from `start`.
 */
export interface WeightSeries {
  /** τ₀² of the pass (NaN: no series). */
  tau2: number;
  /** max aᵢ. */
  maxA: number;
  /** The coefficients the residuals r̃ᵢ = yᵢ − xᵢᵀ·start were taken from. */
  readonly start: Float64Array;
  /** Σaᵢʲ, j = 1 … 3. */
  readonly power: Float64Array;
  /** Σaᵢʲr̃ᵢ², j = 1 … 3. */
  readonly residual: Float64Array;
  /** Σaᵢʲxᵢr̃ᵢ (p each, at offset j·p), j = 1 … 3. */
  readonly cross: Float64Array;
  /** Σaᵢʲxᵢxᵢᵀ (lower triangles, p × p each at offset j·p²), j = 1 … 4. */
  readonly gram: Float64Array;
}

/** An empty series for a design with p columns. */
export function emptySeries(p: number): WeightSeries {
  return {
    tau2: NaN,
    maxA: NaN,
    start: new Float64Array(p),
    power: new Float64Array(4),
    residual: new Float64Array(4),
    cross: new Float64Array(4 * p),
    gram: new Float64Array(5 * p * p),
  };
}

/**
 * The sums of a design model's pass at τ² from a series taken at τ₀²: with Δ = τ² − τ₀² each
 * weight is aᵢ(τ²) = aᵢ/(1 + aᵢΔ), so
 *
 *   Σaᵢ(τ²)ʲfᵢ = Σₘ C(m + j − 1, m)(−Δ)ᵐ Σaᵢʲ⁺ᵐfᵢ,
 *
 * cut after m = 1: for ε = |Δ|·max aᵢ ≤ {@link SERIES_RADIUS} the remainder is below
 * C(j + 1, 2)·ε²/(1 − ε) ≤ 6ε²/(1 − ε) of the sum (j ≤ 3), so the sums are those of a pass at
 * τ² up to rounding. Written in the layout of the model's accumulators: G, S₂, S₃ (lower
 * triangles), b, b₂, then `scalars` = [Σaᵢr̃ᵢ², Σaᵢ²r̃ᵢ², Σaᵢ, Σaᵢ²].
 *
 * @returns false (nothing written) when τ² is outside the series' radius
 * @example
 * const s = emptySeries(1);
 * s.tau2 = 1; s.maxA = 0.5; s.power.set([0, 0.5, 0.25, 0.125]); // one study, v = 1, x = 1
 * s.gram.set([0, 0.5, 0.25, 0.125, 0.0625]);
 * const acc = new Float64Array(5), scalars = new Float64Array(4);
 * seriesSums(s, 1 + 1e-10, acc, scalars);
 * acc[0] // => 0.49999999997500 (1/(2 + 1e-10))
 */
export function seriesSums(series: WeightSeries, tau2: number, acc: Float64Array, scalars: Float64Array): boolean {
  const u = series.tau2 - tau2;
  if (!(Math.abs(u) * series.maxA <= SERIES_RADIUS)) return false;
  const p = series.start.length;
  const pp = p * p;
  const { power, residual, cross, gram } = series;
  // power j from the sums of powers j and j + 1
  const at = (q: ArrayLike<number>, j: number, o: number, stride: number) => q[j * stride + o]! + j * u * q[(j + 1) * stride + o]!;
  for (let j = 1; j <= 3; j++) {
    for (let r = 0; r < p; r++) for (let c = 0; c <= r; c++) acc[(j - 1) * pp + r * p + c] = at(gram, j, r * p + c, pp);
  }
  for (let j = 1; j <= 2; j++) for (let r = 0; r < p; r++) acc[3 * pp + (j - 1) * p + r] = at(cross, j, r, p);
  scalars[0] = at(residual, 1, 0, 1);
  scalars[1] = at(residual, 2, 0, 1);
  scalars[2] = at(power, 1, 0, 1);
  scalars[3] = at(power, 2, 0, 1);
  return true;
}
