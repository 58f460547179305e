import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult, InputError, metaAnalysis, permutationTest, tau2Interval, type TestType } from '../../../src/index.ts';

const d = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/metafor-tau2/fixed-tau2.json'), 'utf8'));
const close = (actual: number | null, expected: number, rel = 1e-10) =>
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-3));

describe('metaAnalysis with a fixed tau² reproduces metafor 5.1 rma(yi, vi, tau2 = …)', () => {
  for (const ref of d.fits) {
    it(`tau² = ${ref.tau2}, test ${ref.test}${ref.weighted ? ', user weights' : ''}`, () => {
      const fit = metaAnalysis({ yi: d.bcg.yi, vi: d.bcg.vi }, { tau2: ref.tau2, test: ref.test as TestType, ...(ref.weighted ? { weights: d.bcg.w } : {}) });
      expect(fit.tau2).toBe(ref.tau2);
      expect(fit.tau2Fixed).toBe(true);
      expect(fit.tau2Se).toBeNull();
      close(fit.estimate, ref.estimate);
      close(fit.se, ref.se);
      close(fit.statistic, ref.zval);
      close(fit.pValue, ref.pval, 1e-8);
      close(fit.ci.lower, ref.ci[0]);
      close(fit.ci.upper, ref.ci[1]);
      close(fit.predictionInterval.lower, ref.pi[0]);
      close(fit.predictionInterval.upper, ref.pi[1]);
      close(fit.i2, ref.i2);
      close(fit.h2, ref.h2);
      close(fit.q, ref.qe);
      expect('tau2Ci' in fit).toBe(false);
      expect(formatResult(JSON.parse(JSON.stringify(fit)))).toContain('tau^2');
      expect(() => tau2Interval(fit)).toThrow(InputError);
    });
  }

  it('the exact permutation test keeps tau² fixed (hine1989, tau² = 0.0005: p = 0.0625)', () => {
    const fit = metaAnalysis({ yi: d.hine.yi, vi: d.hine.vi }, { tau2: d.hine.tau2 });
    const r = permutationTest(fit, { progress: false });
    expect(r.coefficients[0]!.permutationPValue).toBeCloseTo(d.hine.pval, 13);
    expect(r.qmPermutationPValue).toBeCloseTo(d.hine.QMp, 13);
  });

  it('a negative, non-finite or EE tau² is an InputError naming tau2', () => {
    expect(() => metaAnalysis({ yi: [0, 1], vi: [1, 1] }, { tau2: -1 })).toThrow(/tau2/);
    expect(() => metaAnalysis({ yi: [0, 1], vi: [1, 1] }, { tau2: Infinity })).toThrow(InputError);
    expect(() => metaAnalysis({ yi: [0, 1], vi: [1, 1] }, { tau2: 0.1, method: 'EE' })).toThrow(InputError);
  });
});
