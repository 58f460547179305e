import { addCompensated, compensatedValue, compensatedValueWithout } from '../numeric/compensated-sum.ts';

/**
 * The weighted power sums Σaᵐyᵖ (m = 1..4, p = 0..2) of an intercept-only model at one τ², with
 * aᵢ = 1/(vᵢ + τ²), from which its REML and ML scores, their first two derivatives and the pooled
 * estimate follow without another pass over the studies. Sum (m, p) is entry 3(m − 1) + p:
 *
 *   Σa, Σay, Σay², Σa², Σa²y, Σa²y², Σa³, Σa³y, Σa³y², Σa⁴, Σa⁴y, Σa⁴y².
 *
 * The outcomes are centred near the pooled estimate first, so the expansions below lose little.
 */
export const POWER_SUMS = 12;
/** The sums up to m = 3 (the first nine), enough for the score and its slope. */
const SLOPE_SUMS = 9;

/**
 * Adds the power terms of one study (weight a = 1/(vᵢ + τ²), centred outcome y) to the
 * compensated sums `base`, …, `base` + 11 of `acc` (two entries per sum, see `addCompensated`).
 *
 * @example
 * const acc = new Float64Array(2 * POWER_SUMS);
 * addPowerTerms(acc, 0, 0.5, 2); addPowerTerms(acc, 0, 0.5, -2);
 * compensatedValue(acc, 1) // => 0 (Σay)
 */
export function addPowerTerms(acc: Float64Array, base: number, a: number, y: number): void {
  let am = 1;
  for (let m = 0; m < 4; m++) {
    am *= a;
    addCompensated(acc, base + 3 * m, am);
    addCompensated(acc, base + 3 * m + 1, am * y);
    addCompensated(acc, base + 3 * m + 2, am * y * y);
  }
}

/**
 * The compensated power sums `base`, …, `base` + 11 of `acc` into `out`, without the terms of
 * one study (a, y) when `a` is given: O(1) per sum (see `compensatedValueWithout`).
 *
 * @example
 * const acc = new Float64Array(2 * POWER_SUMS);
 * addPowerTerms(acc, 0, 0.5, 2); addPowerTerms(acc, 0, 0.25, 1);
 * powerSumsFrom(acc, 0, new Float64Array(POWER_SUMS), 0.5, 2)[0] // => 0.25 (Σa without the first study)
 */
export function powerSumsFrom(acc: Float64Array, base: number, out: Float64Array, a?: number, y = 0): Float64Array {
  if (a === undefined) {
    for (let s = 0; s < POWER_SUMS; s++) out[s] = compensatedValue(acc, base + s);
    return out;
  }
  let am = 1;
  for (let m = 0; m < 12; m += 3) {
    am *= a;
    out[m] = compensatedValueWithout(acc, base + m, am);
    out[m + 1] = compensatedValueWithout(acc, base + m + 1, am * y);
    out[m + 2] = compensatedValueWithout(acc, base + m + 2, am * y * y);
  }
  return out;
}

/**
 * The power sums up to m = 3 (the first nine) at τ² = t of the studies from ≤ j < to, except
 * study `skip`, in one pass (plain sums: used for the iterations, on outcomes centred near the
 * estimate). Returns false when a weight 1/(vⱼ + t) is not finite.
 *
 * @example
 * const out = new Float64Array(POWER_SUMS);
 * powerPass(new Float64Array([1, -1, 5]), new Float64Array([1, 1, 1]), 0, 0, 3, 2, out);
 * Array.from(out.subarray(0, 4)) // => [2, 0, 2, 2]
 */
export function powerPass(y: Float64Array, v: Float64Array, t: number, from: number, to: number, skip: number, out: Float64Array): boolean {
  let s1 = 0, s2 = 0, s3 = 0, a1 = 0, a2 = 0, a3 = 0, b1 = 0, b2 = 0, b3 = 0;
  for (let j = from; j < to; j++) {
    if (j === skip) continue;
    const a = 1 / (v[j]! + t);
    const ay = a * y[j]!;
    const ayy = ay * y[j]!;
    const aa = a * a;
    s1 += a; s2 += aa; s3 += aa * a;
    a1 += ay; a2 += a * ay; a3 += aa * ay;
    b1 += ayy; b2 += a * ayy; b3 += aa * ayy;
  }
  out[0] = s1; out[1] = a1; out[2] = b1; out[3] = s2; out[4] = a2; out[5] = b2; out[6] = s3; out[7] = a3; out[8] = b3;
  out.fill(NaN, SLOPE_SUMS);
  return s1 > 0 && s1 < Infinity && Number.isFinite(b3);
}

/**
 * Moves the sums Σa, Σay, Σay² from τ² to τ² + δ to first order (d Σaᵐyᵖ/dτ² = −m·Σaᵐ⁺¹yᵖ),
 * for a last Newton step too small to need another pass: the error is O(δ²).
 *
 * @example
 * const s = new Float64Array(POWER_SUMS).fill(1);
 * shiftSums(s, 0.5)[0] // => 0.5
 */
export function shiftSums(s: Float64Array, delta: number): Float64Array {
  for (let p = 0; p < 3; p++) s[p] = s[p]! - delta * s[3 + p]!;
  return s;
}

/**
 * The REML (`restricted`) or ML score alone from the power sums (see {@link scoreParts}), for the
 * likelihood scan: yᵀPPy − tr(P) or yᵀPPy − Σa.
 *
 * @example
 * const acc = new Float64Array(2 * POWER_SUMS);
 * for (const y of [0, 2, 4]) addPowerTerms(acc, 0, 1 / (1 + 3), y - 2);
 * scoreOf(powerSumsFrom(acc, 0, new Float64Array(POWER_SUMS)), true) // => 0
 */
export function scoreOf(s: Float64Array, restricted: boolean): number {
  const s1 = s[0]!, s2 = s[3]!;
  const mu = s[1]! / s1;
  const rss2 = s[5]! - 2 * mu * s[4]! + mu * mu * s2;
  return restricted ? rss2 - (s1 - s2 / s1) : rss2 - s1;
}

/** The score of a τ² equation at one τ², its derivative and the Fisher information. */
export interface ScoreParts {
  /** REML: yᵀPPy − tr(P); ML: yᵀPPy − Σwᵢ (twice ∂ℓ/∂τ²). */
  readonly score: number;
  /** d score / dτ²: REML −2yᵀPPPy + tr(PP); ML −2yᵀPPPy + Σwᵢ². */
  readonly slope: number;
  /** Expected information (Fisher scoring's divisor): REML tr(PP); ML Σwᵢ². */
  readonly info: number;
  /**
   * d² score / dτ²: REML 6yᵀPPPPy − 2tr(PPP); ML 6yᵀPPPPy − 2Σwᵢ³; NaN unless the sums
   * include m = 4.
   */
  readonly curvature: number;
}

/**
 * The REML (`restricted`) or ML score of the intercept-only model from its power sums and its
 * first two derivatives (Viechtbauer, 2005, JEBS 30:261, eqs. 9–10; dP/dτ² = −PP), with
 * μ̂ = Σay/Σa, rᵢ = yᵢ − μ̂ and ū = Σa²r/Σa:
 *
 *   yᵀPPy = Σa²r²,  yᵀPPPy = Σa³r² − ū·Σa²r,  yᵀPPPPy = Σa⁴r² − 2ūΣa³r + ū²Σa²,
 *   tr(P) = Σa − Σa²/Σa,  tr(PP) = Σa² − 2Σa³/Σa + (Σa²/Σa)²,
 *   tr(PPP) = Σa³ − 3Σa⁴/Σa + 3Σa²Σa³/(Σa)² − (Σa²/Σa)³,
 *
 * each r-sum expanded in the power sums (Σa²r² = Σa²y² − 2μ̂Σa²y + μ̂²Σa², and so on).
 *
 * @example
 * const acc = new Float64Array(2 * POWER_SUMS);
 * for (const y of [0, 2, 4]) addPowerTerms(acc, 0, 1 / (1 + 3), y - 2);
 * scoreParts(powerSumsFrom(acc, 0, new Float64Array(POWER_SUMS)), true).score // => 0 (REML τ² = 3 for these data)
 */
export function scoreParts(s: Float64Array, restricted: boolean): ScoreParts {
  const s1 = s[0]!, s2 = s[3]!, s3 = s[6]!, s4 = s[9]!;
  const mu = s[1]! / s1;
  const rss2 = s[5]! - 2 * mu * s[4]! + mu * mu * s2;
  const a2r = s[4]! - mu * s2;
  const a3r = s[7]! - mu * s3;
  const u = a2r / s1;
  const ypppy = s[8]! - 2 * mu * s[7]! + mu * mu * s3 - u * a2r;
  const a4r2 = s[11]! - 2 * mu * s[10]! + mu * mu * s4;
  const yppppy = a4r2 - 2 * u * a3r + u * u * s2;
  if (!restricted) return { score: rss2 - s1, slope: s2 - 2 * ypppy, info: s2, curvature: 6 * yppppy - 2 * s3 };
  const m = s2 / s1;
  const trPP = s2 - (2 * s3) / s1 + m * m;
  const trPPP = s3 - (3 * s4) / s1 + (3 * m * s3) / s1 - m * m * m;
  return { score: rss2 - (s1 - m), slope: trPP - 2 * ypppy, info: trPP, curvature: 6 * yppppy - 2 * trPPP };
}
