import { InputError } from '../../errors.ts';
import { checkOptions } from '../../check-options.ts';
import { seededUniforms } from '../../numeric/seeded-normals.ts';
import type { Tau2Method, TestType } from '../../types.ts';
import { fitIntercept } from '../engine/fit-intercept.ts';
import { metaRegression } from '../regression/meta-regression.ts';
import { DEFAULT_TAU2_CONTROL } from '../tau2/tau2-fit.ts';
import { fittedModel, type FittedModel } from '../tau2-inference/fitted-model.ts';
import { multisetCount, multisetPermutations } from './multiset-permutations.ts';
import { terminalProgress } from './terminal-progress.ts';

/**
 * Most refits of one {@link permutationTest} (ten million): the cap of `iterations` and of the
 * exact test, so that a corrupt count (1e308) fails at once (`E_TOO_LARGE`) instead of running
 * without end.
 */
export const MAX_PERMUTATIONS = 10_000_000;

/** Options of {@link permutationTest} (metafor's `permutest` arguments). */
export interface PermutationTestOptions {
  /** Random permutations for the approximate test (metafor's `iter`); default 1000, at most {@link MAX_PERMUTATIONS}. */
  readonly iterations?: number;
  /** Seed of the random permutations; default a random seed, reported in the result. */
  readonly seed?: number;
  /** Force the exact test (all permutations) even when there are more than `iterations`. */
  readonly exact?: boolean;
  /** Draw a progress bar on standard error when it is a terminal (default true). */
  readonly progress?: boolean;
}

/** One coefficient of a permutation test. */
export interface PermutationCoefficient {
  readonly name: string;
  readonly estimate: number;
  /** The z (or t) statistic of the fit. */
  readonly statistic: number;
  /** Its p-value from the reference distribution of the fit (normal or t). */
  readonly pValue: number | null;
  /** Share of permutations with |statistic| ≥ |observed| (two-sided). */
  readonly permutationPValue: number | null;
}

/** Result of {@link permutationTest} (metafor's `permutest.rma.uni`). */
export interface PermutationTestResult {
  readonly method: Tau2Method;
  readonly test: TestType;
  readonly k: number;
  /** Whether every permutation was enumerated. */
  readonly exact: boolean;
  /** Permutations evaluated (including the observed one). */
  readonly permutations: number;
  /** Permutations whose refit failed (left out of the p-values, as metafor). */
  readonly failed: number;
  /** The seed of the random permutations; `null` for an exact test. */
  readonly seed: number | null;
  readonly coefficients: readonly PermutationCoefficient[];
  /** Omnibus test of the moderators (for the intercept-only model: of the intercept), as in the fit. */
  readonly qm: number;
  readonly qmDf: number;
  /** Share of permutations with Q_M ≥ the observed Q_M. */
  readonly qmPermutationPValue: number | null;
  readonly warnings: readonly string[];
}

const COMPARISON_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * Permutation test of the coefficients of a `metaAnalysis` or `metaRegression` fit (Follmann &
 * Proschan, 1999, Biometrics 55:317; Higgins & Thompson, 2004, Stat Med 23:1663), metafor's
 * `permutest.rma.uni`. The model is refitted (same τ² method, test and level; a fixed τ² stays fixed) to rearranged data
 * and the observed statistics are compared with their permutation distribution:
 *
 * - intercept-only model: the signs of the yᵢ are flipped (2^k arrangements);
 * - meta-regression: the rows of the design are permuted against (yᵢ, vᵢ) (k!/∏nⱼ! distinct
 *   arrangements, nⱼ the sizes of groups of identical rows).
 *
 * p = share of arrangements with |z*| ≥ |z| − √ε (two-sided), and for Q_M with Q_M* ≥ Q_M − √ε.
 * When the number of arrangements is at most `iterations` (or `exact`), all of them are
 * enumerated and the p-values are exact; otherwise `iterations` arrangements are drawn with a
 * seeded generator (xoshiro128**), the first being the observed data, as metafor does. A refit that
 * fails is left out. A progress bar is shown on a terminal.
 *
 * @throws InputError when the fit is not a `metaAnalysis` or `metaRegression` result, for
 *   iterations < 2 or not an integer, a seed that is not an integer; `E_TOO_LARGE` for more
 *   than {@link MAX_PERMUTATIONS} iterations or an exact test of more arrangements.
 * @example
 * const fit = metaAnalysis({ yi: [0.2, 0.5, 0.3, 0.6, 0.4], vi: [0.04, 0.05, 0.03, 0.06, 0.05] });
 * permutationTest(fit, { progress: false }).coefficients[0].permutationPValue // => 0.0625  (2 of the 32 sign flips)
 */
export function permutationTest(fit: unknown, options: PermutationTestOptions = {}): PermutationTestResult {
  checkOptions<PermutationTestOptions>(options, ['iterations', 'seed', 'exact', 'progress']);
  const m = fittedModel(fit, 'permutationTest');
  const f = fit as { readonly weighting?: unknown };
  if (f.weighting !== undefined) {
    throw new InputError('permutationTest refits with inverse-variance weights; it does not support a fit pooled with user weights or weighted: false', { field: 'fit.weighting', value: f.weighting, code: 'E_UNSUPPORTED' });
  }
  if (m.tau2Fixed && m.p > 1) {
    throw new InputError('permutationTest does not yet support a meta-regression with a fixed tau²', { field: 'fit.tau2Fixed', value: true, code: 'E_UNSUPPORTED' });
  }
  const iterations = options.iterations ?? 1000;
  if (!Number.isInteger(iterations) || iterations < 2) throw new InputError('must be an integer ≥ 2', { field: 'iterations', value: iterations });
  if (iterations > MAX_PERMUTATIONS) throw new InputError(`must be at most ${MAX_PERMUTATIONS}`, { field: 'iterations', value: iterations, code: 'E_TOO_LARGE' });
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new InputError('must be an integer', { field: 'seed', value: seed });
  const refit = m.p === 1 ? interceptRefit(m) : regressionRefit(m);
  const observed = refit.observed;
  const rows = m.p === 1 ? null : rowGroups(m);
  const count = rows === null ? 2 ** m.k : multisetCount(rows.counts);
  const exact = options.exact === true || count <= iterations;
  if (exact && !(count <= MAX_PERMUTATIONS)) throw new InputError(`an exact test needs ${count} refits; use the approximate test (exact: false)`, { field: 'exact', value: true, code: 'E_TOO_LARGE' });
  const total = exact ? count : iterations;
  const tick = options.progress === false ? () => {} : terminalProgress(total, exact ? 'exact permutation test' : 'permutation test');
  const stats: Float64Array[] = [];
  const qms: number[] = [];
  let failed = 0;
  const record = (r: Statistics | null) => {
    if (r === null) {
      failed++;
      return;
    }
    stats.push(r.z);
    qms.push(r.qm);
    tick(stats.length + failed);
  };
  if (exact && rows === null) {
    for (let mask = 0; mask < count; mask++) record(refit.signs((i) => ((Math.floor(mask / 2 ** i) & 1) === 1 ? -1 : 1)));
  } else if (exact) {
    multisetPermutations(rows!.labels, (a) => record(refit.rows((i) => rows!.representative[a[i]!]!)));
  } else {
    const u = seededUniforms(seed);
    stats.push(observed.z);
    qms.push(observed.qm);
    let attempts = 0;
    while (stats.length < iterations && attempts < 10 * iterations) {
      attempts++;
      if (rows === null) {
        const s = Int8Array.from({ length: m.k }, () => (u() < 0.5 ? -1 : 1));
        record(refit.signs((i) => s[i]!));
      } else {
        const perm = shuffle(m.k, u);
        record(refit.rows((i) => perm[i]!));
      }
    }
  }
  tick(total);
  const share = (hits: number) => (stats.length === 0 ? null : hits / stats.length);
  const coefficients = refit.names.map((name, j) => {
    const zObs = Math.abs(observed.z[j]!);
    let hits = 0;
    for (const z of stats) if (Math.abs(z[j]!) >= zObs - COMPARISON_TOLERANCE) hits++;
    return Object.freeze({
      name, estimate: refit.estimates[j]!, statistic: observed.z[j]!, pValue: refit.pValues[j]!,
      permutationPValue: share(hits),
    });
  });
  const qmHits = qms.filter((q) => q >= observed.qm - COMPARISON_TOLERANCE).length;
  const warnings = failed > 0 ? [`${failed} refits failed and were left out of the p-values (as metafor).`] : [];
  return Object.freeze({
    method: m.method, test: m.test, k: m.k, exact, permutations: stats.length, failed,
    seed: exact ? null : seed, coefficients: Object.freeze(coefficients),
    qm: observed.qm, qmDf: Math.max(1, m.p - 1), qmPermutationPValue: share(qmHits), warnings: Object.freeze(warnings),
  });
}

interface Statistics {
  readonly z: Float64Array;
  readonly qm: number;
}

interface Refit {
  readonly names: readonly string[];
  readonly estimates: readonly number[];
  readonly pValues: readonly (number | null)[];
  readonly observed: Statistics;
  /** Refit with yᵢ multiplied by sign(i). */
  signs(sign: (i: number) => number): Statistics | null;
  /** Refit with design row i taken from row source(i). */
  rows(source: (i: number) => number): Statistics | null;
}

function interceptRefit(m: FittedModel): Refit {
  const fitAt = (y: Float64Array) => {
    const f = fitIntercept(y, m.vi, m.method, m.test, m.level, DEFAULT_TAU2_CONTROL, m.tau2Fixed ? m.tau2 : undefined);
    return f.ok && Number.isFinite(f.statistic) ? f : null;
  };
  const base = fitAt(m.yi);
  if (base === null) throw new InputError('the fit cannot be reproduced from its studies', { field: 'fit' });
  const stats = (f: { statistic: number }) => ({ z: Float64Array.of(f.statistic), qm: f.statistic ** 2 });
  return {
    names: ['intercept'],
    estimates: [base.estimate],
    pValues: [Number.isFinite(base.pValue) ? base.pValue : null],
    observed: stats(base),
    signs: (sign) => {
      const f = fitAt(Float64Array.from(m.yi, (y, i) => sign(i) * y));
      return f === null ? null : stats(f);
    },
    rows: () => null,
  };
}

function regressionRefit(m: FittedModel): Refit {
  const fitWith = (source: (i: number) => number) => {
    const moderators = Object.fromEntries(m.names.map((n, c) => [n, Float64Array.from({ length: m.k }, (_, i) => m.columns[c]![source(i)]!)]));
    try {
      const f = metaRegression({ yi: m.yi, vi: m.vi }, { moderators, method: m.method, test: m.test, level: m.level });
      if (f.qm === null) return null;
      return f;
    } catch (e) {
      if (e instanceof InputError) return null;
      throw e;
    }
  };
  const base = fitWith((i) => i);
  if (base === null) throw new InputError('the fit cannot be reproduced from its studies', { field: 'fit' });
  const stats = (f: NonNullable<ReturnType<typeof fitWith>>) => ({ z: Float64Array.from(f.coefficients, (b) => b.statistic), qm: f.qm! });
  return {
    names: base.coefficients.map((b) => b.name),
    estimates: base.coefficients.map((b) => b.estimate),
    pValues: base.coefficients.map((b) => b.pValue),
    observed: stats(base),
    signs: () => null,
    rows: (source) => {
      const f = fitWith(source);
      return f === null ? null : stats(f);
    },
  };
}

/** Rows of the design grouped into identical rows: a label per row, a representative row per label. */
function rowGroups(m: FittedModel): { labels: number[]; counts: number[]; representative: number[] } {
  const keys = Array.from({ length: m.k }, (_, i) => m.columns.map((c) => c[i]!));
  const order = keys.map((_, i) => i).sort((a, b) => {
    for (let c = 0; c < m.columns.length; c++) if (keys[a]![c] !== keys[b]![c]) return keys[a]![c]! - keys[b]![c]!;
    return a - b;
  });
  const labels = new Array<number>(m.k);
  const counts: number[] = [];
  const representative: number[] = [];
  let prev = -1;
  for (const i of order) {
    const same = prev >= 0 && keys[i]!.every((x, c) => x === keys[prev]![c]);
    if (!same) {
      counts.push(0);
      representative.push(i);
    }
    labels[i] = counts.length - 1;
    counts[counts.length - 1]!++;
    prev = i;
  }
  return { labels, counts, representative };
}

/** A uniformly random permutation of 0..k−1 (Fisher–Yates; Knuth, TAOCP 2, Algorithm P). */
function shuffle(k: number, u: () => number): Int32Array {
  const a = Int32Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
