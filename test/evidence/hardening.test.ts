// Every entry point of the evidence layer validates all its arguments before any work (issue #10):
// null or empty comparisons, objects as ids, sparse arrays, unknown or misspelt keys, cyclic
// input, results that freeze or alias the caller's objects, rows lost silently, Markdown injection.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessReplication } from '../../src/evidence/assess-replication.ts';
import { comparisonEffects } from '../../src/evidence/comparison-effects.ts';
import { describeComparison } from '../../src/evidence/describe-comparison.ts';
import { detectOverlaps } from '../../src/evidence/detect-overlaps.ts';
import { independenceClusters } from '../../src/evidence/independence-clusters.ts';
import { loadEvidence } from '../../src/evidence/load-evidence.ts';
import { claimsFor, matchComparison } from '../../src/evidence/match-comparison.ts';
import { poolIndependent } from '../../src/evidence/pool-independent.ts';
import { studyLinks } from '../../src/evidence/study-links.ts';
import { replicationEvidenceTable } from '../../src/report/replication-evidence-table.ts';
import { replicationMarkdown } from '../../src/report/replication-markdown.ts';
import { replicationStatusLabel } from '../../src/report/replication-status-label.ts';
import { replicationText } from '../../src/report/replication-text.ts';
import { thrownInputError } from '../input-error.ts';
import { arm, claim, DRUG_VS_PLACEBO, evidence, study, trial } from './build.ts';

const seed = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8'));
const two = () => evidence({ studies: [study({ id: 'A', group: 'Oslo' }), study({ id: 'B', group: 'Lyon' })], arms: [...trial('A', 4), ...trial('B', 3)] });
const identity = (id: unknown, group = 'G') =>
  ({ id, label: `Study ${String(id)}`, group, authors: [], cohort: null }) as unknown as { id: string; label: string; group: string; authors: string[]; cohort: string | null };
const cyclic = () => {
  const c: Record<string, unknown> = { ...DRUG_VS_PLACEBO };
  c.self = c;
  return c;
};

/** The evidence functions that take a comparison, with the seed or a synthetic base. */
const withComparison: [string, (c: unknown) => unknown][] = [
  ['comparisonEffects', (c) => comparisonEffects(two(), c as never)],
  ['poolIndependent', (c) => poolIndependent(two(), c as never)],
  ['matchComparison', (c) => matchComparison(two(), c as never)],
  ['claimsFor', (c) => claimsFor([], 'A', c as never)],
  ['describeComparison', (c) => describeComparison(c as never)],
];

describe('comparisons passed as arguments', () => {
  it.each(withComparison)('%s rejects null, {}, a non-object, an empty intervention and a misspelt field', (_name, f) => {
    expect(thrownInputError(() => f(null)).message).toBe('comparison: must be an object (got null)');
    expect(thrownInputError(() => f({})).field).toBe('comparison.intervention');
    expect(thrownInputError(() => f('drug')).field).toBe('comparison');
    expect(thrownInputError(() => f({ ...DRUG_VS_PLACEBO, intervention: ' ' })).field).toBe('comparison.intervention');
    expect(thrownInputError(() => f({ ...DRUG_VS_PLACEBO, timePoint: '12 weeks' })).message).toMatch(/unknown field "timePoint" \(did you mean "timepoint"\?\)/);
    expect(thrownInputError(() => f({ ...DRUG_VS_PLACEBO, comparator: 'Drug' })).message).toMatch(/names the same arm as the intervention/);
  });

  it.each(withComparison)('%s survives a cyclic comparison with an InputError', (_name, f) => {
    expect(thrownInputError(() => f(cyclic())).message).toMatch(/unknown field "self"/);
    const inner: Record<string, unknown> = { ...DRUG_VS_PLACEBO };
    inner.intervention = inner;
    expect(thrownInputError(() => f(inner)).message).toBe('comparison.intervention: must be a non-empty string (got [an object that contains itself])');
  });

  it('accepts a finding of assessReplication as its comparison (README usage)', () => {
    const finding = assessReplication(seed).findings[0]!;
    expect(poolIndependent(seed, finding).comparison).toEqual({ intervention: finding.intervention, comparator: finding.comparator, outcome: finding.outcome, timepoint: finding.timepoint });
    expect(comparisonEffects(seed, finding)).toHaveLength(2);
  });
});

describe('poolIndependent does not freeze or alias the caller\'s objects', () => {
  it('copies the comparison and the options, freezing only its own result', () => {
    const comparison = { ...DRUG_VS_PLACEBO };
    const assume = { sd: 4, armN: 50 };
    const p = poolIndependent(two(), comparison, { assume });
    expect(Object.isFrozen(comparison) || Object.isFrozen(assume)).toBe(false);
    expect(p.comparison).not.toBe(comparison);
    expect(p.comparison).toEqual(comparison);
    expect(Object.isFrozen(p.comparison) && Object.isFrozen(p.result) && Object.isFrozen(p.cohorts[0])).toBe(true);
  });

  it('validates model options even when nothing is pooled', () => {
    expect(thrownInputError(() => poolIndependent(seed, seed.comparisons[1], { method: 'XX' as never })).field).toBe('method');
    expect(thrownInputError(() => poolIndependent(seed, seed.comparisons[1], { level: NaN })).message).toMatch(/\(got NaN\)$/);
  });
});

describe('unknown and misspelt options', () => {
  it.each([
    ['assessReplication', () => assessReplication(two(), { levle: 0.9 } as never), 'level'],
    ['comparisonEffects', () => comparisonEffects(two(), DRUG_VS_PLACEBO, { asume: { sd: 1 } } as never), 'assume'],
    ['comparisonEffects assume', () => comparisonEffects(two(), DRUG_VS_PLACEBO, { assume: { SD: 1 } } as never), 'sd'],
    ['poolIndependent', () => poolIndependent(two(), DRUG_VS_PLACEBO, { mesure: 'SMD' } as never), 'measure'],
    ['poolIndependent assume', () => poolIndependent(two(), DRUG_VS_PLACEBO, { assume: { splitStudyn: true } } as never), 'splitStudyN'],
    ['replicationMarkdown', () => replicationMarkdown(assessReplication(two()), { headinglevel: 3 } as never), 'headingLevel'],
  ])('%s names the unknown key and suggests %s', (_name, f, nearest) => {
    expect(thrownInputError(f).message).toMatch(new RegExp(`\\(did you mean "${nearest}"\\?\\)`));
  });

  it('rejects option values of the wrong kind, showing Infinity and NaN as such', () => {
    expect(thrownInputError(() => assessReplication(two(), { level: Infinity })).message).toMatch(/\(got Infinity\)$/);
    expect(thrownInputError(() => comparisonEffects(two(), DRUG_VS_PLACEBO, { assume: { sd: NaN } })).message).toBe('assume.sd: must be a positive number (got NaN)');
    expect(thrownInputError(() => comparisonEffects(two(), DRUG_VS_PLACEBO, { assume: { splitStudyN: 'yes' as never } })).field).toBe('assume.splitStudyN');
    expect(thrownInputError(() => assessReplication(two(), null as never)).field).toBe('options');
    expect(thrownInputError(() => replicationMarkdown(assessReplication(two()), { headingLevel: 2.5 })).field).toBe('options.headingLevel');
    expect(thrownInputError(() => replicationText(assessReplication(two()), 0)).field).toBe('width');
    expect(thrownInputError(() => replicationStatusLabel('great' as never)).field).toBe('status');
  });
});

describe('study ids', () => {
  it('objects as study ids are an InputError naming the row, never "[object Object]" pairs', () => {
    const e = thrownInputError(() => independenceClusters([identity({}), identity({})] as never));
    expect(e.message).toBe('studies.id, row 1: must be a string (or a number) naming a study (got {})');
    expect(thrownInputError(() => loadEvidence(evidence({ studies: [{ ...study({ id: 'A' }), id: { x: 1 } }], arms: [] }))).row).toBe(1);
    const armRow = evidence({ studies: [study({ id: 'A' })], arms: [...trial('A', 4), { ...arm('A', 'drug', 1), study: ['A'] }] });
    expect(thrownInputError(() => loadEvidence(armRow)).message).toMatch(/^arms.study, row 3: must be a string \(or a number\)/);
    expect(thrownInputError(() => claimsFor([], { id: 'A' } as never, DRUG_VS_PLACEBO)).field).toBe('studyId');
  });

  it('numbers as ids become strings', () => {
    const raw = evidence({ studies: [study({ id: 'x' })], arms: trial('x', 4) }) as { studies: Record<string, unknown>[]; arms: Record<string, unknown>[] };
    raw.studies[0]!.id = 2022;
    for (const a of raw.arms) a.study = 2022;
    expect(loadEvidence(raw).arms.map((a) => a.study)).toEqual(['2022', '2022']);
    expect(independenceClusters([identity(1), identity(2, 'H')]).clusters).toEqual([['1'], ['2']]);
  });

  it('independenceClusters rejects duplicate ids instead of merging them', () => {
    expect(thrownInputError(() => independenceClusters([identity('A'), identity('A', 'H')])).message).toBe('studies.id, study "A", row 2: duplicate study id (got "A")');
  });
});

describe('sparse arrays', () => {
  it('a hole in any array of the evidence base is an error naming its position', () => {
    const holes = (field: 'studies' | 'arms' | 'comparisons' | 'claims' | 'sources') => {
      const raw = evidence({ studies: [study({ id: 'A' })], arms: trial('A', 4), claims: [claim('A', {})] }) as Record<string, unknown[]>;
      const arr = [...raw[field]!];
      arr.length += 1; // [a, <hole>]
      return thrownInputError(() => loadEvidence({ ...raw, [field]: arr.reverse() }));
    };
    for (const field of ['studies', 'arms', 'comparisons', 'claims', 'sources'] as const) {
      expect(holes(field).message, field).toMatch(new RegExp(`^${field}: entry 1 of \\d is missing \\(a hole in a sparse array\\)$`));
    }
    // eslint-disable-next-line no-sparse-arrays
    const authors = evidence({ studies: [{ ...study({ id: 'A' }), authors: ['K. Lee', , 'M. Ode'] }], arms: trial('A', 4) });
    expect(thrownInputError(() => loadEvidence(authors)).message).toBe('studies.authors, study "A", row 1: entry 2 of 3 is missing (a hole in a sparse array)');
  });

  it('the other entry points refuse holes too', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(thrownInputError(() => independenceClusters([identity('A'), , identity('B')] as never)).field).toBe('studies');
    // eslint-disable-next-line no-sparse-arrays
    expect(thrownInputError(() => claimsFor([, claim('A', {})] as never, 'A', DRUG_VS_PLACEBO)).field).toBe('claims');
    // eslint-disable-next-line no-sparse-arrays
    expect(thrownInputError(() => studyLinks({ ...identity('A'), authors: [, 'x'] } as never, identity('B'))).field).toBe('a.authors');
  });
});

describe('unknown fields in the evidence base', () => {
  it('a misspelt field is an error suggesting the nearest, not silently ignored', () => {
    const typo = evidence({ studies: [{ ...study({ id: 'A' }), resultExpected: '2027' }], arms: trial('A', 4) });
    expect(thrownInputError(() => loadEvidence(typo)).message).toMatch(/^studies, row 1: unknown field "resultExpected" \(did you mean "resultsExpected"\?\)/);
    expect(thrownInputError(() => loadEvidence({ ...two(), comparison: [] })).message).toMatch(/unknown field "comparison" \(did you mean "comparisons"\?\)/);
    const armTypo = evidence({ studies: [study({ id: 'A' })], arms: [{ ...arm('A', 'drug', 1), SD: 2 }, arm('A', 'placebo', 0)] });
    expect(thrownInputError(() => loadEvidence(armTypo)).message).toMatch(/^arms, row 1: unknown field "SD" \(did you mean "sd"\?\)/);
  });

  it('text fields need a visible character; years are 1–9999', () => {
    expect(thrownInputError(() => loadEvidence(evidence({ studies: [study({ id: 'A', group: '\u200b' })], arms: trial('A', 4) }))).field).toBe('studies.group');
    expect(thrownInputError(() => loadEvidence(evidence({ studies: [study({ id: 'A', year: 20222 })], arms: trial('A', 4) }))).field).toBe('studies.year');
  });

  it('arms compare by name key: the same arm spelt twice is a duplicate', () => {
    const raw = evidence({ studies: [study({ id: 'A' })], arms: [...trial('A', 4), arm('A', 'DRUG ', 3)] });
    expect(thrownInputError(() => loadEvidence(raw)).message).toMatch(/duplicate arm: "DRUG " .* \(as "drug" before/);
  });
});

describe('results are deeply frozen and share no object with the input', () => {
  const isDeeplyFrozen = (value: unknown): boolean =>
    value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen));
  const objectsOf = (value: unknown, into = new Set<object>()): Set<object> => {
    if (value !== null && typeof value === 'object' && !into.has(value)) {
      into.add(value);
      for (const v of Object.values(value)) objectsOf(v, into);
    }
    return into;
  };
  const base = loadEvidence(seed);
  const c = { ...seed.comparisons[0] };
  const studies = [identity('A'), identity('B')];
  const results: [string, unknown, unknown][] = [
    ['loadEvidence', loadEvidence(seed), seed],
    ['assessReplication', assessReplication(base), base],
    ['detectOverlaps', detectOverlaps(base), base],
    ['comparisonEffects', comparisonEffects(base, c), [base, c]],
    ['poolIndependent', poolIndependent(base, c, { assume: { sd: 10, splitStudyN: true } }), [base, c]],
    ['matchComparison', matchComparison(base, c), [base, c]],
    ['claimsFor', claimsFor(base.claims, 'snu-2022', c), [base, c]],
    ['independenceClusters', independenceClusters(studies), studies],
  ];

  it.each(results)('%s', (_name, result, input) => {
    expect(isDeeplyFrozen(result)).toBe(true);
    const mine = objectsOf(input);
    for (const o of objectsOf(result)) expect(mine.has(o)).toBe(false);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Object.isFrozen(c) || studies.some(Object.isFrozen)).toBe(false);
  });
});

describe('nothing lost: every row is used or omitted with a reason', () => {
  it('the seed\'s PRP-vs-placebo claim is listed as not used, with the reason', () => {
    const a = assessReplication(seed);
    expect(a.omitted).toEqual([{ field: 'claims', row: 3, study: 'snu-2024', reason: expect.stringMatching(/^claims row 3 \(Seoul follow-up 2024: PRP vs placebo .*\) is not used/) }]);
  });

  it('every arm and claim row is either used by a finding or in omitted', () => {
    const raw = evidence({
      studies: [study({ id: 'A' }), study({ id: 'B' })],
      arms: [...trial('A', 4), arm('A', 'surgery', 9), ...trial('B', 3)],
      claims: [claim('A', {}), claim('B', { comparison: { ...DRUG_VS_PLACEBO, timepoint: null } })],
    });
    const a = assessReplication(raw);
    expect(a.omitted.map((o) => [o.field, o.row])).toEqual([['arms', 3]]);
    expect(replicationMarkdown(a)).toContain('## Rows not used');
    expect(replicationText(a)).toContain('Rows not used:');
  });
});

describe('reports escape every name', () => {
  const hostile = 'Oslo\n# Injected heading\n| x | y |\r\n<script>alert(1)</script> [link](http://x) *bold* $x$';
  const raw = evidence({
    studies: [{ ...study({ id: 'A', group: hostile }), label: `Label\n## ${hostile}` }, study({ id: 'B', group: 'Lyon' })],
    arms: [...trial('A', 4), ...trial('B', 3)],
    comparisons: [DRUG_VS_PLACEBO],
  });

  it('Markdown: no injected line, heading, HTML or link; every line is our own', () => {
    for (const md of [replicationMarkdown(assessReplication(raw)), replicationEvidenceTable(raw)]) {
      const lines = md.split('\n');
      expect(lines.some((l) => /^#+ Injected/.test(l) || /^\| x \| y \|/.test(l))).toBe(false);
      expect(md).not.toContain('<script>');
      expect(md).not.toMatch(/[^\\]\]\(http/);
      expect(md).toContain('\\<script\\>');
      for (const l of lines) expect(l === '' || /^(#{1,6} |\| |\|---|- |Status: |No pair)/.test(l), l).toBe(true);
    }
  });

  it('text: a line break in a name cannot forge a line', () => {
    const text = replicationText(assessReplication(raw));
    expect(text.split('\n').some((l) => l.startsWith('# Injected') || l.startsWith('| x'))).toBe(false);
  });

  it('reports validate the assessment, also after a JSON round trip', () => {
    const a = JSON.parse(JSON.stringify(assessReplication(seed)));
    expect(replicationMarkdown(a)).toBe(replicationMarkdown(assessReplication(seed)));
    expect(thrownInputError(() => replicationMarkdown({ findings: [{}], overlaps: [] } as never)).field).toBe('findings.intervention');
    expect(thrownInputError(() => replicationText({ findings: null } as never)).field).toBe('findings');
  });
});

describe('numbers too large to compute with', () => {
  it('an overflowing mean difference is an InputError naming the study', () => {
    const raw = evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 1.7e308, { sd: 1, n: 10 }), arm('A', 'placebo', -1.7e308, { sd: 1, n: 10 })] });
    expect(thrownInputError(() => assessReplication(raw)).message).toMatch(/^arms, study "A": the arm values are too large to compute with/);
    const meansOnly = evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 1.7e308), arm('A', 'placebo', -1.7e308)] });
    expect(thrownInputError(() => assessReplication(meansOnly)).message).toBe(
      'arms, study "A": the arm values are too large to compute with: meanDifference is not a finite number (got Infinity)',
    );
    const bigSd = evidence({ studies: [study({ id: 'A' })], arms: [arm('A', 'drug', 1, { sd: 1e200, n: 10 }), arm('A', 'placebo', 0, { sd: 1, n: 10 })] });
    expect(thrownInputError(() => comparisonEffects(bigSd, DRUG_VS_PLACEBO)).study).toBe('A');
  });
});

describe('arm names compare by name key everywhere', () => {
  it('splitStudyN counts "drug" and "Drug " as one arm: 60 participants, 2 arms, 30 each', () => {
    const raw = evidence({
      studies: [study({ id: 'A', n: 60 })],
      arms: [arm('A', 'drug', 12), arm('A', 'placebo', 10), arm('A', 'Drug ', 13, { timepoint: '24 weeks' }), arm('A', 'PLACEBO', 10, { timepoint: '24 weeks' })],
      comparisons: [DRUG_VS_PLACEBO, { ...DRUG_VS_PLACEBO, timepoint: '24 weeks' }],
    });
    const [e] = comparisonEffects(raw, { ...DRUG_VS_PLACEBO, timepoint: '24 weeks' }, { assume: { sd: 10, splitStudyN: true } });
    expect([e!.intervention.n, e!.comparator.n, e!.meanDifference]).toEqual([30, 30, 3]);
    expect(assessReplication(raw).mergedNames.map((m) => [m.field, m.spellings])).toEqual([['arm', ['drug', 'Drug ']], ['arm', ['placebo', 'PLACEBO']]]);
  });
});
