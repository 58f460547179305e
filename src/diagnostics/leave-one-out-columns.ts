import { CompensatedAccumulator } from '../numeric/compensated-sum.ts';
import type { FitView } from '../models/read-fit.ts';
import { refit } from './refit.ts';
import { storeRefit, subsetColumns, type SubsetColumns } from './subset-columns.ts';
import { SubsetRefits } from './subset-refits.ts';
import { withoutStudy } from './without-study.ts';

/**
 * The k leave-one-out refits of an intercept-only model as columns (entry i: the model without
 * study i), each an O(k) update of the full data's sums with a warm start from the full τ̂²
 * (see `SubsetRefits`), or a from-scratch `refit` where the update does not apply. Shared by
 * `leaveOneOut` and `influence`.
 *
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' });
 * leaveOneOutColumns(readFitView(fit, 'leaveOneOut', 2)).estimate // => Float64Array [0.4125, 0.29375, 0.175]
 */
export function leaveOneOutColumns(f: FitView): SubsetColumns {
  const { k, yi, vi } = f;
  const out = subsetColumns(k);
  const refits = new SubsetRefits(yi, vi, f.method, f.test, f.level, f);
  for (let j = 0; j < k; j++) refits.addStudy(j);
  const yDel = new Float64Array(k - 1);
  const vDel = new Float64Array(k - 1);
  for (let i = 0; i < k; i++) {
    if (refits.refitInto(out, i, k, i)) continue;
    const fit = refit(withoutStudy(yi, i, yDel), withoutStudy(vi, i, vDel), f.method, f.test, f.level);
    storeRefit(out, i, fit, fit.ok ? sumOfWeights(vDel, fit.tau2) : NaN);
  }
  return out;
}

/** Σ 1/(vⱼ + τ²), compensated. */
function sumOfWeights(v: Float64Array, tau2: number): number {
  const sum = new CompensatedAccumulator();
  for (let j = 0; j < v.length; j++) sum.add(1 / (v[j]! + tau2));
  return sum.value();
}
