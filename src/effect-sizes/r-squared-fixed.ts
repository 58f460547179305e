import { noncentralFPdf } from '../distributions/noncentral-f.ts';
import type { EffectArrays } from './family.ts';

/** Grid of true R² values over which metafor integrates: 1e5 points from 0.0001 to 0.9999. */
const GRID_SIZE = 100000;
const GRID_FROM = 0.0001;
const GRID_TO = 0.9999;

function grid(): Float64Array {
  const g = new Float64Array(GRID_SIZE);
  const step = (GRID_TO - GRID_FROM) / (GRID_SIZE - 1);
  for (let i = 0; i < GRID_SIZE - 1; i++) g[i] = GRID_FROM + i * step;
  g[GRID_SIZE - 1] = GRID_TO;
  return g;
}

/**
 * Sampling variance of R² with the predictor values fixed (metafor `R2F`): the variance of the
 * true R² under the density proportional to the likelihood of the observed
 * F = (n − m − 1)/m · R²/(1 − R²), which is noncentral F(m, n − m − 1) with noncentrality
 * λ = n·ρ²/(1 − ρ²). As metafor does, ρ² runs over 1e5 equally spaced points from 0.0001 to
 * 0.9999, the density is normalized by the trapezoidal rule, and v = Σ Δ·ρ⁴·f − (Σ Δ·ρ²·f)².
 * Points whose largest mixture term is e^−60 below the peak's are taken as 0 (they change v by
 * far less than 1e-15); the likelihood being unimodal in λ, the walk from the peak outwards
 * stops at the first such point on each side. NaN for R² outside (0, 1).
 */
function fixedVariance(r2: number, m: number, n: number, rho2: Float64Array): number {
  if (!(r2 > 0 && r2 < 1)) return NaN;
  const f = ((n - m - 1) / m) * (r2 / (1 - r2));
  const density = new Float64Array(rho2.length);
  const at = (i: number, cutoff: number) => {
    const p = rho2[i]!;
    return noncentralFPdf(f, m, n - m - 1, (n * p) / (1 - p), cutoff);
  };
  // a coarse sweep finds the peak; the likelihood of λ is unimodal (monotone likelihood ratio),
  // so walking outwards from it until the density falls below the cutoff visits every point
  // that matters
  let top = 0, peak = 0;
  for (let i = 0; i < rho2.length; i += 97) {
    const d = at(i, -Infinity);
    if (d > peak) [top, peak] = [i, d];
  }
  const cutoff = peak > 0 ? Math.log(peak) - 40 : -Infinity;
  const walk = (start: number, step: 1 | -1) => {
    for (let i = start; i >= 0 && i < rho2.length; i += step) {
      density[i] = at(i, cutoff);
      if (density[i] === 0 && Math.abs(i - top) >= 97) break;
    }
  };
  walk(top, -1);
  walk(top + 1, 1);
  let area = 0;
  for (let i = 0; i + 1 < rho2.length; i++) area += (rho2[i + 1]! - rho2[i]!) * (density[i + 1]! + density[i]!);
  area /= 2;
  const delta = rho2[1]! - rho2[0]!;
  let first = 0, second = 0;
  for (let i = 0; i < rho2.length; i++) {
    const d = density[i]! / area, p = rho2[i]!;
    first += delta * p * d;
    second += delta * p * p * d;
  }
  return second - first * first;
}

/**
 * R² of a regression with fixed predictor values (metafor `R2F`, "fixed-X regression"), with
 * m predictors and n subjects: y = R², v from the noncentral F likelihood of the observed R²
 * (see above; metafor's numerical integration). With `fisher` (metafor `ZR2F`):
 * y = atanh(√R²) and v divided by (1 − (R²)²)², as metafor does (not variance-stabilizing
 * here). Scale: 0 to 1 (or z).
 *
 * @example
 * rSquaredFixed(Float64Array.of(0.24), Float64Array.of(4), Float64Array.of(218)).yi[0] // => 0.24
 */
export function rSquaredFixed(r2: Float64Array, m: Float64Array, n: Float64Array, fisher = false): EffectArrays {
  const k = r2.length;
  const yi = new Float64Array(k);
  const vi = new Float64Array(k);
  const rho2 = grid();
  for (let i = 0; i < k; i++) {
    const r = r2[i]!;
    const v = fixedVariance(r, m[i]!, n[i]!, rho2);
    yi[i] = fisher ? Math.atanh(Math.sqrt(r)) : r;
    vi[i] = fisher ? v / (1 - r * r) ** 2 : v;
  }
  return { yi, vi };
}
