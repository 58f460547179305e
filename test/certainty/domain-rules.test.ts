// Each domain's rule at its thresholds, on hand-made finding data (the rules are pure functions of it).
import { describe, expect, it } from 'vitest';
import type { FindingData } from '../../src/evidence/certainty-domain.ts';
import { CERTAINTY_RULES } from '../../src/evidence/certainty-rules.ts';
import { defaultOptimalInformationSize, rateImprecision } from '../../src/evidence/rate-imprecision.ts';
import { rateInconsistency } from '../../src/evidence/rate-inconsistency.ts';
import { rateIndirectness } from '../../src/evidence/rate-indirectness.ts';
import { rateReplication } from '../../src/evidence/rate-replication.ts';
import { rateRiskOfBias } from '../../src/evidence/rate-risk-of-bias.ts';
import { ratePublicationBias } from '../../src/evidence/rate-publication-bias.ts';
import { metaAnalysis } from '../../src/index.ts';

const study = (id: string, extra: Record<string, unknown> = {}) => ({
  id, label: id, year: 2020, group: id, authors: [], cohort: null, design: 'RCT', status: 'published', n: null, resultsExpected: null,
  registry: null, source: { document: 'd', quote: 'q' }, notes: [], riskOfBias: null, indirectness: [], ...extra,
});

function data(over: Record<string, unknown> = {}): FindingData {
  const studies = (over.studies as ReturnType<typeof study>[] | undefined) ?? [study('a'), study('b')];
  return {
    base: { asOf: '2025-01-01' },
    finding: { status: 'independently-replicated', clusters: studies.map((s) => [s.id]), pendingStudies: [], studies: studies.map((s) => s.id) },
    studies,
    overlaps: [],
    pooling: { result: null, yi: [], vi: [], labels: [] },
    effect: { estimate: 1, ci: { lower: 0.5, upper: 1.5 }, measure: 'MD', scale: 'MD', basis: 'pooled', cohorts: 2 },
    totalN: 1000,
    cohorts: studies.map((s) => [s.id]),
    level: 0.95,
    ...over,
  } as unknown as FindingData;
}

const fitWith = (i2: number, pi: [number, number], k = 3) => ({ k, i2, level: 0.95, predictionInterval: { lower: pi[0], upper: pi[1] }, vi: [1, 2, 3] });

describe('inconsistency: I² 50% and 75% with the prediction interval', () => {
  const rate = (i2: number, pi: [number, number], status = 'independently-replicated') =>
    rateInconsistency(data({ pooling: { result: fitWith(i2, pi), yi: [], vi: [], labels: [] }, finding: { status, clusters: [['a'], ['b']], pendingStudies: [] } }));
  it('rates down one level from I² = 50% when the prediction interval crosses the null', () => {
    expect(CERTAINTY_RULES.i2Substantial).toBe(50);
    expect(rate(49.99, [-1, 2]).downgrade).toBe(0);
    expect(rate(50, [-1, 2]).downgrade).toBe(1);
    expect(rate(74.99, [-1, 2]).downgrade).toBe(1);
  });
  it('rates down two from I² = 75%, and none when the prediction interval stays on one side', () => {
    expect(rate(75, [-1, 2])).toMatchObject({ downgrade: 2, judgement: 'very serious' });
    expect(rate(90, [0.1, 2]).downgrade).toBe(0);
  });
  it('rates down one for conflicting significant directions, also without heterogeneity statistics', () => {
    expect(rate(0, [0.1, 2], 'conflicting').downgrade).toBe(1);
    expect(rateInconsistency(data({ finding: { status: 'conflicting', clusters: [['a'], ['b']], pendingStudies: [] } })).downgrade).toBe(1);
  });
  it('is not assessable with fewer than two independent estimates', () => {
    expect(rateInconsistency(data())).toMatchObject({ judgement: 'not assessable', downgrade: 0 });
  });
});

describe('imprecision: the CI against the null and the optimal information size', () => {
  it('the default OIS is 2·⌈2(z₀.₉₇₅ + z₀.₈)²/0.2²⌉ = 786', () => {
    const z = 1.959963984540054, zb = 0.8416212335729143;
    expect(defaultOptimalInformationSize()).toBe(2 * Math.ceil((2 * (z + zb) ** 2) / 0.04));
    expect(defaultOptimalInformationSize()).toBe(786);
  });
  const rate = (n: number | null, ci: [number, number] | null, estimate: number | null = 1) =>
    rateImprecision(data({ totalN: n, effect: { estimate, ci: ci && { lower: ci[0], upper: ci[1] }, measure: 'MD', scale: 'MD', basis: 'pooled', cohorts: 2 } }), 786);
  it('CI excluding the null: none at n = OIS, one just below it', () => {
    expect(rate(786, [0.2, 1]).downgrade).toBe(0);
    expect(rate(785, [0.2, 1]).downgrade).toBe(1);
    expect(rate(null, [0.2, 1]).downgrade).toBe(0);
  });
  it('CI including the null: one at n ≥ OIS, two below it or unknown', () => {
    expect(rate(786, [-0.2, 1]).downgrade).toBe(1);
    expect(rate(785, [-0.2, 1]).downgrade).toBe(2);
    expect(rate(null, [-0.2, 1]).downgrade).toBe(2);
  });
  it('no CI computable: two below the OIS or unknown, one at or above it', () => {
    expect(rate(60, null)).toMatchObject({ judgement: 'no CI computable', downgrade: 2 });
    expect(rate(null, null).downgrade).toBe(2);
    expect(rate(786, null).downgrade).toBe(1);
  });
});

describe('risk of bias: shares of the information at high risk or with some concerns', () => {
  const rob = (overall: string) => ({ overall, domains: {}, source: null });
  const rate = (...overall: (string | null)[]) =>
    rateRiskOfBias(data({ studies: overall.map((o, i) => study(`s${i}`, { riskOfBias: o === null ? null : rob(o) })), effect: { estimate: 1, ci: null, basis: 'no CI', cohorts: 0 } }));
  it('is not assessed without judgements, and not rated down', () => {
    expect(rate(null, null)).toMatchObject({ judgement: 'not assessed', downgrade: 0 });
  });
  it('half the studies at high risk: two levels; just under half: by the concerns share', () => {
    expect(CERTAINTY_RULES.riskOfBiasShare).toBe(0.5);
    expect(rate('high', 'low').downgrade).toBe(2);
    expect(rate('high', 'low', 'low').downgrade).toBe(0);
    expect(rate('high', 'some concerns', 'low').downgrade).toBe(1);
    expect(rate('some concerns', 'low').downgrade).toBe(1);
    expect(rate('low', 'low', 'some concerns').downgrade).toBe(0);
  });
  it('weights by inverse variance when the finding is pooled', () => {
    const studies = [study('a', { riskOfBias: rob('high') }), study('b', { riskOfBias: rob('low') })];
    const pooled = (va: number, vb: number) =>
      rateRiskOfBias(data({ studies, pooling: { result: {}, yi: [1, 1], vi: [va, vb], labels: ['a', 'b'] } })).downgrade;
    expect(pooled(1, 1)).toBe(2); // 50% of the weight at high risk
    expect(pooled(1.01, 1)).toBe(0); // just under half
  });
});

describe('indirectness: declared differences', () => {
  const decl = (element: string, severity = 'serious') => ({ element, comparedWith: null, severity, reason: 'r', source: { document: 'd', quote: 'q' } });
  const rate = (...d: ReturnType<typeof decl>[][]) => rateIndirectness(data({ studies: d.map((x, i) => study(`s${i}`, { indirectness: x })) })).downgrade;
  it('none declared: 0; one serious element: 1; two elements or very serious: 2', () => {
    expect(rate([], [])).toBe(0);
    expect(rate([decl('intervention')], [decl('intervention')])).toBe(1);
    expect(rate([decl('intervention')], [decl('population')])).toBe(2);
    expect(rate([decl('outcome', 'very serious')], [])).toBe(2);
  });
});

describe('publication bias: small-study tests from 10 independent estimates', () => {
  // Strongly asymmetric: small studies (large vi) show large effects.
  const vi = [0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4];
  const yi = vi.map((v) => 0.1 + 3 * Math.sqrt(v));
  const rate = (k: number) => {
    const result = metaAnalysis({ yi: yi.slice(0, k), vi: vi.slice(0, k) });
    return ratePublicationBias(data({ pooling: { result, yi: yi.slice(0, k), vi: vi.slice(0, k), labels: [] }, effect: { estimate: 1, ci: null, cohorts: k } }));
  };
  it('is not assessable with 9 estimates and judged with 10', () => {
    expect(CERTAINTY_RULES.smallStudyMinK).toBe(10);
    expect(rate(9)).toMatchObject({ judgement: 'not assessable', downgrade: 0 });
    expect(rate(10)).toMatchObject({ judgement: 'serious', downgrade: 1 });
  });
  it('names an overdue ongoing study as a signal', () => {
    const d = data({ finding: { status: 'pending', clusters: [], pendingStudies: [{ label: 'Trial X', timing: 'overdue', resultsExpected: '2023' }] } });
    expect(ratePublicationBias(d).reasons.join(' ')).toMatch(/Trial X was expected to report by 2023 and is overdue as of 2025-01-01/);
  });
});

describe('replication: independent clusters and overlapping reports', () => {
  it('two clusters: 0; one study: 1; one cluster of two cohorts: 1; one cohort reported twice: 2', () => {
    expect(rateReplication(data()).downgrade).toBe(0);
    const one = [study('a')];
    expect(rateReplication(data({ studies: one, finding: { status: 'not-independently-replicated', clusters: [['a']], pendingStudies: [] } })).downgrade).toBe(1);
    const twoOfOneGroup = { studies: [study('a'), study('b')], finding: { status: 'not-independently-replicated', clusters: [['a', 'b']], pendingStudies: [] } };
    expect(rateReplication(data(twoOfOneGroup))).toMatchObject({ judgement: 'serious', downgrade: 1 });
    expect(rateReplication(data({ ...twoOfOneGroup, overlaps: [{ studies: ['a', 'b'] }] }))).toMatchObject({ judgement: 'very serious', downgrade: 2 });
  });
});
