// The seed document's judgements, from datasets/conditioned-medium-hair-loss.json.
// Every expectation below is read off the seed text (test/fixtures/evidence/, a copy of the seed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessReplication } from '../../src/evidence/assess-replication.ts';
import { comparisonEffects } from '../../src/evidence/comparison-effects.ts';
import { detectOverlaps } from '../../src/evidence/detect-overlaps.ts';
import { loadEvidence } from '../../src/evidence/load-evidence.ts';
import { poolIndependent } from '../../src/evidence/pool-independent.ts';

const raw = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8'));
const seedText = readFileSync(new URL('../fixtures/evidence/conditioned-medium-hair-loss.txt', import.meta.url), 'utf8');
const evidence = loadEvidence(raw);
const assessment = assessReplication(raw);
const OUTCOME = 'additional hairs per cm²';

function finding(intervention: string, comparator: string | null, timepoint: string | null) {
  const f = assessment.findings.find((x) => x.intervention === intervention && x.comparator === comparator && x.timepoint === timepoint);
  if (!f) throw new Error(`no finding ${intervention} vs ${comparator} at ${timepoint}`);
  return f;
}

describe('the seed evidence base', () => {
  it('quotes the seed verbatim', () => {
    const quotes = [
      ...evidence.studies.flatMap((s) => [s.source.quote, ...s.notes.map((n) => n.quote)]),
      ...evidence.arms.map((a) => a.source.quote),
      ...evidence.claims.flatMap((c) => [c.text, ...(c.source ? [c.source.quote] : [])]),
    ];
    expect(quotes.length).toBeGreaterThan(10);
    for (const q of quotes) expect(seedText, q).toContain(q);
  });

  it('gives every number with a quote that contains it', () => {
    for (const a of evidence.arms) {
      if (a.mean !== null) expect(a.source.quote).toContain(String(a.mean));
      if (a.n !== null) expect(a.source.quote).toContain(String(a.n));
    }
    for (const s of evidence.studies) {
      if (s.n !== null) expect(s.source.quote).toContain(String(s.n));
      if (s.year !== null) expect(s.source.quote).toContain(String(s.year));
    }
  });

  it('invents nothing the text does not say: no SDs, SEs, per-arm n, authors or registry ids', () => {
    for (const a of evidence.arms) expect([a.sd, a.se, a.n]).toEqual([null, null, null]);
    for (const s of evidence.studies) {
      expect(s.authors).toEqual([]);
      expect(s.registry).toBeNull();
      expect(s.cohort).toBeNull();
    }
    expect(evidence.studies.find((s) => s.year === 2022)?.n).toBe(60);
    expect(evidence.asOf).toBe('2026-11-25');
  });

  it('derives the mean differences the text implies (11.5 − 2.8, 11.5 − 8.9, 9.8 − 5.4), with no variance', () => {
    const md = (comparator: string, timepoint: string) =>
      comparisonEffects(raw, { intervention: 'ADSC conditioned medium', comparator, outcome: OUTCOME, timepoint }).map((e) => [e.study, e.meanDifference, e.variance]);
    expect(md('placebo', '6 months')).toEqual([
      ['snu-2022', expect.closeTo(8.7, 12), null],
      ['snu-2024', null, null],
    ]);
    expect(md('PRP', '6 months')).toEqual([['snu-2024', expect.closeTo(2.6, 12), null]]);
    expect(md('PRP', '12 months')).toEqual([['snu-2024', expect.closeTo(4.4, 12), null]]);
  });
});

describe('replication judgements on the seed', () => {
  it('conditioned medium vs placebo is not independently replicated: both reports come from one group', () => {
    const f = finding('ADSC conditioned medium', 'placebo', '6 months');
    expect(f.status).toBe('not-independently-replicated');
    expect(f.studies).toEqual(['snu-2022', 'snu-2024']);
    expect(f.clusters).toEqual([['snu-2022', 'snu-2024']]);
    expect(f.pendingStudies).toEqual([]);
    const r2022 = f.results.find((r) => r.study === 'snu-2022')!;
    expect([r2022.significant, r2022.significanceFrom, r2022.direction]).toEqual([true, 'claim', 'positive']);
    const r2024 = f.results.find((r) => r.study === 'snu-2024')!;
    expect([r2024.meanDifference, r2024.significant, r2024.direction]).toEqual([null, null, 'positive']);
    expect(f.reasons.join(' ')).toMatch(/same research group \(Seoul National University\)/);
    expect(f.reasons.join(' ')).toMatch(/no independent group/);
  });

  it.each(['6 months', '12 months'])('conditioned medium vs PRP at %s is not independently replicated (one study, significance unknown)', (timepoint) => {
    const f = finding('ADSC conditioned medium', 'PRP', timepoint);
    expect(f.status).toBe('not-independently-replicated');
    expect(f.clusters).toEqual([['snu-2024']]);
    expect(f.results[0]!.significant).toBeNull();
    expect(f.reasons.join(' ')).toMatch(/Only one study \(Seoul follow-up 2024\)/);
  });

  it('the exosome trials are pending, due within 2026–2027 as of 2026-11-25', () => {
    const f = finding('exosome-based product', null, null);
    expect(f.status).toBe('pending');
    expect(f.studies).toEqual([]);
    expect(f.pendingStudies).toHaveLength(1);
    expect(f.pendingStudies[0]).toMatchObject({ study: 'us-exosome-phase2', resultsExpected: '2026/2027', timing: 'due' });
    expect(f.reasons.join(' ')).toMatch(/expected in 2026–2027 and are not yet reported as of 2026-11-25/);
  });

  it('flags the 2024 follow-up as overlapping the 2022 trial: same group, identical 11.5 at 6 months', () => {
    expect(assessment.overlaps).toEqual(detectOverlaps(raw));
    expect(assessment.overlaps).toHaveLength(1);
    const o = assessment.overlaps[0]!;
    expect(o.studies).toEqual(['snu-2022', 'snu-2024']);
    expect(o.basis).toEqual(['identical-arm-summaries']);
    expect(o.identical).toEqual([{ arm: 'ADSC conditioned medium', outcome: OUTCOME, timepoint: '6 months', mean: 11.5, n: null }]);
    expect(o.reasons[0]).toMatch(/Seoul follow-up 2024 re-reports patients of Korean RCT 2022/);
  });

  it('agrees with the source, which says the results have not been replicated by independent groups', () => {
    const stated = evidence.studies.flatMap((s) => s.notes).find((n) => n.about.startsWith('replication'));
    expect(stated?.quote).toMatch(/haven't been replicated by independent groups/);
    const cm = assessment.findings.filter((f) => f.intervention === 'ADSC conditioned medium');
    expect(cm.every((f) => f.status === 'not-independently-replicated')).toBe(true);
  });

  it('cannot pool conditioned medium vs placebo: one cohort, even with SDs and arm sizes assumed', () => {
    const comparison = { intervention: 'ADSC conditioned medium', comparator: 'placebo', outcome: OUTCOME, timepoint: '6 months' };
    const p = poolIndependent(raw, comparison, { assume: { sd: 10, splitStudyN: true } });
    expect(p.result).toBeNull();
    expect(p.cohorts).toEqual([{ studies: ['snu-2022', 'snu-2024'], used: 'snu-2022', reason: expect.stringMatching(/same participants/) }]);
    expect(p.reasons.at(-1)).toMatch(/only one independent cohort \(Korean RCT 2022\)/);
    // escalc("MD", m1i=11.5, sd1i=10, n1i=30, m2i=2.8, sd2i=10, n2i=30): yi 8.7, vi 6.66666666666667
    expect(p.yi[0]).toBeCloseTo(8.7, 12);
    expect(p.vi[0]).toBeCloseTo(6.66666666666667, 12);
    expect(p.assumptions).toContain('Korean RCT 2022: n of the placebo arm assumed to be 30 (60 participants split equally between 2 arms; the split is not reported).');
  });
});
