import { bivariateNormalCdf, bivariateNormalPdf } from '../distributions/bivariate-normal.ts';
import { normalCdf, normalQuantile } from '../distributions/normal.ts';
import { brentRoot } from '../numeric/brent-root.ts';

/**
 * Tetrachoric correlation of one 2x2 table (metafor `RTET`; Pearson, 1900; Kirk, 1973): the
 * correlation ρ of a standard bivariate normal (X, Y) cut at thresholds u (for Y, rows) and v
 * (for X, columns) such that the table's cells are the four quadrants: a = (X low, Y low),
 * b = (X high, Y low), c = (X low, Y high), d = (X high, Y high). The maximum-likelihood
 * thresholds are the sample margins, u = Φ⁻¹((a+b)/n), v = Φ⁻¹((a+c)/n), and ρ̂ solves
 * Φ₂(u, v; ρ) = a/n (found by Brent's method). Its sampling variance is the inverse observed
 * information for ρ, which for this saturated model equals the delta-method variance
 * (1/n)[Σⱼ πⱼgⱼ² − (Σⱼ πⱼgⱼ)²] with g = ∂ρ/∂π: g_a = (1 − A − B)/φ₂, g_b = −A/φ₂, g_c = −B/φ₂,
 * g_d = 0, where A = Φ((v − ρu)/√(1−ρ²)), B = Φ((u − ρv)/√(1−ρ²)) and φ₂ the bivariate density
 * at (u, v). Special tables as metafor: an empty margin gives ρ = 0 with infinite variance; b = c = 0
 * gives ρ = 1 and a = d = 0 gives ρ = −1, with variance 0; one other zero cell gives ρ = ±1
 * with NaN variance (metafor reports the finite-difference Hessian of its optimizer there).
 *
 * metafor maximizes the likelihood numerically (Nelder–Mead, Hessian by finite differences), so
 * its values agree with these exact ones to about 4–6 significant digits.
 *
 * @returns [ρ̂, variance]
 * @example
 * tetrachoricCorrelation(135, 15, 40, 10)[0] // => 0.260 (exact: 0.26024; metafor 5.1 and the Handbook of Research Synthesis, Table 13.4: 0.2603)
 */
export function tetrachoricCorrelation(a: number, b: number, c: number, d: number): [number, number] {
  if ([a, b, c, d].some(Number.isNaN)) return [NaN, NaN];
  const n = a + b + c + d;
  if (a + b === 0 || c + d === 0 || a + c === 0 || b + d === 0) return [0, Infinity];
  if (b === 0 && c === 0) return [1, 0];
  if (a === 0 && d === 0) return [-1, 0];
  if (b === 0 || c === 0) return [1, NaN];
  if (a === 0 || d === 0) return [-1, NaN];
  const u = normalQuantile((a + b) / n);
  const v = normalQuantile((a + c) / n);
  const pa = a / n;
  const rho = brentRoot((r) => bivariateNormalCdf(u, v, r) - pa, -1, 1, 1e-15);
  const s = Math.sqrt(1 - rho * rho);
  const A = normalCdf((v - rho * u) / s);
  const B = normalCdf((u - rho * v) / s);
  const density = bivariateNormalPdf(u, v, rho);
  const g = [(1 - A - B) / density, -A / density, -B / density, 0];
  const p = [a / n, b / n, c / n, d / n];
  let mean = 0, square = 0;
  for (let j = 0; j < 4; j++) {
    mean += p[j]! * g[j]!;
    square += p[j]! * g[j]! * g[j]!;
  }
  return [rho, (square - mean * mean) / n];
}
