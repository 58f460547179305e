import type { WeightedFit, WeightedModel } from '../engine/weighted-model.ts';
import { generalizedQRoot } from './generalized-q-root.ts';
import { withEquationSe } from './paule-mandel.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * An iterated moment estimator of τ² (metafor's DLIT and SJIT): τ²ₙ₊₁ = max(0, update(fit at
 * τ²ₙ, τ²ₙ)) from `start`. Both updates have the same fixed point, the root of the generalised
 * Q(τ²) = k − p (the Paule–Mandel estimate; DerSimonian & Kacker, 2007, Contemp Clin Trials
 * 28:105), because tr(P(V + τ²I)) = k − p for every τ².
 *
 * With `control.stopping = 'exact'` (default) that fixed point is solved for directly, to
 * machine precision (Brent's method on Q(τ²) − (k − p)), whatever the iteration would do.
 * With `'metafor'` the iteration runs as in metafor's rma.uni: it stops when |Δτ²| ≤ threshold,
 * and after `maxIterations` steps it has not converged (metafor stops with an error; pooled
 * then reports the exact fixed point and a warning). SE = √(2k²/(k−p)) / Σwᵢ at the estimate.
 *
 * @example
 * iteratedMoment(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), DEFAULT_TAU2_CONTROL, 'DLIT', 0, (fit, t) => t).tau2
 * // => 3  (Q(τ²) = 8/(1 + τ²) = 2)
 */
export function iteratedMoment(
  model: WeightedModel,
  control: Tau2Control,
  name: string,
  start: number,
  update: (fit: WeightedFit, tau2: number) => number,
): Tau2Fit {
  const warnings: string[] = [];
  if (control.stopping === 'metafor') {
    let tau2 = start;
    let change = control.threshold + 1;
    let iterations = 0;
    while (change > control.threshold) {
      iterations++;
      const fit = model.fitTau2(tau2);
      if (fit === null) {
        tau2 = NaN;
        break;
      }
      const next = Math.max(0, update(fit, tau2));
      change = Math.abs(next - tau2);
      tau2 = next;
      if (iterations > control.maxIterations) break;
    }
    if (change <= control.threshold) return withEquationSe(model, { tau2, iterations, lastChange: change }, warnings);
    warnings.push(`${name}: the iteration did not converge in ${control.maxIterations} iterations under metafor's control (metafor stops with an error here); the exact fixed point was used.`);
  }
  const root = generalizedQRoot(model, model.k - model.p);
  if (!Number.isFinite(root.tau2)) warnings.push(`${name}: no fixed point Q(tau²) = k − p was found; tau² is not available.`);
  return withEquationSe(model, root, warnings);
}
