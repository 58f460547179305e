import { chiSquareSf } from '../../distributions/chi-square.ts';
import { InputError } from '../../errors.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import { matrixRank } from '../../numeric/matrix-rank.ts';
import { readModelView, refuseLevelsModel, type LinearModelFit, type ModelView } from '../predict/model-view.ts';
import { fitStatistics, type LikelihoodStatistics } from './fit-statistics.ts';

/** Likelihood-ratio test of two nested fits (metafor's `anova(full, reduced)`). */
export interface LikelihoodRatioResult {
  /** `'ML'` or `'REML'`: the likelihood compared. */
  readonly likelihood: 'ML' | 'REML';
  readonly full: LikelihoodStatistics & { readonly parameters: number; readonly method: string; readonly tau2: number | null; readonly qe: number | null };
  readonly reduced: LikelihoodStatistics & { readonly parameters: number; readonly method: string; readonly tau2: number | null; readonly qe: number | null };
  /** LRT = deviance(reduced) − deviance(full), at least 0. */
  readonly lrt: number;
  /** Difference in the number of parameters. */
  readonly df: number;
  readonly pValue: number;
  /** Proportional reduction of τ² from the reduced to the full model, percent (univariate random-effects fits); null otherwise. */
  readonly r2: number | null;
  readonly warnings: readonly string[];
}

/**
 * Likelihood-ratio test between two fits to the same studies, as metafor's `anova(full,
 * reduced)`: LRT = −2(ℓ_reduced − ℓ_full) with the (restricted) log-likelihoods of
 * `fitStatistics`, against χ² with the difference in parameters (q_full − q_reduced); the fit
 * with more parameters is the full model. Both fits must use ML, or both REML (a reduced EE
 * fit may be compared with an ML or REML full model). As metafor, a warning says when REML
 * fits differ in their fixed effects (REML likelihoods are then not comparable; refit with ML),
 * when the designs do not look nested, or when a method other than ML/REML was used; R² is the
 * proportional reduction in τ².
 *
 * @throws InputError when the fits use different studies, have as many parameters, mix ML and
 *   REML, or the full model is EE and the reduced one is not.
 * @example
 * const y = { yi: [0.1, 0.5, 0.3, 0.9, 0.7], vi: [0.02, 0.03, 0.02, 0.04, 0.03] };
 * const full = metaRegression(y, { moderators: { x: [1, 2, 3, 4, 5] }, method: 'ML' });
 * likelihoodRatioTest(full, metaAnalysis(y, { method: 'ML' })).df // => 1
 */
export function likelihoodRatioTest(first: LinearModelFit, second: LinearModelFit): LikelihoodRatioResult {
  let a = readModelView(first, 'anova');
  let b = readModelView(second, 'anova');
  refuseLevelsModel(a, 'anova (likelihood-ratio test)');
  refuseLevelsModel(b, 'anova (likelihood-ratio test)');
  let sa = fitStatistics(first);
  let sb = fitStatistics(second);
  if (sa.parameters === sb.parameters) throw new InputError('the models have the same number of parameters, so they are not nested', { field: 'fit' });
  let [ff, fr] = [first, second];
  if (sa.parameters < sb.parameters) [a, b, sa, sb, ff, fr] = [b, a, sb, sa, second, first];
  if (a.k !== b.k || a.yi.some((y, i) => y !== b.yi[i]) || a.vi.some((v, i) => v !== b.vi[i])) {
    throw new InputError('the observed outcomes or sampling variances differ between the full and the reduced model', { field: 'fit' });
  }
  if (a.method === 'EE' && b.method !== 'EE') throw new InputError('the full model is an equal-effects model and the reduced one is not', { field: 'fit' });
  if ((a.method === 'ML' && b.method === 'REML') || (a.method === 'REML' && b.method === 'ML')) {
    throw new InputError(`the full model uses ${a.method} and the reduced model ${b.method}; fit both with the same method`, { field: 'fit' });
  }
  const warnings: string[] = [];
  const likelihoodBased = (m: string) => ['EE', 'ML', 'REML'].includes(m);
  if (!likelihoodBased(a.method) || !likelihoodBased(b.method)) warnings.push('LRTs should be based on ML or REML estimation.');
  const sameX = sameDesign(a, b);
  const reml = a.method === 'REML';
  if (reml && !sameX) warnings.push('REML comparisons are not meaningful for models with different fixed effects; refit both models with method ML.');
  if (!sameX && !nested(a, b)) warnings.push('The models being compared do not appear to be nested.');
  const full = reml ? sa.reml : sa.ml;
  const reduced = reml ? sb.reml : sb.ml;
  const lrt = Math.max(0, reduced.deviance - full.deviance);
  const df = sa.parameters - sb.parameters;
  const tau2 = (v: ModelView) => (v.nested === null ? v.heterogeneity : null);
  const qe = (f: LinearModelFit) => {
    const x = f as { q?: unknown; qe?: unknown };
    const q = 'qe' in x ? x.qe : x.q;
    return typeof q === 'number' ? q : null;
  };
  let r2: number | null = null;
  if (a.nested === null && b.nested === null && a.method !== 'EE') {
    r2 = b.heterogeneity === 0 ? 0 : Math.max(0, (100 * (b.heterogeneity - a.heterogeneity)) / b.heterogeneity);
  }
  return Object.freeze({
    likelihood: reml ? 'REML' : 'ML',
    full: Object.freeze({ ...full, parameters: sa.parameters, method: a.method, tau2: tau2(a), qe: qe(ff) }),
    reduced: Object.freeze({ ...reduced, parameters: sb.parameters, method: b.method, tau2: tau2(b), qe: qe(fr) }),
    lrt, df, pValue: chiSquareSf(lrt, df), r2: finiteOrNull(r2 ?? NaN), warnings: Object.freeze(warnings),
  });
}

function sameDesign(a: ModelView, b: ModelView): boolean {
  return a.p === b.p && a.x.every((x, i) => x === b.x[i]);
}

/** rank([X_full, X_reduced]) equals max(rank X_full, rank X_reduced) (metafor's `.is.nested`). */
function nested(a: ModelView, b: ModelView): boolean {
  const cols = (v: ModelView) => Array.from({ length: v.p }, (_, j) => Float64Array.from({ length: v.k }, (_, i) => v.x[i * v.p + j]!));
  return matrixRank([...cols(a), ...cols(b)]) === Math.max(matrixRank(cols(a)), matrixRank(cols(b)));
}
