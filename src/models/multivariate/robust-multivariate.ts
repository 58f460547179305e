import { InputError } from '../../errors.ts';
import { assertOneOf } from '../../errors.ts';
import { checkOptions } from '../../check-options.ts';
import { freezeResult } from '../../freeze-result.ts';
import type { RobustOptions } from '../multilevel/robust.ts';
import { SANDWICH_TYPES } from '../robust/cluster-sandwich.ts';
import { robustUnivariate, type RobustRegressionResult } from '../robust/robust-univariate.ts';
import { readBlockMatrix } from './block-matrix.ts';
import { readMultivariateFit } from './read-multivariate-fit.ts';
import type { MultivariateResult } from './multivariate.ts';

/**
 * Cluster-robust inference for a `multivariate` fit, as metafor's `robust()` on `rma.mv`: the
 * working covariance is the fit's marginal M = V + random effects (its independent blocks); CR0
 * (`adjust = FALSE`), CR1 (the default n/(n − p) factor) with t(n − p) tests and an F omnibus
 * test, and CR2 with Satterthwaite df and the HTZ test (metafor's `clubSandwich = TRUE`). See
 * `clusterSandwich`. `cluster` has one label per input row (`kAll`) or per row in the model (`k`);
 * rows that the model correlates must share a cluster.
 *
 * @throws InputError for bad options, a cluster array of the wrong length or with a missing
 *   label, a block of M split across clusters, or too few clusters; also for a value that is not
 *   a `multivariate` result.
 * @example
 * const fit = multivariate({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0, 0.5, 0.4], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { random: { levels: [['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd']] } });
 * robustMultivariate(fit, { cluster: ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'], adjust: 'CR1' }).coefficients[0].df // => 3
 */
export function robustMultivariate(fit: MultivariateResult, options: RobustOptions): RobustRegressionResult {
  const o = checkOptions<RobustOptions>(options, ['cluster', 'adjust', 'level']) as RobustOptions;
  assertOneOf(o.adjust, SANDWICH_TYPES, 'adjust');
  return readMultivariateFit(fit, 'fit', () => robustFit(fit, o));
}

function robustFit(fit: MultivariateResult, options: RobustOptions): RobustRegressionResult {
  const k = fit.k;
  const p = fit.p;
  const given = options.cluster as unknown;
  const cluster = Array.isArray(given) && given.length === fit.kAll && fit.kAll !== k ? fit.rows.map((r) => given[r - 1] as unknown) : given;
  const blocks = readBlockMatrix(fit.marginal, k, 'fit.marginal', false);
  const where = new Int32Array(k);
  const pos = new Int32Array(k);
  blocks.forEach((b, t) => b.index.forEach((i, a) => { where[i] = t; pos[i] = a; }));
  if (Array.isArray(cluster) && cluster.length === k) {
    for (const b of blocks) {
      const first = String(cluster[b.index[0]!]);
      const split = b.index.find((i) => String(cluster[i]) !== first);
      if (split !== undefined) {
        throw new InputError(`rows ${b.index[0]! + 1} and ${split + 1} are correlated by the model but in different clusters; clusters must contain the studies (outer groups)`, { field: 'cluster', row: split + 1 });
      }
    }
  }
  const x = Float64Array.from(fit.design.flat());
  const block = (rows: readonly number[]) => {
    const n = rows.length;
    const out = new Float64Array(n * n);
    rows.forEach((r, a) => rows.forEach((s, c) => {
      if (where[r] === where[s]) { const b = blocks[where[r]!]!; out[a * n + c] = b.values[pos[r]! * b.n + pos[s]!]!; }
    }));
    return out;
  };
  const intercept = fit.coefficients[0]?.name === 'intercept';
  const r = robustUnivariate({
    yi: fit.yi, vi: fit.yi.map(() => 0), tau2: 0, names: fit.coefficients.map((c) => c.name), x, level: fit.level,
    labels: fit.labels, block, intercept,
  }, cluster, options.adjust, options.level);
  return freezeResult({
    adjust: options.adjust, nClusters: r.nClusters, level: r.level, k, p, coefficients: r.coefficients, robustCovariance: r.covariance,
    qm: r.qm, qmDf: r.qmDf, qmPValue: r.qmPValue, warnings: [],
  });
}
