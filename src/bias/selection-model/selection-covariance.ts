import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { richardsonHessian } from '../../numeric/richardson-hessian.ts';
import { selectionLogLikelihood, type SelectionData } from './selection-log-likelihood.ts';
import type { SelectionSpec } from './selection-spec.ts';
import type { SelectionFit } from './fit-selection.ts';

/** Standard errors of a selection model's estimates; `null` for a fixed (or boundary) parameter. */
export interface SelectionCovariance {
  /** Covariance matrix of β̂ (row-major p×p), or `null` when the Hessian could not be inverted. */
  readonly betaCovariance: Float64Array | null;
  readonly tau2Se: number | null;
  readonly deltaSe: readonly (number | null)[];
  /** Covariance matrix of the estimated δ (row-major, in the order of `delta`, fixed ones 0). */
  readonly deltaCovariance: Float64Array | null;
}

/** δ of a step function below this is treated as at its bound 0 in the Hessian (metafor's `deltatol`). */
const DELTA_TOL = 1e-4;

/**
 * Standard errors from the inverse of the observed information, as metafor's selmodel computes
 * them: the Hessian of −ℓ in the natural parameters (β, τ², δ) by Richardson-extrapolated
 * central differences (metafor uses numDeriv's), over the parameters that are estimated and not
 * at a boundary — τ² is left out when fixed or below min(vᵢ/10, 10⁻⁴), a step function's δⱼ
 * when below 10⁻⁴ — then inverted by Cholesky. When the block is not positive definite all
 * standard errors are `null` (metafor warns "Error when trying to invert the Hessian").
 *
 * @example
 * import { selectionSpec } from './src/bias/selection-model/selection-spec.ts';
 * import { selectionData } from './src/bias/selection-model/selection-data.ts';
 * import { fitSelection } from './src/bias/selection-model/fit-selection.ts';
 * const spec = selectionSpec('stepfun', [0.05, 1]);
 * const data = selectionData([0.1, 0.3, 0.5, 0.05], [0.01, 0.02, 0.04, 0.03], [[1], [1], [1], [1]], [1, 1, 1, 1], spec, 'greater');
 * const fit = fitSelection({ data, spec, tau2Fixed: 0, betaStart: [0.2], tau2Start: 0 });
 * selectionCovariance(data, spec, fit, false).deltaSe[0] // => null  (δ₁ = 1 is fixed)
 */
export function selectionCovariance(data: SelectionData, spec: SelectionSpec, fit: SelectionFit, tau2Estimated: boolean): SelectionCovariance {
  const p = fit.beta.length;
  let minV = Infinity;
  for (const v of data.vi) minV = Math.min(minV, v);
  const withTau2 = tau2Estimated && !(fit.tau2 < Math.min(minV / 10, 1e-4));
  const free = spec.fixed.map((f, j) => (f === null && !(spec.type === 'stepfun' && fit.delta[j]! < DELTA_TOL) ? j : -1)).filter((j) => j >= 0);
  const point = [...fit.beta, ...(withTau2 ? [fit.tau2] : []), ...free.map((j) => fit.delta[j]!)];
  const f = (x: Float64Array) => {
    const delta = [...fit.delta];
    free.forEach((j, m) => { delta[j] = x[p + (withTau2 ? 1 : 0) + m]!; });
    return -selectionLogLikelihood(data, spec, x.subarray(0, p), withTau2 ? x[p]! : fit.tau2, delta);
  };
  const n = point.length;
  const hessian = richardsonHessian(f, point);
  const flat = new Float64Array(n * n);
  hessian.forEach((row, i) => flat.set(row, i * n));
  const l = flat.every(Number.isFinite) ? cholesky(flat, n) : null;
  const none: SelectionCovariance = { betaCovariance: null, tau2Se: null, deltaSe: fit.delta.map(() => null), deltaCovariance: null };
  if (l === null) return none;
  const inverse = choleskyInverse(l, n);
  if (!inverse.every(Number.isFinite)) return none;
  const at = (i: number, j: number) => inverse[i * n + j]!;
  const betaCovariance = Float64Array.from({ length: p * p }, (_, ij) => at(Math.floor(ij / p), ij % p));
  const offset = p + (withTau2 ? 1 : 0);
  const deltaSe = fit.delta.map((_, j) => {
    const m = free.indexOf(j);
    return m < 0 ? null : Math.sqrt(at(offset + m, offset + m));
  });
  const d = fit.delta.length;
  const deltaCovariance = Float64Array.from({ length: d * d }, (_, ij) => {
    const a = free.indexOf(Math.floor(ij / d));
    const b = free.indexOf(ij % d);
    return a < 0 || b < 0 ? 0 : at(offset + a, offset + b);
  });
  return { betaCovariance, tau2Se: withTau2 ? Math.sqrt(at(p, p)) : null, deltaSe, deltaCovariance };
}
