import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cumulative, effectSizes, eggerTest, failSafeN, formatResult, influence, InputError, leaveOneOut, mantelHaenszel,
  influenceMultilevel, influenceRegression, metaAnalysis, metaRegression, multilevel, peto, rankCorrelationTest, resultKind, RESULT_KINDS, robust, studyTable,
  subgroupAnalysis, summarize, trimAndFill, type ResultKind, assessCertainty, whatWouldChange,
  predict, blup, anova, fitStatistics,
  tau2Interval, permutationTest,
  gosh, metaAnalysisBatch, henmiCopas, selectionModel,
  toLong, toTable,
  glmm,
  simulate,
  multivariate, aggregate, vcalc, ranefMultivariate,
} from '../../src/index.ts';
import { readFileSync } from 'node:fs';
import { matchingKinds } from '../../src/report/result-kind.ts';
import { fixture } from './helpers.ts';

const bcg = fixture('metafor/bcg.json');
const rr = bcg.effectSizes.find((e: any) => e.measure === 'RR');
const columns = rr.columns;
const input = { yi: rr.yi, vi: rr.vi, measure: 'RR' as const };
const fit = metaAnalysis(input);
const ko = fixture('metafor-multilevel/konstantopoulos2011.json');
const outer = ko.rows.map((r: any) => String(r.outer));
const ml = multilevel(
  { yi: ko.rows.map((r: any) => r.yi), vi: ko.rows.map((r: any) => r.vi) },
  { outer, inner: ko.rows.map((r: any) => String(r.inner)) },
);
const ablat = bcg.rows.map((r: any) => r.ablat);
const seed = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8'));

/** Every public result type, with variants that change the printout's layout. */
const RESULTS: readonly (readonly [ResultKind, unknown])[] = [
  ['metaAnalysis', fit],
  ['metaAnalysis', metaAnalysis(input, { method: 'EE' })],
  ['metaAnalysis', metaAnalysis({ yi: rr.yi, vi: rr.vi }, { test: 'knha' })],
  ['metaRegression', metaRegression(input, { moderators: { ablat } })],
  ['metaRegression', metaRegression(input, { moderators: { ablat, year: bcg.rows.map((r: any) => r.year) }, method: 'EE', test: 'knha' })],
  ['subgroupAnalysis', subgroupAnalysis(input, bcg.rows.map((r: any) => r.alloc))],
  ['mantelHaenszel', mantelHaenszel(bcg.rows, { measure: 'OR', columns })],
  ['mantelHaenszel', mantelHaenszel(bcg.rows, { measure: 'RD', columns })],
  ['peto', peto(bcg.rows, { columns })],
  ['multilevel', ml],
  ['robust', robust(ml, { cluster: outer, adjust: 'CR2' })],
  ['robust', robust(ml, { cluster: outer, adjust: 'CR1' })],
  ['robust', robust(fit, { cluster: bcg.rows.map((r: any) => String(r.trial)), adjust: 'CR2' })],
  ['robustRegression', robust(metaRegression(input, { moderators: { ablat } }), { cluster: bcg.rows.map((r: any) => String(r.trial)), adjust: 'CR1' })],
  ['robustRegression', robust(metaRegression(input, { moderators: { ablat } }), { cluster: bcg.rows.map((r: any) => String(r.alloc)), adjust: 'CR2' })],
  ['multilevelModel', multilevel({ yi: ml.yi, vi: ml.vi }, { levels: [ml.outer, ml.inner], moderators: { x: ml.yi.map((_, i) => i % 3) } })],
  ['multilevelModel', multilevel({ yi: ml.yi, vi: ml.vi }, { levels: [ml.outer, ml.inner], test: 't' })],
  ['influenceMultilevel', influenceMultilevel(multilevel({ yi: ml.yi, vi: ml.vi }, { levels: [ml.outer, ml.inner] }), { cluster: ml.outer })],
  ['leaveOneOut', leaveOneOut(fit)],
  ['cumulative', cumulative(fit)],
  ['influence', influence(fit)],
  ['influenceRegression', influenceRegression(metaRegression(input, { moderators: { ablat } }))],
  ['eggerTest', eggerTest(fit)],
  ['eggerTest', eggerTest(fit, { model: 'lm', predictor: 'vi' })],
  ['rankCorrelationTest', rankCorrelationTest(fit)],
  ['trimAndFill', trimAndFill(fit)],
  ['trimAndFill', trimAndFill(fit, { estimator: 'R0', side: 'left' })],
  ['selectionModel', selectionModel(fit, { type: 'stepfun', steps: [0.05, 1] })],
  ['selectionModel', selectionModel(metaAnalysis(input, { method: 'EE' }), { type: 'halfnorm', alternative: 'less' })],
  ['failSafeN', failSafeN(input)],
  ['failSafeN', failSafeN(input, { type: 'Orwin' })],
  ['failSafeN', failSafeN(input, { type: 'Rosenberg' })],
  ['failSafeN', failSafeN(input, { type: 'Binomial' })],
  ['failSafeN', failSafeN(fit, { type: 'General' })],
  ['eggerTest', eggerTest(fit, { predictor: 'sqrtni', ni: fit.yi.map((_, i) => 100 + 10 * i) })],
  ['henmiCopas', henmiCopas(fit)],
  ['effectSizes', effectSizes('RR', bcg.rows, { columns })],
  ['summarize', summarize(fit)],
  ['summarize', summarize(ml)],
  ['studyTable', studyTable(fit)],
  ['gosh', gosh(fit, { subsets: 200 })],
  ['simulate', simulate({ k: 5, tau2: 0.1, mu: 0.2, viDistribution: { min: 0.01, max: 0.1 }, replications: 30, seed: 3 }, undefined, { progress: false })],
  ['metaAnalysisBatch', metaAnalysisBatch({ yi: rr.yi, vi: rr.vi, offsets: [0, 6, rr.yi.length] })],
  ['studyTable', studyTable(mantelHaenszel(bcg.rows, { measure: 'OR', columns }))],
  ['assessCertainty', assessCertainty(seed)],
  ['whatWouldChange', whatWouldChange(seed, seed.comparisons[0], { assume: { sd: 10, armN: 30 } })],
  ['whatWouldChange', whatWouldChange(seed, seed.comparisons[3])],
  ['predict', predict(fit, { transform: 'auto' })],
  ['predict', predict(metaRegression(input, { moderators: { ablat } }), { newmods: [10, 30, 50] })],
  ['blup', blup(fit)],
  ['blup', blup(ml, { transform: 'exp' })],
  ['coefficientTest', anova(metaRegression(input, { moderators: { ablat } }), { coefficients: ['ablat'] })],
  ['contrastTest', anova(metaRegression(input, { moderators: { ablat }, test: 'knha' }), { contrasts: [[1, 10], [1, 50]] })],
  ['likelihoodRatioTest', anova(metaRegression(input, { moderators: { ablat }, method: 'ML' }), metaAnalysis(input, { method: 'ML' }))],
  ['multivariate', multivariate({ yi: ml.yi, vi: ml.vi }, { random: [{ inner: ml.inner, outer: ml.outer, struct: 'CS' }], moderators: { x: ml.yi.map((_, i) => i % 3) } })],
  ['multivariate', multivariate({ yi: ml.yi, vi: ml.vi }, { random: [{ levels: [ml.outer] }, { inner: ml.yi.map((_, i) => i % 2), outer: ml.outer, struct: 'UN' }], method: 'ML', test: 't' })],
  ['multivariate', multivariate({ yi: ml.yi, vi: ml.vi }, { random: [{ levels: [ml.outer, ml.inner] }], profile: true })],
  ['multivariateRandomEffects', ranefMultivariate(multivariate({ yi: ml.yi, vi: ml.vi }, { random: [{ levels: [ml.outer, ml.inner] }] }))],
  ['aggregate', aggregate({ yi: ml.yi, vi: ml.vi }, { cluster: ml.outer, rho: 0.5 })],
  ['vcalc', vcalc({ vi: ml.vi }, { cluster: ml.outer, obs: ml.inner, rho: 0.5 })],
  ['fitStatistics', fitStatistics(fit)],
  ['fitStatistics', fitStatistics(ml)],
  ['tau2Interval', tau2Interval(fit)],
  ['toLong', toLong(bcg.rows, 'OR', { columns, label: 'author' })],
  ['toLong', toLong(bcg.rows, 'OR', { columns, vlong: true, append: false })],
  ['toTable', toTable(bcg.rows, 'OR', { columns, label: 'author' })],
  ['mantelHaenszel', mantelHaenszel([{ x1i: 9, t1i: 413, x2i: 19, t2i: 398 }, { x1i: 8, t1i: 263, x2i: 19, t2i: 245 }], { measure: 'IRR' })],
  ['tau2Interval', tau2Interval(metaRegression(input, { moderators: { ablat } }), { type: 'PL' })],
  ['permutationTest', permutationTest(metaAnalysis({ yi: rr.yi.slice(0, 6), vi: rr.vi.slice(0, 6) }), { progress: false })],
  ['permutationTest', permutationTest(metaRegression(input, { moderators: { ablat } }), { iterations: 20, seed: 1, progress: false })],
  ['glmm', glmm(bcg.rows, { measure: 'OR', model: 'CM.AL', columns })],
  ['glmm', glmm(bcg.rows, { measure: 'OR', model: 'UM.FS', method: 'EE', test: 't', columns, moderators: { ablat } })],
];

describe('formatResult prints every public result', () => {
  it('covers every kind', () => {
    expect(new Set(RESULTS.map(([k]) => k))).toEqual(new Set(RESULT_KINDS));
  });

  it.each(RESULTS.map(([kind, result], i) => [`${kind} #${i}`, kind, result] as const))('%s: recognised as exactly one kind, printed, also after JSON', (_, kind, result) => {
    expect(matchingKinds(result)).toEqual([kind]);
    expect(resultKind(result)).toBe(kind);
    const text = formatResult(result as never);
    expect(typeof text).toBe('string');
    expect(text.length).toBeGreaterThan(40);
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    const json = JSON.parse(JSON.stringify(result));
    expect(resultKind(json)).toBe(kind);
    expect(formatResult(json)).toBe(text);
  });

  it('gives an InputError, never a TypeError, for values that are not results', () => {
    for (const bad of [null, undefined, 0, 'fit', [], [1, 2], {}, { method: 'REML' }, { coefficients: [] }, [{}], Symbol('x')]) {
      expect(() => formatResult(bad as never)).toThrow(InputError);
    }
    fc.assert(
      fc.property(fc.anything(), (x) => {
        try {
          formatResult(x as never);
        } catch (e) {
          return e instanceof InputError;
        }
        return true;
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('never throws a raw TypeError on a result with a damaged field (any field, any value)', () => {
    const damage = fc.record({
      which: fc.nat({ max: RESULTS.length - 1 }),
      key: fc.nat(),
      nested: fc.boolean(),
      value: fc.oneof(fc.anything(), fc.constant(null), fc.constant(undefined), fc.constant(NaN), fc.constant(Infinity)),
    });
    fc.assert(
      fc.property(damage, ({ which, key, nested, value }) => {
        const copy = JSON.parse(JSON.stringify(RESULTS[which]![1]));
        const target = Array.isArray(copy) ? copy[key % copy.length] : copy;
        const keys = Object.keys(target);
        const k = keys[key % keys.length]!;
        if (nested && target[k] !== null && typeof target[k] === 'object') {
          const inner = Object.keys(target[k]);
          if (inner.length) target[k][inner[key % inner.length]!] = value;
        } else {
          target[k] = value;
        }
        try {
          expect(typeof formatResult(copy)).toBe('string');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }),
      { seed: 20261201, numRuns: 400 },
    );
  });
});
