// Properties of selectionModel: with δ fixed at its null value (no selection) the fit is the
// ML random-effects fit; the result does not depend on the order of the studies; a step
// function's normalising probability equals the quadrature of the same weight function.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatResult, metaAnalysis, resultKind, selectionModel } from '../../src/index.ts';
import { selectionSpec } from '../../src/bias/selection-model/selection-spec.ts';
import { stepCuts, stepSelectionProbability } from '../../src/bias/selection-model/step-selection-probability.ts';
import { selectionGrid, weightedNormalIntegral } from '../../src/bias/selection-model/weighted-normal-integral.ts';
import { expectClose } from '../tolerances.ts';

const studies = fc.array(fc.tuple(fc.double({ min: -1, max: 1.5, noNaN: true }), fc.double({ min: 0.01, max: 0.3, noNaN: true })), { minLength: 6, maxLength: 14 })
  .map((rows) => ({ yi: rows.map((r) => r[0]), vi: rows.map((r) => r[1]) }));

const nullDelta = { stepfun: [1, 1, 1], beta: [1, 1], halfnorm: [0], negexp: [0], logistic: [0], power: [0] } as const;

describe('no selection: δ at its null value gives the ML random-effects fit', () => {
  it.each(Object.keys(nullDelta) as (keyof typeof nullDelta)[])('%s', (type) => {
    fc.assert(fc.property(studies, (data) => {
      const ml = metaAnalysis(data, { method: 'ML' });
      const sel = selectionModel(metaAnalysis(data), { type, steps: type === 'stepfun' ? [0.05, 0.5, 1] : undefined, delta: [...nullDelta[type]] });
      expectClose(sel.logLik, sel.logLikNull, 1e-9, 'logLik');
      expectClose(sel.estimate, ml.estimate, 1e-6, 'estimate');
      expectClose(sel.tau2, ml.tau2, 1e-5, 'tau2', 1e-7);
      expect(sel.selectionTest.df).toBe(0);
      expect(sel.selectionTest.statistic).toBeLessThan(1e-8);
    }), { numRuns: 4 });
  });
});

describe('invariance', () => {
  it('reversing the order of the studies changes nothing', () => {
    fc.assert(fc.property(studies, (data) => {
      const a = selectionModel(metaAnalysis(data), { type: 'stepfun', steps: [0.05, 1] });
      const b = selectionModel(metaAnalysis({ yi: [...data.yi].reverse(), vi: [...data.vi].reverse() }), { type: 'stepfun', steps: [0.05, 1] });
      expectClose(b.logLik, a.logLik, 1e-9, 'logLik');
      expectClose(b.estimate, a.estimate, 1e-5, 'estimate', 1e-7);
      expect(b.intervals).toEqual(a.intervals);
    }), { numRuns: 5 });
  });
});

describe('the two ways to compute the probability of publication agree', () => {
  it('closed form of a step function = quadrature of the same weight', () => {
    fc.assert(fc.property(
      fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0.005, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.constantFrom('greater', 'less', 'two.sided'),
      (mu, v, tau2, alternative) => {
        const spec = selectionSpec('stepfun', [0.025, 0.1, 0.5, 1]);
        const delta = [1, 0.6, 0.35, 0.2];
        // the same step weight given to the quadrature, with the steps as its kinks
        const grid = selectionGrid(v, spec.steps.slice(0, -1), 0, alternative);
        const sigma = Math.sqrt(v + tau2);
        const quadrature = weightedNormalIntegral(grid, mu, sigma, (p) => spec.weight(p, delta, 1));
        expectClose(quadrature, stepSelectionProbability(mu, sigma, stepCuts(v, spec.steps, alternative), delta, alternative), 1e-10, 'A');
      }), { numRuns: 200 });
  });
});

describe('result', () => {
  const data = { yi: [0.1, 0.3, 0.35, 0.5, 0.62, 0.2, 0.8, 0.05], vi: [0.01, 0.02, 0.04, 0.05, 0.08, 0.03, 0.1, 0.015] };
  const fit = metaAnalysis(data);
  const sel = selectionModel(fit, { type: 'stepfun', steps: [0.05, 1] });
  it('is frozen, JSON-safe and recognised by resultKind after a round trip', () => {
    expect(Object.isFrozen(sel)).toBe(true);
    const copy = JSON.parse(JSON.stringify(sel)) as unknown;
    expect(copy).toEqual(sel);
    expect(resultKind(copy)).toBe('selectionModel');
  });
  it('prints as metafor prints selmodel', () => {
    const text = formatResult(sel);
    expect(text).toMatch(/Random-Effects Model \(k = 8; tau\^2 estimator: ML\)/);
    expect(text).toMatch(/Test for Heterogeneity:\nLRT\(df = 1\) = /);
    expect(text).toMatch(/Test for Selection Model Parameters:\nLRT\(df = 1\) = /);
    expect(text).toMatch(/\n {18}k  estimate      se      zval      pval   ci\.lb   ci\.ub\n0    < p <= 0\.05  5    1\.0000     --- /);
    expect(text).toMatch(/\n0\.05 < p <= 1     3    0\.0733 /);
  });
  it('an equal-effects fit keeps tau2 = 0 and has no heterogeneity test', () => {
    const ee = selectionModel(metaAnalysis(data, { method: 'EE' }), { type: 'negexp' });
    expect(ee.method).toBe('EE');
    expect(ee.tau2).toBe(0);
    expect(ee.heterogeneityTest).toBeNull();
    expect(formatResult(ee)).toMatch(/^\nEqual-Effects Model \(k = 8\)/);
  });
});
