import { checkOptions } from '../check-options.ts';
import { maxSdForSignificance } from '../conversions/max-sd-for-significance.ts';
import { assertLevel, InputError } from '../errors.ts';
import { assessCertainty, type CertaintyFinding } from './assess-certainty.ts';
import { assessReplication, type ReplicationFinding, type ReplicationStatus, type StudyResult } from './assess-replication.ts';
import { CERTAINTY_LEVELS, type CertaintyLevel } from './certainty-rules.ts';
import type { CertaintyDomainName } from './certainty-domain.ts';
import { effectsOf, readAssumptions, type EffectAssumptions, type StudyEffect } from './comparison-effects.ts';
import { frozenCopy } from './deep-freeze.ts';
import { describeValid } from './describe-comparison.ts';
import { overlapsIn } from './detect-overlaps.ts';
import type { Comparison, EvidenceBase } from './evidence-base.ts';
import { formatValue } from './format-value.ts';
import { loadEvidence } from './load-evidence.ts';
import { nameKey, sameName } from './name-key.ts';
import { readComparison } from './read-comparison.ts';
import { replicationRequirement, type ReplicationRequirement } from './replication-requirement.ts';
import { resultsTiming, type ResultsTimingStatus } from './results-timing.ts';

export type { ReplicationRequirement } from './replication-requirement.ts';

/** Options of `whatWouldChange`. */
export interface WhatWouldChangeOptions {
  /** Confidence level (default 0.95): significance of a new study at alpha = 1 − level. */
  readonly level?: number;
  /** Power for the sample size a new study needs (default 0.8). */
  readonly power?: number;
  /** SD and arm size assumed where the sources give none (see `comparisonEffects`); every use is stated. */
  readonly assume?: EffectAssumptions;
}

/** The kinds of new evidence that can move a finding. */
export type ChangeKind = 'independent-study' | 'reported-statistics' | 'overlap-confirmation' | 'pending-study' | 'indirect-pending-study' | 'risk-of-bias';

/** One piece of new evidence and what it would move. */
export interface EvidenceChange {
  readonly kind: ChangeKind;
  /** Whether it would move the replication status, the certainty, or both. */
  readonly moves: 'status' | 'certainty' | 'both';
  /** The status it would lead to, when it moves the status. */
  readonly statusIf: ReplicationStatus | null;
  /** The certainty if the domain it addresses were no longer rated down (the others unchanged); `null` when not computed. */
  readonly certaintyIf: CertaintyLevel | null;
  /** Studies it concerns (ids). */
  readonly studies: readonly string[];
  /** For an independent study: the size and effect it needs (when an SD is reported or assumed). */
  readonly requirement: ReplicationRequirement | null;
  /** For a pending study: the expected date as written and its timing against `asOf`. */
  readonly resultsExpected: string | null;
  readonly timing: ResultsTimingStatus | null;
  readonly text: string;
}

/** Result of `whatWouldChange`. */
export interface WhatWouldChange {
  readonly intervention: string;
  readonly comparator: string | null;
  readonly outcome: string | null;
  readonly timepoint: string | null;
  readonly status: ReplicationStatus;
  readonly certainty: CertaintyLevel | null;
  readonly changes: readonly EvidenceChange[];
  /** Every assumption used (SDs, arm sizes), as sentences. */
  readonly assumptions: readonly string[];
}

interface Context {
  readonly base: EvidenceBase;
  readonly finding: ReplicationFinding;
  readonly rating: CertaintyFinding;
  readonly effects: readonly StudyEffect[];
  readonly level: number;
  readonly power: number;
  readonly assume: EffectAssumptions;
  /** Assumptions the computed requirements used, as sentences. */
  readonly used: Set<string>;
}

const NONE = { requirement: null, resultsExpected: null, timing: null } as const;

/** The certainty if one domain were rated down `by` fewer levels. */
function certaintyIf(rating: CertaintyFinding, name: CertaintyDomainName, by?: number): CertaintyLevel | null {
  if (rating.start === null) return null;
  const d = rating.domains.find((x) => x.domain === name);
  const lift = Math.min(d?.downgrade ?? 0, by ?? Infinity);
  const i = Math.min(CERTAINTY_LEVELS.length - 1, CERTAINTY_LEVELS.indexOf(rating.start) + rating.downgrade - lift);
  return CERTAINTY_LEVELS[i]!;
}

function direction(results: readonly StudyResult[]): 'positive' | 'negative' | null {
  const sig = new Set(results.filter((r) => r.significant === true).map((r) => r.direction));
  if (sig.has('positive') && !sig.has('negative')) return 'positive';
  if (sig.has('negative') && !sig.has('positive')) return 'negative';
  return null;
}

/** The SD a new study's size is computed with: the arms' reported (or derived) SDs pooled, else an assumed one. */
function sdFor(c: Context): { sd: number; sdSource: 'reported' | 'assumed' } | null {
  const arms = c.effects.flatMap((e) => [e.intervention, e.comparator]);
  const reported = arms.filter((a) => a.sd !== null && (a.sdSource === 'reported' || a.sdSource === 'derived')).map((a) => a.sd!);
  if (reported.length > 0) return { sd: Math.sqrt(reported.reduce((s, x) => s + x * x, 0) / reported.length), sdSource: 'reported' };
  return c.assume.sd === undefined ? null : { sd: c.assume.sd, sdSource: 'assumed' };
}

function armNFor(c: Context): number | null {
  const ns = c.effects.flatMap((e) => [e.intervention.n, e.comparator.n]).filter((n): n is number => n !== null);
  if (ns.length > 0) return ns.reduce((s, x) => s + x, 0) / ns.length;
  return c.assume.armN ?? null;
}

function independentStudy(c: Context): EvidenceChange[] {
  const { finding: f, rating } = c;
  if (f.status === 'pending' || f.status === 'no-evidence') return [];
  const groups = [...new Set(f.results.map((r) => r.group))].join(', ');
  const dir = direction(f.results);
  const higher = dir === 'positive' ? 'higher' : 'lower';
  const what = `${f.intervention} ${higher} than ${f.comparator}`;
  if (f.status === 'independently-replicated' || f.status === 'conflicting' || dir === null) {
    if (f.status !== 'not-independently-replicated' && f.status !== 'inconclusive') return [];
    const unknown = f.results.filter((r) => r.significant === null).map((r) => r.label);
    const text = unknown.length > 0
      ? `No single new study can make this finding replicated while the significance of ${unknown.join(', ')} is unknown: the reported statistics (below) are needed first, then an independent study (sharing no group, author or cohort with ${groups}) significant in the same direction.`
      : `No single new study can make this finding replicated: no cluster shows a significant difference yet, and a replicated finding needs two independent clusters each significant in the same direction.`;
    return [{ kind: 'independent-study', moves: 'both', statusIf: null, certaintyIf: certaintyIf(rating, 'replication'), studies: [], ...NONE, text }];
  }
  if (f.status === 'inconclusive') {
    return [{ kind: 'independent-study', moves: 'certainty', statusIf: null, certaintyIf: null, studies: [], ...NONE,
      text: `A further independent study would not by itself change the status: every existing independent cluster must also show a significant difference (${what}).` }];
  }
  const sd = sdFor(c);
  const estimate = rating.effect.estimate ?? f.results.find((r) => r.meanDifference !== null)?.meanDifference ?? null;
  const requirement = sd !== null && estimate !== null && estimate !== 0
    ? replicationRequirement({ ...sd, difference: estimate, armN: armNFor(c), level: c.level, power: c.power })
    : null;
  if (requirement?.sdSource === 'assumed') c.used.add(`The new study's size uses an assumed SD of ${formatValue(requirement.sd)} (no SD is reported).`);
  if (requirement !== null && requirement.armN !== null && c.effects.every((e) => e.intervention.nSource !== 'reported')) {
    c.used.add(`The smallest significant difference uses an assumed ${formatValue(requirement.armN)} participants per arm (no arm size is reported).`);
  }
  let text = `An independent study (sharing no group, author or cohort with ${groups}) showing a significant difference in the same direction (${what}) would make the finding independently replicated.`;
  if (requirement !== null) {
    const r = requirement;
    text +=
      ` With an SD of ${formatValue(r.sd)} (${r.sdSource}) and the current difference of ${formatValue(r.targetDifference)}, it needs at least ${r.armNForSignificance} participants per arm for that difference to be significant at ${formatValue(100 * (1 - c.level))}%, and ${r.armNForPower} per arm for ${formatValue(100 * r.power)}% power` +
      (r.minimalDifference === null ? '.' : `; with ${formatValue(r.armN!)} per arm, it must find a difference of at least ${formatValue(r.minimalDifference)}.`);
  } else {
    text += ' Its required size cannot be computed: no SD is reported (pass `assume: { sd }` to state one).';
  }
  return [{ kind: 'independent-study', moves: 'both', statusIf: 'independently-replicated', certaintyIf: certaintyIf(rating, 'replication'), studies: [], requirement, resultsExpected: null, timing: null, text }];
}

function reportedStatistics(c: Context): EvidenceChange[] {
  return c.finding.results.filter((r) => r.significanceFrom !== 'ci').map((r) => {
    const e = c.effects.find((x) => x.study === r.study);
    const missing = e === undefined || e.meanDifference === null ? 'the arm means, SDs (or standard errors) and arm sizes' : 'the SDs (or standard errors) and arm sizes';
    let text = `${r.label}: ${missing} would make its significance computed rather than ${r.significanceFrom === 'claim' ? 'claimed' : 'unknown'}, and give a confidence interval.`;
    const armN = c.assume.armN ?? null;
    if (e !== undefined && e.meanDifference !== null && e.meanDifference !== 0 && armN !== null) {
      const bound = maxSdForSignificance({ meanDifference: e.meanDifference, n1: armN, n2: armN, alpha: 1 - c.level, test: 'z', study: r.label });
      c.used.add(`The largest SD compatible with significance uses an assumed ${formatValue(armN)} participants per arm.`);
      text += ` With ${formatValue(armN)} per arm (assumed), the difference of ${formatValue(e.meanDifference)} is significant only if the SD is at most ${formatValue(bound.sd)}.`;
    }
    const imprecise = c.rating.domains.find((d) => d.domain === 'imprecision')?.judgement === 'no CI computable';
    const settlesStatus = r.significant === null && c.finding.status === 'inconclusive';
    return { kind: 'reported-statistics' as const, moves: settlesStatus ? ('both' as const) : ('certainty' as const), statusIf: null, certaintyIf: imprecise ? certaintyIf(c.rating, 'imprecision', 1) : null, studies: [r.study], ...NONE, text };
  });
}

function overlapConfirmation(c: Context): EvidenceChange[] {
  const ids = new Set(c.finding.studies);
  return overlapsIn(c.base)
    .filter((o) => o.studies.every((id) => ids.has(id)) && !o.basis.includes('declared-cohort'))
    .map((o) => {
      const [a, b] = o.studies.map((id) => c.base.studies.find((s) => s.id === id)!.label);
      const replication = c.rating.domains.find((d) => d.domain === 'replication');
      const lifted = replication?.downgrade === 2 ? certaintyIf(c.rating, 'replication', 1) : null;
      return {
        kind: 'overlap-confirmation' as const, moves: 'certainty' as const, statusIf: null, certaintyIf: lifted, studies: [...o.studies], ...NONE,
        text: `The authors' statement whether ${b} reports the patients of ${a} would settle the overlap (inferred from identical arm summaries, not declared): if the same patients, it is one cohort, as rated now; if different patients, two cohorts of one group${lifted === null ? '' : `, and the replication domain would rate down one level instead of two (certainty ${lifted})`}.`,
      };
    });
}

function pendingStudies(c: Context): EvidenceChange[] {
  return c.finding.pendingStudies.map((p) => ({
    kind: 'pending-study' as const, moves: 'both' as const,
    statusIf: c.finding.status === 'pending' ? null : p.independent && c.finding.status === 'not-independently-replicated' ? ('independently-replicated' as const) : null,
    certaintyIf: null, studies: [p.study], requirement: null, resultsExpected: p.resultsExpected, timing: p.timing,
    text: `${p.reason}${p.timing === 'overdue' ? ' An overdue result is itself a signal: results that stay unpublished are a classic source of publication bias.' : ''}`,
  }));
}

/** Ongoing studies that declare indirectness against this finding's arms: they would count as indirect evidence only. */
function indirectPending(c: Context): EvidenceChange[] {
  const names = [c.finding.intervention, c.finding.comparator, c.finding.outcome].filter((x): x is string => x !== null);
  return c.base.studies
    .filter((s) => s.status === 'ongoing' && !c.finding.pendingStudies.some((p) => p.study === s.id))
    .flatMap((s) => s.indirectness.filter((x) => x.comparedWith !== null && names.some((n) => sameName(n, x.comparedWith!))).map((x) => ({ s, x })))
    .map(({ s, x }) => {
      const timing = resultsTiming(s.resultsExpected, c.base.asOf);
      const when = timing.display === null ? 'no date is given for its results' : `its results are expected ${timing.display} (${timing.status} as of ${c.base.asOf})`;
      return {
        kind: 'indirect-pending-study' as const, moves: 'certainty' as const, statusIf: null, certaintyIf: null, studies: [s.id], requirement: null,
        resultsExpected: s.resultsExpected, timing: timing.status,
        text: `${s.label} (${s.group}): its ${x.element} differs from ${x.comparedWith}. ${x.reason} Its results would be indirect evidence for this finding (rated down for indirectness), not a replication; ${when}.`,
      };
    });
}

function riskOfBias(c: Context): EvidenceChange[] {
  const d = c.rating.domains.find((x) => x.domain === 'risk of bias');
  if (d?.judgement !== 'not assessed') return [];
  return [{ kind: 'risk-of-bias', moves: 'certainty', statusIf: null, certaintyIf: null, studies: [...c.finding.studies], ...NONE,
    text: 'A risk-of-bias judgement of each study (RoB 2: randomisation, deviations, missing data, measurement, selection of the reported result) would let the risk-of-bias domain be rated; now it is not assessed, and a high risk would lower the certainty.' }];
}

function findFinding<T extends Comparison>(findings: readonly T[], wanted: Comparison): T {
  const key = (c: Comparison) => JSON.stringify([c.intervention, c.comparator, c.outcome, c.timepoint].map((v) => v && nameKey(v)));
  const found = findings.find((f) => key(f) === key(wanted));
  if (!found) throw new InputError(`is not one of the evidence base's comparisons (${findings.map(describeValid).join('; ')})`, { field: 'finding', value: describeValid(wanted) });
  return found;
}

/**
 * The smallest pieces of new evidence that would move a finding's replication status or its
 * certainty, computed from the evidence base: an independent study whose result would make it
 * replicated (with, where SDs are reported or assumed, the size per arm it needs for the current
 * difference to be significant, for the stated power, and the smallest difference significant at
 * the current arm size: two-sided z test, see `replicationRequirement`); the reported statistics
 * (SDs, arm sizes) that would make a claimed significance computed; the authors' confirmation
 * that would settle an inferred overlap; the pending studies with their expected dates (an
 * overdue one is flagged as a signal); ongoing studies declared indirect for the finding; and a
 * missing risk-of-bias judgement. `certaintyIf` gives the certainty with the addressed domain
 * no longer rated down, the others unchanged.
 *
 * @param evidence the evidence base as parsed from JSON
 * @param finding one of its comparisons (a finding of `assessReplication` or `assessCertainty` also serves)
 * @param options `{ level = 0.95, power = 0.8, assume }`
 * @throws {InputError} for an invalid evidence base or comparison, a comparison the evidence
 *   base does not hold, an unknown option, or a level or power outside (0, 1).
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * whatWouldChange(seed, seed.comparisons[0]).changes.map((c) => c.kind)
 * // => ['independent-study', 'reported-statistics', 'reported-statistics', 'overlap-confirmation', 'indirect-pending-study', 'risk-of-bias']
 */
export function whatWouldChange(evidence: unknown, finding: Comparison, options: WhatWouldChangeOptions = {}): WhatWouldChange {
  const base = loadEvidence(evidence);
  const wanted = readComparison(finding, { field: 'finding' }, true);
  const opts = checkOptions<WhatWouldChangeOptions>(options, ['level', 'power', 'assume']);
  const level = opts.level ?? 0.95;
  assertLevel(level);
  const power = opts.power ?? 0.8;
  if (!(typeof power === 'number' && power > 0 && power < 1)) throw new InputError('must be a number between 0 and 1 (exclusive)', { field: 'options.power', value: power });
  const assume = readAssumptions(opts.assume);
  const replication = findFinding(assessReplication(base, { level }).findings, wanted);
  const rating = findFinding(assessCertainty(base, { level }).findings, wanted);
  const effects = effectsOf(base, replication, {}, level);
  const c: Context = { base, finding: replication, rating, effects, level, power, assume, used: new Set() };
  const changes = [...independentStudy(c), ...reportedStatistics(c), ...overlapConfirmation(c), ...pendingStudies(c), ...indirectPending(c), ...riskOfBias(c)];
  const assumptions = [...c.used];
  return frozenCopy({
    intervention: replication.intervention, comparator: replication.comparator, outcome: replication.outcome, timepoint: replication.timepoint,
    status: replication.status, certainty: rating.certainty, changes, assumptions,
  });
}
