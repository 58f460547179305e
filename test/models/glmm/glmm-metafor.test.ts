// glmm() against metafor 5.1-12's rma.glmm on public data (test/fixtures/metafor-glmm):
// estimates, SEs, z/t tests and CIs, tau², sigma², QE (Wald and LRT), QM, I², H², log-likelihood
// and information criteria, at the tolerances of test/tolerances.ts (GLMM_TOLERANCES) that
// metafor's optimiser for each model justifies.
import { describe, expect, it } from 'vitest';
import { glmm } from '../../../src/models/glmm/glmm.ts';
import type { GlmmResult } from '../../../src/models/glmm/glmm.ts';
import { GLMM_TOLERANCES, mismatch } from '../../tolerances.ts';
import { GLMM_CASES, arr, optionsOf, referenceOf } from './fixture-cases.ts';
import type { GlmmCase, MetaforGlmm } from './fixture-cases.ts';

interface Tier { readonly estimate: number; readonly tau2: number; readonly se: number; readonly logLik: number; readonly tests: number }

function tierOf(c: GlmmCase): Tier {
  const { model, measure, method } = c.args as Record<string, string>;
  if (model === 'CM.EL' && measure === 'OR') return GLMM_TOLERANCES.conditionalExact;
  if (model === 'UM.RS') return method === 'EE' ? GLMM_TOLERANCES.randomStudyEqualEffects : GLMM_TOLERANCES.laplaceTwoEffects;
  return method === 'EE' ? GLMM_TOLERANCES.equalEffects : GLMM_TOLERANCES.oneRandomEffect;
}

/** Twice the disagreement between metafor's default and tightened runs (0 without both). */
function spread(c: GlmmCase, pick: (r: MetaforGlmm) => number | null): number {
  if (!c.tight || c.tight.error !== undefined || c.default.error !== undefined) return 0;
  const a = pick(c.default);
  const b = pick(c.tight);
  if (a === null || b === null || b === 0) return 0;
  return (2 * Math.abs(a - b)) / Math.abs(b);
}

function compare(c: GlmmCase, ref: MetaforGlmm, f: GlmmResult): string[] {
  const t = tierOf(c);
  const out: (string | null)[] = [];
  const tol = (base: number, pick: (r: MetaforGlmm) => number | null) => Math.max(base, spread(c, pick));
  arr(ref.beta).forEach((b, j) => {
    const co = f.coefficients[j]!;
    out.push(mismatch(co.estimate, b, tol(t.estimate, (r) => arr(r.beta)[j]!), `beta[${j}]`, t.estimate * 1e-2));
    out.push(mismatch(co.se, arr(ref.se)[j], tol(t.se, (r) => arr(r.se)[j]!), `se[${j}]`));
    // a bound moves by the error of the estimate plus 1.96 times the error of the SE
    const se = arr(ref.se)[j]!;
    const bound = Math.abs(arr(ref.beta)[j]!) * tol(t.estimate, (r) => arr(r.beta)[j]!) + 2 * se * tol(t.se, (r) => arr(r.se)[j]!);
    out.push(mismatch(co.statistic, arr(ref.zval)[j], tol(t.se, (r) => arr(r.zval)[j]!) + tol(t.estimate, (r) => arr(r.beta)[j]!), `zval[${j}]`, 1e-9));
    out.push(mismatch(co.ci.lower, arr(ref.ci_lb)[j], 0, `ci.lb[${j}]`, bound));
    out.push(mismatch(co.ci.upper, arr(ref.ci_ub)[j], 0, `ci.ub[${j}]`, bound));
  });
  out.push(mismatch(f.tau2, ref.tau2, 0, 'tau2', tol(t.tau2, (r) => r.tau2)));
  if (ref.sigma2 !== null) out.push(mismatch(f.sigma2, ref.sigma2, tol(t.tau2, (r) => r.sigma2), 'sigma2', t.tau2));
  out.push(mismatch(f.i2, ref.I2, 0, 'I2', 100 * tol(t.tau2, (r) => r.tau2) * 5));
  out.push(mismatch(f.logLik, ref.ll, tol(t.logLik, (r) => r.ll), 'logLik'));
  out.push(mismatch(f.aic, ref.AIC, tol(t.logLik, (r) => r.AIC), 'AIC'));
  out.push(mismatch(f.bic, ref.BIC, tol(t.logLik, (r) => r.BIC), 'BIC'));
  out.push(mismatch(f.aicc, ref.AICc, tol(t.logLik, (r) => r.AICc), 'AICc'));
  expect(f.parameters).toBe(ref.parms);
  out.push(mismatch(f.qeLrt, ref.QE_LRT, tol(t.tests, (r) => r.QE_LRT), 'QE.LRT', 1e-6));
  // metafor's CM.EL Wald test rests on numDeriv's Hessian of a saturated fit (see checks.R); it is checked separately
  const cmel = c.args.model === 'CM.EL' && c.args.measure === 'OR';
  if (!cmel) out.push(mismatch(f.qeWald, ref.QE_Wld, tol(t.tests, (r) => r.QE_Wld), 'QE.Wld', 1e-6));
  // metafor reports se(τ²) and its interval for CM.EL (OR, ML) only; NA elsewhere
  out.push(mismatch(f.tau2Se, ref.se_tau2, t.se, 'se.tau2'));
  out.push(mismatch(f.tau2Ci.lower, ref.ci_lb_tau2, t.se, 'ci.lb.tau2'));
  out.push(mismatch(f.tau2Ci.upper, ref.ci_ub_tau2, t.se, 'ci.ub.tau2'));
  out.push(mismatch(f.qm, ref.QM, tol(t.se * 2, (r) => r.QM), 'QM'));
  expect(f.qeDf).toBe(ref.QE_df);
  return out.filter((m): m is string => m !== null);
}

const cases = Object.values(GLMM_CASES).filter((c) => referenceOf(c) !== null);

describe('glmm reproduces metafor 5.1-12 rma.glmm', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ref = referenceOf(c)!;
    const f = glmm(c.rows, optionsOf(c));
    expect(f.converged).toBe(true);
    expect(f.k).toBe(ref.k);
    expect(compare(c, ref, f)).toEqual([]);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  }, 30_000);

  it('covers every model and measure', () => {
    const seen = new Set(cases.map((c) => `${c.args.measure}/${c.args.model ?? ''}/${c.args.method}`));
    for (const key of ['PLO//ML', 'IRLN//ML', 'OR/UM.FS/ML', 'OR/UM.RS/ML', 'OR/CM.EL/ML', 'OR/CM.AL/ML', 'IRR/UM.FS/ML', 'IRR/UM.RS/ML', 'IRR/CM.EL/ML']) {
      expect(seen.has(key) || seen.has(key.replace('//', '/UM.FS/'))).toBe(true);
    }
  });
});
