import { weightedSums, inverseWeights } from './weighted-sums.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Hunter–Schmidt estimator (Hunter & Schmidt, 2004; Viechtbauer, 2005, JEBS 30:261), metafor
 * `method = "HS"`:
 *
 *   τ² = max(0, (Q − k)/Σwᵢ),  wᵢ = 1/vᵢ.
 *
 * SE (metafor): √[(2(k−1) + 4τ²·tr(P) + 2τ⁴·tr(PP)) / (Σwᵢ)²].
 *
 * @example
 * tau2HunterSchmidt(new Float64Array([0, 4]), new Float64Array([1, 1])).tau2 // => 3
 */
export function tau2HunterSchmidt(yi: Float64Array, vi: Float64Array): Tau2Fit {
  const [tau2, se] = hunterSchmidtCore(yi, vi, 1);
  return closedForm(tau2, se);
}

/** HS with Q multiplied by `inflation` (1 for HS, k/(k−1) for HSk); SE scaled alike. */
export function hunterSchmidtCore(yi: Float64Array, vi: Float64Array, inflation: number): [number, number] {
  const k = yi.length;
  const s = weightedSums(yi, inverseWeights(vi, 0));
  const tau2 = Math.max(0, (inflation * s.rss - k) / s.sumW);
  const se =
    inflation *
    Math.sqrt((2 * (k - 1) + 4 * tau2 * s.trP + 2 * tau2 * tau2 * s.trPP) / (s.sumW * s.sumW));
  return [tau2, se];
}
