import { checkOptions } from '../../check-options.ts';
import { normalQuantile } from '../../distributions/normal.ts';
import { assertLevel, assertOneOf, InputError } from '../../errors.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import type { Interval, Tau2Method } from '../../types.ts';
import { cochranQ } from '../inference/cochran-q.ts';
import { profileLikelihoodTau2 } from '../inference/profile-likelihood-tau2.ts';
import { qProfileTau2 } from '../inference/q-profile.ts';
import { fittedModel } from './fitted-model.ts';
import { readResult } from '../../read-result.ts';

/** metafor's `confint(type = ...)` for τ²: Q-profile, profile likelihood, Wald. */
export const TAU2_INTERVAL_TYPES = Object.freeze(['QP', 'PL', 'Wald'] as const);
export type Tau2IntervalType = (typeof TAU2_INTERVAL_TYPES)[number];

/** Options of {@link tau2Interval}. */
export interface Tau2IntervalOptions {
  /** `'QP'` (default, Q-profile), `'PL'` (profile likelihood) or `'Wald'`. */
  readonly type?: Tau2IntervalType;
  /** Confidence level; default the fit's. */
  readonly level?: number;
}

/** Result of {@link tau2Interval}: the estimates and CIs of τ², τ, I² and H² (metafor's `confint(fit)$random`). */
export interface Tau2IntervalResult {
  readonly intervalType: Tau2IntervalType;
  readonly method: Tau2Method;
  readonly level: number;
  readonly k: number;
  /** Coefficients of the model (1 without moderators): the interval is for the residual τ². */
  readonly p: number;
  readonly tau2: number;
  readonly tau: number;
  readonly i2: number | null;
  readonly h2: number | null;
  readonly tau2Ci: Interval;
  readonly tauCi: Interval;
  readonly i2Ci: Interval;
  readonly h2Ci: Interval;
  readonly warnings: readonly string[];
}

/**
 * Confidence interval for the (residual) heterogeneity τ² of a `metaAnalysis` or
 * `metaRegression` fit, with the implied intervals for τ = √τ², I² = 100·τ²/(s² + τ²) and
 * H² = τ²/s² + 1 (s² the typical within-study variance (k − p)/tr(P), P from wᵢ = 1/vᵢ), as
 * metafor's `confint.rma.uni`:
 *
 * - `'QP'`: Q-profile (Viechtbauer, 2007, Stat Med 26:37): Q(τ²) = yᵀPy between the χ²_{k−p}
 *   quantiles, for meta-regression with the residual df k − p;
 * - `'PL'`: profile likelihood: −2[ℓ(τ²) − ℓ(τ̂²)] = χ²₁;level with ℓ the REML likelihood for
 *   REML fits and the ML likelihood otherwise (metafor's rule);
 * - `'Wald'`: τ̂² ± z·SE(τ̂²), the lower bound truncated at 0 (poor unless k is large).
 *
 * Bounds beyond metafor's search limit max(100, 10·τ̂²) are reported at the limit, as metafor
 * does, with a warning. The fit's studies are refitted exactly (scale-free); values are in the
 * units of the effect sizes.
 *
 * @throws InputError for an equal-effects (EE) fit, a fit with a fixed τ², k − p < 1, a Q-profile with a zero sampling
 *   variance, an unknown type or level.
 * @example
 * const fit = metaAnalysis({ yi: [0.1, 0.3, 0.5, 0.9], vi: [0.01, 0.02, 0.015, 0.03] }, { method: 'ML' });
 * tau2Interval(fit, { type: 'Wald' }).tau2Ci.upper // => 0.17428…  (metafor 5.1 confint(fit, type = "Wald"): 0 to 0.174284, its ML stopped at Δτ² < 1e-5)
 */
export function tau2Interval(fit: unknown, options: Tau2IntervalOptions = {}): Tau2IntervalResult {
  return readResult(fit, 'metaAnalysis', 'fit', () => {
    checkOptions<Tau2IntervalOptions>(options, ['type', 'level']);
    const m = fittedModel(fit, 'tau2Interval');
    const type = options.type ?? 'QP';
    assertOneOf(type, TAU2_INTERVAL_TYPES, 'type');
    const level = options.level ?? m.level;
    assertLevel(level);
    if (m.method === 'EE') throw new InputError('the equal-effects (EE) model has no tau² to give an interval for', { field: 'fit.method', value: 'EE' });
    if (m.tau2Fixed) throw new InputError('tau² was fixed (the tau2 option), not estimated: there is no interval to give', { field: 'fit.tau2Fixed', value: true });
    if (m.k - m.p < 1) throw new InputError(`needs k > p (k = ${m.k}, p = ${m.p})`, { field: 'fit.k', value: m.k });
    const { model } = m;
    const unit = model.unit;
    const hat = m.tau2 / unit;
    const limit = Math.max(100 / unit, 10 * hat);
    const warnings: string[] = [];
    let lower: number;
    let upper: number;
    let beyond = false;
    if (type === 'QP') {
      if (m.vi.some((v) => !(v > 0))) throw new InputError('the Q-profile interval needs every sampling variance > 0', { field: 'fit.vi' });
      const qp = qProfileTau2(model, level, hat);
      ({ lower, upper } = qp);
      beyond = qp.atLimit;
    } else if (type === 'PL') {
      const pl = profileLikelihoodTau2(model, level, hat, m.method === 'REML', limit);
      ({ lower, upper } = pl);
      beyond = pl.upperAtLimit;
    } else {
      if (m.tau2Se === null) throw new InputError('the fit has no standard error of tau² (tau2Se)', { field: 'fit.tau2Se' });
      const z = normalQuantile((1 - level) / 2, true);
      lower = Math.max(0, hat - (z * m.tau2Se) / unit);
      upper = hat + (z * m.tau2Se) / unit;
    }
    if (beyond) warnings.push(`The upper bound for tau² lies beyond metafor's search limit max(100, 10·tau²) = ${(limit * unit).toPrecision(6)} and is reported at that limit, as metafor does.`);
    lower *= unit;
    upper *= unit;
    const s2 = m.vi.every((v) => v > 0) ? cochranQ(model).typicalVariance * unit : NaN;
    const toI2 = (t: number) => finiteOrNull((100 * t) / (s2 + t));
    const toH2 = (t: number) => finiteOrNull(t / s2 + 1);
    const ci = (a: number | null, b: number | null): Interval => Object.freeze({ lower: a, upper: b });
    return Object.freeze({
      intervalType: type,
      method: m.method,
      level,
      k: m.k,
      p: m.p,
      tau2: m.tau2,
      tau: Math.sqrt(m.tau2),
      i2: toI2(m.tau2),
      h2: toH2(m.tau2),
      tau2Ci: ci(finiteOrNull(lower), finiteOrNull(upper)),
      tauCi: ci(finiteOrNull(Math.sqrt(lower)), finiteOrNull(Math.sqrt(upper))),
      i2Ci: ci(toI2(lower), toI2(upper)),
      h2Ci: ci(toH2(lower), toH2(upper)),
      warnings: Object.freeze(warnings),
    });
  });
}
