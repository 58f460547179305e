import { CompensatedAccumulator } from '../numeric/compensated-sum.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { readFitView } from '../models/read-fit.ts';
import { readResult } from '../read-result.ts';

/** One study's standardized residual (a row of metafor's `rstandard`). */
export interface StandardizedResidual {
  readonly label: string;
  /** Residual eᵢ = yᵢ − μ̂. */
  readonly resid: number;
  /** Its standard error √(vᵢ + τ̂² − 1/Σwⱼ). */
  readonly se: number;
  /** Standardized residual eᵢ / SE(eᵢ); `null` when the SE is 0. */
  readonly z: number | null;
}

/**
 * Internally standardized (marginal) residuals of an intercept-only model (metafor's
 * `rstandard.rma.uni`, type "marginal"; Viechtbauer & Cheung, 2010, Res Synth Methods 1:112):
 *
 *   eᵢ = yᵢ − μ̂,  Var eᵢ = [(I − H) M (I − H)ᵀ]ᵢᵢ = vᵢ + τ̂² − 1/Σwⱼ,
 *
 * with M = diag(vᵢ + τ̂²), wⱼ = 1/(vⱼ + τ̂²) and the hat matrix H = 1wᵀ/Σwⱼ of the weighted mean
 * (the variance does not depend on the test). A residual below 100ε is set to 0, as metafor
 * does. O(k).
 *
 * @param fit a result of `metaAnalysis` with k ≥ 2 studies
 * @returns a frozen array of k frozen {@link StandardizedResidual}s, in the studies' order
 * @throws InputError when `fit` is not a `metaAnalysis` result or has k = 1
 * @example
 * const fit = metaAnalysis({ yi: [0, 1, 2], vi: [1, 1, 1] }, { method: 'EE' });
 * standardizedResiduals(fit).map((r) => r.z) // => [-1.2247..., 0, 1.2247...] (±1/√(2/3))
 */
export function standardizedResiduals(fit: MetaAnalysisResult): readonly StandardizedResidual[] {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    const f = readFitView(fit, 'standardizedResiduals', 2);
    const sumW = new CompensatedAccumulator();
    for (let i = 0; i < f.k; i++) sumW.add(1 / (f.vi[i]! + f.tau2));
    const vbFull = 1 / sumW.value();
    const rows: StandardizedResidual[] = [];
    for (let i = 0; i < f.k; i++) {
      let resid = f.yi[i]! - f.estimate;
      if (Math.abs(resid) < 100 * Number.EPSILON) resid = 0;
      const se = Math.sqrt(Math.max(0, f.vi[i]! + f.tau2 - vbFull));
      const z = resid / se;
      rows.push(Object.freeze({ label: f.labels[i]!, resid, se, z: Number.isFinite(z) ? z : null }));
    }
    return Object.freeze(rows);
  });
}
