import { weightedSums, varianceTraces } from './weighted-sums.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Hedges' (1983) unweighted method-of-moments estimator ("variance component" or Cochran
 * ANOVA estimator), metafor `method = "HE"`:
 *
 *   τ² = max(0, Σ(yᵢ − ȳ)²/(k − 1) − Σvᵢ/k)
 *
 * i.e. (RSS − tr(PV))/(k − 1) with the ordinary least-squares P = I − J/k.
 * SE (metafor): √[(2·tr(PVPV) + 4τ²·tr(PV) + 2τ⁴(k−1)) / (k−1)²].
 *
 * @example
 * tau2Hedges(new Float64Array([0, 2]), new Float64Array([1, 1])).tau2 // => 1
 */
export function tau2Hedges(yi: Float64Array, vi: Float64Array): Tau2Fit {
  const [raw, se] = hedgesRaw(yi, vi);
  return closedForm(Math.max(0, raw), se);
}

/** The HE estimate before truncation at zero (metafor starts ML/REML/EB from max(0, it)) and its SE. */
export function hedgesRaw(yi: Float64Array, vi: Float64Array): [number, number] {
  const k = yi.length;
  const ones = new Float64Array(k).fill(1);
  const s = weightedSums(yi, ones);
  const t = varianceTraces(ones, vi, s.sumW, s.sumW2);
  const raw = (s.rss - t.trPV) / (k - 1);
  const tau2 = Math.max(0, raw);
  const se = Math.sqrt((2 * t.trPVPV + 4 * tau2 * t.trPV + 2 * tau2 * tau2 * (k - 1)) / ((k - 1) * (k - 1)));
  return [raw, se];
}
