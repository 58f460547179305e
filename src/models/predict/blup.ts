import { checkOptions } from '../../check-options.ts';
import { assertLevel, InputError } from '../../errors.ts';
import type { TransformName } from '../../effect-sizes/back-transform.ts';
import type { Interval, Measure, TestType } from '../../types.ts';
import { wald } from '../inference/wald-test.ts';
import { predictedValue, resolveTransform } from './interval-row.ts';
import { readModelView, refuseLevelsModel, type LinearModelFit, type ModelView } from './model-view.ts';
import { nestedBlup, type NestedBlup } from './nested-blup.ts';
import { readResult } from '../../read-result.ts';

/** Options of {@link blup}. */
export interface BlupOptions {
  /** `'none'` (default), `'auto'` or a transform name. */
  readonly transform?: TransformName | 'auto';
  /** Level of the intervals (default: the fit's). */
  readonly level?: number;
  /** Sample sizes, for the `ipft` transform. */
  readonly n?: ArrayLike<number>;
}

/** One best linear unbiased prediction with its standard error and interval. */
export interface BlupValue {
  readonly label: string;
  readonly estimate: number | null;
  /** Square root of the prediction error variance; `null` when back-transformed. */
  readonly se: number | null;
  readonly pi: Interval;
}

/** Result of {@link blup}. */
export interface BlupResult {
  /** The study-level (row-level) effects θᵢ = xᵢᵀβ + random effects, one per study in the model. */
  readonly blups: readonly BlupValue[];
  /** Multilevel fits: the predicted random effects of each outer cluster and inner level (metafor's `ranef`). */
  readonly randomEffects?: { readonly outer: readonly BlupValue[]; readonly inner: readonly BlupValue[] };
  readonly measure: Measure | null;
  readonly method: string;
  readonly test: TestType;
  readonly level: number;
  readonly df: number | null;
  readonly transform: TransformName;
  readonly scale: string;
  readonly description: string;
}

/**
 * Best linear unbiased predictions of the study-level effects (empirical Bayes estimates;
 * Raudenbush & Bryk, 1985, J Educ Stat 10:75, appendix; metafor's `blup.rma.uni`). For a
 * random-effects model or meta-regression with λᵢ = τ̂²/(τ̂² + vᵢ):
 *
 *   θ̂ᵢ = λᵢyᵢ + (1 − λᵢ)xᵢᵀβ̂,  Var(θ̂ᵢ − θᵢ) = λᵢvᵢ + (1 − λᵢ)²·xᵢᵀVar(β̂)xᵢ,
 *
 * with intervals θ̂ᵢ ± c·SE (c normal, or t(k − p) for `t`/`knha`). For a multilevel fit, with
 * V the marginal covariance, G that of the random effects, e = y − Xβ̂ and P = V⁻¹ − V⁻¹X Var(β̂) XᵀV⁻¹:
 * θ̂ᵢ = xᵢᵀβ̂ + (GV⁻¹e)ᵢ and Var(θ̂ᵢ − θᵢ) = xᵢᵀVar(β̂)xᵢ + (G − GPG)ᵢᵢ − 2xᵢᵀVar(β̂)XᵀV⁻¹gᵢ
 * (Henderson, 1975, Biometrics 31:423; Searle, Casella & McCulloch, 1992, ch. 7), and
 * `randomEffects` gives the cluster and level effects as metafor's `ranef.rma.mv`
 * (D Zᵀ V⁻¹e with variance D − D ZᵀPZ D). An equal-effects model has λᵢ = 0.
 *
 * @param fit a result of `metaAnalysis`, `metaRegression` or `multilevel`
 * @param options `{ transform = 'none', level = fit.level, n }`
 * @throws InputError for a value that is not such a fit, an unknown transform or a bad level.
 * @example
 * const fit = metaAnalysis({ yi: [0, 1], vi: [1, 1] }, { method: 'DL' });
 * blup(fit).blups[0].estimate // => 0.5 (τ̂² = 0: every study is shrunk to μ̂)
 */
export function blup(fit: LinearModelFit, options: BlupOptions = {}): BlupResult {
  return readResult(fit, 'metaAnalysis/metaRegression', 'fit', () => {
    const o = checkOptions<BlupOptions>(options, ['transform', 'level', 'n']);
    const view = readModelView(fit, 'blup');
    refuseLevelsModel(view, 'blup');
    if ((fit as { readonly weighting?: unknown }).weighting !== undefined) {
      // metafor 5.1 also refuses: "Extraction of random effects not available for models with non-standard weights."
      throw new InputError('blup is not available for a fit pooled with user weights or weighted: false (as metafor)', { field: 'fit.weighting', value: (fit as { weighting?: unknown }).weighting, code: 'E_UNSUPPORTED' });
    }
    const level = o.level ?? view.level;
    assertLevel(level);
    const t = resolveTransform(view.measure, o.transform, { n: o.n });
    const crit = wald(0, 1, view.df, level).crit;
    const value = (label: string, est: number, se: number): BlupValue => {
      const { ci: _ci, ...rest } = predictedValue(label, est, se, [NaN, NaN], [est - crit * se, est + crit * se], t);
      return Object.freeze(rest);
    };
    let blups: BlupValue[];
    let randomEffects: BlupResult['randomEffects'];
    if (view.nested !== null) {
      const nb: NestedBlup = nestedBlup(view);
      blups = view.labels.map((label, i) => value(label, nb.rows.estimate[i]!, nb.rows.se[i]!));
      randomEffects = Object.freeze({
        outer: Object.freeze(nb.outer.map((r) => value(r.label, r.estimate, r.se))),
        inner: Object.freeze(nb.inner.map((r) => value(r.label, r.estimate, r.se))),
      });
    } else {
      blups = view.labels.map((label, i) => {
        const { est, variance } = univariateBlup(view, i);
        return value(label, est, Math.sqrt(variance));
      });
    }
    return Object.freeze({
      blups: Object.freeze(blups), ...(randomEffects ? { randomEffects } : {}), measure: view.measure, method: view.method,
      test: view.test, level, df: view.df, transform: t.name, scale: t.scale, description: t.description,
    });
  });
}

function univariateBlup(view: ModelView, i: number): { est: number; variance: number } {
  const { p, x, beta, vb } = view;
  const tau2 = view.heterogeneity;
  const v = view.vi[i]!;
  const lambda = tau2 / (tau2 + v);
  let fitted = 0;
  let h = 0;
  for (let a = 0; a < p; a++) {
    fitted += x[i * p + a]! * beta[a]!;
    for (let b = 0; b < p; b++) h += x[i * p + a]! * vb[a * p + b]! * x[i * p + b]!;
  }
  return { est: lambda * view.yi[i]! + (1 - lambda) * fitted, variance: lambda * v + (1 - lambda) ** 2 * h };
}
