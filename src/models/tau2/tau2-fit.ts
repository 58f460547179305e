import type { WeightedModel } from '../engine/weighted-model.ts';

/**
 * What a tau² estimator returns: the estimate (truncated at 0, as metafor does), its standard
 * error where the method defines one (metafor's `se.tau2`), and how the search went. Values
 * are in the variance unit of the model it was given.
 */
export interface Tau2Fit {
  readonly tau2: number;
  readonly se: number | null;
  /** Iterations of the search (Fisher scoring steps or root-finder evaluations); 0 for closed forms. */
  readonly iterations: number;
  readonly converged: boolean;
  /** |Δτ²| of the last step (0 for closed forms). */
  readonly lastChange: number;
  readonly warnings: readonly string[];
}

/** Resolved control settings of the iterative estimators. */
export interface Tau2Control {
  /**
   * `'exact'` (default): the global maximum of the likelihood (ML, REML) or the root of the
   * estimating equation (EB, PM) to machine precision, on data scaled to unit variance.
   * `'metafor'`: metafor's rma.uni stopping rule (absolute `threshold` on Δτ², `maxIterations`
   * Fisher-scoring steps with `stepAdjustment`, PM by R's uniroot with `rootTolerance` on
   * [0, `tau2Max`]), on the data as given, so the digits are metafor's.
   */
  readonly stopping: 'exact' | 'metafor';
  /** Fisher scoring stops when |Δτ²| ≤ threshold (exact: relative to max(1, τ²) in data units). */
  readonly threshold: number;
  readonly maxIterations: number;
  /** Multiplier of each Fisher-scoring step (metafor's `stepadj`). */
  readonly stepAdjustment: number;
  /** Tolerance of the bracketing root searches (metafor's `tol` in `'metafor'` mode). */
  readonly rootTolerance: number;
  /** Upper end of metafor's PM search (`tau2.max`); NaN: metafor's default max(100, 10·mad(y)²). */
  readonly tau2Max: number;
}

/** The exact solution (the default). */
export const DEFAULT_TAU2_CONTROL: Tau2Control = Object.freeze({
  stopping: 'exact',
  threshold: 1e-13,
  maxIterations: 1000,
  stepAdjustment: 1,
  rootTolerance: 0,
  tau2Max: NaN,
});

/** metafor's default `control` of rma.uni (threshold 1e-5, maxiter 100, stepadj 1, tol ε^¼). */
export const METAFOR_TAU2_CONTROL: Tau2Control = Object.freeze({
  stopping: 'metafor',
  threshold: 1e-5,
  maxIterations: 100,
  stepAdjustment: 1,
  rootTolerance: Number.EPSILON ** 0.25,
  tau2Max: NaN,
});

/**
 * A tau² estimator: a weighted model with k > p studies (already validated) to a {@link Tau2Fit}.
 * Estimators are total functions: they return NaN rather than throw.
 */
export type Tau2Estimator = (model: WeightedModel, control: Tau2Control) => Tau2Fit;

/**
 * Builds a closed-form fit.
 *
 * @example
 * closedForm(0, null).converged // => true
 */
export function closedForm(tau2: number, se: number | null): Tau2Fit {
  return { tau2, se, iterations: 0, converged: true, lastChange: 0, warnings: [] };
}
