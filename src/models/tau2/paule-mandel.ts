import { zeroin } from '../../numeric/brent-root.ts';
import type { WeightedModel } from '../engine/weighted-model.ts';
import { generalizedQ, generalizedQRoot } from './generalized-q-root.ts';
import type { Tau2Control, Tau2Fit } from './tau2-fit.ts';

/**
 * Paule–Mandel estimator (Paule & Mandel, 1982, J Res NBS 87:377; Viechtbauer et al., 2015, Res
 * Synth Methods 6:25), metafor `method = "PM"`: the τ² ≥ 0 solving Q(τ²) = k − p, 0 when
 * Q(0) < k − p. SE = √(2k²/(k−p)) / Σwᵢ at the estimate (metafor). By default the root is exact
 * and unbounded (metafor stops when it exceeds its `tau2.max`); with `control.stopping =
 * 'metafor'` it is R's uniroot with metafor's `tol` and `maxiter` on [0, tau2.max], tau2.max =
 * max(100, 10·mad(y)²) unless given.
 *
 * @example
 * tau2PauleMandel(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), DEFAULT_TAU2_CONTROL).tau2
 * // => 3
 */
export function tau2PauleMandel(model: WeightedModel, control: Tau2Control): Tau2Fit {
  return qEquationFit(model, control, model.k - model.p, 'PM');
}

/**
 * The τ² ≥ 0 solving Q(τ²) = `target` by the Paule–Mandel search (exact and unbounded by
 * default; metafor's uniroot on [0, tau2.max] with `control.stopping = 'metafor'`), with
 * metafor's SE √(2k²/(k−p)) / Σwᵢ. `name` labels the warnings (PM, PMM).
 *
 * @example
 * qEquationFit(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), DEFAULT_TAU2_CONTROL, 2, 'PM').tau2
 * // => 3
 */
export function qEquationFit(model: WeightedModel, control: Tau2Control, target: number, name: string): Tau2Fit {
  const warnings: string[] = [];
  let root = control.stopping === 'metafor' ? metaforRoot(model, control, target) : null;
  if (root === null && control.stopping === 'metafor') {
    warnings.push(`${name}: the root of Q(tau²) = ${target.toPrecision(6)} lies above metafor's search limit tau2.max (metafor stops with an error here); the exact solution was used.`);
  }
  root ??= generalizedQRoot(model, target);
  if (!Number.isFinite(root.tau2)) warnings.push(`${name}: no root of Q(tau²) = ${target.toPrecision(6)} was found; tau² is not available.`);
  else if (control.stopping === 'exact' && root.tau2 > metaforLimit(model, control)) {
    warnings.push(`${name}: the root tau² = ${(root.tau2 * model.unit).toPrecision(6)} lies above metafor's search limit tau2.max = max(100, 10·mad(yi)²), where metafor stops with an error; pooled reports the root.`);
  }
  return withEquationSe(model, root, warnings);
}

/**
 * metafor's Paule–Mandel search: 0 when Q(0) < target, else R's `uniroot` on [0, tau2.max];
 * `null` when Q(tau2.max) is still above the target.
 */
function metaforRoot(model: WeightedModel, control: Tau2Control, target: number): { tau2: number; iterations: number; lastChange: number } | null {
  const f = (t: number) => generalizedQ(model, t) - target;
  const upper = metaforLimit(model, control);
  const fLower = f(0);
  if (fLower < 0) return { tau2: 0, iterations: 0, lastChange: 0 };
  const fUpper = f(upper);
  if (fUpper > 0) return null;
  const r = zeroin(f, 0, upper, fLower, fUpper, control.rootTolerance / model.unit, control.maxIterations);
  return { tau2: r.root, iterations: r.iterations, lastChange: r.change };
}

/**
 * The fit of an estimator that solves Q(τ²) = k − p (PM, EB), with metafor's SE
 * √(2k²/(k−p)) / Σwᵢ at the estimate.
 *
 * @example
 * withEquationSe(interceptModel(new Float64Array([0, 2, 4]), new Float64Array([1, 1, 1])), { tau2: 3, iterations: 1, lastChange: 0 }, []).se
 * // => 4  (√(2·9/2)/(3/4))
 */
export function withEquationSe(
  model: WeightedModel,
  root: { readonly tau2: number; readonly iterations: number; readonly lastChange: number },
  warnings: string[],
): Tau2Fit {
  const { k, p } = model;
  const fit = Number.isFinite(root.tau2) ? model.fitTau2(root.tau2) : null;
  const se = fit === null ? NaN : Math.sqrt((2 * k * k) / (k - p)) / fit.sumW;
  return {
    tau2: root.tau2, se, iterations: root.iterations, converged: Number.isFinite(root.tau2),
    lastChange: root.lastChange * model.unit, warnings,
  };
}

/** metafor's `tau2.max` in the model's units: the control's, else max(100, 10·mad(y)²) in the user's units. */
function metaforLimit(model: WeightedModel, control: Tau2Control): number {
  const user = Number.isNaN(control.tau2Max) ? Math.max(100, 10 * (mad(model.y) ** 2) * model.unit) : control.tau2Max;
  return user / model.unit;
}

/** R's `mad`: 1.4826 · median |yᵢ − median(y)|. */
function mad(y: Float64Array): number {
  const median = (a: Float64Array) => {
    const s = Float64Array.from(a).sort();
    const h = s.length >> 1;
    return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
  };
  const m = median(y);
  return 1.4826 * median(Float64Array.from(y, (v) => Math.abs(v - m)));
}
