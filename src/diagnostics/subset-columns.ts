import { finiteOrNull } from '../numeric/finite-or-null.ts';
import type { FailedRefit, Refit } from './refit.ts';
import type { SubsetFit } from './subset-fit.ts';

/**
 * The refits of an intercept-only model to many subsets of its studies (leave-one-out,
 * cumulative), one entry per refit in each column, in the user's units. NaN where undefined;
 * a refit that could not be fitted has its reason in `errors`.
 */
export interface SubsetColumns {
  /** Studies in each refit. */
  readonly k: Int32Array;
  readonly estimate: Float64Array;
  readonly se: Float64Array;
  readonly statistic: Float64Array;
  /** Degrees of freedom of the t / Knapp–Hartung test, `null` for z. */
  readonly df: (number | null)[];
  readonly pValue: Float64Array;
  readonly ciLower: Float64Array;
  readonly ciUpper: Float64Array;
  readonly tau2: Float64Array;
  readonly q: Float64Array;
  readonly qPValue: Float64Array;
  readonly i2: Float64Array;
  readonly h2: Float64Array;
  /** Variance of the estimate, SE² (with the Knapp–Hartung factor). */
  readonly vb: Float64Array;
  /** Knapp–Hartung factor s²_w (1 unless test = 'knha'). */
  readonly s2w: Float64Array;
  /** Σ 1/(vⱼ + τ̂²) over the studies of the refit, at its own τ̂². */
  readonly sumW: Float64Array;
  /** Why a refit failed (metafor's rma.uni would stop there); `undefined` for a fitted one. */
  readonly errors: (string | undefined)[];
}

/**
 * Empty columns for `n` refits (every number NaN).
 *
 * @example
 * subsetColumns(2).estimate // => Float64Array [NaN, NaN]
 */
export function subsetColumns(n: number): SubsetColumns {
  const column = () => new Float64Array(n).fill(NaN);
  return {
    k: new Int32Array(n), estimate: column(), se: column(), statistic: column(), df: new Array<number | null>(n).fill(null),
    pValue: column(), ciLower: column(), ciUpper: column(), tau2: column(), q: column(), qPValue: column(),
    i2: column(), h2: column(), vb: column(), s2w: column(), sumW: column(), errors: new Array<string | undefined>(n),
  };
}

/**
 * Writes one refit (see `refit`) into entry `r` of the columns; `sumW` is Σ 1/(vⱼ + τ̂²) of
 * its studies (NaN for a failed refit).
 *
 * @example
 * const c = subsetColumns(1);
 * storeRefit(c, 0, refit(new Float64Array([1, 3]), new Float64Array([1, 1]), 'EE', 'z', 0.95), 2);
 * c.estimate // => Float64Array [2]
 */
export function storeRefit(c: SubsetColumns, r: number, fit: Refit | FailedRefit, sumW: number): void {
  c.k[r] = fit.k;
  if (!fit.ok) {
    c.errors[r] = fit.reason;
    return;
  }
  c.estimate[r] = fit.estimate; c.se[r] = fit.se; c.statistic[r] = fit.statistic; c.df[r] = fit.df;
  c.pValue[r] = fit.pValue; c.ciLower[r] = fit.ciLower; c.ciUpper[r] = fit.ciUpper; c.tau2[r] = fit.tau2;
  c.q[r] = fit.q; c.qPValue[r] = fit.qPValue; c.i2[r] = fit.i2; c.h2[r] = fit.h2; c.vb[r] = fit.vb;
  c.s2w[r] = fit.s2w; c.sumW[r] = sumW;
}

/**
 * Entry `r` of the columns as a frozen {@link SubsetFit} row (numbers metafor reports as NA
 * become `null`; a failed refit gives `null`s and its `error`).
 *
 * @example
 * const c = subsetColumns(1);
 * storeRefit(c, 0, refit(new Float64Array([1, 3]), new Float64Array([1, 1]), 'EE', 'z', 0.95), 2);
 * subsetFitRow(c, 0, 'Study 1').estimate // => 2
 */
export function subsetFitRow(c: SubsetColumns, r: number, label: string): SubsetFit {
  const error = c.errors[r];
  const k = c.k[r]!;
  if (error !== undefined) {
    return Object.freeze({
      label, k, estimate: null, se: null, statistic: null, df: null, pValue: null,
      ci: Object.freeze({ lower: null, upper: null }),
      tau2: null, i2: null, h2: null, q: null, qPValue: null, error,
    });
  }
  return Object.freeze({
    label,
    k,
    estimate: finiteOrNull(c.estimate[r]!),
    se: finiteOrNull(c.se[r]!),
    statistic: finiteOrNull(c.statistic[r]!),
    df: c.df[r]!,
    pValue: finiteOrNull(c.pValue[r]!),
    ci: Object.freeze({ lower: finiteOrNull(c.ciLower[r]!), upper: finiteOrNull(c.ciUpper[r]!) }),
    tau2: finiteOrNull(c.tau2[r]!),
    i2: finiteOrNull(c.i2[r]!),
    h2: finiteOrNull(c.h2[r]!),
    q: finiteOrNull(c.q[r]!),
    qPValue: finiteOrNull(c.qPValue[r]!),
  });
}
