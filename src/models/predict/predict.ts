import { checkOptions } from '../../check-options.ts';
import { assertLevel } from '../../errors.ts';
import type { TransformName } from '../../effect-sizes/back-transform.ts';
import type { Measure, TestType } from '../../types.ts';
import { wald } from '../inference/wald-test.ts';
import { predictedValue, resolveTransform, type PredictedValue } from './interval-row.ts';
import { readModelView, type LinearModelFit } from './model-view.ts';
import { newDesignRows, type NewModerators } from './new-moderators.ts';
import { readResult } from '../../read-result.ts';

/** Options of {@link predict}. */
export interface PredictOptions {
  /** New moderator values (see `newDesignRows`); without them: the fitted values of the studies, or μ̂ of a model without moderators. */
  readonly newmods?: NewModerators;
  /** `'none'` (default), `'auto'` (the measure's natural scale) or a transform name (`exp`, `tanh`, `ilogit`, …). */
  readonly transform?: TransformName | 'auto';
  /** Confidence level (default: the fit's). */
  readonly level?: number;
  /** Sample sizes, for the `ipft` transform. */
  readonly n?: ArrayLike<number>;
}

/** One prediction: the value, its CI and prediction interval, and the design row it is for. */
export interface Prediction extends PredictedValue {
  /** Design values by coefficient name (the intercept included when the model has one). */
  readonly x: Readonly<Record<string, number>>;
}

/** Result of {@link predict} (metafor's `predict.rma`). */
export interface PredictResult {
  readonly predictions: readonly Prediction[];
  readonly measure: Measure | null;
  readonly method: string;
  readonly test: TestType;
  readonly level: number;
  /** Degrees of freedom of the t critical value; null for z. */
  readonly df: number | null;
  /** Heterogeneity added to the prediction intervals (τ², or σ²_outer + σ²_inner). */
  readonly heterogeneity: number;
  readonly transform: TransformName;
  /** What the values are (e.g. "Risk Ratio"), and what was done. */
  readonly scale: string;
  readonly description: string;
}

/**
 * Predicted values of a fitted model, as metafor's `predict.rma`: for each design row x (new
 * moderator values, or each study's row, or the intercept of a model without moderators)
 *
 *   ŷ = xᵀβ̂,  SE = √(xᵀ Var(β̂) x),  CI = ŷ ± c·SE,  PI = ŷ ± c·√(SE² + τ̂²)
 *
 * with c the normal quantile (`z`) or the t(k − p) quantile (`t`, `knha`, where Var(β̂) carries
 * the Knapp–Hartung factor), and τ̂² replaced by the sum of the σ²_l of a multilevel fit (with
 * or without moderators, as metafor's predict.rma.mv for nested random intercepts)
 * (Riley, Higgins & Deeks, 2011, BMJ 342:d549; Viechtbauer, 2010, JSS 36(3)). On request the
 * value and the bounds are back-transformed (the SE is then `null`). For an equal-effects
 * model τ² = 0 and the PI equals the CI (metafor omits it).
 *
 * @param fit a result of `metaAnalysis`, `metaRegression` or `multilevel`
 * @param options `{ newmods, transform = 'none', level = fit.level, n }`
 * @throws InputError for a value that is not such a fit, new moderator values that do not fit
 *   the model (naming the row and moderator), new values for a model without moderators, an
 *   unknown transform or a level outside (0, 1).
 * @example
 * const fit = metaRegression({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { moderators: { x: [0, 1, 2, 3] } });
 * predict(fit, { newmods: [4] }).predictions[0].estimate // => 5.5 (−0.1 + 1.4·4)
 */
export function predict(fit: LinearModelFit, options: PredictOptions = {}): PredictResult {
  return readResult(fit, 'metaAnalysis/metaRegression', 'fit', () => {
    const o = checkOptions<PredictOptions>(options, ['newmods', 'transform', 'level', 'n']);
    const view = readModelView(fit, 'predict');
    const level = o.level ?? view.level;
    assertLevel(level);
    const t = resolveTransform(view.measure, o.transform, { n: o.n });
    const { p, beta, vb, names } = view;
    let rows: number[][];
    let labels: string[];
    if (o.newmods !== undefined) {
      rows = newDesignRows(view, o.newmods);
      labels = rows.map((_, i) => String(i + 1));
    } else if (view.kind === 'metaRegression' || (view.nested === null && view.kind === 'multilevel' && !(p === 1 && view.intercept))) {
      rows = Array.from({ length: view.k }, (_, i) => Array.from(view.x.subarray(i * p, (i + 1) * p)));
      labels = [...view.labels];
    } else {
      rows = [[1]];
      labels = [''];
    }
    const crit = wald(0, 1, view.df, level).crit;
    const predictions = rows.map((x, r) => {
      let est = 0;
      let v = 0;
      for (let a = 0; a < p; a++) {
        est += x[a]! * beta[a]!;
        for (let b = 0; b < p; b++) v += x[a]! * vb[a * p + b]! * x[b]!;
      }
      const se = v >= 0 ? Math.sqrt(v) : NaN;
      const piHalf = crit * Math.sqrt(se * se + view.heterogeneity);
      const value = predictedValue(labels[r]!, est, se, [est - crit * se, est + crit * se], [est - piHalf, est + piHalf], t);
      return Object.freeze({ ...value, x: Object.freeze(Object.fromEntries(names.map((name, j) => [name, x[j]!]))) });
    });
    return Object.freeze({
      predictions: Object.freeze(predictions), measure: view.measure, method: view.method, test: view.test, level,
      df: view.df, heterogeneity: view.heterogeneity, transform: t.name, scale: t.scale, description: t.description,
    });
  });
}
