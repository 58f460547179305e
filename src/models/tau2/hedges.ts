import type { WeightedModel } from '../engine/weighted-model.ts';
import { closedForm, type Tau2Fit } from './tau2-fit.ts';

/**
 * Hedges' (1983) unweighted method-of-moments estimator ("variance component" or Cochran ANOVA
 * estimator), metafor `method = "HE"`: with the ordinary least-squares P = I − X(XᵀX)⁻¹Xᵀ,
 *
 *   τ² = max(0, (yᵀPy − tr(PV)) / (k − p))    (intercept only: Σ(yᵢ − ȳ)²/(k − 1) − Σvᵢ/k)
 *
 * SE (metafor): √[2·tr(PVPV) + 4τ²·tr(PV) + 2τ⁴(k − p)] / (k − p).
 *
 * @example
 * tau2Hedges(interceptModel(new Float64Array([0, 2]), new Float64Array([1, 1]))).tau2 // => 1
 */
export function tau2Hedges(model: WeightedModel): Tau2Fit {
  const [raw, se] = hedgesRaw(model);
  return closedForm(Math.max(0, raw), se);
}

/**
 * The HE estimate before truncation at zero (metafor starts ML, REML and EB from max(0, it)) and
 * its SE at the truncated value; NaN when the design is singular.
 *
 * @example
 * hedgesRaw(interceptModel(new Float64Array([0, 1]), new Float64Array([1, 1])))[0] // => -0.5
 */
export function hedgesRaw(model: WeightedModel): [number, number] {
  return hedgesWith(model, true);
}

/**
 * The HE estimate before truncation at zero without its SE (one pass less): the start of
 * Fisher scoring.
 *
 * @example
 * hedgesStart(interceptModel(new Float64Array([0, 1]), new Float64Array([1, 1]))) // => -0.5
 */
export function hedgesStart(model: WeightedModel): number {
  return hedgesWith(model, false)[0];
}

/**
 * {@link hedgesStart} for the intercept-only model in one plain pass: Σ(yᵢ − ȳ)²/(k − 1) − Σvᵢ/k
 * from sums about y₁ (no weighted fit, no compensated trace). The start of the exact path's
 * scoring, which only needs to be near the root (metafor's path keeps `hedgesStart`); shared
 * with the batch kernel, so both start at the same point.
 *
 * @example
 * interceptHedgesStart(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])) // => 3 (4 − 1)
 */
export function interceptHedgesStart(y: Float64Array, v: Float64Array): number {
  const k = y.length;
  const c = y[0]!;
  let sd = 0;
  let sdd = 0;
  let sv = 0;
  for (let i = 0; i < k; i++) {
    const d = y[i]! - c;
    sd += d;
    sdd += d * d;
    sv += v[i]!;
  }
  return (sdd - (sd * sd) / k) / (k - 1) - sv / k;
}

function hedgesWith(model: WeightedModel, withSe: boolean): [number, number] {
  const { k, p, v } = model;
  const fit = model.fitWeights(new Float64Array(k).fill(1));
  if (fit === null) return [NaN, NaN];
  const df = k - p;
  const trPV = fit.traceDiagonal(v);
  const raw = (fit.rss - trPV) / df;
  if (!withSe) return [raw, NaN];
  const tau2 = Math.max(0, raw);
  const se = Math.sqrt(2 * fit.traceProduct(v, v) + 4 * tau2 * trPV + 2 * tau2 * tau2 * df) / df;
  return [raw, se];
}
