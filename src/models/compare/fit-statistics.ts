import { cholesky, choleskyLogDet } from '../../numeric/cholesky.ts';
import { CompensatedAccumulator } from '../../numeric/compensated-sum.ts';
import { readModelView, refuseLevelsModel, type LinearModelFit, type ModelView } from '../predict/model-view.ts';
import { nestedBlocks } from '../predict/nested-blocks.ts';
import { scaledDesign } from '../regression/design-matrix.ts';
import { noInterceptDesign } from '../regression/no-intercept-design.ts';
import { readResult } from '../../read-result.ts';

/** Log-likelihood, deviance and information criteria under one likelihood (metafor's `fit.stats` column). */
export interface LikelihoodStatistics {
  readonly logLik: number;
  readonly deviance: number;
  readonly aic: number;
  readonly bic: number;
  readonly aicc: number;
}

/** Result of {@link fitStatistics} (metafor's `fitstats`, `logLik`, `deviance`, `AIC`, `BIC`). */
export interface FitStatisticsResult {
  /** The fit's method; the top-level statistics are REML's for a REML fit, ML's otherwise (as metafor). */
  readonly method: string;
  readonly likelihood: 'ML' | 'REML';
  readonly k: number;
  /** Fixed-effect coefficients. */
  readonly p: number;
  /** Estimated parameters counted by AIC, BIC and AICc: p plus the estimated variance components. */
  readonly parameters: number;
  readonly logLik: number;
  readonly deviance: number;
  readonly aic: number;
  readonly bic: number;
  readonly aicc: number;
  /** Both columns, as metafor stores them. */
  readonly ml: LikelihoodStatistics;
  readonly reml: LikelihoodStatistics;
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Fit statistics of a fitted model, as metafor 5.1 defines them (rma.uni / rma.mv `fit.stats`),
 * at the fitted β̂ and variance components, with V the marginal covariance (diag(vᵢ + τ̂²) for a
 * univariate model) and r = y − Xβ̂:
 *
 *   ML:   ℓ = −½k·log 2π − ½log|V| − ½rᵀV⁻¹r
 *   REML: ℓ = −½(k − p)·log 2π + ½log|XᵀX| − ½log|V| − ½log|XᵀV⁻¹X| − ½rᵀV⁻¹r
 *
 * (Harville, 1977; the REML constants as metafor's `REMLf = TRUE`). Deviance: ML −2(ℓ − ℓ_sat)
 * with the saturated ℓ_sat = −½Σlog(2πvᵢ) (0 when k ≤ p for a univariate model; −2ℓ when some
 * vᵢ = 0), REML −2ℓ. With q parameters (p coefficients plus τ², or the σ² that are estimated):
 * AIC = −2ℓ + 2q; BIC = −2ℓ + q·log n; AICc = −2ℓ + 2q·max(n, q + 2)/(max(n, q + 2) − q − 1),
 * where n = k for ML and k − p for REML.
 *
 * @param fit a result of `metaAnalysis`, `metaRegression` or `multilevel`
 * @throws InputError for a value that is not such a fit
 * @example
 * const fit = metaAnalysis({ yi: [0, 1], vi: [1, 1] }, { method: 'EE' });
 * fitStatistics(fit).ml.logLik // => -2.087877066409345 (−log 2π − 1/4: two N(0.5, 1) densities)
 */
export function fitStatistics(fit: LinearModelFit): FitStatisticsResult {
  return readResult(fit, 'metaAnalysis/metaRegression', 'fit', () => {
    const view = readModelView(fit, 'fitStatistics');
    refuseLevelsModel(view, 'fitStatistics');
    const { k, p } = view;
    const core = view.nested === null ? univariateCore(view) : nestedCore(view);
    const llMl = -0.5 * k * LOG_2PI - 0.5 * core.logDetV - 0.5 * core.rss;
    const llReml = -0.5 * (k - p) * LOG_2PI + 0.5 * core.logDetRatio - 0.5 * core.logDetV - 0.5 * core.rss;
    const saturated = view.vi.every((v) => v > 0) ? -0.5 * sumOf(view.vi, (v) => Math.log(2 * Math.PI * v)) : 0;
    const devMl = view.nested === null && k <= p ? 0 : -2 * (llMl - saturated);
    const q = p + core.components;
    const ml = criteria(llMl, devMl, q, k);
    const reml = criteria(llReml, -2 * llReml, q, k - p);
    const own = view.method === 'REML' ? reml : ml;
    return Object.freeze({
      method: view.method, likelihood: view.method === 'REML' ? 'REML' : 'ML', k, p, parameters: q, ...own, ml, reml,
    });
  });
}

function criteria(ll: number, deviance: number, q: number, n: number): LikelihoodStatistics {
  const m = Math.max(n, q + 2);
  return Object.freeze({
    logLik: ll, deviance, aic: -2 * ll + 2 * q, bic: -2 * ll + q * Math.log(n), aicc: -2 * ll + (2 * q * m) / (m - q - 1),
  });
}

interface Core {
  readonly logDetV: number;
  readonly rss: number;
  /** log|XᵀX| − log|XᵀV⁻¹X|. */
  readonly logDetRatio: number;
  /** Estimated variance components. */
  readonly components: number;
}

function univariateCore(view: ModelView): Core {
  const { vi } = view;
  const tau2 = view.heterogeneity;
  const w = Float64Array.from(vi, (v) => 1 / (v + tau2));
  const r = residuals(view);
  return {
    logDetV: sumOf(vi, (v) => Math.log(v + tau2)),
    rss: sumOf(r, (ri, i) => w[i]! * ri * ri),
    logDetRatio: logDetRatio(view, (col) => Float64Array.from(col, (c, i) => c * w[i]!)),
    components: view.method === 'EE' ? 0 : 1,
  };
}

function nestedCore(view: ModelView): Core {
  const { sigma2, outer, inner } = view.nested!;
  const blocks = nestedBlocks(view.vi, sigma2, outer, inner);
  const r = residuals(view);
  const wr = blocks.solve(r);
  const nOuter = new Set(outer).size;
  const nInner = new Set(outer.map((o, i) => `${o}\u0000${inner[i]}`)).size;
  return {
    logDetV: blocks.logDet,
    rss: sumOf(r, (ri, i) => ri * wr[i]!),
    logDetRatio: logDetRatio(view, (col) => blocks.solve(col)),
    components: (nOuter > 1 ? 1 : 0) + (nInner > 1 ? 1 : 0),
  };
}

function residuals(view: ModelView): Float64Array {
  const { p, x, beta } = view;
  return Float64Array.from(view.yi, (y, i) => {
    let f = 0;
    for (let a = 0; a < p; a++) f += x[i * p + a]! * beta[a]!;
    return y - f;
  });
}

/**
 * log|XᵀX| − log|XᵀV⁻¹X| on the centred and scaled design (the difference does not change under
 * a nonsingular transformation of the columns, which keeps both Gram matrices well conditioned).
 */
function logDetRatio(view: ModelView, applyInverseV: (col: Float64Array) => Float64Array): number {
  const { k, p, x } = view;
  const first = view.intercept ? 1 : 0;
  const columns = Array.from({ length: p - first }, (_, c) => Float64Array.from({ length: k }, (_, i) => x[i * p + c + first]!));
  const names = view.names.slice(first);
  const design = view.intercept ? scaledDesign(columns, names, k) : noInterceptDesign(columns, names, k);
  const cols = Array.from({ length: p }, (_, j) => Float64Array.from({ length: k }, (_, i) => design.x[i * p + j]!));
  const weighted = cols.map(applyInverseV);
  const gram = (a: readonly Float64Array[]) => {
    const g = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) g[i * p + j] = sumOf(cols[i]!, (c, t) => c * a[j]![t]!);
    return g;
  };
  const lx = cholesky(gram(cols), p);
  const lw = cholesky(gram(weighted), p);
  if (lx === null || lw === null) return NaN;
  return choleskyLogDet(lx, p) - choleskyLogDet(lw, p);
}

function sumOf(x: ArrayLike<number>, f: (value: number, i: number) => number): number {
  const acc = new CompensatedAccumulator();
  for (let i = 0; i < x.length; i++) acc.add(f(x[i]!, i));
  return acc.value();
}
