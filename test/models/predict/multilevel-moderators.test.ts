import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blup, fitStatistics, multilevel, predict, type MultilevelMethod, type MultilevelTest } from '../../../src/index.ts';
import { mismatch, TOLERANCES } from '../../tolerances.ts';

interface Values { pred: number[]; se: number[]; ci_lb: number[]; ci_ub: number[]; pi_lb: number[]; pi_ub: number[] }
interface Case {
  name: string; yi: number[]; vi: number[]; levels: string[][]; mods: Record<string, number[]>; newmods: number[][];
  fits: { method: MultilevelMethod; test: MultilevelTest; sigma2: number[]; beta: number[]; fitted: Values; new: Values }[];
}
const cases: Case[] = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/metafor-predict/multilevel-moderators.json'), 'utf8'));

// rma.mv stops at nlminb's rel.tol (1e-12 or the tightest that converges, up to 1e-9), pooled at
// the exact optimum: σ² differ in the 7th digit, and so do the bounds. A bound can lie near 0, so
// each value is compared relative to the larger of itself and the half-width of its interval.
const tol = TOLERANCES.derived;

describe('predict on multilevel fits with moderators reproduces metafor 5.1 predict.rma.mv (PI adds Σσ²)', () => {
  for (const c of cases) {
    for (const ref of c.fits) {
      it(`${c.name} ${ref.method} ${ref.test}`, () => {
        const fit = multilevel({ yi: c.yi, vi: c.vi }, { levels: c.levels, moderators: c.mods, method: ref.method, test: ref.test });
        const compare = (got: ReturnType<typeof predict>, want: Values, what: string) =>
          got.predictions.flatMap((p, i) => {
            const ci = tol * (want.ci_ub[i]! - want.ci_lb[i]!) / 2;
            const pi = tol * (want.pi_ub[i]! - want.pi_lb[i]!) / 2;
            return [
              mismatch(p.estimate, want.pred[i], tol, `${what} pred ${i}`, ci),
              mismatch(p.se, want.se[i], tol, `${what} se ${i}`),
              mismatch(p.ci.lower, want.ci_lb[i], tol, `${what} ci.lb ${i}`, ci),
              mismatch(p.ci.upper, want.ci_ub[i], tol, `${what} ci.ub ${i}`, ci),
              mismatch(p.pi.lower, want.pi_lb[i], tol, `${what} pi.lb ${i}`, pi),
              mismatch(p.pi.upper, want.pi_ub[i], tol, `${what} pi.ub ${i}`, pi),
            ];
          });
        const fitted = predict(fit);
        const fresh = predict(fit, { newmods: c.newmods });
        expect(fitted.predictions).toHaveLength(c.yi.length);
        expect([...compare(fitted, ref.fitted, 'fitted'), ...compare(fresh, ref.new, 'new')].filter((e) => e !== null)).toEqual([]);
      });
    }
  }

  it('blup and fitStatistics refuse such a fit instead of treating it as univariate', () => {
    const c = cases[0]!;
    const fit = multilevel({ yi: c.yi, vi: c.vi }, { levels: c.levels, moderators: c.mods });
    expect(() => blup(fit)).toThrow(expect.objectContaining({ code: 'E_UNSUPPORTED' }));
    expect(() => fitStatistics(fit)).toThrow(expect.objectContaining({ code: 'E_UNSUPPORTED' }));
  });
});
