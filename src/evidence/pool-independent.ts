import { assertOneOf } from '../errors.ts';
import { metaAnalysis } from '../models/meta-analysis.ts';
import type { MetaAnalysisOptions } from '../models/resolve-options.ts';
import type { MetaAnalysisResult, Provenance, StudySet } from '../types.ts';
import { checkOptions } from '../check-options.ts';
import { resolveModelOptions } from '../models/resolve-options.ts';
import { effectsOf, readAssumptions, type EffectAssumptions, type StudyEffect } from './comparison-effects.ts';
import { connectedComponents } from './connected-components.ts';
import { frozenCopy } from './deep-freeze.ts';
import { describeComparison } from './describe-comparison.ts';
import { overlapsIn } from './detect-overlaps.ts';
import { readComparison } from './read-comparison.ts';
import type { Comparison } from './evidence-base.ts';
import { loadEvidence } from './load-evidence.ts';

/** Options of `poolIndependent`: the model's options, the measure and stated assumptions. */
export interface PoolIndependentOptions extends MetaAnalysisOptions {
  /** `MD` (default, outcome units) or `SMD` (Hedges' g). */
  readonly measure?: 'MD' | 'SMD';
  /** Values assumed where the sources are silent (see `comparisonEffects`). */
  readonly assume?: EffectAssumptions;
}

/** One cohort of participants: the studies reporting on it and the one estimate used. */
export interface PoolingCohort {
  readonly studies: readonly string[];
  /** The study whose estimate represents the cohort; `null` when none has a usable one. */
  readonly used: string | null;
  readonly reason: string;
}

/** Result of `poolIndependent`. */
export interface IndependentPooling extends Pick<StudySet, 'labels' | 'yi' | 'vi'> {
  readonly comparison: Comparison;
  readonly measure: 'MD' | 'SMD';
  readonly cohorts: readonly PoolingCohort[];
  /** The estimates entering the model, one per cohort, with their labels (study ids). */
  readonly yi: readonly number[];
  readonly vi: readonly number[];
  readonly labels: readonly string[];
  /** The meta-analysis; `null` when fewer than two cohorts have a usable estimate. */
  readonly result: MetaAnalysisResult | null;
  /** Every assumption used, as sentences. */
  readonly assumptions: readonly string[];
  readonly reasons: readonly string[];
}

function estimateOf(e: StudyEffect, measure: 'MD' | 'SMD'): { y: number; v: number } | null {
  const y = measure === 'MD' ? e.meanDifference : e.smd;
  const v = measure === 'MD' ? e.variance : e.smdVariance;
  return y === null || v === null ? null : { y, v };
}

function totalN(e: StudyEffect): number {
  return (e.intervention.n ?? 0) + (e.comparator.n ?? 0);
}

/** Why an effect has no usable estimate, as a clause. */
function missingWhat(e: StudyEffect, measure: 'MD' | 'SMD'): string {
  if (e.meanDifference === null) return 'an arm mean is not reported';
  const sds = [e.intervention, e.comparator].some((a) => a.sd === null && a.se === null);
  const ns = [e.intervention, e.comparator].some((a) => a.n === null);
  if (measure === 'SMD' && (sds || ns)) return `the ${[sds ? 'SDs' : '', ns ? 'arm sizes' : ''].filter(Boolean).join(' and ')} are not reported`;
  return sds ? 'the SDs (or standard errors) are not reported' : 'the arm sizes are not reported';
}

/**
 * Pools a comparison across independent cohorts only: studies that probably report on the same
 * participants (`detectOverlaps`: a declared cohort, or identical arm summaries from one group)
 * form one cohort, and each cohort contributes one estimate, never two reports of the same
 * patients. Within a cohort the estimate used is the usable one with the largest total n, then
 * the latest year, then the first listed. The estimates are pooled with `metaAnalysis` (REML
 * and z by default). With fewer than two usable cohorts nothing is pooled (`result: null`) and
 * `reasons` says why. SDs or sizes the sources do not give can be supplied through `assume`;
 * every assumption is listed.
 *
 * Every argument is validated before any work: the comparison (a finding of
 * `assessReplication` also serves), unknown option keys (an error suggesting the nearest), the
 * measure, the assumptions and the model options, also when nothing ends up pooled. The
 * result is deeply frozen and shares no object with the input (the caller's comparison is
 * copied, never frozen).
 *
 * @throws {InputError} for an invalid evidence base, comparison, option or model option.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * const cmVsPlacebo6m = seed.comparisons[0];
 * poolIndependent(seed, cmVsPlacebo6m, { assume: { sd: 10, splitStudyN: true } }).result
 * // => null (the 2024 follow-up re-reports the 2022 patients: one cohort)
 */
export function poolIndependent(
  evidence: unknown,
  comparison: Comparison,
  options: PoolIndependentOptions = {},
): IndependentPooling {
  const base = loadEvidence(evidence);
  const wanted = readComparison(comparison, { field: 'comparison' }, true);
  const opts = checkOptions<PoolIndependentOptions>(options, ['measure', 'assume', 'method', 'test', 'level']);
  const measure = opts.measure ?? 'MD';
  assertOneOf(measure, ['MD', 'SMD'] as const, 'measure');
  const assume = readAssumptions(opts.assume);
  const { method, test, level } = opts;
  const modelOptions = resolveModelOptions({ ...(method !== undefined && { method }), ...(test !== undefined && { test }), ...(level !== undefined && { level }) });
  const effects = effectsOf(base, wanted, assume, modelOptions.level);
  const byId = new Map(effects.map((e) => [e.study, e]));
  const overlaps = overlapsIn(base).filter((o) => o.studies.every((id) => byId.has(id)));
  const components = connectedComponents(effects.map((e) => e.study), overlaps.map((o) => o.studies));

  const cohorts: PoolingCohort[] = [];
  const chosen: StudyEffect[] = [];
  for (const ids of components) {
    const members = ids.map((id) => byId.get(id)!);
    const usable = members
      .filter((e) => estimateOf(e, measure) !== null)
      .sort((a, b) => totalN(b) - totalN(a) || (b.year ?? -Infinity) - (a.year ?? -Infinity));
    const used = usable[0] ?? null;
    const names = members.map((e) => e.label).join(' and ');
    let reason: string;
    if (used === null) {
      reason = `${names}: no usable ${measure} estimate (${members.map((e) => `${e.label}: ${missingWhat(e, measure)}`).join('; ')}).`;
    } else if (members.length === 1) {
      reason = `${used.label} is a cohort of its own and contributes its estimate.`;
    } else {
      const others = members.filter((e) => e !== used).map((e) => e.label).join(' and ');
      reason = `${names} report on the same participants; only ${used.label} is used (${usable.length > 1 ? 'the largest, then latest, usable report' : 'the only usable report'}), ${others} left out.`;
    }
    if (used !== null) chosen.push(used);
    cohorts.push({ studies: ids, used: used?.study ?? null, reason });
  }

  const estimates = chosen.map((e) => estimateOf(e, measure)!);
  const yi = estimates.map((x) => x.y);
  const vi = estimates.map((x) => x.v);
  const labels = chosen.map((e) => e.study);
  const provenance = chosen.map((e) => e.provenance ?? ({ kind: 'reported' } as Provenance));
  const reasons = cohorts.map((c) => c.reason);
  let result: MetaAnalysisResult | null = null;
  const what = describeComparison(wanted);
  if (chosen.length >= 2) {
    result = metaAnalysis({ yi, vi, labels, provenance, measure }, { method: modelOptions.method, test: modelOptions.test, level: modelOptions.level });
    reasons.push(`${chosen.length} independent cohorts are pooled for ${what}.`);
  } else if (chosen.length === 1) {
    reasons.push(
      `Pooling is not possible for ${what}: only one independent cohort (${chosen[0]!.label}) has a usable estimate, and a pooled estimate needs at least two.`,
    );
  } else {
    reasons.push(`Pooling is not possible for ${what}: no cohort has a usable ${measure} estimate.`);
  }
  const assumptions = [...new Set(effects.flatMap((e) => e.assumptions))];
  return frozenCopy({ comparison: wanted, measure, cohorts, yi, vi, labels, result, assumptions, reasons });
}
