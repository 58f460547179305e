import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaAnalysis, metaRegression, tau2Interval, type MetaAnalysisResult } from '../../../src/index.ts';
import type { MetaRegressionResult, Tau2Method } from '../../../src/index.ts';

const DIR = join(import.meta.dirname, '../../fixtures/metafor-tau2');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.includes('permutation') && f !== 'weights.json' && f !== 'fixed-tau2.json' && f !== 'genq.json');

interface Fit { tau2: number; se_tau2: number; beta: number | number[]; se: number | number[]; i2: number | null; h2: number | null }
interface Ci { error?: string; lower: number; upper: number; i2: [number, number]; h2: [number, number] }
interface Block { fits: Record<string, Fit>; confint: Record<string, { fit: Fit; QP: Ci; PL: Ci; Wald: Ci }> }
interface Case { name: string; yi: number[]; vi: number[]; moderators?: Record<string, (number | null)[]>; intercept: Block; regression?: Block }

const close = (actual: number | null, expected: number, rel = 1e-7) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-3));
};
const arr = (x: number | number[]) => (Array.isArray(x) ? x : [x]);

function fitOf(c: Case, method: string, regression: boolean): MetaAnalysisResult | MetaRegressionResult {
  const input = { yi: c.yi, vi: c.vi };
  const m = method as Tau2Method;
  return regression ? metaRegression(input, { moderators: c.moderators!, method: m }) : metaAnalysis(input, { method: m });
}

for (const file of FILES) {
  const c = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Case;
  const blocks: [string, Block, boolean][] = [['intercept-only', c.intercept, false]];
  if (c.regression) blocks.push(['meta-regression', c.regression, true]);
  describe(`${c.name}`, () => {
    for (const [label, block, regression] of blocks) {
      for (const [method, ref] of Object.entries(block.fits)) {
        it(`${label} ${method}: tau², its SE and the coefficients as metafor 5.1`, () => {
          const fit = fitOf(c, method, regression);
          close(fit.tau2, ref.tau2);
          close(fit.tau2Se, ref.se_tau2);
          const est = 'coefficients' in fit ? fit.coefficients.map((b) => b.estimate) : [fit.estimate];
          const se = 'coefficients' in fit ? fit.coefficients.map((b) => b.se) : [fit.se];
          arr(ref.beta).forEach((b, j) => close(est[j]!, b));
          arr(ref.se).forEach((s, j) => close(se[j]!, s));
        });
      }
      for (const [method, ref] of Object.entries(block.confint)) {
        for (const type of ['QP', 'PL', 'Wald'] as const) {
          it(`${label} ${method}: confint(type = "${type}") as metafor 5.1`, () => {
            const expected = ref[type];
            const fit = fitOf(c, method, regression);
            if (expected.error) {
              expect(() => tau2Interval(fit, { type })).toThrow();
              return;
            }
            const ci = tau2Interval(fit, { type });
            close(ci.tau2Ci.lower, expected.lower, 1e-6);
            close(ci.tau2Ci.upper, expected.upper, 1e-6);
            close(ci.i2Ci.lower, expected.i2[0], 1e-6);
            close(ci.i2Ci.upper, expected.i2[1], 1e-6);
            close(ci.h2Ci.lower, expected.h2[0], 1e-6);
            close(ci.h2Ci.upper, expected.h2[1], 1e-6);
          });
        }
      }
    }
  });
}
