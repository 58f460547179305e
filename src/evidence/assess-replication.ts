import { checkOptions } from '../check-options.ts';
import { assertLevel } from '../errors.ts';
import type { Interval } from '../types.ts';
import { effectsOf, type StudyEffect } from './comparison-effects.ts';
import { frozenCopy } from './deep-freeze.ts';
import { overlapsIn, type Overlap } from './detect-overlaps.ts';
import type { Comparison, EvidenceArm, EvidenceBase, EvidenceClaim, EvidenceStudy } from './evidence-base.ts';
import { formatPercent, formatValue } from './format-value.ts';
import { clustersOf } from './independence-clusters.ts';
import { loadEvidence } from './load-evidence.ts';
import { claimsAbout, matchArms } from './match-arms.ts';
import { mergedNames, type MergedName } from './merged-names.ts';
import { nameKey } from './name-key.ts';
import { omittedRows, type OmittedRow } from './omitted-rows.ts';
import { resultsTiming, type ResultsTimingStatus } from './results-timing.ts';
import { linksBetween } from './study-links.ts';

/** Replication status of a finding (see DESIGN.md, "Evidence bases and replication"). */
export type ReplicationStatus =
  | 'independently-replicated'
  | 'not-independently-replicated'
  | 'conflicting'
  | 'inconclusive'
  | 'pending'
  | 'no-evidence';

/** Sign of intervention − comparator: `none` for an exact zero, `null` when unknown. */
export type EffectDirection = 'positive' | 'negative' | 'none' | null;

/** What one published study shows for a comparison. */
export interface StudyResult {
  readonly study: string;
  readonly label: string;
  readonly group: string;
  readonly year: number | null;
  readonly timepoint: string | null;
  readonly meanDifference: number | null;
  readonly ci: Interval | null;
  readonly direction: EffectDirection;
  readonly significant: boolean | null;
  /** `ci` when a variance is known, else `claim` when the source states it, else `null`. */
  readonly significanceFrom: 'ci' | 'claim' | null;
  readonly claims: readonly string[];
  /** The result as a sentence. */
  readonly summary: string;
}

/** An ongoing study that may answer a comparison. */
export interface PendingStudy {
  readonly study: string;
  readonly label: string;
  readonly group: string;
  readonly design: string;
  readonly resultsExpected: string | null;
  /** Against the evidence base's `asOf`: upcoming, due, overdue or unknown. */
  readonly timing: ResultsTimingStatus;
  /** Shares no group, author or cohort with any study that has results for the comparison. */
  readonly independent: boolean;
  readonly reason: string;
}

/** The replication judgement of one comparison. */
export interface ReplicationFinding {
  readonly intervention: string;
  readonly comparator: string | null;
  readonly outcome: string | null;
  readonly timepoint: string | null;
  readonly status: ReplicationStatus;
  /** Ids of the published studies with a result (means or a claim), in evidence order. */
  readonly studies: readonly string[];
  /** Connected components of "not independent" among `studies` (ids). */
  readonly clusters: readonly (readonly string[])[];
  readonly pendingStudies: readonly PendingStudy[];
  /** Sentences a reviewer can paste into a report. */
  readonly reasons: readonly string[];
  /** Per-study detail behind `studies`. */
  readonly results: readonly StudyResult[];
}

/** Result of `assessReplication`. */
export interface ReplicationAssessment {
  readonly findings: readonly ReplicationFinding[];
  readonly overlaps: readonly Overlap[];
  /** Names spelt in more than one way that were read as one (case, spacing, Unicode form). */
  readonly mergedNames: readonly MergedName[];
  /** Rows of `arms` and `claims` that no finding uses, each with the reason. */
  readonly omitted: readonly OmittedRow[];
}

/** Options of `assessReplication`. */
export interface ReplicationOptions {
  /** Confidence level for significance from a CI (and alpha = 1 − level for claimed p-values); default 0.95. */
  readonly level?: number;
}

function signOf(x: number): EffectDirection {
  return x > 0 ? 'positive' : x < 0 ? 'negative' : 'none';
}

function claimedSignificance(claims: readonly EvidenceClaim[], alpha: number): boolean | null {
  const stated = claims.find((c) => c.significant !== null);
  if (stated) return stated.significant;
  const withP = claims.find((c) => c.pValue !== null);
  return withP ? withP.pValue! < alpha : null;
}

function studyResult(effect: StudyEffect, claims: readonly EvidenceClaim[], level: number): StudyResult {
  const alpha = 1 - level;
  const { ci, meanDifference: md } = effect;
  let significant: boolean | null = null;
  let significanceFrom: 'ci' | 'claim' | null = null;
  if (ci !== null) {
    significant = ci.lower! > 0 || ci.upper! < 0;
    significanceFrom = 'ci';
  } else {
    significant = claimedSignificance(claims, alpha);
    significanceFrom = significant === null ? null : 'claim';
  }
  const direction: EffectDirection = md !== null ? signOf(md) : (claims.find((c) => c.direction !== null)?.direction ?? null);
  const { intervention: x, comparator: y } = effect;
  const where = `${effect.outcome ?? 'outcome not stated'}, ${effect.timepoint ?? 'timepoint not stated'}`;
  const head = `${effect.label} (${effect.group}${effect.year === null ? '' : `, ${effect.year}`})`;
  const quoted = claims.map((c) => (/[.!?]$/.test(c.text) ? `"${c.text}"` : `"${c.text}".`)).join(' ');
  let summary: string;
  if (md !== null && ci !== null) {
    summary =
      `${head}: ${x.arm} ${x.mean} vs ${y.arm} ${y.mean} (${where}), mean difference ${formatValue(md)} ` +
      `(${formatPercent(level)} CI ${formatValue(ci.lower!)} to ${formatValue(ci.upper!)}), ` +
      `${significant ? '' : 'not '}statistically significant at the ${formatPercent(alpha)} level.`;
  } else if (md !== null) {
    summary =
      `${head}: ${x.arm} ${x.mean} vs ${y.arm} ${y.mean} (${where}), mean difference ${formatValue(md)}; ` +
      'no SDs or standard errors are reported, so no confidence interval can be computed' +
      (significant === null
        ? ' and, as the source does not state significance, significance is unknown.'
        : `; significance rests on the source's claim (${significant ? 'significant' : 'not significant'}): ${quoted}`);
  } else {
    const missing = [x, y].filter((a) => a.mean === null).map((a) => `the ${a.arm} arm`).join(' and ');
    summary =
      `${head}: the mean of ${missing} is not reported (${where}); the source says ${quoted}` +
      (significant === null ? ' without stating statistical significance.' : ` (${significant ? 'significant' : 'not significant'} as claimed).`);
  }
  return {
    study: effect.study,
    label: effect.label,
    group: effect.group,
    year: effect.year,
    timepoint: effect.timepoint,
    meanDifference: md,
    ci,
    direction,
    significant,
    significanceFrom,
    claims: claims.map((c) => c.text),
    summary,
  };
}

function pendingStudy(study: EvidenceStudy, asOf: string, published: readonly EvidenceStudy[]): PendingStudy {
  const timing = resultsTiming(study.resultsExpected, asOf);
  const sentences: string[] = [];
  if (timing.status === 'unknown') sentences.push(`${study.label} (${study.group}) is ongoing; the sources give no date for its results.`);
  else if (timing.status === 'upcoming') sentences.push(`Results of ${study.label} (${study.group}) are expected in ${timing.display}, after ${asOf}.`);
  else if (timing.status === 'due') {
    sentences.push(`Results of ${study.label} (${study.group}) were expected in ${timing.display} and are not yet reported as of ${asOf}; the expected window runs to ${timing.window!.to}.`);
  } else {
    sentences.push(`Results of ${study.label} (${study.group}) were expected by ${timing.display} and are not yet reported as of ${asOf}: they are overdue.`);
  }
  const linked = published.filter((p) => linksBetween(study, p).length > 0);
  const independent = linked.length === 0;
  if (published.length > 0) {
    sentences.push(
      independent
        ? 'It shares no group, author or cohort with the published studies, so it could replicate the finding independently.'
        : `It is linked to ${linked.map((p) => p.label).join(' and ')} (${linksBetween(study, linked[0]!).join(' ')}), so its results would not count as independent replication.`,
    );
  }
  return {
    study: study.id,
    label: study.label,
    group: study.group,
    design: study.design,
    resultsExpected: study.resultsExpected,
    timing: timing.status,
    independent,
    reason: sentences.join(' '),
  };
}

type ClusterVerdict = 'positive' | 'negative' | 'conflicting' | 'unknown' | 'not-significant';

function clusterVerdict(results: readonly StudyResult[]): ClusterVerdict {
  const dirs = new Set(results.filter((r) => r.significant === true).map((r) => r.direction));
  if (dirs.has('positive') && dirs.has('negative')) return 'conflicting';
  if (dirs.has('positive')) return 'positive';
  if (dirs.has('negative')) return 'negative';
  return results.some((r) => r.significant !== false) ? 'unknown' : 'not-significant';
}

const VERDICT_TEXT: Record<ClusterVerdict, string> = {
  positive: 'a significant positive difference',
  negative: 'a significant negative difference',
  conflicting: 'significant differences in both directions',
  unknown: 'a difference of unknown significance',
  'not-significant': 'no significant difference',
};

function statusOf(verdicts: readonly ClusterVerdict[], results: readonly StudyResult[]): ReplicationStatus {
  if (verdicts.length === 1) return 'not-independently-replicated';
  const sig = new Set(results.filter((r) => r.significant === true).map((r) => r.direction));
  if (sig.has('positive') && sig.has('negative')) return 'conflicting';
  const first = verdicts[0];
  if ((first === 'positive' || first === 'negative') && verdicts.every((v) => v === first)) return 'independently-replicated';
  return 'inconclusive';
}

function clusterReasons(
  clusters: readonly (readonly string[])[],
  verdicts: readonly ClusterVerdict[],
  labelOf: (id: string) => string,
  links: readonly { studies: readonly [string, string]; reasons: readonly string[] }[],
): string[] {
  const reasons: string[] = [];
  const names = (ids: readonly string[]) => ids.map(labelOf).join(', ');
  const total = clusters.reduce((s, c) => s + c.length, 0);
  if (total === 1) reasons.push(`Only one study (${labelOf(clusters[0]![0]!)}) reports a result for this comparison.`);
  else if (clusters.length === 1) {
    reasons.push(`${total === 2 ? 'Both' : `All ${total}`} studies with results (${names(clusters[0]!)}) form one cluster of related work.`);
  }
  else {
    const listed = clusters.map((c, i) => `${i + 1}) ${names(c)}, showing ${VERDICT_TEXT[verdicts[i]!]}`).join('; ');
    reasons.push(`The ${total} studies with results form ${clusters.length} independent clusters: ${listed}.`);
  }
  for (const link of links) reasons.push(...link.reasons);
  return reasons;
}

function statusReason(status: ReplicationStatus, finding: { verdicts: readonly ClusterVerdict[]; groups: readonly string[]; comparison: Comparison; results: readonly StudyResult[]; pending: number }): string {
  const { comparison: c, verdicts } = finding;
  switch (status) {
    case 'not-independently-replicated': {
      const only = finding.groups.join(' / ');
      const verdict = VERDICT_TEXT[verdicts[0]!];
      return `Not independently replicated: every result comes from one cluster (${only}), which shows ${verdict}; no independent group has reported this comparison.`;
    }
    case 'independently-replicated': {
      const higher = verdicts[0] === 'positive' ? 'higher' : 'lower';
      return `Independently replicated: each of the ${verdicts.length} independent clusters shows a significant difference in the same direction (${c.intervention} ${higher} than ${c.comparator}).`;
    }
    case 'conflicting': {
      const by = (d: 'positive' | 'negative') => finding.results.filter((r) => r.significant === true && r.direction === d).map((r) => r.label).join(', ');
      return `Conflicting: significant differences in opposite directions (positive in ${by('positive')}; negative in ${by('negative')}).`;
    }
    case 'inconclusive':
      return `Inconclusive: there are ${verdicts.length} independent clusters, but they do not all show a significant difference in the same direction.`;
    case 'pending':
      return `Pending: no study has reported results yet; ${finding.pending === 1 ? 'one ongoing study is' : `${finding.pending} ongoing studies are`} expected to.`;
    case 'no-evidence':
      return 'No evidence: no study reports a result for this comparison.';
  }
}

/** Rows of the evidence base that a finding used. */
interface Used {
  readonly arms: Set<EvidenceArm>;
  readonly claims: Set<EvidenceClaim>;
}

/** Sentences of the merged spellings that concern a finding: its studies' names or its comparison's. */
function mergeReasons(merged: readonly MergedName[], comparison: Comparison, studies: readonly string[]): string[] {
  const names = new Set(Object.values(comparison).flatMap((v: string | null) => (v === null ? [] : [nameKey(v)])));
  return merged
    .filter((m) =>
      ['group', 'author', 'cohort'].includes(m.field)
        ? m.studies.some((id) => studies.includes(id))
        : names.has(nameKey(m.spellings[0]!)) && (m.studies.length === 0 || m.studies.some((id) => studies.includes(id))),
    )
    .map((m) => m.reason);
}

function assessComparison(base: EvidenceBase, comparison: Comparison, overlaps: readonly Overlap[], level: number, used: Used, merged: readonly MergedName[]): ReplicationFinding {
  const effects = effectsOf(base, comparison, {}, level);
  const match = matchArms(base, comparison);
  for (const c of match.contrasts) used.arms.add(c.intervention).add(c.comparator);
  for (const p of match.planned) used.arms.add(p.arm);
  const claimsOf = (e: StudyEffect) => {
    const found = claimsAbout(base.claims, e.study, { intervention: comparison.intervention, comparator: comparison.comparator, outcome: e.outcome, timepoint: e.timepoint });
    for (const c of found) used.claims.add(c);
    return found;
  };
  const withResults = effects.filter((e) => e.meanDifference !== null || claimsOf(e).length > 0);
  const silent = effects.filter((e) => !withResults.includes(e));
  const results = withResults.map((e) => studyResult(e, claimsOf(e), level));
  const studyOf = new Map(base.studies.map((s) => [s.id, s]));
  const published = results.map((r) => studyOf.get(r.study)!);
  const pendingStudies = match.planned.map((p) => pendingStudy(p.study, base.asOf, published));
  const { clusters, links } = clustersOf(published);
  const verdicts = clusters.map((ids) => clusterVerdict(results.filter((r) => ids.includes(r.study))));
  const status: ReplicationStatus =
    results.length > 0 ? statusOf(verdicts, results) : pendingStudies.length > 0 ? 'pending' : 'no-evidence';

  const reasons: string[] = results.map((r) => r.summary);
  for (const e of silent) {
    reasons.push(`${e.label} has the arms of this comparison but reports neither their means nor a claim about the difference, so it does not count as a result.`);
  }
  if (results.length > 0) {
    reasons.push(...clusterReasons(clusters, verdicts, (id) => studyOf.get(id)!.label, links));
    for (const o of overlaps) {
      if (o.studies.every((id) => results.some((r) => r.study === id))) {
        reasons.push(...o.reasons, 'Their results are counted as one cohort, never as two reports of different patients.');
      }
    }
  }
  reasons.push(...mergeReasons(merged, comparison, [...published.map((s) => s.id), ...pendingStudies.map((p) => p.study)]));
  const groups = [...new Map(published.map((s) => [nameKey(s.group), s.group])).values()];
  reasons.push(statusReason(status, { verdicts, groups, comparison, results, pending: pendingStudies.length }));
  reasons.push(...pendingStudies.map((p) => p.reason));
  return {
    ...comparison,
    status,
    studies: results.map((r) => r.study),
    clusters,
    pendingStudies,
    reasons,
    results,
  };
}

/**
 * Judges whether each comparison of an evidence base has been independently replicated.
 *
 * For each comparison: the published studies with a result (arm means, or a claim when a mean
 * is not reported) are grouped into independence clusters (connected components of "shares a
 * group, an author or a cohort"). Each study's significance comes from its Wald CI where a
 * variance is known, else from the source's claim (`significant`, else `pValue` < 1 − level),
 * else it is unknown; its direction from the sign of the mean difference, else from the claim.
 * Status: `not-independently-replicated` with one cluster (one study is the extreme case);
 * `conflicting` with significant effects in opposite directions; `independently-replicated`
 * when 2+ clusters each show a significant effect in the same direction; `inconclusive`
 * otherwise; `pending` with only ongoing studies; `no-evidence` with nothing. Ongoing studies
 * are listed in `pendingStudies` with their expected results judged against `asOf`.
 * `overlaps` lists pairs of studies that probably share participants (`detectOverlaps`).
 * Names of groups, authors, cohorts, arms, outcomes and timepoints compare by `nameKey` (case,
 * spacing and Unicode form ignored); `mergedNames` lists the spellings read as one, and each
 * finding whose studies they concern says so in its reasons. Nothing is lost silently:
 * `omitted` lists every row of `arms` and `claims` that no finding uses, with the reason.
 * The result is deeply frozen, shares no object with the input and survives JSON.
 *
 * @param evidence the evidence base as parsed from JSON (validated by `loadEvidence`)
 * @param options `{ level = 0.95 }`; an unknown key is an error suggesting the nearest
 * @throws {InputError} for an invalid evidence base (naming study, arm or field), an unknown
 *   option or a level outside (0, 1).
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * assessReplication(seed).findings[0].status // => 'not-independently-replicated'
 */
export function assessReplication(evidence: unknown, options: ReplicationOptions = {}): ReplicationAssessment {
  const base = loadEvidence(evidence);
  const level = checkOptions<ReplicationOptions>(options, ['level']).level ?? 0.95;
  assertLevel(level);
  const overlaps = overlapsIn(base);
  const merged = mergedNames(base);
  const used: Used = { arms: new Set(), claims: new Set() };
  const findings = base.comparisons.map((c) => assessComparison(base, c, overlaps, level, used, merged));
  return frozenCopy({ findings, overlaps, mergedNames: merged, omitted: omittedRows(base, used.arms, used.claims) });
}
