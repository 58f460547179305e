import { cholesky, forwardSolve } from '../../numeric/cholesky.ts';
import { COLLINEARITY_TOLERANCE } from './find-collinear.ts';
import type { RegressionDesign } from './design-matrix.ts';

/**
 * The design of a meta-regression without intercept (metafor's `mods = ~ x - 1`, pooled's
 * `intercept: false`): X = [x₁, …, x_p], each column divided by its root mean square sⱼ but not
 * centred (centring would add an intercept to the column space). `center` is 0 throughout, so
 * `toOriginalScale` maps γⱼ back to βⱼ = γⱼ/sⱼ.
 *
 * @example
 * noInterceptDesign([new Float64Array([1, 2, 3])], ['dose'], 3).scale[0] // => 2.160246899469287 (√(14/3))
 */
export function noInterceptDesign(columns: readonly Float64Array[], names: readonly string[], k: number): RegressionDesign {
  const p = columns.length;
  const x = new Float64Array(k * p);
  const scale = new Float64Array(p);
  columns.forEach((col, j) => {
    let ss = 0;
    for (let i = 0; i < k; i++) ss += col[i]! * col[i]!;
    const s = Math.sqrt(ss / k);
    scale[j] = s > 0 ? s : 0;
    if (s > 0) for (let i = 0; i < k; i++) x[i * p + j] = col[i]! / s;
  });
  return { k, p, names: [...names], x, center: new Float64Array(p), scale };
}

/**
 * The first column (0-based) of a no-intercept design that is a linear combination of the
 * columns before it, or −1: Cholesky pivots of the Gram matrix of the RMS-scaled columns, each
 * compared with its diagonal (as `findCollinear`, without the intercept).
 *
 * @example
 * findCollinearNoIntercept(noInterceptDesign([new Float64Array([1, 2]), new Float64Array([2, 4])], ['a', 'b'], 2)) // => 1
 */
export function findCollinearNoIntercept(design: RegressionDesign): number {
  const { k, p, x, scale } = design;
  for (let j = 0; j < p; j++) if (!(scale[j]! > 0)) return j;
  for (let m = 1; m <= p; m++) {
    const g = new Float64Array(m * m);
    for (let i = 0; i < k; i++) for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) g[a * m + b] = g[a * m + b]! + (x[i * p + a]! * x[i * p + b]!) / k;
    const l = cholesky(g, m);
    if (l === null || !(l[(m - 1) * m + m - 1]! ** 2 > COLLINEARITY_TOLERANCE)) return m - 1;
  }
  return -1;
}

/**
 * Whether the column space of a no-intercept design holds the constant vector (e.g. a factor
 * coded by indicators of all its levels): metafor then computes R² against the intercept-only
 * model (its `.is.nested(X, 1)`). Least squares of 1 on the columns, residual below 1e-8 of k.
 *
 * @example
 * spansIntercept(noInterceptDesign([new Float64Array([1, 0]), new Float64Array([0, 1])], ['a', 'b'], 2)) // => true
 */
export function spansIntercept(design: RegressionDesign): boolean {
  const { k, p, x } = design;
  const g = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let i = 0; i < k; i++) {
    for (let a = 0; a < p; a++) {
      b[a] = b[a]! + x[i * p + a]!;
      for (let c = 0; c < p; c++) g[a * p + c] = g[a * p + c]! + x[i * p + a]! * x[i * p + c]!;
    }
  }
  const l = cholesky(g, p);
  if (l === null) return false;
  // residual sum of squares of 1 on X: k − bᵀG⁻¹b = k − |L⁻¹b|²
  const z = forwardSolve(l, p, b);
  let fitted = 0;
  for (let a = 0; a < p; a++) fitted += z[a]! * z[a]!;
  return k - fitted <= 1e-8 * k;
}
