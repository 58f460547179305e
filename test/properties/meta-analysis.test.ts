// Properties of metaAnalysis for every tau² estimator × every test (10 × z/t/knha), with a fixed
// fast-check seed: permutation invariance, CI containment of the estimate and monotone widening
// with `level`, the prediction interval containing the CI, EE = RE at tau² = 0. Every expected
// value comes from another fit, never from a constant the code produced. leaveOneOut and
// cumulative: refits.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, TAU2_METHODS, TEST_TYPES } from '../../src/index.ts';
import { TOLERANCES, tierOf } from '../tolerances.ts';
import { close, closeInterval, columns, contains, levelPair, SEED, studiesWithOrder, within, type Study } from './arbitraries.ts';

const RUNS = 8;
const options = { seed: SEED, numRuns: RUNS };

const combos = TAU2_METHODS.flatMap((method) => TEST_TYPES.map((test) => [method, test] as const));

describe.each(combos)('metaAnalysis, method %s, test %s', (method, test) => {
  const tol = TOLERANCES[tierOf(method)] * 10; // permuted sums round differently
  const fit = (data: readonly Study[], level = 0.95) => metaAnalysis(columns(data), { method, test, level });

  it('is invariant to the order of the studies (weights follow them)', () => {
    fc.assert(
      fc.property(studiesWithOrder(2, 12), ({ data, order }) => {
        const a = fit(data);
        const b = fit(order.map((i) => data[i]!));
        close(b.estimate, a.estimate, tol, 'estimate');
        close(b.se, a.se, tol, 'se');
        close(b.tau2, a.tau2, tol, 'tau2');
        close(b.q, a.q, tol, 'q');
        close(b.pValue, a.pValue, tol, 'p');
        closeInterval(b.ci, a.ci, tol, 'ci');
        closeInterval(b.predictionInterval, a.predictionInterval, tol, 'pi');
        if (a.tau2Ci && b.tau2Ci) closeInterval(b.tau2Ci, a.tau2Ci, TOLERANCES.profile, 'tau2Ci');
        order.forEach((i, j) => close(b.weights[j], a.weights[i], tol, `weight ${i}`));
      }),
      options,
    );
  });

  it('has a CI around the estimate that widens with level, and a prediction interval containing it', () => {
    fc.assert(
      fc.property(studiesWithOrder(2, 12), levelPair, ({ data }, [low, high]) => {
        const a = fit(data, low);
        const b = fit(data, high);
        within(a.estimate, a.ci, 'estimate in CI');
        contains(b.ci, a.ci, `CI at ${high} ⊇ CI at ${low}`);
        contains(a.predictionInterval, a.ci, 'PI ⊇ CI');
        contains(b.predictionInterval, a.predictionInterval, 'PI widens with level');
        close(b.estimate, a.estimate, 1e-13, 'the estimate does not depend on level');
      }),
      options,
    );
  });

  it.runIf(method !== 'EE')('equals the equal-effects model when tau² = 0 (identical effects)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), { minLength: 2, maxLength: 12 }), fc.double({ min: -2, max: 2, noNaN: true }), (vi, mu) => {
        const yi = vi.map(() => mu);
        const re = metaAnalysis({ yi, vi }, { method, test });
        const ee = metaAnalysis({ yi, vi }, { method: 'EE', test });
        expect(re.tau2).toBeLessThan(1e-20);
        close(re.estimate, ee.estimate, 1e-12, 'estimate');
        close(re.se, ee.se, 1e-12, 'se');
        closeInterval(re.ci, ee.ci, 1e-12, 'ci');
        closeInterval(re.predictionInterval, ee.ci, 1e-12, 'PI = CI at tau² = 0');
      }),
      options,
    );
  });
});
