// JSON round trips of every public result type on random data (fixed fast-check seed):
// JSON.parse(JSON.stringify(r)) deep-equals r once NaN is read as null (DESIGN.md: results are
// frozen plain objects that survive JSON.stringify; NaN marks an unusable effect-size row), and
// formatResult prints the parsed copy exactly as it prints the original.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessReplication, baujat, changeScoreCorrelation, changeScoreSd, poolIndependent, pooledSdFromSe, pooledSdFromT, sdFromSe, cumulative, effectSizes, eggerTest, estimateMeanSd, failSafeN, fromEstimateAndCi, imputeSd, influence,
  leaveOneOut, mantelHaenszel, maxSdForSignificance, metaAnalysis, metaRegression, multilevel, peto, pooledSdFromCi, pooledSdFromP, rankCorrelationTest,
  readTable, robust, sdFromCi, sensitivity, standardizedResiduals, studyTable, subgroupAnalysis, summarize, TAU2_METHODS, TEST_TYPES,
  trimAndFill,
} from '../../src/index.ts';
import { SEED } from './arbitraries.ts';
import { roundTrips } from './json.ts';

const arm = fc.record({
  m: fc.double({ min: -20, max: 20, noNaN: true }),
  sd: fc.double({ min: 0.5, max: 10, noNaN: true }),
  n: fc.integer({ min: 5, max: 80 }),
});
const trial = fc.record({ t: arm, c: arm, events: fc.tuple(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: 0.05, max: 0.95, noNaN: true })) });
const setup = fc.record({
  // effects that differ: identical studies are a degenerate case kept in json-regressions.test.ts
  trials: fc.array(trial, { minLength: 4, maxLength: 9 }).filter((ts) => new Set(ts.map((t) => Math.round(t.t.m - t.c.m))).size >= 3),
  method: fc.constantFrom(...TAU2_METHODS.filter((m) => m !== 'EE')),
  test: fc.constantFrom(...TEST_TYPES),
  level: fc.constantFrom(0.9, 0.95, 0.99),
});

describe('JSON round trips of every public result', () => {
  it('models, diagnostics, bias tests and printouts: parse(stringify(r)) equals r and prints the same', () => {
    fc.assert(
      fc.property(setup, ({ trials, method, test, level }) => {
        const events = (p: number, n: number) => Math.min(n - 1, Math.max(1, Math.round(p * n)));
        // sizes grow with i: equal variances everywhere would leave Egger's test without a predictor
        const rows = trials.map(({ t: arm1, c, events: [p1, p2] }, i) => ({ t: { ...arm1, n: arm1.n + 3 * i }, c, p1, p2, i })).map(({ t, c, p1, p2, i }) => ({
          study: `Study ${i + 1}`, m1i: t.m, sd1i: t.sd, n1i: t.n, m2i: c.m, sd2i: c.sd, n2i: c.n,
          ai: events(p1, t.n), bi: t.n - events(p1, t.n), ci: events(p2, c.n), di: c.n - events(p2, c.n),
          x: i % 3 === 0 ? 1.5 * i : -i, g: i % 2 === 0 ? 'early' : 'late', cluster: `c${i % 3}`,
        }));
        // one unusable row: its yi and vi are NaN (JSON null) and a warning names it
        const es = effectSizes('SMD', [...rows, { study: 'broken', m1i: 1, sd1i: null, n1i: 10, m2i: 0, sd2i: 1, n2i: 10 }]);
        expect(Number.isNaN(es.yi[rows.length])).toBe(true);
        roundTrips('effectSizes', es);
        const input = { yi: es.yi.slice(0, rows.length), vi: es.vi.slice(0, rows.length), measure: 'SMD' as const, labels: rows.map((r) => r.study) };
        const fit = metaAnalysis(input, { method, test, level });
        const ml = multilevel(input, { outer: rows.map((r) => r.cluster), inner: rows.map((r) => r.study), level });
        const results: [string, unknown][] = [
          ['metaAnalysis', fit],
          ['metaAnalysis EE', metaAnalysis(input, { method: 'EE', test, level })],
          ['metaRegression', metaRegression(input, { moderators: { x: rows.map((r) => r.x) }, method, test, level })],
          ['subgroupAnalysis', subgroupAnalysis(input, rows.map((r) => r.g), { method, level })],
          ['mantelHaenszel OR', mantelHaenszel(rows, { measure: 'OR', level })],
          ['mantelHaenszel RD', mantelHaenszel(rows, { measure: 'RD', level })],
          ['peto', peto(rows, { level })],
          ['multilevel', ml],
          ['robust CR1', robust(ml, { cluster: rows.map((r) => r.cluster), adjust: 'CR1' })],
          ['robust CR2', robust(ml, { cluster: rows.map((r) => r.cluster), adjust: 'CR2' })],
          ['leaveOneOut', leaveOneOut(fit)],
          ['cumulative', cumulative(fit)],
          ['influence', influence(fit)],
          ['baujat', baujat(fit)],
          ['standardizedResiduals', standardizedResiduals(fit)],
          ['eggerTest', eggerTest(fit)],
          ['rankCorrelationTest', rankCorrelationTest(fit)],
          ['trimAndFill', trimAndFill(fit)],
          ['failSafeN', failSafeN(input)],
          ['failSafeN Orwin', failSafeN(input, { type: 'Orwin' })],
          ['summarize', summarize(fit)],
          ['summarize multilevel', summarize(ml)],
          ['studyTable', studyTable(fit)],
        ];
        for (const [name, result] of results) {
          // known bug, kept apart as an it.fails regression (json-regressions.test.ts): an infinite fail-safe N
          if (name.startsWith('failSafeN') && (result as { n: number }).n === Infinity) continue;
          roundTrips(name, result);
        }
      }),
      { seed: SEED, numRuns: 12 },
    );
  });

  it('conversions: parse(stringify(r)) equals r', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 40, noNaN: true }), fc.integer({ min: 6, max: 200 }), fc.integer({ min: 6, max: 200 }), fc.double({ min: 1e-6, max: 0.9, noNaN: true }),
        (width, n1, n2, p) => {
          roundTrips('sdFromSe', sdFromSe({ se: width, n: n1 }));
          roundTrips('pooledSdFromSe', pooledSdFromSe({ se: width, n1, n2 }));
          roundTrips('pooledSdFromT', pooledSdFromT({ meanDifference: width, t: 1 + p, n1, n2 }));
          roundTrips('changeScoreSd', changeScoreSd({ sdBaseline: width, sdFinal: 1 + width, correlation: p }));
          roundTrips('changeScoreCorrelation', changeScoreCorrelation({ sdBaseline: width, sdFinal: width, sdChange: width }));
          roundTrips('sdFromCi', sdFromCi({ lower: -width, upper: width, n: n1, mean: 2 * width }));
          roundTrips('pooledSdFromCi', pooledSdFromCi({ lower: 1, upper: 1 + width, n1, n2 }));
          roundTrips('pooledSdFromP', pooledSdFromP({ meanDifference: width, pValue: p, n1, n2 }));
          roundTrips('estimateMeanSd', estimateMeanSd({ n: n1, min: 0, q1: width, median: 2 * width, q3: 4 * width, max: 9 * width }));
          roundTrips('fromEstimateAndCi', fromEstimateAndCi({ estimate: 1 + width, lower: 1, upper: 1 + 3 * width, transform: 'log' }));
          roundTrips('maxSdForSignificance', maxSdForSignificance({ meanDifference: width, n1, n2 }));
          const rows = [{ m1i: 1, sd1i: width, n1i: n1 }, { m1i: 2, sd1i: null, n1i: n2 }, { m1i: 3, sd1i: 2 * width, n1i: 9 }];
          roundTrips('imputeSd', imputeSd(rows, { method: 'median' }));
          roundTrips('sensitivity', sensitivity({ parameter: 'sd', values: [width, 2 * width], analyse: (sd) => ({ sd, n: n1 }) }));
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('tables and replication assessments: parse(stringify(r)) equals r', () => {
    const table = readTable('study,yi,vi,g\nA,0.1,0.02,x\nB,NA,0.03,\n"C, Jr",0.4,0.01,y\n');
    roundTrips('readTable', [...table]);
    expect(JSON.parse(JSON.stringify(table.columns))).toEqual(table.columns);
    const evidence = JSON.parse(JSON.stringify({
      title: 't', asOf: '2026-01-01', sources: [{ id: 's', citation: 'c' }],
      studies: [
        { id: 'A', label: 'A 2020', year: 2020, group: 'Oslo', design: 'RCT', status: 'published', source: { document: 's', quote: 'q' } },
        { id: 'B', label: 'B 2021', year: 2021, group: 'Lyon', design: 'RCT', status: 'published', source: { document: 's', quote: 'q' } },
      ],
      arms: ['A', 'B'].flatMap((study) => [
        { study, arm: 'drug', outcome: 'o', timepoint: 't', n: 30, mean: 5, sd: 2, source: { document: 's', quote: 'q' } },
        { study, arm: 'placebo', outcome: 'o', timepoint: 't', n: 30, mean: 3, sd: 2, source: { document: 's', quote: 'q' } },
      ]),
      comparisons: [{ intervention: 'drug', comparator: 'placebo', outcome: 'o', timepoint: 't' }],
    }));
    roundTrips('assessReplication', assessReplication(evidence));
    roundTrips('poolIndependent', poolIndependent(evidence, evidence.comparisons[0]));
  });
});
