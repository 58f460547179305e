import { checkOptions } from '../check-options.ts';
import { normalQuantile } from '../distributions/normal.ts';
import { assertLevel, assertOneOf, InputError } from '../errors.ts';
import { assessReplication, type ReplicationFinding, type ReplicationStatus } from './assess-replication.ts';
import { CERTAINTY_LEVELS, type CertaintyLevel } from './certainty-rules.ts';
import type { CertaintyDomain, CertaintyEffect, FindingData } from './certainty-domain.ts';
import { readAssumptions, effectsOf, type EffectAssumptions } from './comparison-effects.ts';
import { connectedComponents } from './connected-components.ts';
import { frozenCopy } from './deep-freeze.ts';
import { overlapsIn } from './detect-overlaps.ts';
import type { EvidenceBase, EvidenceStudy } from './evidence-base.ts';
import { loadEvidence } from './load-evidence.ts';
import { poolIndependent } from './pool-independent.ts';
import { defaultOptimalInformationSize, rateImprecision } from './rate-imprecision.ts';
import { rateInconsistency } from './rate-inconsistency.ts';
import { rateIndirectness } from './rate-indirectness.ts';
import { ratePublicationBias } from './rate-publication-bias.ts';
import { rateReplication } from './rate-replication.ts';
import { rateRiskOfBias } from './rate-risk-of-bias.ts';

/** Options of `assessCertainty`. */
export interface CertaintyOptions {
  /** Confidence level of the CIs (default 0.95). */
  readonly level?: number;
  /** `MD` (default, outcome units) or `SMD` (Hedges' g). */
  readonly measure?: 'MD' | 'SMD';
  /** Values assumed where the sources are silent (see `comparisonEffects`); every use is stated. */
  readonly assume?: EffectAssumptions;
  /** Optimal information size in participants (default 786: alpha 0.05, power 0.8, 0.2 SD). */
  readonly optimalInformationSize?: number;
  /** Name of the effect in reports (default the measure), e.g. "Fisher's z" for `evidenceFromTable` effects. */
  readonly measureLabel?: string;
}

/** The certainty of one finding, GRADE-style, with every domain and its reasons. */
export interface CertaintyFinding {
  readonly intervention: string;
  readonly comparator: string | null;
  readonly outcome: string | null;
  readonly timepoint: string | null;
  readonly replicationStatus: ReplicationStatus;
  /** Where the rating starts: `high` for randomised evidence, `low` for observational; `null` without results. */
  readonly start: 'high' | 'low' | null;
  /** The certainty of the evidence; `null` when no study has reported results. */
  readonly certainty: CertaintyLevel | null;
  /** Levels rated down in total (before the floor at very low). */
  readonly downgrade: number;
  readonly domains: readonly CertaintyDomain[];
  readonly effect: CertaintyEffect;
  /** Published studies with results (ids). */
  readonly studies: readonly string[];
  /** Independent clusters and independent cohorts among them. */
  readonly clusters: number;
  readonly cohorts: number;
  /** Total participants over independent cohorts, `null` when any is unknown. */
  readonly participants: number | null;
  readonly reasons: readonly string[];
}

/** Result of `assessCertainty`. */
export interface CertaintyAssessment {
  readonly findings: readonly CertaintyFinding[];
  readonly level: number;
  readonly measure: 'MD' | 'SMD';
  readonly optimalInformationSize: number;
  /** Every assumption used in an effect, as sentences. */
  readonly assumptions: readonly string[];
}

/** A design described as randomised (`randomised`, `randomized`, `RCT`). */
const RANDOMISED = /\brandomi[sz]ed\b|\bRCTs?\b/i;

function startOf(studies: readonly EvidenceStudy[], cohorts: readonly (readonly string[])[]): { start: 'high' | 'low'; reason: string } {
  const randomised = (id: string) => RANDOMISED.test(studies.find((s) => s.id === id)!.design);
  const label = (id: string) => studies.find((s) => s.id === id)!.label;
  const other = cohorts.filter((c) => !c.some(randomised));
  if (other.length === 0) {
    return { start: 'high', reason: `Every independent cohort comes from a randomised study (${cohorts.map((c) => c.filter(randomised).map(label).join(', ')).join('; ')}): the rating starts at high.` };
  }
  const what = other.map((c) => c.map((id) => `${label(id)} (${studies.find((s) => s.id === id)!.design})`).join(', ')).join('; ');
  return { start: 'low', reason: `${what}: not described as randomised, so the rating starts at low, as for observational evidence.` };
}

function effectOf(base: EvidenceBase, finding: ReplicationFinding, pooling: FindingData['pooling'], measure: 'MD' | 'SMD', level: number, scale: string): CertaintyEffect {
  const fit = pooling.result;
  if (fit !== null) return { estimate: fit.estimate, ci: { lower: fit.ci.lower, upper: fit.ci.upper }, measure, scale, basis: 'pooled', cohorts: fit.k };
  if (pooling.yi.length === 1) {
    const [y, v] = [pooling.yi[0]!, pooling.vi[0]!];
    const half = normalQuantile((1 + level) / 2) * Math.sqrt(v);
    return { estimate: y, ci: { lower: y - half, upper: y + half }, measure, scale, basis: 'single cohort', cohorts: 1 };
  }
  const md = finding.results.find((r) => r.meanDifference !== null)?.meanDifference ?? null;
  void base;
  return { estimate: measure === 'MD' ? md : null, ci: null, measure, scale, basis: md === null ? 'none' : 'no CI', cohorts: 0 };
}

function findingData(base: EvidenceBase, finding: ReplicationFinding, opts: { measure: 'MD' | 'SMD'; assume: EffectAssumptions; level: number; scale: string }): FindingData {
  const ids = new Set(finding.studies);
  const studies = base.studies.filter((s) => ids.has(s.id));
  const overlaps = overlapsIn(base).filter((o) => o.studies.every((id) => ids.has(id)));
  const pooling = poolIndependent(base, finding, { measure: opts.measure, assume: opts.assume, level: opts.level });
  const effects = effectsOf(base, finding, {}, opts.level);
  const nOf = (s: EvidenceStudy): number | null => {
    const e = effects.find((x) => x.study === s.id);
    const arms = e && e.intervention.n !== null && e.comparator.n !== null ? e.intervention.n + e.comparator.n : null;
    return arms ?? s.n;
  };
  const cohorts = connectedComponents([...finding.studies], overlaps.map((o) => o.studies));
  const perCohort = cohorts.map((c) => {
    const known = c.map((id) => nOf(studies.find((s) => s.id === id)!)).filter((n): n is number => n !== null);
    return known.length === 0 ? null : Math.max(...known);
  });
  const totalN = perCohort.some((n) => n === null) ? null : perCohort.reduce((a, b) => a! + b!, 0);
  return { base, finding, studies, overlaps, pooling, effect: effectOf(base, finding, pooling, opts.measure, opts.level, opts.scale), totalN, cohorts, level: opts.level };
}

function rateFinding(base: EvidenceBase, finding: ReplicationFinding, opts: { measure: 'MD' | 'SMD'; assume: EffectAssumptions; level: number; ois: number; scale: string }): CertaintyFinding {
  const comparison = { intervention: finding.intervention, comparator: finding.comparator, outcome: finding.outcome, timepoint: finding.timepoint };
  if (finding.studies.length === 0) {
    const why = finding.status === 'pending' ? 'No study has reported results yet (only ongoing studies), so there is no evidence to rate.' : 'No study reports a result, so there is no evidence to rate.';
    return {
      ...comparison, replicationStatus: finding.status, start: null, certainty: null, downgrade: 0, domains: [],
      effect: { estimate: null, ci: null, measure: opts.measure, scale: opts.scale, basis: 'none', cohorts: 0 },
      studies: [], clusters: 0, cohorts: 0, participants: null, reasons: [why],
    };
  }
  const d = findingData(base, finding, opts);
  const domains = [rateRiskOfBias(d), rateInconsistency(d), rateIndirectness(d), rateImprecision(d, opts.ois), ratePublicationBias(d), rateReplication(d)];
  const { start, reason } = startOf(d.studies, d.cohorts);
  const downgrade = domains.reduce((s, x) => s + x.downgrade, 0);
  const certainty = CERTAINTY_LEVELS[Math.min(CERTAINTY_LEVELS.length - 1, CERTAINTY_LEVELS.indexOf(start) + downgrade)]!;
  const down = domains.filter((x) => x.downgrade > 0).map((x) => `${x.domain} (−${x.downgrade})`);
  const reasons = [
    reason,
    down.length === 0 ? 'No domain is rated down.' : `Rated down for ${down.join(', ')}: ${downgrade} level${downgrade === 1 ? '' : 's'} in all.`,
    `Certainty: ${certainty}${CERTAINTY_LEVELS.indexOf(start) + downgrade > 3 ? ' (the floor: the downgrades add up to more than the scale holds)' : ''}.`,
  ];
  return {
    ...comparison, replicationStatus: finding.status, start, certainty, downgrade, domains, effect: d.effect,
    studies: finding.studies, clusters: finding.clusters.length, cohorts: d.cohorts.length, participants: d.totalN, reasons,
  };
}

/**
 * Rates the certainty of each finding of an evidence base in the spirit of GRADE (GRADE
 * handbook, Schünemann et al. 2013, chapter 5; Guyatt et al., J Clin Epidemiol 2011, the
 * GRADE guidelines series), computed from the data and stated with reasons.
 *
 * The rating starts at high when every study with results is randomised (its `design`
 * says randomised or RCT), else at low, and is rated down by 0, 1 or 2 levels in each domain
 * (rules and thresholds in `CERTAINTY_RULES`): risk of bias (from the studies' `riskOfBias`;
 * "not assessed" without them), inconsistency (I², prediction interval, conflicting
 * directions), indirectness (declared `indirectness`), imprecision (CI against the null, total
 * n against the optimal information size; "no CI computable" without SDs), publication bias
 * (Egger's test with 10+ independent estimates; "not assessable" with fewer; overdue ongoing
 * studies named) and replication (ours: −1 when every result comes from one independence
 * cluster, −2 when that cluster is one cohort reported more than once). The effect is pooled
 * over independent cohorts (`poolIndependent`), one estimate per cohort. Findings without
 * results get `certainty: null`. Levels: high, moderate, low, very low (the floor).
 *
 * @param evidence the evidence base as parsed from JSON (validated by `loadEvidence`)
 * @param options `{ level = 0.95, measure = 'MD', assume, optimalInformationSize = 786, measureLabel }`
 * @throws {InputError} for an invalid evidence base, an unknown option (suggesting the
 *   nearest), a level outside (0, 1), a measure other than MD or SMD, or a non-positive OIS.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * assessCertainty(seed).findings[0].certainty // => 'very low'
 */
export function assessCertainty(evidence: unknown, options: CertaintyOptions = {}): CertaintyAssessment {
  const base = loadEvidence(evidence);
  const opts = checkOptions<CertaintyOptions>(options, ['level', 'measure', 'assume', 'optimalInformationSize', 'measureLabel']);
  const level = opts.level ?? 0.95;
  assertLevel(level);
  const measure = opts.measure ?? 'MD';
  assertOneOf(measure, ['MD', 'SMD'] as const, 'measure');
  const assume = readAssumptions(opts.assume);
  const ois = opts.optimalInformationSize ?? defaultOptimalInformationSize();
  if (!(typeof ois === 'number' && Number.isFinite(ois) && ois > 0)) {
    throw new InputError('must be a positive number of participants', { field: 'options.optimalInformationSize', value: ois });
  }
  const { findings } = assessReplication(base, { level });
  const scale = opts.measureLabel ?? measure;
  if (typeof scale !== 'string' || scale.trim() === '') throw new InputError('must be a non-empty string', { field: 'options.measureLabel', value: scale });
  const rated = findings.map((f) => rateFinding(base, f, { measure, assume, level, ois, scale }));
  const assumptions = [...new Set(base.comparisons.flatMap((c) => effectsOf(base, c, assume, level).flatMap((e) => e.assumptions)))];
  return frozenCopy({ findings: rated, level, measure, optimalInformationSize: ois, assumptions });
}
