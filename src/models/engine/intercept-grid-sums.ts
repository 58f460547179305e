/** Values written per grid point by {@link interceptGridSums}: Σa, Σa², rss, rss2, tr P. */
export const GRID_SUMS_STRIDE = 5;

/**
 * The score sums of the intercept-only model at n values of τ² (the likelihood scan's grid),
 * written to `out` as [Σaᵢ, Σaᵢ², rss, rss2, tr P] per point (stride {@link GRID_SUMS_STRIDE}),
 * aᵢ = 1/(vᵢ + τ²): from the power sums Σa, Σa², Σay, Σay², Σa²y, Σa²y² with μ = Σay/Σa,
 *
 *   rss = Σay² − μΣay,  rss2 = Σa²y² − 2μΣa²y + μ²Σa²,  tr P = Σa − Σa²/Σa,
 *
 * plain sums (the data are centred at their median by `scaleData`, so the expansions lose
 * little): the scan reads only the signs of the score away from its roots, and every bracket it
 * finds is polished with exact fits. One pass over the studies per point with the six sums in
 * registers: at k = 1000 this takes 0.6 of the time of one pass for all points with the sums in
 * memory (measured; two points per pass sharing one division, 1/(u₁u₂), is slower still: twelve
 * sums do not fit in the registers). Shared by the engine's `interceptModel.gridSums` and the
 * batch kernel, so both read the same numbers.
 *
 * @param grid  the τ² values (each > −min vᵢ), at least n of them
 * @param out  at least 5n values (overwritten)
 * @example
 * const out = new Float64Array(5);
 * interceptGridSums(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1]), [1], 1, out);
 * [...out] // => [1.5, 0.75, 4, 2, 1] (a = ½: Σa, Σa², Σa(y − 2)², Σa²(y − 2)², Σa − Σa²/Σa)
 */
export function interceptGridSums(y: Float64Array, v: Float64Array, grid: ArrayLike<number>, n: number, out: Float64Array): void {
  const k = y.length;
  for (let j = 0; j < n; j++) {
    const t = grid[j]!;
    let s1 = 0, s2 = 0, sy = 0, syy = 0, s2y = 0, s2yy = 0;
    for (let i = 0; i < k; i++) {
      const yi = y[i]!;
      const yy = yi * yi;
      const a = 1 / (v[i]! + t);
      const a2 = a * a;
      s1 += a;
      s2 += a2;
      sy += a * yi;
      syy += a * yy;
      s2y += a2 * yi;
      s2yy += a2 * yy;
    }
    const mu = sy / s1;
    const b = GRID_SUMS_STRIDE * j;
    out[b] = s1;
    out[b + 1] = s2;
    out[b + 2] = syy - mu * sy;
    out[b + 3] = s2yy - 2 * mu * s2y + mu * mu * s2;
    out[b + 4] = s1 - s2 / s1;
  }
}
