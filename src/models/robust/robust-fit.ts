import { assertOneOf, InputError } from '../../errors.ts';
import type { MetaAnalysisResult } from '../../types.ts';
import type { RobustOptions, RobustResult } from '../multilevel/robust.ts';
import type { MetaRegressionResult } from '../regression/meta-regression.ts';
import { SANDWICH_TYPES } from './cluster-sandwich.ts';
import { readUnivariateFit } from './read-univariate-fit.ts';
import { readNestedFit } from './read-nested-fit.ts';
import type { MultilevelModelResult } from '../multilevel/multilevel-model.ts';
import { labelText } from '../../missing.ts';
import { robustUnivariate, type RobustRegressionResult } from './robust-univariate.ts';

/**
 * `robust()` for a `metaAnalysis` fit (a `RobustResult`, as for `multilevel`) or a
 * `metaRegression` fit (a `RobustRegressionResult` with every coefficient and the omnibus test):
 * metafor's `robust.rma.uni` (CR0, CR1) and, for CR2, its `clubSandwich = TRUE` path. `cluster`
 * has one label per study in the model (`fit.yi`).
 *
 * @throws InputError for options that are not an object, an unknown adjustment, and every error
 *   of {@link readUnivariateFit} and {@link robustUnivariate}.
 * @example
 * const fit = metaAnalysis({ yi: [0, 2, 1, 5], vi: [1, 1, 1, 1] }, { method: 'EE' });
 * robustFit(fit, { cluster: ['a', 'a', 'b', 'b'], adjust: 'CR0' }).se // => 0.7071067812 (cluster scores −2 and 2: √8/4)
 */
export function robustFit(
  fit: MetaAnalysisResult | MetaRegressionResult | MultilevelModelResult, options: RobustOptions,
): RobustResult | RobustRegressionResult {
  if (options === null || typeof options !== 'object') {
    throw new InputError('pass an options object with cluster and adjust', { field: 'options', value: options });
  }
  assertOneOf(options.adjust, SANDWICH_TYPES, 'adjust');
  const nested = fit !== null && typeof fit === 'object' && 'nGroups' in fit;
  const parts = nested ? readNestedFit(fit as MultilevelModelResult) : readUnivariateFit(fit as MetaAnalysisResult | MetaRegressionResult);
  if (nested) checkNesting((parts as ReturnType<typeof readNestedFit>).structure.groupOf[0]!, options.cluster, parts.yi.length);
  const r = robustUnivariate(parts, options.cluster, options.adjust, options.level);
  const k = parts.yi.length;
  if (parts.names.length === 1) {
    const c = r.coefficients[0]!;
    return Object.freeze({
      adjust: options.adjust, nClusters: r.nClusters, level: r.level, estimate: c.estimate, se: c.se,
      statistic: c.statistic, df: c.df, pValue: c.pValue, ci: c.ci, k, omitted: Object.freeze([]), warnings: Object.freeze([]),
    });
  }
  return Object.freeze({
    adjust: options.adjust, nClusters: r.nClusters, level: r.level, k, p: parts.names.length,
    coefficients: Object.freeze(r.coefficients),
    robustCovariance: Object.freeze(r.covariance.map((row) => Object.freeze(row))),
    qm: r.qm, qmDf: Object.freeze([r.qmDf[0], r.qmDf[1]] as const), qmPValue: r.qmPValue,
    warnings: Object.freeze([]),
  });
}

/** The sandwich of a nested model needs each outermost group inside one cluster (V block-diagonal by cluster). */
function checkNesting(outer: Int32Array, cluster: unknown, k: number): void {
  if (!Array.isArray(cluster) || cluster.length !== k) return; // robustUnivariate names the problem
  const seen = new Map<number, string | null | undefined>();
  for (let i = 0; i < k; i++) {
    const label = labelText(cluster[i]);
    const before = seen.get(outer[i]!);
    if (before === undefined) seen.set(outer[i]!, label);
    else if (before !== label) {
      throw new InputError(
        'the outermost level of this row spans several clusters; robust() on a multilevel model with moderators or nested levels needs each outermost group inside one cluster',
        { field: 'cluster', row: i + 1 },
      );
    }
  }
}
