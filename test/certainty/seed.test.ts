// The seed evidence base: every finding's certainty with its reasons, and what would change it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessCertainty, certaintyMarkdown, formatResult, InputError, loadEvidence, summaryOfFindings, whatWouldChange } from '../../src/index.ts';

const seed = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8'));
const judgements = (f: { domains: readonly { domain: string; judgement: string; downgrade: number }[] }) =>
  Object.fromEntries(f.domains.map((d) => [d.domain, [d.judgement, d.downgrade]]));

describe('assessCertainty on the seed', () => {
  const a = assessCertainty(seed);
  it('CM vs placebo: starts high (a randomised trial), no CI, one cohort reported twice: very low', () => {
    const f = a.findings[0]!;
    expect(f).toMatchObject({ start: 'high', certainty: 'very low', downgrade: 4, studies: ['snu-2022', 'snu-2024'], clusters: 1, cohorts: 1, participants: 60 });
    expect(judgements(f)).toEqual({
      'risk of bias': ['not assessed', 0],
      inconsistency: ['not assessable', 0],
      indirectness: ['not serious', 0],
      imprecision: ['no CI computable', 2],
      'publication bias': ['not assessable', 0],
      replication: ['very serious', 2],
    });
    expect(f.effect).toMatchObject({ estimate: 11.5 - 2.8, ci: null, basis: 'no CI' });
    expect(f.reasons[0]).toMatch(/Korean RCT 2022\): the rating starts at high/);
    expect(f.domains[5]!.reasons[0]).toMatch(/one cohort reported twice/);
  });
  it('CM vs PRP at 6 and 12 months: one follow-up not described as randomised, starts low: very low', () => {
    for (const f of a.findings.slice(1, 3)) {
      expect(f).toMatchObject({ start: 'low', certainty: 'very low', downgrade: 3, studies: ['snu-2024'], participants: null });
      expect(judgements(f)).toMatchObject({ imprecision: ['no CI computable', 2], replication: ['serious', 1] });
      expect(f.reasons[0]).toMatch(/not described as randomised/);
    }
    expect(a.findings[1]!.effect.estimate).toBeCloseTo(11.5 - 8.9, 12);
    expect(a.findings[2]!.effect.estimate).toBeCloseTo(9.8 - 5.4, 12);
  });
  it('the exosome trials have no results: not rated', () => {
    expect(a.findings[3]).toMatchObject({ replicationStatus: 'pending', certainty: null, start: null, domains: [] });
  });
  it('reports: summary of findings, Markdown and formatResult, also after JSON', () => {
    const sof = summaryOfFindings(a);
    expect(sof.rows.map((r) => r[7])).toEqual(['very low', 'very low', 'very low', 'not rated (no results)']);
    expect(sof.rows[0]![1]).toBe('MD 8.7, no CI (SDs not reported)');
    const json = JSON.parse(JSON.stringify(a));
    expect(certaintyMarkdown(json)).toBe(certaintyMarkdown(a));
    expect(formatResult(json)).toBe(formatResult(a));
    expect(() => certaintyMarkdown({} as never)).toThrow(InputError);
  });
  it('validates its options', () => {
    expect(() => assessCertainty(seed, { levle: 0.9 } as never)).toThrow(/did you mean "level"/);
    expect(() => assessCertainty(seed, { optimalInformationSize: 0 })).toThrow(InputError);
  });
});

describe('the seed declares the exosome trials indirect, quoting the seed document', () => {
  it('loads the declaration', () => {
    const study = loadEvidence(seed).studies.find((s) => s.id === 'us-exosome-phase2')!;
    expect(study.indirectness).toEqual([expect.objectContaining({ element: 'intervention', comparedWith: 'ADSC conditioned medium', severity: 'serious' })]);
    expect(study.riskOfBias).toBeNull();
  });
});

describe('whatWouldChange on the seed', () => {
  const z = 1.959963984540054, zb = 0.8416212335729143;
  it('CM vs placebo: one independent significant study, with the size it needs for an assumed SD', () => {
    const w = whatWouldChange(seed, seed.comparisons[0], { assume: { sd: 10, armN: 30 } });
    expect(w.changes.map((c) => c.kind)).toEqual(['independent-study', 'reported-statistics', 'reported-statistics', 'overlap-confirmation', 'indirect-pending-study', 'risk-of-bias']);
    const r = w.changes[0]!.requirement!;
    const md = 11.5 - 2.8;
    expect(r.armNForSignificance).toBe(Math.floor((2 * z * z * 100) / md ** 2) + 1); // 11
    expect(r.armNForPower).toBe(Math.ceil((2 * (z + zb) ** 2 * 100) / md ** 2)); // 21
    expect(r.minimalDifference).toBeCloseTo(z * 10 * Math.sqrt(2 / 30), 10);
    expect(r.sdSource).toBe('assumed');
    expect(w.changes[0]).toMatchObject({ statusIf: 'independently-replicated', certaintyIf: 'low' });
    expect(w.changes[1]!.text).toContain(`at most ${Number((md / (z * Math.sqrt(2 / 30))).toPrecision(4))}`);
    expect(w.changes[3]!.text).toMatch(/Seoul follow-up 2024 reports the patients of Korean RCT 2022/);
    expect(w.changes[4]!.text).toMatch(/indirect evidence .* not a replication; its results are expected 2026–2027 \(due as of 2026-11-25\)/);
    expect(w.assumptions.length).toBeGreaterThan(0);
  });
  it('without an assumed SD the size is not computed, and says how to state one', () => {
    const w = whatWouldChange(seed, seed.comparisons[0]);
    expect(w.changes[0]!.requirement).toBeNull();
    expect(w.changes[0]!.text).toMatch(/no SD is reported/);
  });
  it('CM vs PRP: significance unknown, so statistics first; the exosome finding waits for its pending trials', () => {
    expect(whatWouldChange(seed, seed.comparisons[1]).changes[0]!.text).toMatch(/No single new study can make this finding replicated while the significance of Seoul follow-up 2024 is unknown/);
    const exo = whatWouldChange(seed, seed.comparisons[3]);
    expect(exo.changes).toEqual([expect.objectContaining({ kind: 'pending-study', resultsExpected: '2026/2027', timing: 'due' })]);
  });
  it('accepts findings of assessCertainty and survives JSON; refuses a comparison the base does not hold', () => {
    const w = whatWouldChange(seed, assessCertainty(seed).findings[2]!);
    expect(formatResult(JSON.parse(JSON.stringify(w)))).toBe(formatResult(w));
    expect(() => whatWouldChange(seed, { intervention: 'ADSC conditioned medium', comparator: 'saline', outcome: null, timepoint: null })).toThrow(/is not one of the evidence base's comparisons/);
  });
});
