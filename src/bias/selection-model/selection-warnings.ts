import type { SelectionCovariance } from './selection-covariance.ts';
import type { SelectionFit } from './fit-selection.ts';
import type { SelectionSpec } from './selection-spec.ts';
import type { StepInterval } from './step-intervals.ts';

/**
 * The caveats of a selection-model fit, as metafor's selmodel warns them: intervals of a step
 * function without observed p-values, δ estimates (almost) at the optimiser's limits, failure to
 * converge, a Hessian that cannot be inverted.
 *
 * @example
 * import { selectionSpec } from './src/bias/selection-model/selection-spec.ts';
 * import { selectionData } from './src/bias/selection-model/selection-data.ts';
 * import { fitSelection } from './src/bias/selection-model/fit-selection.ts';
 * import { selectionCovariance } from './src/bias/selection-model/selection-covariance.ts';
 * const spec = selectionSpec('stepfun', [0.05, 1]);
 * const data = selectionData([0.1, 0.3, 0.5, 0.05], [0.01, 0.02, 0.04, 0.03], [[1], [1], [1], [1]], [1, 1, 1, 1], spec, 'greater');
 * const fit = fitSelection({ data, spec, tau2Fixed: 0, betaStart: [0.2], tau2Start: 0 });
 * const cov = selectionCovariance(data, spec, fit, false);
 * selectionWarnings(spec, fit, cov, [{ lower: 0, upper: 0.05, k: 0 }, { lower: 0.05, upper: 1, k: 4 }], null)[0]
 * // => 'One or more intervals do not contain any observed p-values.'
 */
export function selectionWarnings(
  spec: SelectionSpec,
  fit: SelectionFit,
  cov: SelectionCovariance,
  intervals: readonly StepInterval[] | null,
  heterogeneity: SelectionFit | null,
): string[] {
  const out: string[] = [];
  if (intervals?.some((s) => s.k === 0)) {
    out.push(spec.type === 'stepfun' ? 'One or more intervals do not contain any observed p-values.' : 'One of the intervals does not contain any observed p-values.');
  }
  const edge = fit.delta.some((d, j) => spec.fixed[j] === null && (d <= spec.min[j]! + EDGE || d >= spec.max[j]! - 100 * EDGE));
  if (edge) out.push('One or more delta estimates are (almost) equal to their lower or upper bound: treat the results with caution.');
  if (!fit.converged) out.push(`The optimiser did not converge after ${fit.iterations} iterations: the estimates may be inaccurate.`);
  if (heterogeneity !== null && !heterogeneity.converged) out.push('The fit with tau^2 = 0 (for the test of heterogeneity) did not converge.');
  if (cov.betaCovariance === null) out.push('The Hessian could not be inverted: no standard errors.');
  return out;
}

/** metafor's closeness to a limit of δ: ε^¼. */
const EDGE = Number.EPSILON ** 0.25;
