import { jsonSafeStatistic } from '../inference/json-safe-statistic.ts';
import type { MultivariateResult } from '../multivariate/multivariate.ts';
import { robustMultivariate } from '../multivariate/robust-multivariate.ts';
import { assertLevel, assertOneOf, InputError } from '../../errors.ts';
import type { Inference, Interval, Settings, StudySet, Warnings } from '../../types.ts';
import { indexLabels } from './label-index.ts';
import { rowWeights } from './marginal-weights.ts';
import { multilevel, type MultilevelResult } from './multilevel.ts';
import { nestedGroups, type NestedGroups } from './nested-groups.ts';
import { readLabels } from './read-labels.ts';
import { readMultilevelFit, type MultilevelFitParts } from './read-multilevel-fit.ts';
import { cr1Variance } from './robust-cr1.ts';
import { cr2Sandwich } from './robust-cr2.ts';
import { waldTest } from '../inference/wald-test.ts';
import type { MetaAnalysisResult } from '../../types.ts';
import type { MetaRegressionResult } from '../regression/meta-regression.ts';
import { robustFit } from '../robust/robust-fit.ts';
import type { RobustRegressionResult } from '../robust/robust-univariate.ts';
import type { MultilevelModelResult } from './multilevel-model.ts';
import { checkOptions, optionKeys } from '../../check-options.ts';
import { readResult } from '../../read-result.ts';
import { freezeResult } from '../../freeze-result.ts';
import { omittedInputRow, type OmittedInputRow } from '../../omission-summary.ts';

/** Small-sample adjustments of `robust`. */
export const ROBUST_ADJUSTMENTS = Object.freeze(['CR0', 'CR1', 'CR2'] as const);
export type RobustAdjustment = (typeof ROBUST_ADJUSTMENTS)[number];

/** Options of `robust`. */
export interface RobustOptions {
  /**
   * Cluster of each input row of the fit (`kAll` labels, strings or numbers; omitted rows'
   * labels are ignored). A row of the model whose cluster is missing (`isMissing`) is omitted:
   * the model is refitted without it, and `warnings` says so.
   */
  readonly cluster: readonly (string | number | null | undefined)[];
  /**
   * `'CR0'` (metafor's `robust(fit, cluster, adjust = FALSE)`), `'CR1'` (metafor's `robust()`) or
   * `'CR2'` (clubSandwich, metafor's `clubSandwich = TRUE`).
   */
  readonly adjust: RobustAdjustment;
  /** Confidence level; default the fit's. */
  readonly level?: number;
}

/** The valid keys of {@link RobustOptions}. */
export const ROBUST_OPTION_KEYS = optionKeys<RobustOptions>()('cluster', 'adjust', 'level');

/** Cluster-robust test of the pooled estimate. */
export interface RobustResult extends Inference, Pick<StudySet, 'k'>, Pick<Settings, 'level'>, Warnings {
  readonly adjust: RobustAdjustment;
  /** Number of clusters. */
  readonly nClusters: number;
  readonly level: number;
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  /** n − p for CR0 and CR1 (p = 1 coefficient); Satterthwaite df for CR2. */
  readonly df: number;
  readonly pValue: number | null;
  readonly ci: Interval;
  /** Rows in the model the robust test rests on (fewer than the fit's when clusters were missing). */
  readonly k: number;
  /** Rows of the fit left out for a missing cluster label (field `cluster`, row of the fit's input); empty when none. */
  readonly omitted: readonly OmittedInputRow[];
  /** Rows omitted for a missing cluster label, and the refit that follows. */
  readonly warnings: readonly string[];
}

/**
 * Cluster-robust (sandwich) standard error, t test and confidence interval for the pooled
 * estimate of a `multilevel` fit, keeping the model's inverse-variance working weights
 * (Hedges, Tipton & Johnson, 2010, Res Synth Methods 1:39).
 *
 * A `metaAnalysis` fit gives the same result shape; a `metaRegression` fit gives a
 * `RobustRegressionResult` (every coefficient with its t test, df and CI, and the omnibus test
 * of the moderators). For these, `cluster` has one label per study in the model (`fit.yi`), and
 * CR0, CR1 and CR2 follow metafor's `robust.rma.uni` (see `robustFit`).
 *
 * - `'CR0'`: as CR1 without the factor n/(n − 1) (metafor's `adjust = FALSE`), n − 1 df.
 * - `'CR1'`: metafor's `robust(fit, cluster)`: Var = n/(n − 1)·Σ_c(Σᵢ∈c gᵢrᵢ)²/(Σgᵢ)² with
 *   gᵢ = (V⁻¹1)ᵢ, t test with n − 1 df (n clusters). Clusters may cut across the random effects.
 * - `'CR2'`: metafor's `robust(fit, cluster, clubSandwich = TRUE)`: clubSandwich's bias-reduced
 *   linearization with Satterthwaite df (Tipton, 2015, Psychol Methods 20:375; Pustejovsky &
 *   Tipton, 2018, J Bus Econ Stat 36:672). Each outer cluster must lie inside one cluster.
 *
 * p-values are two-sided from the t survival function; CI = μ̂ ± t_{df,1−α/2}·SE.
 *
 * A `multivariate` fit gives a `RobustRegressionResult` with its marginal covariance as working
 * covariance (metafor's `robust.rma.mv`; see `robustMultivariate`).
 *
 * @param fit  the result of `multilevel()`, `metaAnalysis()`, `metaRegression()` or `multivariate()`
 * @param options  `{ cluster, adjust, level? }`
 * @throws InputError for a fit that is not a multilevel result, a cluster array of the wrong
 *   length or with a label that is not text or a number (naming the row), fewer than two clusters, an unknown
 *   adjustment, or (CR2) an outer cluster split across clusters (naming the row).
 * @example
 * const fit = multilevel({ yi: [0.1, 0.3, 0.9, 1.1, -0.2, 0], vi: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] },
 *   { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '1', '2', '1', '2'] });
 * const cr2 = robust(fit, { cluster: ['a', 'a', 'b', 'b', 'c', 'c'], adjust: 'CR2' });
 * cr2.se // => 0.328295260 (metafor 5.1 robust(..., clubSandwich = TRUE): 0.32829526006)
 * cr2.df // => 2.00000 (metafor: 2)
 */
export function robust(fit: MultilevelResult | MetaAnalysisResult, options: RobustOptions): RobustResult;
export function robust(fit: MetaRegressionResult, options: RobustOptions): RobustRegressionResult;
export function robust(fit: MultilevelModelResult, options: RobustOptions): RobustResult | RobustRegressionResult;
export function robust(fit: MultivariateResult, options: RobustOptions): RobustRegressionResult;
export function robust(
  fit: MultilevelResult | MetaAnalysisResult | MetaRegressionResult | MultilevelModelResult | MultivariateResult, options: RobustOptions,
): RobustResult | RobustRegressionResult {
  if (fit !== null && typeof fit === 'object' && 'model' in fit && fit.model === 'multivariate') return robustMultivariate(fit, options);
  return readResult(fit, 'a model fit', 'fit', () => robustOf(fit as Exclude<typeof fit, MultivariateResult>, options));
}

function robustOf(
  fit: MultilevelResult | MetaAnalysisResult | MetaRegressionResult | MultilevelModelResult, options: RobustOptions,
): RobustResult | RobustRegressionResult {
  if (fit !== null && typeof fit === 'object' && !('outer' in fit)) return robustFit(fit, options);
  const fitted = readMultilevelFit(fit);
  if (options === null || typeof options !== 'object') {
    throw new InputError('pass an options object with cluster and adjust', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
  }
  checkOptions(options, ROBUST_OPTION_KEYS);
  assertOneOf(options.adjust, ROBUST_ADJUSTMENTS, 'adjust');
  const level = options.level ?? fitted.level;
  assertLevel(level);
  const { parts, cluster, warnings, omitted } = withClusters(fit, fitted, clusterLabels(options.cluster, fitted.kAll, fitted.rows));
  const k = parts.yi.length;
  const { codes, levels } = indexLabels(cluster);
  const nClusters = levels.length;
  if (nClusters < 2) {
    throw new InputError(`needs at least 2 clusters (more clusters than coefficients); got ${nClusters}`, { field: 'cluster', code: 'E_TOO_FEW_STUDIES' });
  }
  const groups = nestedGroups(parts.outer, parts.inner);
  const [s2Outer, s2Inner] = parts.sigma2;
  const g = rowWeights(parts.vi, groups, s2Outer, s2Inner);
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < k; i++) {
    sumW += g[i]!;
    sumWy += g[i]! * parts.yi[i]!;
  }
  const estimate = sumWy / sumW;
  const residuals = parts.yi.map((y) => y - estimate);
  let variance: number;
  let df: number;
  if (options.adjust !== 'CR2') {
    variance = cr1Variance(g, residuals, codes, nClusters) * (options.adjust === 'CR0' ? (nClusters - 1) / nClusters : 1);
    df = nClusters - 1;
  } else {
    checkNested(groups, codes, parts.rows);
    ({ variance, df } = cr2Sandwich({
      vi: parts.vi, residuals, groups, sigma2Outer: s2Outer, sigma2Inner: s2Inner, sumW, cluster: codes, nClusters,
    }));
  }
  const se = Math.sqrt(variance);
  const wald = waldTest(estimate, se, df, level);
  const statistic = jsonSafeStatistic(wald.statistic, warnings);
  return freezeResult({
    adjust: options.adjust, nClusters, level, estimate, se, statistic, df, pValue: wald.pValue, ci: wald.ci,
    k, omitted, warnings: Object.freeze(warnings),
  });
}

/** The fit's rows that have a cluster label: the fit itself, or its refit without the others. */
function withClusters(
  fit: MultilevelResult, parts: MultilevelFitParts, cluster: readonly (string | null)[],
): { parts: MultilevelFitParts; cluster: string[]; warnings: string[]; omitted: OmittedInputRow[] } {
  const keep = cluster.flatMap((c, i) => (c === null ? [] : [i]));
  if (keep.length === cluster.length) return { parts, cluster: cluster as string[], warnings: [], omitted: [] };
  const omitted: OmittedInputRow[] = [];
  const warnings = cluster.flatMap((c, i) => {
    if (c !== null) return [];
    const study = fit.labels?.[i];
    const name = study === undefined || study === `row ${parts.rows[i]}` ? '' : ` (${study})`;
    omitted.push(omittedInputRow(parts.rows[i]! - 1, study ?? `row ${parts.rows[i]}`, 'cluster', 'cluster label missing'));
    return [`Row ${parts.rows[i]}${name} omitted: cluster label missing.`];
  });
  const refit = multilevel(
    { yi: keep.map((i) => parts.yi[i]!), vi: keep.map((i) => parts.vi[i]!), labels: keep.map((i) => fit.labels?.[i] ?? `row ${parts.rows[i]}`) },
    { outer: keep.map((i) => parts.outer[i]!), inner: keep.map((i) => parts.inner[i]!), method: fit.method, test: fit.test, level: fit.level },
  );
  warnings.push(`The ${fit.method} model was refitted on the ${keep.length} rows with a cluster label.`);
  return { parts: readMultilevelFit(refit), cluster: keep.map((i) => cluster[i]!), warnings, omitted };
}

/** Cluster labels (one per input row of the fit, as metafor) of the rows in the model; null where missing. */
function clusterLabels(values: unknown, kAll: number, rows: readonly number[]): (string | null)[] {
  const names = Array.from({ length: kAll }, (_, i) => `row ${i + 1}`);
  const labels = readLabels(values, 'cluster', kAll, names);
  return rows.map((r) => labels[r - 1]!);
}

/** CR2 needs every outer cluster (hence every random effect) inside a single cluster. */
function checkNested(groups: NestedGroups, cluster: Int32Array, rows: readonly number[]): void {
  const clusterOfOuter = new Int32Array(groups.nOuter).fill(-1);
  for (let i = 0; i < cluster.length; i++) {
    const j = groups.outerOf[i]!;
    if (clusterOfOuter[j] === -1) clusterOfOuter[j] = cluster[i]!;
    else if (clusterOfOuter[j] !== cluster[i]) {
      throw new InputError(
        'the outer cluster of this row spans several clusters; CR2 needs the random effects nested within clusters (use a coarser cluster, or CR1)',
        { field: 'cluster', row: rows[i] },
      );
    }
  }
}
