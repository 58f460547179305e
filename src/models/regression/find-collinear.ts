import { addGramBlock, GRAM_BLOCK } from '../engine/gram-block.ts';
import type { RegressionDesign } from './design-matrix.ts';

/**
 * Smallest admissible pivot of the moderators' correlation matrix: a moderator whose squared
 * multiple correlation with the intercept and the moderators before it exceeds 1 − 1e-10
 * (variance inflation above 10¹⁰) is treated as a linear combination of them.
 */
export const COLLINEARITY_TOLERANCE = 1e-10;

/**
 * Finds the first moderator of a scaled design that is (numerically) a linear combination of
 * the intercept and the moderators before it. Works on the unweighted Gram matrix of the
 * centred and scaled columns (the moderators' correlation matrix): the Cholesky pivot of
 * column j equals 1 − R²ⱼ, the unexplained share of moderator j after regressing it on the
 * earlier columns (Golub & Van Loan, 2013, §5.2). Rank does not depend on positive weights, so
 * the check holds for every XᵀWX of the fit. O(k·p²).
 *
 * @returns the column index (1-based among coefficients, i.e. ≥ 1) of the first collinear
 *   moderator, or −1 when the design has full column rank
 * @example
 * findCollinear(scaledDesign([new Float64Array([1, 2, 3]), new Float64Array([2, 4, 6])], ['a', 'b'], 3))
 * // => 2
 */
export function findCollinear(design: RegressionDesign): number {
  const { k, p, x, scale } = design;
  for (let j = 1; j < p; j++) if (!(scale[j]! > 0)) return j;
  // correlation matrix of the moderators (columns 1..p−1 are centred with mean square 1)
  const m = p - 1;
  // XᵀX of the whole design summed in blocks of rows (see `addGramBlock`), then the moderators' block
  const g = new Float64Array(p * p);
  const ones = new Float64Array(Math.min(GRAM_BLOCK, k)).fill(1);
  for (let first = 0; first < k; first += GRAM_BLOCK) addGramBlock(x, p, first, Math.min(GRAM_BLOCK, k - first), ones, null, null, g, 0, 0, 0);
  const r = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b <= a; b++) r[a * m + b] = g[(a + 1) * p + b + 1]! / k;
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let d = r[j * m + j]!;
    for (let t = 0; t < j; t++) d -= l[j * m + t]! * l[j * m + t]!;
    if (!(d > COLLINEARITY_TOLERANCE * r[j * m + j]!)) return j + 1;
    const ljj = Math.sqrt(d);
    l[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = r[i * m + j]!;
      for (let t = 0; t < j; t++) s -= l[i * m + t]! * l[j * m + t]!;
      l[i * m + j] = s / ljj;
    }
  }
  return -1;
}
