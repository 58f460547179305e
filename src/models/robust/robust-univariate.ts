import { fisherFSf } from '../../distributions/fisher-f.ts';
import { assertLevel, InputError } from '../../errors.ts';
import { cholesky, choleskyInverse } from '../../numeric/cholesky.ts';
import { finiteOrNull } from '../../numeric/finite-or-null.ts';
import type { Interval } from '../../types.ts';
import { waldTest } from '../inference/wald-test.ts';
import { indexLabels } from '../multilevel/label-index.ts';
import { readLabels } from '../multilevel/read-labels.ts';
import { clusterSandwich, type Sandwich, type SandwichType } from './cluster-sandwich.ts';
import { satterthwaiteDf } from './satterthwaite-df.ts';

/** One coefficient with its cluster-robust t test. */
export interface RobustCoefficient {
  readonly name: string;
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  /** n − p (CR0, CR1) or the coefficient's Satterthwaite df (CR2). */
  readonly df: number;
  readonly pValue: number | null;
  readonly ci: Interval;
}

/** Cluster-robust inference for a `metaRegression` fit (metafor's `robust()` on `rma.uni` with moderators). */
export interface RobustRegressionResult {
  readonly adjust: SandwichType;
  readonly nClusters: number;
  readonly level: number;
  /** Studies in the model. */
  readonly k: number;
  /** Number of coefficients, intercept included. */
  readonly p: number;
  readonly coefficients: readonly RobustCoefficient[];
  /** Cluster-robust covariance of the coefficients (p × p). */
  readonly robustCovariance: readonly (readonly number[])[];
  /**
   * Omnibus test of the moderators, F form: Q_M/m with (m, n − p) df for CR0/CR1; clubSandwich's
   * HTZ statistic with (m, ν − m + 1) df for CR2. `null` where NA.
   */
  readonly qm: number | null;
  readonly qmDf: readonly [number, number];
  readonly qmPValue: number | null;
  readonly warnings: readonly string[];
}

/** The univariate fit's parts the sandwich needs (from `metaAnalysis` or `metaRegression`). */
export interface UnivariateFitParts {
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  readonly tau2: number;
  /** Coefficient names, 'intercept' first. */
  readonly names: readonly string[];
  /** Row-major k×p design. */
  readonly x: Float64Array;
  readonly level: number;
  readonly labels: readonly string[];
  /** Working covariance block of the given rows (default diag(vᵢ + τ²)); for nested models. */
  readonly block?: (rows: readonly number[]) => Float64Array;
  /** Whether the first coefficient is an intercept, left out of the omnibus test (default true). */
  readonly intercept?: boolean;
}

/** Sandwich, per-coefficient tests and the moderators' omnibus test of a univariate fit. */
export interface UnivariateRobust {
  readonly coefficients: RobustCoefficient[];
  readonly covariance: number[][];
  readonly nClusters: number;
  readonly qm: number | null;
  readonly qmDf: readonly [number, number];
  readonly qmPValue: number | null;
  readonly level: number;
}

/**
 * Cluster-robust tests of an `rma.uni`-type fit with working weights wᵢ = 1/(vᵢ + τ̂²) (see
 * {@link clusterSandwich}): CR0 and CR1 as metafor's `robust(fit, cluster, adjust = FALSE/TRUE)`
 * (t tests with n − p df, F(m, n − p) omnibus test); CR2 as `robust(fit, cluster, clubSandwich =
 * TRUE)` (Satterthwaite t tests and HTZ omnibus test, clubSandwich's defaults).
 *
 * @throws InputError for a cluster array of the wrong length, a missing or non-text label (naming
 *   the row), n ≤ p clusters for CR0/CR1 (fewer than 2 for CR2), or a level outside (0, 1).
 * @example
 * const parts = { yi: [0, 2, 1, 5], vi: [1, 1, 1, 1], tau2: 0, names: ['intercept'],
 *   x: Float64Array.of(1, 1, 1, 1), level: 0.95, labels: ['a', 'b', 'c', 'd'] };
 * robustUnivariate(parts, ['a', 'a', 'b', 'b'], 'CR0', undefined).coefficients[0].se // => 0.7071067812 (cluster scores −2 and 2: √8/4)
 */
export function robustUnivariate(
  parts: UnivariateFitParts, clusterValues: unknown, type: SandwichType, levelOption: number | undefined,
): UnivariateRobust {
  const level = levelOption ?? parts.level;
  assertLevel(level);
  const k = parts.yi.length;
  const p = parts.names.length;
  const labels = readLabels(clusterValues, 'cluster', k, parts.labels);
  labels.forEach((label, i) => {
    if (label === null) {
      const study = parts.labels[i] === `row ${i + 1}` ? undefined : parts.labels[i];
      throw new InputError('cluster label missing (metafor: no missing values allowed in cluster)', { field: 'cluster', row: i + 1, study });
    }
  });
  const { codes, levels } = indexLabels(labels as string[]);
  const n = levels.length;
  if (type !== 'CR2' && n <= p) {
    throw new InputError(`the number of clusters (${n}) must exceed the number of coefficients (${p}) for ${type}`, { field: 'cluster' });
  }
  if (n < 2) throw new InputError(`needs at least 2 clusters; got ${n}`, { field: 'cluster' });
  const w = Float64Array.from(parts.vi, (v) => v + parts.tau2);
  const fit = clusterSandwich({
    x: parts.x, p, y: Float64Array.from(parts.yi), cluster: codes, nClusters: n,
    block: parts.block ?? ((rows) => diagonal(rows.map((r) => w[r]!))),
  }, type);
  if (fit === null) throw new InputError('the working covariance vᵢ + τ² is not positive definite', { field: 'vi' });
  const dfs = Array.from({ length: p }, (_, a) => (type === 'CR2' ? satterthwaiteDf(fit.terms, fit.bread, unitRow(a, p), 1, p) : n - p));
  const coefficients = parts.names.map((name, a) => {
    const estimate = fit.beta[a]!;
    const se = Math.sqrt(fit.vcov[a * p + a]!);
    const test = waldTest(estimate, se, dfs[a]!, level);
    return Object.freeze({ name, estimate, se, statistic: test.statistic, df: dfs[a]!, pValue: test.pValue, ci: test.ci });
  });
  const covariance = Array.from({ length: p }, (_, a) => Array.from(fit.vcov.subarray(a * p, (a + 1) * p)));
  return { coefficients, covariance, nClusters: n, level, ...omnibus(fit, type, n, p, coefficients, parts.intercept ?? true) };
}

/** The moderators' omnibus test (metafor's QM of a robust fit): every coefficient but the intercept, or all without one. */
function omnibus(fit: Sandwich, type: SandwichType, n: number, p: number, coefficients: readonly RobustCoefficient[], intercept: boolean):
  { qm: number | null; qmDf: readonly [number, number]; qmPValue: number | null } {
  if (p === 1) {
    const c = coefficients[0]!;
    return { qm: finiteOrNull(c.statistic ** 2), qmDf: [1, c.df], qmPValue: c.pValue };
  }
  const first = intercept ? 1 : 0;
  const m = p - first;
  const sub = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) sub[a * m + b] = fit.vcov[(a + first) * p + b + first]!;
  const l = cholesky(sub, m);
  if (l === null) return { qm: null, qmDf: [m, type === 'CR2' ? NaN : n - p], qmPValue: null };
  const inv = choleskyInverse(l, m);
  let q = 0;
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) q += fit.beta[a + first]! * inv[a * m + b]! * fit.beta[b + first]!;
  if (type !== 'CR2') {
    const f = q / m;
    return { qm: f, qmDf: [m, n - p], qmPValue: finiteOrNull(fisherFSf(f, m, n - p)) };
  }
  const contrasts = new Float64Array(m * p);
  for (let a = 0; a < m; a++) contrasts[a * p + a + first] = 1;
  const nu = satterthwaiteDf(fit.terms, fit.bread, contrasts, m, p);
  const df2 = nu - m + 1;
  const f = (Math.max(df2 / nu, 0) * q) / m;
  return { qm: finiteOrNull(Math.max(0, f)), qmDf: [m, Math.max(0, df2)], qmPValue: df2 > 0 ? finiteOrNull(fisherFSf(f, m, df2)) : null };
}

function unitRow(a: number, p: number): Float64Array {
  const row = new Float64Array(p);
  row[a] = 1;
  return row;
}

function diagonal(values: readonly number[]): Float64Array {
  const n = values.length;
  const out = new Float64Array(n * n);
  values.forEach((v, i) => { out[i * n + i] = v; });
  return out;
}
