import { chiSquareSf } from '../../distributions/chi-square.ts';
import { fisherFSf } from '../../distributions/fisher-f.ts';
import { normalQuantile } from '../../distributions/normal.ts';
import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import { freezeResult } from '../../freeze-result.ts';
import type { Convergence, Interval, Settings, Warnings } from '../../types.ts';
import { waldTest } from '../inference/wald-test.ts';
import { toOriginalScale } from '../regression/design-matrix.ts';
import { fitGlmmModel } from './fit-glmm-model.ts';
import type { GlmmOptions } from './glmm-options.ts';
import { resolveGlmmOptions } from './glmm-options.ts';
import { readGlmmRows } from './read-glmm-rows.ts';
import type { GlmmMeasure } from './read-glmm-rows.ts';
import { selectStudies } from './select-studies.ts';
import { typicalVariance } from './typical-variance.ts';

/** One coefficient of a {@link GlmmResult}. */
export interface GlmmCoefficient {
  readonly name: string;
  readonly estimate: number;
  readonly se: number | null;
  readonly statistic: number | null;
  readonly pValue: number | null;
  readonly ci: Interval;
}

/** Result of {@link glmm} (metafor's `rma.glmm`); `null` where metafor reports NA. */
export interface GlmmResult extends Settings, Warnings, Convergence {
  readonly measure: GlmmMeasure;
  /** `UM.FS`, `UM.RS`, `CM.EL`, `CM.AL`, or `null` for the one-group measures PLO and IRLN. */
  readonly model: 'UM.FS' | 'UM.RS' | 'CM.EL' | 'CM.AL' | null;
  readonly method: 'ML' | 'EE';
  readonly test: 'z' | 't';
  readonly level: number;
  readonly nAGQ: number;
  /** Studies in the fit (after omissions). */
  readonly k: number;
  readonly coefficients: readonly GlmmCoefficient[];
  /** The first coefficient (the pooled effect of an intercept-only model), on the log/logit scale. */
  readonly estimate: number;
  readonly se: number | null;
  readonly statistic: number | null;
  readonly pValue: number | null;
  readonly ci: Interval;
  /** Row-major covariance of the coefficients, as nested arrays. */
  readonly vcov: readonly (readonly number[])[] | null;
  /** Variance of the random effect on the measure (0 for EE). */
  readonly tau2: number;
  readonly tau: number;
  /**
   * CM.EL for OR with method ML only, as metafor: the SE of τ̂² (delta method) and the Wald
   * interval of log τ² back-transformed; null otherwise (metafor's NA); on the boundary τ² = 0 the
   * SE is 0 and the interval null, as metafor reports an estimate below its `tau2tol`.
   */
  readonly tau2Se: number | null;
  readonly tau2Ci: Interval;
  /** UM.RS: variance of the random study intercepts; else null. */
  readonly sigma2: number | null;
  readonly i2: number | null;
  readonly h2: number | null;
  /** Wald-type and likelihood-ratio tests for heterogeneity (metafor's QE.Wld, QE.LRT) with k − p df. */
  readonly qeWald: number | null;
  readonly qeWaldPValue: number | null;
  readonly qeLrt: number | null;
  readonly qeLrtPValue: number | null;
  readonly qeDf: number | null;
  /** Omnibus test of the moderators (of the intercept when there are none); F with (m, k − p) df for test 't'. */
  readonly qm: number | null;
  readonly qmDf: readonly [number, number | null];
  readonly qmPValue: number | null;
  /** df of the t tests (k − p), null for z. */
  readonly df: number | null;
  /** metafor's log-likelihood (see the notes of {@link glmm}) and fit statistics. */
  readonly logLik: number;
  /** The integrated log-likelihood with all normalising constants. */
  readonly marginalLogLik: number;
  readonly deviance: number | null;
  readonly aic: number;
  readonly bic: number;
  readonly aicc: number;
  readonly parameters: number;
  readonly kEff: number;
  readonly pEff: number;
  readonly converged: boolean;
  /** Newton iterations over all starts of the reported fit. */
  readonly iterations: number;
  readonly labels: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Generalized linear mixed-effects models for meta-analysis — metafor's `rma.glmm`
 * (Stijnen, Hamza & Özdemir, 2010; Jackson et al., 2018), fitted by maximum likelihood.
 *
 * - `PLO`: xᵢ ~ Bin(nᵢ, logit⁻¹(xᵢᵀβ + uᵢ)); `IRLN`: xᵢ ~ Poisson(tᵢ·exp(xᵢᵀβ + uᵢ));
 * - `OR`/`IRR` with `model` `UM.FS` (fixed study intercepts, random effect ±uᵢ/2 in the two
 *   groups), `UM.RS` (random study intercepts, variance σ², independent of uᵢ), `CM.EL` (the
 *   conditional likelihood given the events of each study: non-central hypergeometric for OR,
 *   binomial — exact — for IRR), `CM.AL` (OR: the binomial approximation of the conditional);
 * - uᵢ ~ N(0, τ²) (`method: 'ML'`) or uᵢ = 0 (`'EE'`).
 *
 * The random effects are integrated out by adaptive Gauss–Hermite quadrature with `nAGQ`
 * points (default 7, as metafor/lme4; `UM.RS` with τ² uses the Laplace approximation as lme4
 * must; `CM.EL` for OR 21 points, standing in for metafor's `integrate()`), and the
 * log-likelihood is maximised by damped Newton–Raphson with restarts (see `fitDesign`):
 * `converged` and `warnings` say when it did not converge and why. Standard errors from the
 * inverse observed information; z (or t with k − p df) tests and intervals; QM from the Wald
 * statistic of the moderators. Heterogeneity: QE.Wld, the Wald test of the saturated model's
 * study effects, and QE.LRT = 2(ℓ_saturated − ℓ_EE), both on k − p df. I² = 100·τ²/(ṽ + τ²)
 * and H² = τ²/ṽ + 1 with metafor's typical variance ṽ.
 *
 * As metafor: rows with a missing value are omitted; OR and IRR studies without events (OR: or
 * with only events) in both groups are dropped; each with a warning. `logLik` is the value
 * metafor reports: for its lme4 fits with one random effect, ℓ at the conditional modes of the
 * random effects (ll.QE − deviance/2); for UM.RS lme4's logLik (with nAGQ > 1 relative to the
 * saturated binomial/Poisson rows); for CM.EL the integrated likelihood. `marginalLogLik` is
 * always the integrated likelihood. In the saturated model a study with an infinite estimate
 * (zero cell) is left out of the Wald-type test (metafor's glm stops at a large finite value
 * whose contribution is close to 0).
 *
 * @param rows one object per study with the counts (roles: PLO xi, ni; IRLN xi, ti; OR ai, bi
 *   or n1i, ci, di or n2i; IRR x1i, t1i, x2i, t2i; see `options.columns`)
 * @param options `{ measure, model = 'UM.FS', method = 'ML', test = 'z', level = 0.95, nAGQ = 7,
 *   moderators, columns, label = 'study' }`
 * @returns a frozen {@link GlmmResult} (coefficients on the log odds / log rate scale)
 * @throws InputError naming the field and the row for an unknown option, measure or model, a
 *   missing column, a count that is not a non-negative integer, events above the group size, a
 *   person-time that is not positive, a bad moderator, or too few studies.
 * @example
 * const fit = glmm(
 *   [{ xi: 16, ni: 17 }, { xi: 10, ni: 12 }, { xi: 4, ni: 8 }, { xi: 13, ni: 13 }],
 *   { measure: 'PLO', method: 'EE' },
 * );
 * fit.estimate // => 1.81528996663825 (log(43/7): the pooled logit of 43 events in 50)
 */
export function glmm(rows: readonly object[], options: GlmmOptions): GlmmResult {
  const o = resolveGlmmOptions(options);
  const input = readGlmmRows(rows, o.measure, o.columns, o.label);
  const selected = selectStudies(input, o);
  const { data, design } = selected;
  const fits = fitGlmmModel(data, o);
  const { fit } = fits;
  const p = data.p;
  const gamma = fit.theta.subarray(0, p);
  const scaled = fit.vb ?? new Float64Array(p * p).fill(NaN);
  const { beta, vBeta } = toOriginalScale(design, Float64Array.from(gamma), scaled);
  const df = o.test === 't' ? data.k - p : null;
  const coefficients = design.names.map((name, j) => coefficient(name, beta[j]!, vBeta[j * p + j]!, df, o.level));
  const omnibus = moderatorTest(beta, vBeta, p, o.test, data.k);
  const tau2 = fit.tau2 ?? 0;
  const vt = typicalVariance(data, o.measure);
  const first = coefficients[0]!;
  const ll = fits.logLik;
  const kk = Math.max(fits.kEff, fits.parameters + 2);
  return freezeResult({
    measure: o.measure, model: o.model, method: o.method, test: o.test, level: o.level, nAGQ: o.nAGQ,
    k: data.k, coefficients,
    estimate: first.estimate, se: first.se, statistic: first.statistic, pValue: first.pValue, ci: first.ci,
    vcov: fit.vb === null ? null : Array.from({ length: p }, (_, r) => Array.from(vBeta.subarray(r * p, r * p + p))),
    tau2, tau: Math.sqrt(tau2), ...tau2Inference(o.model === 'CM.EL' && o.measure === 'OR' && o.method === 'ML', tau2, fit.tauVariance, o.level), sigma2: fit.sigma2,
    i2: finiteOrNull((100 * tau2) / (vt + tau2)), h2: finiteOrNull(tau2 / vt + 1),
    qeWald: fits.heterogeneity.wald, qeWaldPValue: fits.heterogeneity.waldPValue,
    qeLrt: fits.heterogeneity.lrt, qeLrtPValue: fits.heterogeneity.lrtPValue, qeDf: fits.heterogeneity.df,
    ...omnibus, df,
    logLik: ll, marginalLogLik: fits.marginalLogLik,
    deviance: fits.saturatedLogLik === null ? null : -2 * (ll - fits.saturatedLogLik),
    aic: -2 * ll + 2 * fits.parameters,
    bic: -2 * ll + fits.parameters * Math.log(fits.kEff),
    aicc: -2 * ll + (2 * fits.parameters * kk) / (kk - fits.parameters - 1),
    parameters: fits.parameters, kEff: fits.kEff, pEff: fits.pEff,
    converged: fit.converged && fits.ee.converged, iterations: fit.iterations,
    labels: selected.labels, warnings: [...selected.warnings, ...fits.warnings],
  });
}

/** se(τ̂²) = 2τ̂·se(τ̂) and exp(log τ̂² ± z·2·se(τ̂)/τ̂), metafor's log-τ² parametrisation of CM.EL. */
function tau2Inference(reported: boolean, tau2: number, tauVariance: number | null, level: number): { tau2Se: number | null; tau2Ci: Interval } {
  const none = { lower: null, upper: null };
  if (!reported) return { tau2Se: null, tau2Ci: none };
  // metafor treats τ̂² < 1e-4 as 0 and reports se(τ̂²) = 0 without an interval
  if (!(tau2 > 0)) return { tau2Se: 0, tau2Ci: none };
  if (tauVariance === null || !(tauVariance >= 0)) return { tau2Se: null, tau2Ci: none };
  const tau = Math.sqrt(tau2);
  const seLog = (2 * Math.sqrt(tauVariance)) / tau;
  const z = normalQuantile((1 - level) / 2, true);
  return { tau2Se: 2 * tau * Math.sqrt(tauVariance), tau2Ci: { lower: tau2 * Math.exp(-z * seLog), upper: tau2 * Math.exp(z * seLog) } };
}

function coefficient(name: string, estimate: number, variance: number, df: number | null, level: number): GlmmCoefficient {
  const se = variance >= 0 ? Math.sqrt(variance) : NaN;
  if (!Number.isFinite(se)) return { name, estimate, se: null, statistic: null, pValue: null, ci: { lower: null, upper: null } };
  const w = waldTest(estimate, se, df, level);
  return { name, estimate, se, statistic: finiteOrNull(w.statistic), pValue: w.pValue, ci: w.ci };
}

/** QM: Wald test of the moderators (coefficients 2..p), or of the intercept when p = 1. */
function moderatorTest(beta: Float64Array, vBeta: Float64Array, p: number, test: 'z' | 't', k: number): { qm: number | null; qmDf: [number, number | null]; qmPValue: number | null } {
  const btt = p > 1 ? Array.from({ length: p - 1 }, (_, j) => j + 1) : [0];
  const m = btt.length;
  const sub = new Float64Array(m * m);
  btt.forEach((r, i) => btt.forEach((c, j) => { sub[i * m + j] = vBeta[r * p + c]!; }));
  const l = cholesky(sub, m);
  const ddf = test === 't' ? k - p : null;
  if (l === null) return { qm: null, qmDf: [m, ddf], qmPValue: null };
  const inv = choleskyInverse(l, m);
  let qm = 0;
  btt.forEach((r, i) => btt.forEach((c, j) => { qm += beta[r]! * inv[i * m + j]! * beta[c]!; }));
  if (test === 't') {
    const f = qm / m;
    return { qm: f, qmDf: [m, ddf], qmPValue: ddf! > 0 ? finiteOrNull(fisherFSf(f, m, ddf!)) : null };
  }
  return { qm, qmDf: [m, null], qmPValue: finiteOrNull(chiSquareSf(qm, m)) };
}
