/**
 * What a tau² estimator returns: the estimate (truncated at 0, as metafor does), its standard
 * error where the method defines one (metafor's `se.tau2`), and how the search went.
 */
export interface Tau2Fit {
  readonly tau2: number;
  readonly se: number | null;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}

/** Resolved control settings for the iterative estimators. */
export interface Tau2Control {
  /** Stop Fisher scoring when |Δτ²| ≤ threshold (metafor's `threshold`). */
  readonly threshold: number;
  readonly maxIterations: number;
  /** Tolerance of the bracketing root searches (PM, fallbacks). */
  readonly rootTolerance: number;
}

export const DEFAULT_TAU2_CONTROL: Tau2Control = Object.freeze({
  threshold: 1e-13,
  maxIterations: 1000,
  rootTolerance: 1e-15,
});

/**
 * A tau² estimator: yi and vi (k ≥ 2 studies, already validated) to a {@link Tau2Fit}.
 * Estimators are total functions: they return NaN rather than throw.
 */
export type Tau2Estimator = (yi: Float64Array, vi: Float64Array, control: Tau2Control) => Tau2Fit;

/** Builds a closed-form fit. */
export function closedForm(tau2: number, se: number | null): Tau2Fit {
  return { tau2, se, iterations: 0, converged: true, warnings: [] };
}
