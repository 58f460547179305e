// metaRegression refuses bad input with an InputError that names the moderator (and row), and
// handles metafor's edge cases (k = p, zero variances) as metafor does.
import { describe, expect, it } from 'vitest';
import { metaRegression } from '../../../src/index.ts';
import { TOLERANCES, expectClose } from '../../tolerances.ts';
import { thrownInputError } from '../../input-error.ts';

const yi = [0.1, 0.3, 0.2, 0.6, 0.4, 0.8];
const vi = [0.01, 0.02, 0.015, 0.03, 0.01, 0.02];
const dose = [1, 2, 3, 4, 5, 7];

describe('metaRegression rejects', () => {
  it('a call without moderators, or with none in the object', () => {
    expect(thrownInputError(() => metaRegression({ yi, vi }, {} as never)).message).toMatch(/moderators/);
    expect(thrownInputError(() => metaRegression({ yi, vi }, { moderators: {} })).message).toMatch(/moderators.*at least one moderator/);
    expect(thrownInputError(() => metaRegression({ yi, vi }, { moderators: [1, 2] as never })).message).toMatch(/moderators/);
  });

  it('a constant moderator, naming it', () => {
    const e = thrownInputError(() => metaRegression({ yi, vi }, { moderators: { dose, site: [2, 2, 2, 2, 2, 2] } }));
    expect(e.field).toBe('moderators.site');
    expect(e.message).toMatch(/"site" is constant/);
  });

  it('a moderator that is identically 0', () => {
    const e = thrownInputError(() => metaRegression({ yi, vi }, { moderators: { zero: [0, 0, 0, 0, 0, 0] } }));
    expect(e.message).toMatch(/"zero" is constant/);
  });

  it('a moderator that is constant among the complete rows', () => {
    const e = thrownInputError(() => metaRegression({ yi, vi }, { moderators: { dose, arm: [1, 1, 1, 1, 1, null] } }));
    expect(e.message).toMatch(/"arm" is constant among the complete rows/);
  });

  it('a moderator that is a linear combination of the intercept and earlier moderators', () => {
    const e = thrownInputError(() => metaRegression({ yi, vi }, { moderators: { dose, doubled: dose.map((d) => 2 * d + 1) } }));
    expect(e.field).toBe('moderators.doubled');
    expect(e.message).toMatch(/"doubled" is a linear combination of the intercept and "dose"/);
    const three = thrownInputError(() =>
      metaRegression({ yi, vi }, { moderators: { a: [1, 0, 0, 1, 0, 1], b: [0, 1, 0, 0, 1, 0], c: [0, 0, 1, 0, 0, 0] } }), // a + b + c = 1
    );
    expect(three.message).toMatch(/"c" is a linear combination of the intercept and "a", "b"/);
  });

  it('a moderator of the wrong length, naming it', () => {
    const e = thrownInputError(() => metaRegression({ yi, vi }, { moderators: { dose: [1, 2, 3] } }));
    expect(e.field).toBe('moderators.dose');
    expect(e.message).toMatch(/"dose" has 3 values but yi has 6/);
  });

  it('a non-numeric or infinite moderator value, naming the moderator and row', () => {
    const e = thrownInputError(() => metaRegression({ yi, vi }, { moderators: { dose: [1, 2, '3', 4, 5, 6] as never } }));
    expect(e.field).toBe('moderators.dose');
    expect(e.row).toBe(3);
    expect(e.message).toMatch(/numeric/);
    const labelled = thrownInputError(() =>
      metaRegression({ yi, vi, labels: ['A', 'B', 'C', 'D', 'E', 'F'] }, { moderators: { dose: [1, 2, 3, Infinity, 5, 6] } }),
    );
    expect(labelled.message).toMatch(/moderators\.dose, study "D", row 4: moderator "dose" must be finite/);
    expect(thrownInputError(() => metaRegression({ yi, vi }, { moderators: { dose: 'high' as never } })).field).toBe('moderators.dose');
  });

  it('a moderator called "intercept"', () => {
    expect(thrownInputError(() => metaRegression({ yi, vi }, { moderators: { intercept: dose } })).message).toMatch(/reserved/);
  });

  it('too few complete studies for the coefficients and tau²', () => {
    const e = thrownInputError(() => metaRegression({ yi: [0.1, 0.5], vi: [0.01, 0.02] }, { moderators: { x: [1, 2] }, method: 'REML' }));
    expect(e.message).toMatch(/too few complete studies: 2 for 2 coefficients and tau²/);
  });

  it('a zero variance for methods with weights 1/vi, and bad options', () => {
    const zero = [0, ...vi.slice(1)];
    expect(thrownInputError(() => metaRegression({ yi, vi: zero }, { moderators: { dose }, method: 'DL' })).field).toBe('vi');
    expect(thrownInputError(() => metaRegression({ yi, vi }, { moderators: { dose }, method: 'XX' as never })).message).toMatch(/method/);
    expect(thrownInputError(() => metaRegression({ yi, vi }, { moderators: { dose }, level: 95 })).field).toBe('level');
    expect(thrownInputError(() => metaRegression({ yi, vi: [...vi.slice(1), -1] }, { moderators: { dose } })).field).toBe('vi');
  });

  it('a zero variance when tau² is 0, which gives that study an infinite weight', () => {
    // R: rma(c(1, 2, 3, 4.1), c(0, 0.01, 0.01, 0.01), mods = ~ c(1, 2, 3, 4), method = "HE")
    //    Error: Division by zero when computing the inverse variance weights.
    const e = thrownInputError(() => metaRegression({ yi: [1, 2, 3, 4.1], vi: [0, 0.01, 0.01, 0.01] }, { moderators: { x: [1, 2, 3, 4] }, method: 'HE' }));
    expect(e.field).toBe('vi');
    expect(e.message).toMatch(/infinite weight/);
  });
});

describe('metaRegression omits incomplete rows with a warning', () => {
  it('names rows missing yi, vi or a moderator', () => {
    const r = metaRegression(
      { yi: [0.1, NaN, 0.2, 0.6, 0.4, 0.8, 0.5], vi: [0.01, 0.02, 0.015, 0.03, 0.01, 0.02, 0.02], labels: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] },
      { moderators: { dose: [1, 2, 3, null, 5, 7, 8], site: [0, 1, 0, 1, 1, NaN, 0] }, method: 'DL' },
    );
    expect(r.k).toBe(4);
    expect(r.labels).toEqual(['A', 'C', 'E', 'G']);
    expect(r.moderators).toEqual({ dose: [1, 3, 5, 8], site: [0, 0, 1, 0] });
    expect(r.warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Row 2 \(B\) omitted: yi missing/),
      'Row 4 (D) omitted: moderator "dose" missing.',
      'Row 6 (F) omitted: moderator "site" missing.',
    ]));
  });
});

describe('metaRegression edge cases as metafor', () => {
  it('EE with k = p: exact fit, Q_E = 0, I² = 0, H² = 1, R² NA', () => {
    // R: rma(c(0.1, 0.5), c(0.01, 0.02), mods = ~ c(1, 2), method = "EE")
    //    b = -0.3, 0.4; se = 0.244948974278318, 0.173205080756888; QE = 0, QEp = 1, I2 = 0,
    //    H2 = 1, R2 = NaN, QM = 5.33333333333334
    const r = metaRegression({ yi: [0.1, 0.5], vi: [0.01, 0.02] }, { moderators: { x: [1, 2] }, method: 'EE' });
    const tol = TOLERANCES.closed;
    expectClose(r.coefficients[0]!.estimate, -0.3, tol, 'b0');
    expectClose(r.coefficients[1]!.estimate, 0.4, tol, 'b1');
    expectClose(r.coefficients[0]!.se, 0.244948974278318, tol, 'se0');
    expectClose(r.coefficients[1]!.se, 0.173205080756888, tol, 'se1');
    expect([r.qe, r.qePValue, r.i2, r.h2, r.r2]).toEqual([0, 1, 0, 1, null]);
    expectClose(r.qm, 5.33333333333334, tol, 'QM');
  });

  it('EE with k = p and Knapp–Hartung: SE 0, p-values, CI and QM NA, and a warning', () => {
    // R: rma(c(0.1, 0.5), c(0.01, 0.02), mods = ~ c(1, 2), method = "EE", test = "knha")
    //    se = 0, 0; pval = NA, NA; QM = NA; QMp = NA (and the Knapp & Hartung / EE warning)
    const r = metaRegression({ yi: [0.1, 0.5], vi: [0.01, 0.02] }, { moderators: { x: [1, 2] }, method: 'EE', test: 'knha' });
    expect(r.coefficients.map((c) => c.se)).toEqual([0, 0]);
    expect(r.coefficients.map((c) => c.pValue)).toEqual([null, null]);
    expect(r.coefficients.map((c) => c.ci)).toEqual([{ lower: null, upper: null }, { lower: null, upper: null }]);
    expect([r.qm, r.qmPValue, r.df]).toEqual([null, null, 0]);
    expect(r.warnings.some((w) => /Knapp–Hartung/.test(w))).toBe(true);
  });

  it('REML with a zero sampling variance: fitted, but Q_E, I², H² NA with a warning', () => {
    // R: rma(c(0.1, 0.4, 0.3, 0.9, 0.5, 0.2), c(0, 0.02, 0.03, 0.01, 0.04, 0.02), mods = ~ c(1:6),
    //        method = "REML", control = list(threshold = 1e-12))
    //    tau2 = 0.0893651624263317, se.tau2 = 0.0772436321695612, b = 0.2379669666728549,
    //    0.0467060888245306, se = 0.2929225286805074, 0.0769395655161595, QE = I2 = NA, R2 = 0
    const r = metaRegression(
      { yi: [0.1, 0.4, 0.3, 0.9, 0.5, 0.2], vi: [0, 0.02, 0.03, 0.01, 0.04, 0.02] },
      { moderators: { x: [1, 2, 3, 4, 5, 6] }, method: 'REML' },
    );
    const tol = TOLERANCES.iterative;
    expectClose(r.tau2, 0.0893651624263317, tol, 'tau2');
    expectClose(r.tau2Se, 0.0772436321695612, tol, 'tau2Se');
    expectClose(r.coefficients[0]!.estimate, 0.2379669666728549, tol, 'b0');
    expectClose(r.coefficients[1]!.estimate, 0.0467060888245306, tol, 'b1');
    expectClose(r.coefficients[0]!.se, 0.2929225286805074, tol, 'se0');
    expectClose(r.coefficients[1]!.se, 0.0769395655161595, tol, 'se1');
    expect([r.qe, r.qePValue, r.i2, r.h2]).toEqual([null, null, null, null]);
    expect(r.r2).toBe(0);
    expect(r.warnings.some((w) => /Q_E, I² and H²/.test(w))).toBe(true);
  });
});
