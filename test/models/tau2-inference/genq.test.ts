import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult, leaveOneOut, metaAnalysis, metaRegression, type TestType } from '../../../src/index.ts';
import { mismatch, TOLERANCES } from '../../tolerances.ts';

interface Fit {
  test: TestType; weighted: boolean; mods: boolean; tau2: number; se_tau2: number; beta: number[]; se: number[];
  zval: number[]; pval: number[]; ci_lb: number[]; ci_ub: number[]; i2: number; h2: number; qe: number; qm: number; r2: number | null;
  ci?: { tau2: number[]; i2: number[]; h2: number[]; tau2_exact: number[] };
}
interface Case { name: string; yi: number[]; vi: number[]; w: number[]; x: number[]; fits: Fit[] }
// R's write_json unboxes the length-1 vectors of intercept-only fits
const arr = (x: number | number[]) => (Array.isArray(x) ? x : [x]);
const cases: Case[] = (JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/metafor-tau2/genq.json'), 'utf8')) as Case[]).map((c) => ({
  ...c,
  fits: c.fits.map((f) => ({ ...f, beta: arr(f.beta), se: arr(f.se), zval: arr(f.zval), pval: arr(f.pval), ci_lb: arr(f.ci_lb), ci_ub: arr(f.ci_ub) })),
}));
const tol = TOLERANCES.closed; // GENQ is closed form

describe('method GENQ (generalised Q-statistic estimator) reproduces metafor 5.1 rma.uni', () => {
  for (const c of cases) {
    for (const ref of c.fits) {
      it(`${c.name} ${ref.test} weighted=${ref.weighted} ${ref.mods ? 'with moderator' : 'intercept only'}`, () => {
        const options = { method: 'GENQ' as const, weights: c.w, test: ref.test, ...(ref.weighted ? {} : { weighted: false }) };
        const common = (fit: { tau2: number; tau2Se: number | null; i2: number | null; h2: number | null }, qe: number | null) => [
          mismatch(fit.tau2, ref.tau2, tol, 'tau2'),
          mismatch(fit.tau2Se, ref.se_tau2, tol, 'se.tau2'),
          mismatch(fit.i2, ref.i2, tol, 'I2', tol),
          mismatch(fit.h2, ref.h2, tol, 'H2'),
          mismatch(qe, ref.qe, tol, 'QE'),
        ];
        if (ref.mods) {
          const fit = metaRegression({ yi: c.yi, vi: c.vi }, { ...options, moderators: { x: c.x } });
          const errors = [
            ...common(fit, fit.qe),
            mismatch(fit.qm, ref.qm, tol, 'QM'),
            mismatch(fit.r2, ref.r2, tol, 'R2', tol),
            ...fit.coefficients.flatMap((b, j) => [
              mismatch(b.estimate, ref.beta[j], tol, `beta ${j}`),
              mismatch(b.se, ref.se[j], tol, `se ${j}`),
              mismatch(b.pValue, ref.pval[j], tol, `pval ${j}`),
              mismatch(b.ci.lower, ref.ci_lb[j], tol, `ci.lb ${j}`),
            ]),
          ].filter((e) => e !== null);
          expect(errors).toEqual([]);
          expect(fit.method).toBe('GENQ');
        } else {
          const fit = metaAnalysis({ yi: c.yi, vi: c.vi }, options);
          const errors: string[] = [
            ...common(fit, fit.q),
            mismatch(fit.estimate, ref.beta[0], tol, 'estimate'),
            mismatch(fit.se, ref.se[0], tol, 'se'),
            mismatch(fit.pValue, ref.pval[0], tol, 'pval'),
            mismatch(fit.ci.lower, ref.ci_lb[0], tol, 'ci.lb'),
            mismatch(fit.ci.upper, ref.ci_ub[0], tol, 'ci.ub'),
          ].filter((e) => e !== null);
          // the τ² bounds against R's exact solution (uniroot to 1e-14 on Farebrother's series); metafor's
          // confint() stops uniroot at its default tolerance ε^¼ ≈ 1.2e-4 in τ², so its τ², I² and H²
          // bounds are checked within that (I² and H² through the τ² error they carry)
          const ci = ref.ci!;
          const rough = 1.22e-4;
          errors.push(...[
            mismatch(fit.tau2Ci!.lower, ci.tau2_exact[0], TOLERANCES.profile, 'tau2 ci.lb (exact)'),
            mismatch(fit.tau2Ci!.upper, ci.tau2_exact[1], TOLERANCES.profile, 'tau2 ci.ub (exact)'),
            mismatch(fit.tau2Ci!.lower, ci.tau2[0], 0, 'tau2 ci.lb (metafor)', rough),
            mismatch(fit.tau2Ci!.upper, ci.tau2[1], 0, 'tau2 ci.ub (metafor)', rough),
            mismatch(fit.i2Ci!.lower, ci.i2[0], 1e-3, 'I2 ci.lb (metafor)', 0.05),
            mismatch(fit.i2Ci!.upper, ci.i2[1], 1e-3, 'I2 ci.ub (metafor)', 0.05),
            mismatch(fit.h2Ci!.lower, ci.h2[0], 1e-3, 'H2 ci.lb (metafor)'),
            mismatch(fit.h2Ci!.upper, ci.h2[1], 1e-3, 'H2 ci.ub (metafor)'),
          ].filter((e) => e !== null));
          expect(errors).toEqual([]);
          expect(formatResult(JSON.parse(JSON.stringify(fit)))).toContain('GENQ');
        }
      });
    }
  }

  it('with weights 1/vi GENQ is DerSimonian–Laird (property)', () => {
    const c = cases[0]!;
    const dl = metaAnalysis({ yi: c.yi, vi: c.vi }, { method: 'DL' });
    const genq = metaAnalysis({ yi: c.yi, vi: c.vi }, { method: 'GENQ', weights: c.vi.map((v) => 1 / v) });
    expect(mismatch(genq.tau2, dl.tau2, 1e-12, 'tau2')).toBeNull();
    expect(mismatch(genq.tau2Se, dl.tau2Se, 1e-12, 'se')).toBeNull();
  });

  it('scaling every weight leaves tau² unchanged (property)', () => {
    const c = cases[2]!;
    const a = metaAnalysis({ yi: c.yi, vi: c.vi }, { method: 'GENQ', weights: c.w });
    const b = metaAnalysis({ yi: c.yi, vi: c.vi }, { method: 'GENQ', weights: c.w.map((w) => w * 1024) });
    expect(b.tau2).toBe(a.tau2);
  });

  it('needs weights, refuses a fixed tau², and is refused by functions that refit', () => {
    const input = { yi: [0, 1, 3], vi: [1, 1, 1] };
    expect(() => metaAnalysis(input, { method: 'GENQ' })).toThrow(expect.objectContaining({ code: 'E_MISSING_VALUE', field: 'weights' }));
    expect(() => metaRegression(input, { method: 'GENQ', moderators: { x: [1, 2, 3] } })).toThrow(expect.objectContaining({ field: 'weights' }));
    expect(() => metaAnalysis(input, { method: 'GENQ', weights: [1, 1, 1], tau2: 1 })).toThrow(expect.objectContaining({ field: 'tau2' }));
    expect(() => leaveOneOut(metaAnalysis(input, { method: 'GENQ', weights: [1, 2, 3] }))).toThrow(expect.objectContaining({ code: 'E_UNSUPPORTED' }));
  });
});
