// The iterative estimators' safety net: when Fisher scoring is cut short, the bracketed root
// search must land on the same solution and a warning must name the method.
import { describe, expect, it } from 'vitest';
import { tau2RestrictedMaximumLikelihood } from '../../src/models/tau2/restricted-maximum-likelihood.ts';
import { tau2MaximumLikelihood } from '../../src/models/tau2/maximum-likelihood.ts';
import { tau2EmpiricalBayes } from '../../src/models/tau2/empirical-bayes.ts';
import { tau2PauleMandel } from '../../src/models/tau2/paule-mandel.ts';
import { DEFAULT_TAU2_CONTROL, METAFOR_TAU2_CONTROL } from '../../src/models/tau2/tau2-fit.ts';
import { interceptModel } from '../../src/models/engine/intercept-model.ts';

// BCG trials, log risk ratios (metafor: escalc("RR", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=dat.bcg))
const yData = Float64Array.from([-0.8893113, -1.5853887, -1.3480731, -1.4415512, -0.2175473, -0.7861155, -1.6208982, 0.0119523, -0.4694176, -1.3713448, -0.3393588, 0.4459134, -0.0173139]);
const vData = Float64Array.from([0.3255908, 0.1945718, 0.4153922, 0.0200225, 0.0512049, 0.0069037, 0.2230176, 0.0039630, 0.0564342, 0.0730248, 0.0124200, 0.5325058, 0.0714047]);
const model = interceptModel(yData, vData);
const cutShort = { ...DEFAULT_TAU2_CONTROL, maxIterations: 1 };

// EB's exact solution is a root search without scoring: its scoring runs under metafor's control only
const cutShortMetafor = { ...METAFOR_TAU2_CONTROL, maxIterations: 1 };

describe.each([
  ['REML', tau2RestrictedMaximumLikelihood, cutShort],
  ['ML', tau2MaximumLikelihood, cutShort],
  ['EB', tau2EmpiricalBayes, cutShortMetafor],
] as const)('%s fallback', (name, estimator, shortControl) => {
  it('reaches the scoring solution by root search and warns with the method name', () => {
    const full = estimator(model, DEFAULT_TAU2_CONTROL);
    const short = estimator(model, shortControl);
    expect(full.warnings).toEqual([]);
    expect(short.converged).toBe(true);
    expect(Math.abs(short.tau2 - full.tau2) / full.tau2).toBeLessThan(1e-10);
    expect(short.warnings[0]).toMatch(new RegExp(`^${name}: Fisher scoring did not converge`));
  });
});

describe('EB and PM solve the same equation for intercept-only models', () => {
  it('agree', () => {
    const eb = tau2EmpiricalBayes(model, DEFAULT_TAU2_CONTROL).tau2;
    const pm = tau2PauleMandel(model, DEFAULT_TAU2_CONTROL).tau2;
    expect(Math.abs(eb - pm) / pm).toBeLessThan(1e-10);
  });
});

describe('published REML value', () => {
  it('BCG log risk ratios: tau² = 0.3132 (Viechtbauer 2010, J Stat Softw 36(3), p. 13)', () => {
    expect(tau2RestrictedMaximumLikelihood(model, DEFAULT_TAU2_CONTROL).tau2).toBeCloseTo(0.3132, 4);
  });
});
