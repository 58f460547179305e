/**
 * Types of an evidence base: what sources report about studies, their arms, the comparisons
 * a review asks about and the claims the sources make, never more. Unknowns are `null`.
 *
 * `loadEvidence` turns a parsed JSON object into an `EvidenceBase`: validated, with optional
 * fields filled in (`null` or `[]`) and deeply frozen.
 */

/** A verbatim passage of a source: `document` is the id of an entry of `sources`. */
export interface SourceQuote {
  readonly document: string;
  readonly quote: string;
}

/** A verbatim passage that supports one field of a record, e.g. `{ about: 'group', ... }`. */
export interface SupportingQuote extends SourceQuote {
  readonly about: string;
}

/** A document the evidence base quotes. */
export interface EvidenceSource {
  readonly id: string;
  readonly citation: string;
}

/** A RoB 2 judgement (Sterne et al., BMJ 2019;366:l4898): of one domain or overall. */
export type RiskOfBiasJudgement = 'low' | 'some concerns' | 'high';

/** RoB 2 domains of a randomised trial; a domain the review did not judge is `null`. */
export interface RiskOfBiasDomains {
  readonly randomization: RiskOfBiasJudgement | null;
  readonly deviations: RiskOfBiasJudgement | null;
  readonly missingData: RiskOfBiasJudgement | null;
  readonly measurement: RiskOfBiasJudgement | null;
  readonly selection: RiskOfBiasJudgement | null;
}

/** A reviewer's risk-of-bias judgement of one study (optional; absent means "not assessed"). */
export interface RiskOfBias {
  readonly overall: RiskOfBiasJudgement;
  readonly domains: RiskOfBiasDomains;
  /** Where the judgement comes from (a review's table), when it is quoted. */
  readonly source: SourceQuote | null;
}

/** The PICO element in which a study differs from the question it is used to answer. */
export type IndirectnessElement = 'population' | 'intervention' | 'comparator' | 'outcome';

/**
 * A declared difference between what a study tests and the question of a review (GRADE's
 * indirectness). `comparedWith` names the arm, population or outcome of the question (e.g.
 * the whole conditioned medium an exosome trial is compared with); `severity` is the
 * reviewer's judgement, `serious` unless stated.
 */
export interface IndirectnessDeclaration {
  readonly element: IndirectnessElement;
  readonly comparedWith: string | null;
  readonly severity: 'serious' | 'very serious';
  readonly reason: string;
  readonly source: SourceQuote;
}

/** Whether a study has reported results (`published`) or is still running (`ongoing`). */
export type StudyStatus = 'published' | 'ongoing';

/** One study (trial, report or follow-up). */
export interface EvidenceStudy {
  readonly id: string;
  readonly label: string;
  /** Year of the report; `null` when not stated (e.g. an ongoing trial). */
  readonly year: number | null;
  /** Research group, institution or sponsor. Studies sharing a group are not independent. */
  readonly group: string;
  /** Authors when the source names them; `[]` otherwise. */
  readonly authors: readonly string[];
  /** Declared participant cohort: studies sharing a cohort share participants. */
  readonly cohort: string | null;
  readonly design: string;
  readonly status: StudyStatus;
  /** Total participants when reported (the per-arm split may be unknown). */
  readonly n: number | null;
  /**
   * When results are expected, as the source words it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
   * `Q1 2027`, `H2 2026`, `early|mid|late 2027`, `March 2027`, or a window of two of those
   * (`2026–2027`, `2026-2027`, `2026/2027`); see `parseExpectedWindow`. `null` when not stated.
   */
  readonly resultsExpected: string | null;
  readonly registry: string | null;
  readonly source: SourceQuote;
  /** Further passages supporting single fields (e.g. the group named in a later paragraph). */
  readonly notes: readonly SupportingQuote[];
  /** Risk-of-bias judgement (RoB 2 style); `null` when not assessed. */
  readonly riskOfBias: RiskOfBias | null;
  /** Declared differences from the review's question (population, intervention, comparator, outcome). */
  readonly indirectness: readonly IndirectnessDeclaration[];
}

/**
 * One arm of one study at one outcome and timepoint. `arm` names the intervention (or
 * comparator) and is what comparisons refer to. An ongoing study's planned arm has
 * `mean: null` and may have `outcome` / `timepoint` `null` (= matches any comparison of
 * that intervention); a published arm whose mean the source does not give has `mean: null`
 * (its finding then lives in `claims`); a published arm's `timepoint` is `null` when the
 * source does not say when it was measured.
 */
export interface EvidenceArm {
  readonly study: string;
  readonly arm: string;
  readonly outcome: string | null;
  readonly timepoint: string | null;
  readonly n: number | null;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly se: number | null;
  readonly source: SourceQuote;
}

/**
 * A question the review asks: `intervention` versus `comparator` on `outcome` at `timepoint`.
 * A `null` comparator, outcome or timepoint means "not stated by the sources"; it matches any
 * arm on that field (a comparison with no comparator can only be matched by ongoing studies).
 */
export interface Comparison {
  readonly intervention: string;
  readonly comparator: string | null;
  readonly outcome: string | null;
  readonly timepoint: string | null;
}

/** Sign of (intervention − comparator) that a claim states, on the outcome's own scale. */
export type ClaimDirection = 'positive' | 'negative';

/** What a source says about a comparison in words (significance, direction) rather than numbers. */
export interface EvidenceClaim {
  readonly study: string;
  readonly comparison: Comparison;
  readonly text: string;
  /** Whether the source calls the difference statistically significant; `null` when it does not say. */
  readonly significant: boolean | null;
  readonly pValue: number | null;
  /** The sign of (intervention − comparator) the claim states, when it states one. */
  readonly direction: ClaimDirection | null;
  readonly source: SourceQuote | null;
}

/** A validated evidence base (see DESIGN.md, "Evidence bases and replication"). */
export interface EvidenceBase {
  readonly title: string;
  /** ISO date (YYYY-MM-DD) against which pending results are judged. */
  readonly asOf: string;
  readonly sources: readonly EvidenceSource[];
  readonly studies: readonly EvidenceStudy[];
  readonly arms: readonly EvidenceArm[];
  readonly comparisons: readonly Comparison[];
  readonly claims: readonly EvidenceClaim[];
}
