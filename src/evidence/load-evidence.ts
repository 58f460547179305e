import { InputError } from '../errors.ts';
import { deepFreeze } from './deep-freeze.ts';
import { describeComparison } from './describe-comparison.ts';
import type {
  ClaimDirection,
  Comparison,
  EvidenceArm,
  EvidenceBase,
  EvidenceClaim,
  EvidenceSource,
  EvidenceStudy,
  SourceQuote,
  SupportingQuote,
} from './evidence-base.ts';
import { matchComparison } from './match-comparison.ts';
import { isIsoDate, parseExpectedWindow } from './results-timing.ts';

type Where = { field: string; row?: number; study?: string };

/** Evidence bases this module built (frozen), so that loading one again is free. */
const loaded = new WeakSet<object>();
type Dict = Record<string, unknown>;

/** Throws an InputError at `where`, showing the offending value when one is passed. */
function fail(problem: string, where: Where, ...value: [] | [unknown]): never {
  throw new InputError(problem, value.length > 0 ? { ...where, value: value[0] } : where);
}

function isDict(value: unknown): value is Dict {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function record(value: unknown, where: Where): Dict {
  if (!isDict(value)) fail('must be an object', where, value);
  return value;
}

function list(value: unknown, where: Where, optional = false): unknown[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) fail('must be an array', where, value);
  return value;
}

function text(value: unknown, where: Where): string {
  if (typeof value !== 'string' || value.trim() === '') fail('must be a non-empty string', where, value);
  return value;
}

function textOrNull(value: unknown, where: Where): string | null {
  return value === undefined || value === null ? null : text(value, where);
}

function numberOrNull(value: unknown, where: Where, rule: 'finite' | 'positive' | 'count' | 'probability'): number | null {
  if (value === undefined || value === null) return null;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule === 'finite' ||
      (rule === 'positive' && value > 0) ||
      (rule === 'count' && Number.isInteger(value) && value > 0) ||
      (rule === 'probability' && value >= 0 && value <= 1));
  if (!ok) {
    const what = { finite: 'a finite number', positive: 'a positive number', count: 'a positive integer', probability: 'a number between 0 and 1' }[rule];
    fail(`must be ${what} or null`, where, value);
  }
  return value;
}

function sourceQuote(value: unknown, where: Where, sourceIds: ReadonlySet<string>): SourceQuote {
  const obj = record(value, where);
  const document = text(obj.document, { ...where, field: `${where.field}.document` });
  if (!sourceIds.has(document)) {
    fail(`names no entry of sources (known: ${[...sourceIds].join(', ') || 'none'})`, { ...where, field: `${where.field}.document` }, document);
  }
  const quote = text(obj.quote, { ...where, field: `${where.field}.quote` });
  return { document, quote };
}

function loadSources(raw: unknown): EvidenceSource[] {
  const seen = new Set<string>();
  return list(raw, { field: 'sources' }).map((item, i) => {
    const where = { field: 'sources', row: i + 1 };
    const obj = record(item, where);
    const id = text(obj.id, { ...where, field: 'sources.id' });
    if (seen.has(id)) fail('duplicate source id', { ...where, field: 'sources.id' }, id);
    seen.add(id);
    return { id, citation: text(obj.citation, { ...where, field: 'sources.citation' }) };
  });
}

function loadStudy(item: unknown, row: number, sourceIds: ReadonlySet<string>): EvidenceStudy {
  const obj = record(item, { field: 'studies', row });
  const id = text(obj.id, { field: 'studies.id', row });
  const at = (field: string): Where => ({ field: `studies.${field}`, row, study: id });
  if (obj.group === undefined || obj.group === null) fail('every study needs a group (research group, institution or sponsor)', at('group'));
  const group = text(obj.group, at('group'));
  const status = obj.status;
  if (status !== 'published' && status !== 'ongoing') fail('must be "published" or "ongoing"', at('status'), status);
  const year = numberOrNull(obj.year, at('year'), 'count');
  const authors = list(obj.authors, at('authors'), true).map((a) => text(a, at('authors')));
  const resultsExpected = textOrNull(obj.resultsExpected, at('resultsExpected'));
  if (resultsExpected !== null && parseExpectedWindow(resultsExpected) === null) {
    fail('must be YYYY, YYYY-MM, YYYY-MM-DD or a window start/end of those', at('resultsExpected'), resultsExpected);
  }
  const notes: SupportingQuote[] = list(obj.notes, at('notes'), true).map((note) => {
    const about = text(record(note, at('notes')).about, at('notes.about'));
    return { about, ...sourceQuote(note, at('notes'), sourceIds) };
  });
  return {
    id,
    label: text(obj.label, at('label')),
    year,
    group,
    authors,
    cohort: textOrNull(obj.cohort, at('cohort')),
    design: text(obj.design, at('design')),
    status,
    n: numberOrNull(obj.n, at('n'), 'count'),
    resultsExpected,
    registry: textOrNull(obj.registry, at('registry')),
    source: sourceQuote(obj.source, at('source'), sourceIds),
    notes,
  };
}

function loadStudies(raw: unknown, sourceIds: ReadonlySet<string>): EvidenceStudy[] {
  const seen = new Set<string>();
  return list(raw, { field: 'studies' }).map((item, i) => {
    const study = loadStudy(item, i + 1, sourceIds);
    if (seen.has(study.id)) fail('duplicate study id', { field: 'studies.id', row: i + 1, study: study.id }, study.id);
    seen.add(study.id);
    return study;
  });
}

function loadArm(item: unknown, row: number, studies: ReadonlyMap<string, EvidenceStudy>, sourceIds: ReadonlySet<string>): EvidenceArm {
  const obj = record(item, { field: 'arms', row });
  const studyId = text(obj.study, { field: 'arms.study', row });
  const study = studies.get(studyId);
  if (!study) fail(`unknown study id; known studies: ${[...studies.keys()].join(', ') || 'none'}`, { field: 'arms.study', row, study: studyId }, studyId);
  const at = (field: string): Where => ({ field: `arms.${field}`, row, study: studyId });
  const arm = text(obj.arm, at('arm'));
  const armAt = (field: string): Where => ({ field: `arms.${field} (arm "${arm}")`, row, study: studyId });
  const ongoing = study.status === 'ongoing';
  if (!ongoing && (obj.outcome === undefined || obj.outcome === null)) {
    fail('a published study\'s arm needs an outcome (only ongoing studies\' planned arms may leave it null)', armAt('outcome'));
  }
  const mean = numberOrNull(obj.mean, armAt('mean'), 'finite');
  if (ongoing && mean !== null) fail('an ongoing study has no results yet: its planned arms have mean null (mark the study published when it reports)', armAt('mean'), mean);
  return {
    study: studyId,
    arm,
    outcome: textOrNull(obj.outcome, armAt('outcome')),
    timepoint: textOrNull(obj.timepoint, armAt('timepoint')),
    n: numberOrNull(obj.n, armAt('n'), 'count'),
    mean,
    sd: numberOrNull(obj.sd, armAt('sd'), 'positive'),
    se: numberOrNull(obj.se, armAt('se'), 'positive'),
    source: sourceQuote(obj.source, armAt('source'), sourceIds),
  };
}

function loadArms(raw: unknown, studies: ReadonlyMap<string, EvidenceStudy>, sourceIds: ReadonlySet<string>): EvidenceArm[] {
  const seen = new Set<string>();
  return list(raw, { field: 'arms' }).map((item, i) => {
    const arm = loadArm(item, i + 1, studies, sourceIds);
    const key = JSON.stringify([arm.study, arm.arm, arm.outcome, arm.timepoint]);
    if (seen.has(key)) {
      fail(`duplicate arm: "${arm.arm}" at outcome ${arm.outcome ?? 'null'} and timepoint ${arm.timepoint ?? 'null'} is listed twice`, { field: 'arms.arm', row: i + 1, study: arm.study });
    }
    seen.add(key);
    return arm;
  });
}

function loadComparisonFields(value: unknown, where: Where): Comparison {
  const obj = record(value, where);
  return {
    intervention: text(obj.intervention, { ...where, field: `${where.field}.intervention` }),
    comparator: textOrNull(obj.comparator, { ...where, field: `${where.field}.comparator` }),
    outcome: textOrNull(obj.outcome, { ...where, field: `${where.field}.outcome` }),
    timepoint: textOrNull(obj.timepoint, { ...where, field: `${where.field}.timepoint` }),
  };
}

function loadComparisons(raw: unknown, base: Pick<EvidenceBase, 'studies' | 'arms'>): Comparison[] {
  const seen = new Set<string>();
  return list(raw, { field: 'comparisons' }).map((item, i) => {
    const row = i + 1;
    const comparison = loadComparisonFields(item, { field: 'comparisons', row });
    const key = JSON.stringify(comparison);
    if (seen.has(key)) fail(`duplicate comparison ${describeComparison(comparison)}`, { field: 'comparisons', row });
    seen.add(key);
    const { contrasts, planned } = matchComparison(base, comparison);
    if (contrasts.length === 0 && planned.length === 0) {
      fail(`comparison ${describeComparison(comparison)} matches no arms: no published study has both arms at that outcome and timepoint, and no ongoing study plans the intervention`, { field: 'comparisons', row });
    }
    const perStudy = new Map<string, string[]>();
    for (const c of contrasts) perStudy.set(c.study.id, [...(perStudy.get(c.study.id) ?? []), `${c.outcome ?? 'outcome not stated'} at ${c.timepoint ?? 'timepoint not stated'}`]);
    for (const [study, pairs] of perStudy) {
      if (pairs.length > 1) {
        fail(`comparison ${describeComparison(comparison)} matches several pairs of this study's arms (${pairs.join('; ')}); state the comparison's outcome and timepoint`, { field: 'comparisons', row, study });
      }
    }
    return comparison;
  });
}

function loadClaims(raw: unknown, base: Pick<EvidenceBase, 'studies' | 'arms'>, sourceIds: ReadonlySet<string>): EvidenceClaim[] {
  const studies = new Map(base.studies.map((s) => [s.id, s]));
  return list(raw, { field: 'claims' }, true).map((item, i) => {
    const row = i + 1;
    const obj = record(item, { field: 'claims', row });
    const studyId = text(obj.study, { field: 'claims.study', row });
    const study = studies.get(studyId);
    if (!study) fail(`unknown study id; known studies: ${[...studies.keys()].join(', ') || 'none'}`, { field: 'claims.study', row, study: studyId }, studyId);
    const at = (field: string): Where => ({ field: `claims.${field}`, row, study: studyId });
    const comparison = loadComparisonFields(obj.comparison, at('comparison'));
    if (comparison.comparator === null) fail('a claim compares two arms: comparator must be given', at('comparison.comparator'));
    const own = { studies: [study], arms: base.arms.filter((a) => a.study === studyId) };
    if (matchComparison(own, comparison).contrasts.length === 0) {
      fail(`the claim is about ${describeComparison(comparison)}, but this study has no such pair of arms`, at('comparison'));
    }
    if (obj.significant !== undefined && obj.significant !== null && typeof obj.significant !== 'boolean') {
      fail('must be true, false or null', at('significant'), obj.significant);
    }
    const direction = obj.direction ?? null;
    if (direction !== null && direction !== 'positive' && direction !== 'negative') {
      fail('must be "positive" (intervention higher), "negative" or null', at('direction'), direction);
    }
    return {
      study: studyId,
      comparison,
      text: text(obj.text, at('text')),
      significant: (obj.significant as boolean | null | undefined) ?? null,
      pValue: numberOrNull(obj.pValue, at('pValue'), 'probability'),
      direction: direction as ClaimDirection | null,
      source: obj.source === undefined || obj.source === null ? null : sourceQuote(obj.source, at('source'), sourceIds),
    };
  });
}

/**
 * Loads and validates an evidence base from the plain object parsed from JSON (see DESIGN.md,
 * "Evidence bases and replication"). Optional fields are filled in (`null`, `[]`); the result
 * is deeply frozen. Pure: reading the file is the caller's business.
 *
 * Rules: ids of sources and studies are unique; every study has a group and a source quote
 * whose `document` is a source id; every arm names a known study; a published study's arm has
 * an outcome (an ongoing study's planned arm may leave outcome and timepoint `null`, and has
 * `mean: null`); a published arm may have `mean: null` when the source gives only words (put
 * them in `claims`); every comparison matches at least one study, and at most one pair of arms
 * per study; every claim names a pair of arms its study has.
 *
 * @throws {InputError} naming the field, the row (1-based) and the study, e.g.
 *   `arms.study, study "x", row 3: unknown study id; known studies: a, b (got "x")`.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * loadEvidence(seed).studies.length // => 3
 */
export function loadEvidence(input: unknown): EvidenceBase {
  if (input !== null && typeof input === 'object' && loaded.has(input)) return input as EvidenceBase;
  const obj = record(input, { field: 'evidence' });
  const title = text(obj.title, { field: 'title' });
  const asOf = text(obj.asOf, { field: 'asOf' });
  if (!isIsoDate(asOf)) fail('must be an ISO date YYYY-MM-DD', { field: 'asOf' }, asOf);
  const sources = loadSources(obj.sources);
  const sourceIds = new Set(sources.map((s) => s.id));
  const studies = loadStudies(obj.studies, sourceIds);
  const arms = loadArms(obj.arms, new Map(studies.map((s) => [s.id, s])), sourceIds);
  const comparisons = loadComparisons(obj.comparisons, { studies, arms });
  const claims = loadClaims(obj.claims, { studies, arms }, sourceIds);
  const evidence = deepFreeze({ title, asOf, sources, studies, arms, comparisons, claims });
  loaded.add(evidence);
  return evidence;
}
