import { InputError } from '../errors.ts';
import { metaRegression, type MetaRegressionResult } from '../models/regression/meta-regression.ts';
import type { BaujatPoint } from './baujat.ts';

/**
 * Baujat diagnostics of a meta-regression (metafor's `baujat.rma` for a model with moderators):
 * for each study, the squared Pearson residual of the full model and the influence on its own
 * fitted value,
 *
 *   xᵢ = (yᵢ − xᵢᵀβ̂)² / (vᵢ + τ̂²),   yᵢ = (xᵢᵀβ̂₍₋ᵢ₎ − xᵢᵀβ̂)² / xᵢᵀ Var β̂₍₋ᵢ₎ xᵢ,
 *
 * with β̂₍₋ᵢ₎ and Var β̂₍₋ᵢ₎ from the model refitted without study i by `metaRegression` with the
 * fit's method, test and level (`null` where that refit fails, metafor's NA). For the
 * equal-effects model the xᵢ sum to Q_E. Work: k refits.
 *
 * @param fit  a result of `metaRegression`
 * @throws InputError when `fit` is not a `metaRegression` result
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5, 3], vi: [1, 1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3, 4] }, method: 'EE' });
 * baujatRegression(fit).reduce((s, p) => s + p.x, 0) // => 6.70000000 (= fit.qe: squared residuals of the equal-effects line 0.4 + 0.9x)
 */
export function baujatRegression(fit: MetaRegressionResult): readonly BaujatPoint[] {
  if (fit === null || typeof fit !== 'object' || !Array.isArray(fit.coefficients) || typeof fit.moderators !== 'object') {
    throw new InputError('expected the result of metaRegression()', { field: 'fit' });
  }
  const names = fit.coefficients.map((c) => c.name);
  const p = names.length;
  const x = (i: number) => names.map((name, a) => (a === 0 ? 1 : fit.moderators[name]![i]!));
  const fitted = (i: number, beta: readonly number[]) => x(i).reduce((s, xa, a) => s + xa * beta[a]!, 0);
  const beta = fit.coefficients.map((c) => c.estimate);
  return Object.freeze(fit.yi.map((yi, i) => {
    const resid = yi - fitted(i, beta);
    const keep = (arr: readonly number[]) => arr.filter((_, j) => j !== i);
    let y: number | null = null;
    try {
      const del = metaRegression(
        { yi: keep(fit.yi), vi: keep(fit.vi) },
        { moderators: Object.fromEntries(names.slice(1).map((name) => [name, keep(fit.moderators[name]!)])), method: fit.method, test: fit.test, level: fit.level },
      );
      const xi = x(i);
      let v = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) v += xi[a]! * del.covariance[a]![b]! * xi[b]!;
      const change = fitted(i, del.coefficients.map((c) => c.estimate)) - fitted(i, beta);
      y = Number.isFinite(change * change / v) ? (change * change) / v : null;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
    return Object.freeze({ label: fit.labels[i]!, x: (resid * resid) / (fit.vi[i]! + fit.tau2), y });
  }));
}
