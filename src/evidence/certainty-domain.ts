import type { ReplicationFinding } from './assess-replication.ts';
import type { EvidenceBase, EvidenceStudy } from './evidence-base.ts';
import type { Overlap } from './detect-overlaps.ts';
import type { IndependentPooling } from './pool-independent.ts';
import type { Interval } from '../types.ts';

/** The domains `assessCertainty` rates: GRADE's five and this project's replication domain. */
export type CertaintyDomainName = 'risk of bias' | 'inconsistency' | 'indirectness' | 'imprecision' | 'publication bias' | 'replication';

/**
 * A domain's judgement: GRADE's `not serious` / `serious` / `very serious` (rate down 0, 1, 2),
 * or why it could not be judged: `not assessed` (no risk-of-bias judgements in the data, not
 * rated down), `not assessable` (too few studies, not rated down), `no CI computable` (SDs
 * missing: imprecision, rated down).
 */
export type DomainJudgement = 'not serious' | 'serious' | 'very serious' | 'not assessed' | 'not assessable' | 'no CI computable';

/** One domain of a certainty rating: its judgement, the levels it rates down and why. */
export interface CertaintyDomain {
  readonly domain: CertaintyDomainName;
  readonly judgement: DomainJudgement;
  /** Levels rated down: 0, 1 or 2. */
  readonly downgrade: 0 | 1 | 2;
  readonly reasons: readonly string[];
}

/** The effect a certainty rating is about: pooled over independent cohorts, or one cohort's. */
export interface CertaintyEffect {
  /** Difference intervention − comparator on the measure's scale; `null` when no mean is reported. */
  readonly estimate: number | null;
  readonly ci: Interval | null;
  readonly measure: 'MD' | 'SMD';
  /** How reports name the effect (the measure, or `measureLabel`, e.g. "Fisher's z" for a table's effects). */
  readonly scale: string;
  /** `pooled` (2+ independent cohorts), `single cohort`, `no CI` (a difference without variance) or `none`. */
  readonly basis: 'pooled' | 'single cohort' | 'no CI' | 'none';
  /** Independent cohorts contributing an estimate. */
  readonly cohorts: number;
}

/** Everything the domain rules read about one finding. Internal to the certainty rules. */
export interface FindingData {
  readonly base: EvidenceBase;
  readonly finding: ReplicationFinding;
  /** Published studies with results for the finding. */
  readonly studies: readonly EvidenceStudy[];
  /** Overlaps between those studies. */
  readonly overlaps: readonly Overlap[];
  readonly pooling: IndependentPooling;
  readonly effect: CertaintyEffect;
  /** Total participants over the independent cohorts (largest known report per cohort); `null` when any is unknown. */
  readonly totalN: number | null;
  /** Independent cohorts (connected components of the overlaps among `studies`), study ids. */
  readonly cohorts: readonly (readonly string[])[];
  readonly level: number;
}

/** A domain result; `downgrade` follows the judgement. Internal helper. */
export function domain(name: CertaintyDomainName, judgement: DomainJudgement, downgrade: 0 | 1 | 2, reasons: readonly string[]): CertaintyDomain {
  return { domain: name, judgement, downgrade, reasons };
}

/** `serious` for 1, `very serious` for 2, `not serious` for 0. Internal helper. */
export function severity(downgrade: 0 | 1 | 2): DomainJudgement {
  return (['not serious', 'serious', 'very serious'] as const)[downgrade];
}
