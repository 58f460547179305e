import type { OmittedInputRow } from './omission-summary.ts';
/**
 * Public types of `pooled`. Names follow R's metafor where a metafor user would look for them
 * (measures, tau² methods, argument roles), and the field list of DESIGN.md elsewhere.
 */

/** Effect-size measures, with metafor's codes (see `?escalc`). */
export const MEASURES = Object.freeze([
  'MD', 'SMD', 'SMDH', 'SMD1H', 'ROM',
  'OR', 'RR', 'RD', 'AS', 'PETO',
  'COR', 'ZCOR',
  'PR', 'PLN', 'PLO', 'PAS', 'PFT',
  'MN', 'MNLN',
  'MC', 'SMCC', 'SMCR', 'SMCRH',
  'GEN',
  // 2x2 association, SMD from 2x2, matched pairs, person-time (issue #13, part A)
  'PHI', 'ZPHI', 'YUQ', 'YUY', 'RTET', 'ZTET', 'PBIT', 'OR2D', 'OR2DN', 'OR2DL',
  'MPRD', 'MPRR', 'MPOR', 'MPORC', 'MPPETO', 'MPORM',
  'IRR', 'IRD', 'IRSD', 'IR', 'IRLN', 'IRS', 'IRFT',
  // variability, correlation-family, AUC and reliability measures (metafor 5.1)
  'SMD1', 'VR', 'CVR', 'SDLN', 'CVLN', 'ROMC', 'VRC', 'CVRC',
  'UCOR', 'RPB', 'ZPB', 'RBIS', 'ZBIS', 'D2OR', 'D2ORN', 'D2ORL',
  'PCOR', 'ZPCOR', 'SPCOR', 'ZSPCOR', 'R2', 'ZR2', 'R2F', 'ZR2F',
  'AUC', 'CLES', 'AUCN', 'CLESN', 'AUCCN', 'CLESCN', 'SMCRP', 'SMCRPH',
  'ARAW', 'AHW', 'ABT', 'SMN', 'REH', 'PRZ',
] as const);
export type Measure = (typeof MEASURES)[number];

/** Heterogeneity (tau²) estimators, with metafor's codes (see `?rma.uni`). */
export const TAU2_METHODS = Object.freeze(['EE', 'DL', 'HE', 'HS', 'HSk', 'SJ', 'ML', 'REML', 'EB', 'PM', 'PMM', 'DLIT', 'SJIT'] as const);
export type Tau2Method = (typeof TAU2_METHODS)[number];

/**
 * The estimators `metaAnalysis` and `metaRegression` accept: every {@link Tau2Method}, plus
 * metafor's `GENQ` (the generalised Q-statistic estimator), which needs the user's `weights`.
 */
export type PoolingMethod = Tau2Method | 'GENQ';

/** Test statistic for the pooled estimate: normal (`z`), t with k-1 df (`t`), Knapp–Hartung (`knha`). */
export const TEST_TYPES = Object.freeze(['z', 't', 'knha'] as const);
export type TestType = (typeof TEST_TYPES)[number];

/** Argument roles, with metafor's argument names. */
export const ROLES = Object.freeze([
  'm1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i',
  'ai', 'bi', 'ci', 'di',
  'ri', 'ni', 'xi', 'mi', 'sdi',
  'yi', 'vi', 'sei',
  // person-time (events and person-times) and matched-pair marginal tables (issue #13, part A)
  'x1i', 'x2i', 't1i', 't2i', 'ti', 'pi',
  // regressions: the model's R² (measures SPCOR, ZSPCOR, R2, ZR2, R2F, ZR2F)
  'r2i',
] as const);
export type Role = (typeof ROLES)[number];

/** A two-sided interval. Bounds are `null` where metafor reports NA. */
export interface Interval {
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * Where a standard deviation or sampling variance came from.
 * - `reported`: printed in the source;
 * - `derived`: computed from other reported statistics by a named formula;
 * - `imputed`: borrowed from other studies by a named method;
 * - `assumed`: a value the analyst stated.
 */
export type Provenance =
  | { readonly kind: 'reported' }
  | { readonly kind: 'derived'; readonly formula: string }
  | { readonly kind: 'imputed'; readonly method: string; readonly sources: readonly string[] }
  | { readonly kind: 'assumed'; readonly value: number };

/** Counts of studies by the provenance of their variance. */
export interface ProvenanceCounts {
  readonly reported: number;
  readonly derived: number;
  readonly imputed: number;
  readonly assumed: number;
}

/**
 * Effect sizes, index-aligned with the input rows (metafor's `escalc` result).
 * `yi` and `vi` are NaN where a row is unusable; the reason is in `warnings`.
 */
export interface EffectSizes extends Pick<StudySet, 'labels' | 'yi' | 'vi'>, Warnings {
  readonly measure: Measure;
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  /** Study label of each row (the `study` / `label` column, else `row N`). */
  readonly labels: readonly string[];
  /** Provenance of each row's variance; `reported` unless the input said otherwise. */
  readonly provenance: readonly Provenance[];
  /** How many rows rely on reported, derived, imputed or assumed variances. */
  readonly provenanceCounts: ProvenanceCounts;
  readonly warnings: readonly string[];
}

/** The `{ yi, vi }` input accepted by the models, with optional labels and provenance. */
export interface EffectInput {
  readonly yi: ArrayLike<number>;
  readonly vi: ArrayLike<number>;
  readonly labels?: readonly string[];
  readonly provenance?: readonly Provenance[];
  readonly measure?: Measure;
}

// ---------------------------------------------------------------------------------------------
// One result vocabulary. The same quantity has the same name in every result: these blocks name
// them once, and each result interface extends the blocks (or the parts of them, `Pick<...>`) it
// reports, so the type system checks the vocabulary. Fields are the widest type any result uses
// (`null` where metafor reports NA); a result narrows them (e.g. `estimate: number`). Names are
// metafor's where it has one (`tau2`, `i2`, `h2`, `k`, `level`); a test's statistic, degrees of
// freedom and p-value carry the test's prefix (`q`, `qDf`, `qPValue`; metaRegression's `qe`/`qm`
// follow metafor's QE and QM).

/** Inference on one estimate: point estimate, standard error, test of H0: θ = 0 and CI. */
export interface Inference {
  /** The estimate on the analysis scale (log scale for ratios). */
  readonly estimate: number | null;
  readonly se: number | null;
  /** z or t statistic (metafor's `zval` / `tval`). */
  readonly statistic: number | null;
  /** Degrees of freedom of a t / Knapp–Hartung test; `null` for a z test. */
  readonly df: number | null;
  /** Two-sided p-value, from the survival function. */
  readonly pValue: number | null;
  /** Confidence interval at the result's `level`. */
  readonly ci: Interval;
}

/** Heterogeneity among the studies: τ², I², H² and Cochran's Q test. */
export interface Heterogeneity {
  /** τ², the between-study variance (residual τ² for models with moderators). */
  readonly tau2: number | null;
  /** Standard error of τ̂² (metafor's `se.tau2`); `null` where metafor gives none. */
  readonly tau2Se: number | null;
  readonly tau: number | null;
  /** I² in percent (0-100). */
  readonly i2: number | null;
  readonly h2: number | null;
  /** Cochran's Q (metafor's `QE`), its degrees of freedom and p-value. */
  readonly q: number | null;
  readonly qDf: number | null;
  readonly qPValue: number | null;
}

/** The studies that entered a model, index-aligned (omitted rows removed). */
export interface StudySet {
  /** Number of studies in the model. */
  readonly k: number;
  readonly labels: readonly string[];
  /** Effect sizes and sampling variances on the analysis scale. */
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  /** Weights in percent, summing to 100. */
  readonly weights: readonly number[];
}

/** How a model was fitted: estimation method, test and confidence level. */
export interface Settings {
  /** Estimation method: a τ² estimator (`Tau2Method`), or `'MH'`, `'PETO'`, ... */
  readonly method: string | null;
  /** Test of the estimates (`TestType`, or a model's own set). */
  readonly test: string;
  /** Confidence level, a proportion (default 0.95). */
  readonly level: number;
}

/** Rows skipped and caveats, each a sentence naming the study and the reason. */
export interface Warnings {
  readonly warnings: readonly string[];
}

/** State of an iterative fit. */
export interface Convergence {
  readonly converged: boolean;
  readonly iterations: number;
}

/** Result of `metaAnalysis` (metafor's `rma.uni` for an intercept-only model). */
export interface MetaAnalysisResult extends Inference, Heterogeneity, StudySet, Settings, Warnings, Convergence {
  readonly k: number;
  /** Every input row left out for a missing yi or vi, with the reason (`warnings` names the first few). */
  readonly omitted: readonly OmittedInputRow[];
  readonly measure: Measure | null;
  readonly method: PoolingMethod;
  readonly test: TestType;
  readonly level: number;
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  /** Degrees of freedom of the t / Knapp–Hartung test; `null` for `z`. */
  readonly df: number | null;
  readonly pValue: number;
  readonly ci: Interval;
  readonly tau2: number;
  readonly tau2Se: number | null;
  readonly tau: number;
  readonly i2: number;
  readonly h2: number;
  readonly q: number;
  readonly qDf: number;
  readonly qPValue: number;
  readonly predictionInterval: Interval;
  /** Q-profile confidence intervals (Viechtbauer, 2007); absent for EE. */
  readonly tau2Ci?: Interval;
  readonly i2Ci?: Interval;
  readonly h2Ci?: Interval;
  /** Weights in percent, summing to 100 (built on first read, like `yi`, `vi` and `labels`). */
  readonly weights: readonly number[];
  /** Present when the estimate was pooled with the user's `weights` (`'user'`) or unweighted (`weighted: false`). */
  readonly weighting?: 'user' | 'unweighted';
  /** Present (true) when τ² was fixed by the user (the `tau2` option) rather than estimated. */
  readonly tau2Fixed?: true;
  /**
   * The studies that entered the model (omitted rows removed). These per-study arrays are built
   * on first read and then kept (frozen): enumerable getters that `JSON.stringify`, spreading and
   * `structuredClone` read as plain fields, so a fit of 10⁷ studies costs nothing for them unless
   * asked.
   */
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  readonly labels: readonly string[];
  readonly provenance: ProvenanceCounts;
  /** Whether the τ² search converged (always true for closed-form estimators). */
  readonly converged: boolean;
  /** Iterations of the τ² search (0 for closed-form estimators). */
  readonly iterations: number;
  /** |Δτ²| of the last step of the τ² search (0 for closed-form estimators). */
  readonly lastChange: number;
  readonly warnings: readonly string[];
}
