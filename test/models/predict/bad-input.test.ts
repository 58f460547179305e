// Bad input to predict, blup, anova, fitStatistics and the moderator terms: an InputError that
// names the field (and the row or moderator), never a TypeError.
import { describe, expect, it } from 'vitest';
import { InputError, anova, blup, fitStatistics, metaAnalysis, metaRegression, predict } from '../../../src/index.ts';
import type { LikelihoodRatioResult } from '../../../src/index.ts';

const y = { yi: [0.1, 0.5, 0.3, 0.9, 0.7, 0.2], vi: [0.02, 0.03, 0.02, 0.04, 0.03, 0.05] };
const rows = [
  { x: 1, g: 'a' }, { x: 2, g: 'b' }, { x: 3, g: 'a' }, { x: 4, g: 'b' }, { x: 5, g: 'a' }, { x: 6, g: 'b' },
];
const re = metaAnalysis(y);
const reg = metaRegression(y, { moderators: ['x', 'g'], data: rows });

function throwsInput(f: () => unknown, message: RegExp): void {
  let error: unknown;
  try { f(); } catch (e) { error = e; }
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(message);
}

describe('moderator terms', () => {
  it('names the column that data lacks, and a data table of the wrong length', () => {
    throwsInput(() => metaRegression(y, { moderators: ['dose'], data: rows }), /moderators\.dose: no column "dose" in data/);
    throwsInput(() => metaRegression(y, { moderators: ['x'], data: rows.slice(1) }), /data has 5 rows but yi has 6/);
    throwsInput(() => metaRegression(y, { moderators: ['x'] }), /has no values/);
  });
  it('rejects malformed terms, unknown references and references of numeric moderators', () => {
    throwsInput(() => metaRegression(y, { moderators: ['x::g'], data: rows }), /malformed term/);
    throwsInput(() => metaRegression(y, { moderators: ['g'], data: rows, reference: { g: 'c' } }), /reference\.g: reference level of "g" must be one of its levels \(a, b\)/);
    throwsInput(() => metaRegression(y, { moderators: ['x'], data: rows, reference: { x: 1 } }), /is numeric, so it has no reference level/);
    throwsInput(() => metaRegression(y, { moderators: ['g'], data: rows, levels: { g: ['a'] } }), /value "b" of moderator "g" is not among its levels/);
    throwsInput(() => metaRegression(y, { moderators: ['x'], data: rows, intercept: 'no' as never }), /intercept: must be true or false/);
  });
});

describe('predict and blup', () => {
  it('refuses new moderator values for a model without moderators, and unknown options', () => {
    throwsInput(() => predict(re, { newmods: [1] }), /newmods: the model has no moderators/);
    throwsInput(() => predict(re, { newmod: [1] } as never), /unknown option "newmod" \(did you mean "newmods"\?\)/);
    throwsInput(() => blup(re, { level: 95 }), /level/);
  });
  it('names the row and moderator of bad new values', () => {
    throwsInput(() => predict(reg, { newmods: [[1, 0], [2]] }), /newmods\[1\]: needs 2 values \(x, gb\) or 3 with the intercept; got 1/);
    throwsInput(() => predict(reg, { newmods: [{ x: 1, g: 'c' }] }), /newmods\.g: "g" is a factor: give one of its levels \(a, b\)/);
    throwsInput(() => predict(reg, { newmods: { x: 'one', g: 'a' } }), /newmods\.x: moderator "x" is numeric/);
    throwsInput(() => predict(reg, { newmods: { g: 'a' } }), /missing: x/);
    throwsInput(() => predict(reg, { newmods: [1, Number.NaN] }), /newmods\[1\]: must hold finite numbers/);
  });
  it('refuses a value that is not a fit', () => {
    throwsInput(() => predict('fit' as never), /predict needs a fitted model/);
    throwsInput(() => blup({ yi: [1], vi: [1] } as never), /fit\.level/);
    throwsInput(() => fitStatistics(null as never), /fitStatistics needs a fitted model/);
  });
});

describe('anova', () => {
  it('names unknown coefficients and malformed contrasts', () => {
    throwsInput(() => anova(reg, { coefficients: ['dose'] }), /unknown coefficient or term "dose"; the model has intercept, x, gb/);
    throwsInput(() => anova(reg, { coefficients: ['x'], contrasts: [[0, 1, 0]] }), /either coefficients .* or contrasts/);
    throwsInput(() => anova(reg, {}), /either coefficients/);
    throwsInput(() => anova(reg, { contrasts: [[1, 2, 3, 4]] }), /contrasts\[0\]: needs 3 weights/);
    throwsInput(() => anova(reg, { contrasts: [{ dose: 1 }] }), /unknown coefficient "dose"/);
    throwsInput(() => anova(reg, { contrasts: [[0, 1, 0]], rhs: [1, 2] }), /rhs: must be a number or 1 numbers/);
  });
  it('refuses likelihood-ratio tests of models that cannot be compared', () => {
    throwsInput(() => anova(re, metaAnalysis(y)), /same number of parameters/);
    throwsInput(() => anova(metaRegression(y, { moderators: ['x'], data: rows, method: 'ML' }), metaAnalysis(y, { method: 'REML' })), /uses ML and the reduced model REML/);
    throwsInput(() => anova(reg, metaAnalysis({ yi: [...y.yi].reverse(), vi: y.vi })), /outcomes or sampling variances differ/);
    throwsInput(() => anova(metaRegression(y, { moderators: ['x', 'g'], data: rows, method: 'EE' }), metaAnalysis(y, { method: 'ML' })), /equal-effects model and the reduced one is not/);
  });
  it('warns for non-likelihood estimators and non-nested models', () => {
    const a = anova(metaRegression(y, { moderators: ['x', 'g'], data: rows, method: 'DL' }), metaAnalysis(y, { method: 'DL' }));
    expect((a as LikelihoodRatioResult).warnings).toContain('LRTs should be based on ML or REML estimation.');
    const z = [0.3, -1, 2, 0.5, 1.5, -0.2];
    const b = anova(metaRegression(y, { moderators: { x: rows.map((r) => r.x), z }, method: 'ML' }), metaRegression(y, { moderators: { w: [1, 0, 0, 1, 0, 1] }, method: 'ML' }));
    expect((b as LikelihoodRatioResult).warnings).toContain('The models being compared do not appear to be nested.');
  });
});
