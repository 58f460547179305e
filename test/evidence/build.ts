// Builders of small synthetic evidence bases for the evidence tests.

export interface StudyInput {
  id: string;
  group?: string | null;
  authors?: string[];
  cohort?: string | null;
  status?: 'published' | 'ongoing';
  year?: number | null;
  n?: number | null;
  resultsExpected?: string | null;
}

export function study(s: StudyInput): Record<string, unknown> {
  return {
    id: s.id,
    label: `Study ${s.id}`,
    year: s.year === undefined ? 2020 : s.year,
    group: s.group === undefined ? `group of ${s.id}` : s.group,
    authors: s.authors ?? [],
    cohort: s.cohort ?? null,
    design: s.status === 'ongoing' ? 'planned RCT' : 'RCT',
    status: s.status ?? 'published',
    n: s.n ?? null,
    resultsExpected: s.resultsExpected ?? null,
    source: { document: 'doc', quote: `about ${s.id}` },
  };
}

export function arm(
  studyId: string,
  name: string,
  mean: number | null,
  extra: { sd?: number | null; se?: number | null; n?: number | null; outcome?: string | null; timepoint?: string | null } = {},
): Record<string, unknown> {
  return {
    study: studyId,
    arm: name,
    outcome: extra.outcome === undefined ? 'score' : extra.outcome,
    timepoint: extra.timepoint === undefined ? '12 weeks' : extra.timepoint,
    n: extra.n ?? null,
    mean,
    sd: extra.sd ?? null,
    se: extra.se ?? null,
    source: { document: 'doc', quote: `${name} in ${studyId}` },
  };
}

/** Two arms (drug, placebo) with SD and n for each, the mean difference being `md`. */
export function trial(studyId: string, md: number, sd = 4, n = 50): Record<string, unknown>[] {
  return [arm(studyId, 'drug', 10 + md, { sd, n }), arm(studyId, 'placebo', 10, { sd, n })];
}

export const DRUG_VS_PLACEBO = { intervention: 'drug', comparator: 'placebo', outcome: 'score', timepoint: '12 weeks' };

export function evidence(parts: {
  studies: Record<string, unknown>[];
  arms: Record<string, unknown>[];
  comparisons?: Record<string, unknown>[];
  claims?: Record<string, unknown>[];
  asOf?: string;
}): Record<string, unknown> {
  return {
    title: 'synthetic',
    asOf: parts.asOf ?? '2025-06-30',
    sources: [{ id: 'doc', citation: 'a synthetic document' }],
    studies: parts.studies,
    arms: parts.arms,
    comparisons: parts.comparisons ?? [DRUG_VS_PLACEBO],
    ...(parts.claims ? { claims: parts.claims } : {}),
  };
}

export function claim(studyId: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { study: studyId, comparison: DRUG_VS_PLACEBO, text: `claim of ${studyId}`, ...fields };
}
