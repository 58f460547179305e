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
] as const);
export type Measure = (typeof MEASURES)[number];

/** Heterogeneity (tau²) estimators, with metafor's codes (see `?rma.uni`). */
export const TAU2_METHODS = Object.freeze(['EE', 'DL', 'HE', 'HS', 'HSk', 'SJ', 'ML', 'REML', 'EB', 'PM', 'PMM', 'DLIT', 'SJIT'] as const);
export type Tau2Method = (typeof TAU2_METHODS)[number];

/** Test statistic for the pooled estimate: normal (`z`), t with k-1 df (`t`), Knapp–Hartung (`knha`). */
export const TEST_TYPES = Object.freeze(['z', 't', 'knha'] as const);
export type TestType = (typeof TEST_TYPES)[number];

/** Argument roles, with metafor's argument names. */
export const ROLES = Object.freeze([
  'm1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i',
  'ai', 'bi', 'ci', 'di',
  'ri', 'ni', 'xi', 'mi', 'sdi',
  'yi', 'vi', 'sei',
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
export interface EffectSizes {
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

/** Result of `metaAnalysis` (metafor's `rma.uni` for an intercept-only model). */
export interface MetaAnalysisResult {
  readonly k: number;
  readonly measure: Measure | null;
  readonly method: Tau2Method;
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
  /** Weights in percent, summing to 100. */
  readonly weights: readonly number[];
  /** Present when the estimate was pooled with the user's `weights` (`'user'`) or unweighted (`weighted: false`). */
  readonly weighting?: 'user' | 'unweighted';
  /** Present (true) when τ² was fixed by the user (the `tau2` option) rather than estimated. */
  readonly tau2Fixed?: true;
  /** The studies that entered the model (omitted rows removed). */
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
