import { deepFreeze } from './deep-freeze.ts';
import { describeComparison } from './describe-comparison.ts';
import type { Comparison, EvidenceArm, EvidenceBase, EvidenceClaim, EvidenceSource, EvidenceStudy, SupportingQuote } from './evidence-base.ts';
import { isIsoDate, readExpectedWindow } from './expected-window.ts';
import { matchArms } from './match-arms.ts';
import { nameKey } from './name-key.ts';
import { loadedClaims, readClaim } from './read-claims.ts';
import { readComparison } from './read-comparison.ts';
import { STUDY_KEYS } from './read-study.ts';
import { readIndirectness, readRiskOfBias } from './read-appraisal.ts';
import { fail, id, list, numberOrNull, record, sourceQuote, text, textOrNull, type Where } from './read-fields.ts';

/** Evidence bases this module built (frozen), so that loading one again is free. */
const loaded = new WeakSet<object>();

const BASE_KEYS = ['title', 'asOf', 'sources', 'studies', 'arms', 'comparisons', 'claims'];
const SOURCE_KEYS = ['id', 'citation'];
const ARM_KEYS = ['study', 'arm', 'outcome', 'timepoint', 'n', 'mean', 'sd', 'se', 'source'];

function loadSources(raw: unknown): EvidenceSource[] {
  const seen = new Set<string>();
  return list(raw, { field: 'sources' }).map((item, i) => {
    const where = { field: 'sources', row: i + 1 };
    const obj = record(item, where, SOURCE_KEYS);
    const sourceId = id(obj.id, { ...where, field: 'sources.id' });
    if (seen.has(sourceId)) fail('duplicate source id', { ...where, field: 'sources.id', code: 'E_DUPLICATE' }, sourceId);
    seen.add(sourceId);
    return { id: sourceId, citation: text(obj.citation, { ...where, field: 'sources.citation' }) };
  });
}

function expectedResults(value: unknown, where: Where): string | null {
  const raw = typeof value === 'number' && Number.isInteger(value) ? String(value) : textOrNull(value, where);
  if (raw === null) return null;
  const read = readExpectedWindow(raw);
  if ('problem' in read) fail(read.problem, where, value);
  return raw;
}

function loadStudy(item: unknown, row: number, sourceIds: ReadonlySet<string>): EvidenceStudy {
  const obj = record(item, { field: 'studies', row }, STUDY_KEYS);
  const studyId = id(obj.id, { field: 'studies.id', row });
  const at = (field: string): Where => ({ field: `studies.${field}`, row, study: studyId });
  if (obj.group === undefined || obj.group === null) fail('every study needs a group (research group, institution or sponsor)', { ...at('group'), code: 'E_MISSING_VALUE' });
  const group = text(obj.group, at('group'));
  const status = obj.status;
  if (status !== 'published' && status !== 'ongoing') fail('must be "published" or "ongoing"', { ...at('status'), code: 'E_INVALID_CHOICE' }, status);
  const notes: SupportingQuote[] = list(obj.notes, at('notes'), true).map((note, i) => {
    const noteAt = { ...at('notes'), field: `studies.notes[${i + 1}]` };
    const about = text(record(note, noteAt).about, { ...noteAt, field: `${noteAt.field}.about` });
    return { about, ...sourceQuote(note, noteAt, sourceIds, ['about', 'document', 'quote']) };
  });
  return {
    id: studyId,
    label: text(obj.label, at('label')),
    year: numberOrNull(obj.year, at('year'), 'year'),
    group,
    authors: list(obj.authors, at('authors'), true).map((a, i) => text(a, at(`authors[${i + 1}]`))),
    cohort: textOrNull(obj.cohort, at('cohort')),
    design: text(obj.design, at('design')),
    status,
    n: numberOrNull(obj.n, at('n'), 'count'),
    resultsExpected: expectedResults(obj.resultsExpected, at('resultsExpected')),
    registry: textOrNull(obj.registry, at('registry')),
    source: sourceQuote(obj.source, at('source'), sourceIds),
    notes,
    riskOfBias: readRiskOfBias(obj.riskOfBias, at('riskOfBias'), sourceIds),
    indirectness: readIndirectness(obj.indirectness, at('indirectness'), sourceIds),
  };
}

function loadStudies(raw: unknown, sourceIds: ReadonlySet<string>): EvidenceStudy[] {
  const seen = new Set<string>();
  return list(raw, { field: 'studies' }).map((item, i) => {
    const study = loadStudy(item, i + 1, sourceIds);
    if (seen.has(study.id)) fail('duplicate study id', { field: 'studies.id', row: i + 1, study: study.id, code: 'E_DUPLICATE' }, study.id);
    seen.add(study.id);
    return study;
  });
}

function unknownStudy(studyId: string, known: ReadonlyMap<string, unknown>, where: Where): never {
  return fail(`unknown study id; known studies: ${[...known.keys()].join(', ') || 'none'}`, { ...where, study: studyId, code: 'E_UNKNOWN_REFERENCE' }, studyId);
}

function loadArm(item: unknown, row: number, studies: ReadonlyMap<string, EvidenceStudy>, sourceIds: ReadonlySet<string>): EvidenceArm {
  const obj = record(item, { field: 'arms', row }, ARM_KEYS);
  const studyId = id(obj.study, { field: 'arms.study', row });
  const study = studies.get(studyId) ?? unknownStudy(studyId, studies, { field: 'arms.study', row });
  const arm = text(obj.arm, { field: 'arms.arm', row, study: studyId });
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
  const seen = new Map<string, string>();
  return list(raw, { field: 'arms' }).map((item, i) => {
    const arm = loadArm(item, i + 1, studies, sourceIds);
    const key = JSON.stringify([arm.study, nameKey(arm.arm), arm.outcome && nameKey(arm.outcome), arm.timepoint && nameKey(arm.timepoint)]);
    const first = seen.get(key);
    if (first !== undefined) {
      fail(
        `duplicate arm: "${arm.arm}" at outcome ${arm.outcome ?? 'null'} and timepoint ${arm.timepoint ?? 'null'} is listed twice (as "${first}" before; names compare ignoring case, spacing and Unicode form)`,
        { field: 'arms.arm', row: i + 1, study: arm.study, code: 'E_DUPLICATE' },
      );
    }
    seen.set(key, arm.arm);
    return arm;
  });
}

function loadComparisons(raw: unknown, base: Pick<EvidenceBase, 'studies' | 'arms'>): Comparison[] {
  const seen = new Set<string>();
  return list(raw, { field: 'comparisons' }).map((item, i) => {
    const row = i + 1;
    const comparison = readComparison(item, { field: 'comparisons', row });
    const key = JSON.stringify(Object.values(comparison).map((v) => v && nameKey(v)));
    if (seen.has(key)) fail(`duplicate comparison ${describeComparison(comparison)}`, { field: 'comparisons', row, code: 'E_DUPLICATE' });
    seen.add(key);
    const { contrasts, planned } = matchArms(base, comparison);
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
    const claim = readClaim(item, i + 1, sourceIds);
    const study = studies.get(claim.study) ?? unknownStudy(claim.study, studies, { field: 'claims.study', row: i + 1 });
    const own = { studies: [study], arms: base.arms.filter((a) => a.study === study.id) };
    if (matchArms(own, claim.comparison).contrasts.length === 0) {
      fail(`the claim is about ${describeComparison(claim.comparison)}, but this study has no such pair of arms`, { field: 'claims.comparison', row: i + 1, study: study.id });
    }
    return claim;
  });
}

/**
 * Loads and validates an evidence base from the plain object parsed from JSON (see DESIGN.md,
 * "Evidence bases and replication"). Optional fields are filled in (`null`, `[]`); the result
 * is a new, deeply frozen object that shares nothing with `input` (an evidence base this
 * function returned is returned as it is: it is frozen already). Pure: reading the file is
 * the caller's business.
 *
 * Rules: every record is a plain object with only its documented fields (an unknown field, as
 * a misspelling, is an error suggesting the nearest); arrays have no holes; ids of sources and
 * studies are strings (numbers are turned into strings) and unique; text fields have a visible
 * character; every study has a group and a source quote whose `document` is a source id;
 * `year` is 1–9999; `resultsExpected` is a date `parseExpectedWindow` reads (`2026–2027`,
 * `mid-2027`, ...; a bare year may be a number; ambiguous forms such as `2026-27` are refused,
 * saying why) and is kept as written; every arm names
 * a known study; a published study's arm has an outcome (an ongoing study's planned arm may
 * leave outcome and timepoint `null`, and has `mean: null`); a published arm may have
 * `mean: null` when the source gives only words (put them in `claims`); arms and comparisons
 * are unique with names compared by `nameKey` (case, spacing, Unicode form ignored); every
 * comparison matches at least one study, and at most one pair of arms per study; every claim
 * names a pair of arms its study has. A study may carry a `riskOfBias` judgement (`{ overall,
 * domains?, source? }`, RoB 2 judgements `low`, `some concerns`, `high`) and `indirectness`
 * declarations (`[{ element, comparedWith?, severity?, reason, source }]`); absent, they are
 * `null` and `[]`.
 *
 * @throws {InputError} naming the field, the row (1-based) and the study, e.g.
 *   `arms.study, study "x", row 3: unknown study id; known studies: a, b (got "x")`.
 * @example
 * import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };
 * loadEvidence(seed).studies.length // => 3
 */
export function loadEvidence(input: unknown): EvidenceBase {
  if (input !== null && typeof input === 'object' && loaded.has(input)) return input as EvidenceBase;
  const obj = record(input, { field: 'evidence' }, BASE_KEYS);
  const title = text(obj.title, { field: 'title' });
  const asOf = text(obj.asOf, { field: 'asOf' });
  if (!isIsoDate(asOf)) fail('must be an ISO date YYYY-MM-DD', { field: 'asOf', code: 'E_INVALID_TYPE' }, asOf);
  const sources = loadSources(obj.sources);
  const sourceIds = new Set(sources.map((s) => s.id));
  const studies = loadStudies(obj.studies, sourceIds);
  const arms = loadArms(obj.arms, new Map(studies.map((s) => [s.id, s])), sourceIds);
  const comparisons = loadComparisons(obj.comparisons, { studies, arms });
  const claims = loadClaims(obj.claims, { studies, arms }, sourceIds);
  const evidence = deepFreeze({ title, asOf, sources, studies, arms, comparisons, claims });
  loaded.add(evidence);
  loadedClaims.add(evidence.claims);
  return evidence;
}
