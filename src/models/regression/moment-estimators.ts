import { closedForm, type Tau2Fit } from '../tau2/tau2-fit.ts';
import { inverseWeights } from '../tau2/weighted-sums.ts';
import type { RegressionDesign } from './design-matrix.ts';
import { weightedFit } from './weighted-fit.ts';

// Method-of-moments estimators of the residual heterogeneity τ² in the mixed-effects
// meta-regression yᵢ = xᵢᵀβ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ), with p coefficients.
// Each generalises its intercept-only form (src/models/tau2) by P = W − WX(XᵀWX)⁻¹XᵀW and
// k − 1 → k − p, as metafor's rma.uni does (Viechtbauer, 2005, JEBS 30:261; Raudenbush, 2009).
// Inputs: y on the outcome scale (any shift), v sampling variances, design k × p. Estimates are
// truncated at 0; the standard errors are metafor's `se.tau2` at the truncated value.

const NOT_AVAILABLE: Tau2Fit = closedForm(NaN, null);

/**
 * Equal-effects model: τ² = 0 by assumption, no standard error.
 *
 * @example
 * regressionEqualEffects().tau2 // => 0
 */
export function regressionEqualEffects(): Tau2Fit {
  return closedForm(0, null);
}

/**
 * DerSimonian–Laird estimator for meta-regression (Raudenbush, 2009, eq. 16.43), metafor
 * `method = "DL"` with moderators, wᵢ = 1/vᵢ:
 *
 *   τ² = max(0, (Q_E − (k − p)) / tr(P)),  Q_E = yᵀPy;
 *   SE = √[(2(k−p) + 4τ²·tr(P) + 2τ⁴·tr(PP))] / tr(P).
 *
 * @example
 * regressionDerSimonianLaird(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4)).tau2 // => 1.1 (up to rounding; metafor: 1.1)
 */
export function regressionDerSimonianLaird(y: Float64Array, v: Float64Array, design: RegressionDesign): Tau2Fit {
  const { k, p } = design;
  const fit = weightedFit(design, y, inverseWeights(v, 0));
  if (fit === null) return NOT_AVAILABLE;
  const tau2 = Math.max(0, (fit.rss - (k - p)) / fit.trP);
  const se = Math.sqrt(2 * (k - p) + 4 * tau2 * fit.trP + 2 * tau2 * tau2 * fit.traceProduct(null, null)) / fit.trP;
  return closedForm(tau2, se);
}

/**
 * Hunter–Schmidt estimator for meta-regression, metafor `method = "HS"` with moderators
 * (wᵢ = 1/vᵢ): τ² = max(0, (Q_E − k)/Σwᵢ);
 * SE = √[2(k−p) + 4τ²·tr(P) + 2τ⁴·tr(PP)] / Σwᵢ.
 *
 * @example
 * regressionHunterSchmidt(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4)).tau2 // => 0.05 (up to rounding)
 */
export function regressionHunterSchmidt(y: Float64Array, v: Float64Array, design: RegressionDesign): Tau2Fit {
  return hunterSchmidt(y, v, design, 1);
}

/**
 * Hunter–Schmidt estimator with the small-sample factor k/(k−p) on Q_E (Brannick et al., 2019,
 * Res Synth Methods 10:1), metafor `method = "HSk"` with moderators:
 * τ² = max(0, (k/(k−p)·Q_E − k)/Σwᵢ), SE = k/(k−p) × the HS standard error.
 *
 * @example
 * regressionHunterSchmidtK(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4)).tau2 // => 1.1 (up to rounding)
 */
export function regressionHunterSchmidtK(y: Float64Array, v: Float64Array, design: RegressionDesign): Tau2Fit {
  return hunterSchmidt(y, v, design, design.k / (design.k - design.p));
}

function hunterSchmidt(y: Float64Array, v: Float64Array, design: RegressionDesign, inflation: number): Tau2Fit {
  const { k, p } = design;
  const fit = weightedFit(design, y, inverseWeights(v, 0));
  if (fit === null) return NOT_AVAILABLE;
  const tau2 = Math.max(0, (inflation * fit.rss - k) / fit.sumA);
  const se =
    (inflation * Math.sqrt(2 * (k - p) + 4 * tau2 * fit.trP + 2 * tau2 * tau2 * fit.traceProduct(null, null))) / fit.sumA;
  return closedForm(tau2, se);
}

/**
 * Hedges' unweighted (ordinary least squares) estimator for meta-regression, metafor
 * `method = "HE"` with moderators: with the OLS residual-forming matrix P = I − X(XᵀX)⁻¹Xᵀ,
 *
 *   τ² = max(0, (yᵀPy − tr(PV)) / (k − p));
 *   SE = √[2·tr(PVPV) + 4τ²·tr(PV) + 2τ⁴(k − p)] / (k − p).
 *
 * @example
 * regressionHedges(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4)).tau2 // => 1.1 (up to rounding)
 */
export function regressionHedges(y: Float64Array, v: Float64Array, design: RegressionDesign): Tau2Fit {
  const [raw, se] = regressionHedgesRaw(y, v, design);
  return closedForm(Math.max(0, raw), se);
}

/**
 * The HE estimate before truncation at zero (metafor starts ML, REML and EB at max(0, it)) and
 * its standard error at the truncated value. NaN when the design is singular.
 *
 * @example
 * regressionHedgesRaw(new Float64Array([0, 1, 2]), new Float64Array([1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2])], ['x'], 3))[0] // => -1
 */
export function regressionHedgesRaw(y: Float64Array, v: Float64Array, design: RegressionDesign): [number, number] {
  const { k, p } = design;
  const fit = weightedFit(design, y, new Float64Array(k).fill(1));
  if (fit === null) return [NaN, NaN];
  const trPV = fit.traceDiagonal(v);
  const raw = (fit.rss - trPV) / (k - p);
  const tau2 = Math.max(0, raw);
  const se = Math.sqrt(2 * fit.traceProduct(v, v) + 4 * tau2 * trPV + 2 * tau2 * tau2 * (k - p)) / (k - p);
  return [raw, se];
}

/**
 * Sidik–Jonkman estimator for meta-regression (Sidik & Jonkman, 2005, J Biopharm Stat 15:823),
 * metafor `method = "SJ"` with moderators. With the crude start τ₀² = Σ(yᵢ − ȳ)²/k (ȳ the
 * unweighted mean, ignoring the moderators, as metafor) and wᵢ = 1/(vᵢ + τ₀²):
 *
 *   τ² = max(0, τ₀²·yᵀPy/(k − p));
 *   SE = τ₀²/(k−p) · √[2·tr(PVPV) + 4τ²·Σᵢⱼ Pᵢⱼ²vⱼ + 2τ⁴·tr(PP)].
 *
 * @example
 * regressionSidikJonkman(new Float64Array([0, 2, 1, 5]), new Float64Array([1, 1, 1, 1]),
 *   scaledDesign([new Float64Array([0, 1, 2, 3])], ['x'], 4)).tau2 // => 1.6333… (τ₀² = 3.5)
 */
export function regressionSidikJonkman(y: Float64Array, v: Float64Array, design: RegressionDesign): Tau2Fit {
  const { k, p } = design;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += y[i]!;
  mean /= k;
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (y[i]! - mean) ** 2;
  const tau20 = ss / k;
  const fit = weightedFit(design, y, inverseWeights(v, tau20));
  if (fit === null) return NOT_AVAILABLE;
  const tau2 = Math.max(0, (tau20 * fit.rss) / (k - p));
  const se =
    (tau20 / (k - p)) *
    Math.sqrt(2 * fit.traceProduct(v, v) + 4 * tau2 * fit.traceProduct(null, v) + 2 * tau2 * tau2 * fit.traceProduct(null, null));
  return closedForm(tau2, se);
}
