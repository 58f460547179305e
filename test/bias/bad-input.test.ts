// Bad input to the bias diagnostics throws an InputError that names the field (and the study
// or row); missing rows are listed in `warnings`, never dropped silently.
import { describe, expect, it } from 'vitest';
import { InputError, eggerTest, failSafeN, metaAnalysis, rankCorrelationTest, trimAndFill } from '../../src/index.ts';

const data = { yi: [0.1, 0.3, 0.35, 0.6, 0.9], vi: [0.01, 0.02, 0.03, 0.05, 0.08], labels: ['A', 'B', 'C', 'D', 'E'] };
const fit = metaAnalysis(data);

function expectInputError(run: () => unknown, message: RegExp, field: string): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).field).toBe(field);
  expect((error as Error).message).toMatch(message);
}

describe('a fit that is not a fit', () => {
  it.each([
    ['eggerTest', eggerTest],
    ['rankCorrelationTest', rankCorrelationTest],
    ['trimAndFill', trimAndFill],
  ] as const)('%s(null) names the fit', (name, run) => {
    expectInputError(() => run(null as never), new RegExp(`fit: ${name} needs a fitted model`), 'fit');
  });
  it('an object without studies names yi', () => {
    expectInputError(() => eggerTest({ method: 'REML' } as never), /fit\.yi: eggerTest needs the fit's studies/, 'fit.yi');
  });
  it('a non-numeric study value names the row', () => {
    expectInputError(() => trimAndFill({ ...fit, yi: [0.1, 'x', 0.3, 0.4, 0.5] } as never), /fit\.yi, row 2: must be a finite number/, 'fit.yi');
  });
  it('an unknown method in the fit is named', () => {
    expectInputError(() => trimAndFill({ ...fit, method: 'FE' } as never), /unknown fit\.method; valid choices are EE, DL/, 'fit.method');
  });
});

describe('eggerTest', () => {
  it('rejects an unknown model or predictor', () => {
    expectInputError(() => eggerTest(fit, { model: 'glm' as never }), /unknown model; valid choices are rma, lm/, 'model');
    expectInputError(() => eggerTest(fit, { predictor: 'sqrt' as never }), /unknown predictor; valid choices are sei, vi/, 'predictor');
  });
  it('rejects equal variances (a constant predictor), as metafor cannot fit it', () => {
    const equal = metaAnalysis({ yi: [0.1, 0.2, 0.4], vi: [0.1, 0.1, 0.1] });
    expectInputError(() => eggerTest(equal), /all sampling variances are equal/, 'vi');
  });
  it('needs 3 studies for the lm model', () => {
    const two = metaAnalysis({ yi: [0.1, 0.4], vi: [0.1, 0.2] }, { method: 'EE' });
    expectInputError(() => eggerTest(two, { model: 'lm' }), /needs at least 3 studies \(got 2\)/, 'yi');
  });
});

describe('rankCorrelationTest', () => {
  it('needs 2 studies', () => {
    expectInputError(() => rankCorrelationTest(metaAnalysis({ yi: [0.1], vi: [0.1] })), /at least 2 studies \(got 1\)/, 'yi');
  });
  it('names the study with a zero variance', () => {
    const zero = { yi: [0.1, 0.2, 0.4], vi: [0.1, 0, 0.2], labels: ['A', 'B', 'C'], method: 'REML', test: 'z', level: 0.95 } as const;
    expectInputError(() => rankCorrelationTest(zero), /fit\.vi, study "B", row 2: rankCorrelationTest needs every sampling variance > 0/, 'fit.vi');
  });
  it('returns null tau and p (with a warning) when all variances are equal, as metafor returns NA', () => {
    const r = rankCorrelationTest(metaAnalysis({ yi: [0.1, 0.2, 0.4], vi: [0.1, 0.1, 0.1] }));
    expect(r.tau).toBeNull();
    expect(r.pValue).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/undefined/);
  });
});

describe('trimAndFill', () => {
  it('rejects unknown options, naming them', () => {
    expectInputError(() => trimAndFill(fit, { estimator: 'L1' as never }), /unknown estimator; valid choices are L0, R0, Q0/, 'estimator');
    expectInputError(() => trimAndFill(fit, { side: 'up' as never }), /unknown side; valid choices are left, right/, 'side');
    expectInputError(() => trimAndFill(fit, { convergence: 'fast' as never }), /unknown convergence/, 'convergence');
  });
  it('needs 2 studies (metafor: "Stopped because k = 1")', () => {
    expectInputError(() => trimAndFill(metaAnalysis({ yi: [0.1], vi: [0.1] })), /at least 2 studies \(got 1\)/, 'yi');
  });
  it('uses the exact solution, with a warning, where metafor\'s default Fisher scoring fails', () => {
    // R: rma(yi, vi) on these data stops with "Fisher scoring algorithm did not converge"
    // (also with threshold 1e-12, maxiter 10000), so metafor's trimfill cannot run
    const yi = [-0.14, 0, 0, 0, 0, 0, 0, 0, 0];
    const vi = [0.005, 0.005, 0.02161918670115311, 0.029462935012745665, 0.02575503328435109, 0.3844602922478646, 0.05693801189476805, 0.21627998400718154, 0.09375464465447732];
    const fit = metaAnalysis({ yi, vi });
    // every refit with metafor's default control (as metafor 3.8-1's trimfill)
    const r = trimAndFill(fit, { side: 'left', convergence: 'metafor-3.8' });
    expect(r.warnings.join(' ')).toMatch(/did not converge in 100 iterations .* the exact solution was used/);
    const exact = trimAndFill(fit, { side: 'left', convergence: 'exact' });
    // other refits (trimmed subsets) do converge under metafor's control, so agreement is to its ~1e-5
    expect(r.k0).toBe(exact.k0);
    expect(r.estimate).toBeCloseTo(exact.estimate, 4);
  });
  it('asks for the side when all variances are equal', () => {
    const equal = metaAnalysis({ yi: [0.1, 0.2, 0.4, 0.45], vi: [0.1, 0.1, 0.1, 0.1] });
    expectInputError(() => trimAndFill(equal), /pass side: 'left' or 'right'/, 'side');
    expect(trimAndFill(equal, { side: 'left' }).side).toBe('left');
  });
});

describe('failSafeN', () => {
  it('rejects unknown types and bad levels', () => {
    expectInputError(() => failSafeN(data, { type: 'REM' as never }), /unknown type; valid choices are Rosenthal, Orwin, Rosenberg/, 'type');
    expectInputError(() => failSafeN(data, { alpha: 5 }), /alpha: must be a significance level/, 'alpha');
    expectInputError(() => failSafeN(data, { type: 'Orwin', target: Number.NaN }), /target: must be a finite number/, 'target');
  });
  it('names the row of a bad value', () => {
    expectInputError(() => failSafeN({ yi: [0.1, '0.2' as never], vi: [0.1, 0.1] }), /yi, row 2: must be a number/, 'yi');
    expectInputError(() => failSafeN({ yi: [0.1, 0.2], vi: [0.1, -1], labels: ['A', 'B'] }), /vi, study "B", row 2: sampling variance must be positive/, 'vi');
    expectInputError(() => failSafeN({ yi: [0.1, 0.2], vi: [0.1] }), /length mismatch/, 'vi');
    expectInputError(() => failSafeN({ yi: [0.1, 0.2] }), /vi: missing/, 'vi');
  });
  it('lists omitted rows in warnings', () => {
    const r = failSafeN({ yi: [0.5, null, 0.4, 0.6], vi: [0.04, 0.04, Number.NaN, 0.04], labels: ['A', 'B', 'C', 'D'] });
    expect(r.k).toBe(2);
    expect(r.warnings).toEqual(['Row 2 (B) omitted: yi missing.', 'Row 3 (C) omitted: vi missing.']);
  });
  it('Orwin without weights needs no variances (metafor ignores them)', () => {
    expect(failSafeN({ yi: [0.2, 0.4] }, { type: 'Orwin' }).n).toBe(2);
    expect(failSafeN({ yi: [0.2, 0.4] }, { type: 'Orwin', target: 0 }).n).toBeNaN(); // infinite: NaN (null in JSON) with a warning
  });
});
