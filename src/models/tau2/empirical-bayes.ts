import type { WeightedModel } from '../engine/weighted-model.ts';
import { firstNonPositiveVariance } from '../engine/data-summary.ts';
import { EB_EQUATION, fisherScoring, infiniteWeightWarning } from './fisher-scoring.ts';
import { generalizedQRoot } from './generalized-q-root.ts';
import { withEquationSe } from './paule-mandel.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Empirical Bayes estimator of τ² (Morris, 1983, JASA 78:47; Berkey et al., 1995), metafor
 * `method = "EB"`: the root of its estimating equation k/(k−p)·Q(τ²) − k = 0 (metafor's
 * documentation), i.e. Q(τ²) = k − p, 0 when Q(0) < k − p. Q decreases in τ², so the root is
 * unique and equals the Paule–Mandel estimate; it is found exactly by Brent's method. With
 * `control.stopping = 'metafor'`, metafor's Fisher scoring Δ = (k/(k−p)·Q − k)/Σwᵢ from
 * max(0, τ²_HE) with its stopping rule. SE = √(2k²/(k−p)) / Σwᵢ at the estimate (metafor).
 *
 * @example
 * tau2EmpiricalBayes(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), DEFAULT_TAU2_CONTROL).tau2
 * // => 3
 */
export function tau2EmpiricalBayes(model: WeightedModel, control: Tau2Control): Tau2Fit {
  const warnings: string[] = [];
  const metafor = control.stopping === 'metafor';
  // metafor's scoring, run for its answer ('metafor') or to learn whether it would stop at a zero variance
  const scoring = metafor || firstNonPositiveVariance(model) >= 0 ? fisherScoring(model, EB_EQUATION, control) : null;
  if (metafor && scoring?.converged) return withEquationSe(model, scoring, warnings);
  if (metafor && !scoring?.infiniteWeight) {
    warnings.push(`EB: Fisher scoring did not converge in ${control.maxIterations} iterations under metafor's control (metafor stops with an error here); the exact solution was used.`);
  }
  const root = generalizedQRoot(model, model.k - model.p);
  if (!Number.isFinite(root.tau2)) warnings.push('EB: no root of the estimating equation was found; tau² is not available.');
  else if (scoring?.infiniteWeight && root.tau2 > 0) warnings.push(infiniteWeightWarning('EB', (root.tau2 * model.unit).toPrecision(6)));
  return withEquationSe(model, root, warnings);
}
