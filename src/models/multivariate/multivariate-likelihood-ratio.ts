import { chiSquareSf } from '../../distributions/chi-square.ts';
import { InputError } from '../../errors.ts';
import { freezeResult } from '../../freeze-result.ts';
import type { LikelihoodRatioResult } from '../compare/likelihood-ratio-test.ts';
import type { MultivariateResult } from './multivariate.ts';
import { readMultivariateFit } from './read-multivariate-fit.ts';

/**
 * Likelihood-ratio test between two `multivariate` fits to the same estimates, as metafor's
 * `anova(full, reduced)` for `rma.mv` fits: LRT = −2(ℓ_reduced − ℓ_full) against χ² with the
 * difference in parameters (coefficients plus free variance components, so fixing ρ = 0 or
 * choosing CS over UN gives the reduced model). The fit with more parameters is the full one.
 * Both must use ML, or both REML; a warning says when REML fits differ in their coefficients
 * (their restricted likelihoods are then not comparable: refit with ML). The result has the
 * shape of `likelihoodRatioTest`'s and prints with `formatResult`.
 *
 * @throws InputError when the fits use different estimates, mix ML and REML, or have as many parameters.
 * @example
 * const y = { yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0, 0.5, 0.4], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01] };
 * const random = { levels: [['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd']] };
 * const full = multivariate(y, { random, method: 'ML' });
 * const reduced = multivariate(y, { random, method: 'ML', sigma2: 0 });
 * multivariateLikelihoodRatio(full, reduced).df // => 1
 */
export function multivariateLikelihoodRatio(first: MultivariateResult, second: MultivariateResult): LikelihoodRatioResult {
  return readMultivariateFit(first, 'full', () => readMultivariateFit(second, 'reduced', () => compare(first, second)));
}

function compare(first: MultivariateResult, second: MultivariateResult): LikelihoodRatioResult {
  let [full, reduced] = [first, second];
  if (full.fitStatistics.parameters < reduced.fitStatistics.parameters) [full, reduced] = [reduced, full];
  if (full.fitStatistics.parameters === reduced.fitStatistics.parameters) throw new InputError('the models have the same number of parameters, so they are not nested', { field: 'fit' });
  if (full.k !== reduced.k || full.yi.some((y, i) => y !== reduced.yi[i])) {
    throw new InputError('the observed outcomes differ between the full and the reduced model', { field: 'fit' });
  }
  if (full.method !== reduced.method) throw new InputError(`the full model uses ${full.method} and the reduced model ${reduced.method}; fit both with the same method`, { field: 'fit' });
  const warnings: string[] = [];
  const sameX = full.p === reduced.p && full.coefficients.every((c, j) => c.name === reduced.coefficients[j]!.name);
  if (full.method === 'REML' && !sameX) warnings.push('REML comparisons are not meaningful for models with different fixed effects; refit both models with method ML.');
  const lrt = Math.max(0, -2 * (reduced.logLik - full.logLik));
  const df = full.fitStatistics.parameters - reduced.fitStatistics.parameters;
  const side = (f: MultivariateResult) => ({
    logLik: f.logLik, deviance: f.fitStatistics.deviance, aic: f.fitStatistics.aic, bic: f.fitStatistics.bic, aicc: f.fitStatistics.aicc,
    parameters: f.fitStatistics.parameters, method: f.method, tau2: null, qe: f.qe,
  });
  return freezeResult({
    likelihood: full.method, full: side(full), reduced: side(reduced), lrt, df, pValue: chiSquareSf(lrt, df), r2: null, warnings,
  });
}
