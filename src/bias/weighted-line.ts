import { wald } from '../models/inference/wald-test.ts';

/** One coefficient of a weighted straight-line fit, with its t test and CI. */
export interface LineCoefficient {
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly lower: number;
  readonly upper: number;
}

/** Weighted least-squares fit of y = b₀ + b₁x (R's `lm(y ~ x, weights = w)`). */
export interface WeightedLine {
  readonly intercept: LineCoefficient;
  readonly slope: LineCoefficient;
  /** Residual degrees of freedom n − 2. */
  readonly df: number;
  /** Residual variance σ̂² = Σwᵢeᵢ²/(n − 2). */
  readonly sigma2: number;
}

/**
 * Weighted least squares for a straight line with an estimated residual variance, as R's
 * `lm(y ~ x, weights = w)` and its `summary`: with x̄, ȳ the w-weighted means,
 * S_xx = Σwᵢ(xᵢ − x̄)², b₁ = Σwᵢ(xᵢ − x̄)(yᵢ − ȳ)/S_xx, b₀ = ȳ − b₁x̄,
 * σ̂² = Σwᵢ(yᵢ − b₀ − b₁xᵢ)²/(n − 2), Var b₁ = σ̂²/S_xx, Var b₀ = σ̂²(1/Σwᵢ + x̄²/S_xx);
 * two-sided t tests with n − 2 df and CIs at `level` (Draper & Smith, 1998, Applied Regression
 * Analysis, ch. 9). O(n). NaN throughout when n < 3 or x is constant.
 *
 * @example
 * weightedLine([0, 1, 2, 3], [1, 3, 5, 8], [1, 1, 1, 1], 0.95).slope.estimate // => 2.3
 */
export function weightedLine(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, level: number): WeightedLine {
  const n = x.length;
  let sw = 0;
  let swx = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i]!;
    swx += w[i]! * x[i]!;
    swy += w[i]! * y[i]!;
  }
  const mx = swx / sw;
  const my = swy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    sxx += w[i]! * dx * dx;
    sxy += w[i]! * dx * (y[i]! - my);
  }
  const b1 = sxy / sxx;
  const b0 = my - b1 * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i]! - b0 - b1 * x[i]!;
    rss += w[i]! * e * e;
  }
  const df = n - 2;
  const sigma2 = df > 0 ? rss / df : NaN;
  const coefficient = (estimate: number, variance: number): LineCoefficient => {
    const se = Math.sqrt(variance);
    const t = wald(estimate, se, df, level);
    return { estimate, se, statistic: t.statistic, pValue: t.pValue, lower: t.lower, upper: t.upper };
  };
  return {
    intercept: coefficient(b0, sigma2 * (1 / sw + (mx * mx) / sxx)),
    slope: coefficient(b1, sigma2 / sxx),
    df,
    sigma2,
  };
}
