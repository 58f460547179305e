import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult, InputError, metaAnalysis, type Tau2Method, type TestType } from '../../../src/index.ts';

const cases = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/metafor-tau2/weights.json'), 'utf8'));

const close = (actual: number | null, expected: number, rel = 1e-8) =>
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-3));

describe('metaAnalysis with weights / weighted: false reproduces metafor 5.1 rma.uni', () => {
  for (const c of cases) {
    for (const ref of c.fits) {
      it(`${c.name} ${ref.method} ${ref.test} ${ref.mode}`, () => {
        const options = { method: ref.method as Tau2Method, test: ref.test as TestType };
        const fit = metaAnalysis({ yi: c.yi, vi: c.vi }, ref.mode === 'weights' ? { ...options, weights: c.w } : { ...options, weighted: false });
        close(fit.tau2, ref.tau2);
        close(fit.estimate, ref.estimate);
        close(fit.se, ref.se);
        close(fit.statistic, ref.zval);
        close(fit.pValue, ref.pval, 1e-7);
        close(fit.ci.lower, ref.ci[0]);
        close(fit.ci.upper, ref.ci[1]);
        if (Array.isArray(ref.pi)) { // metafor's predict() gives no prediction interval for EE (pooled: the CI)
          close(fit.predictionInterval.lower, ref.pi[0]);
          close(fit.predictionInterval.upper, ref.pi[1]);
        }
        close(fit.i2, ref.i2);
        close(fit.q, ref.qe);
        ref.weights.forEach((w: number, i: number) => close(fit.weights[i]!, w));
        expect(fit.weighting).toBe(ref.mode === 'weights' ? 'user' : 'unweighted');
        expect(formatResult(JSON.parse(JSON.stringify(fit)))).toContain('Model Results');
      });
    }
  }

  it('weights equal to 1/(vi + tau²) give the ordinary fit (property)', () => {
    const c = cases[0];
    const plain = metaAnalysis({ yi: c.yi, vi: c.vi }, { method: 'DL' });
    const same = metaAnalysis({ yi: c.yi, vi: c.vi }, { method: 'DL', weights: c.vi.map((v: number) => 3 / (v + plain.tau2)) });
    close(same.estimate, plain.estimate, 1e-12);
    close(same.se, plain.se, 1e-12);
  });

  it('bad weights get an InputError naming the field and row', () => {
    expect(() => metaAnalysis({ yi: [0, 1], vi: [1, 1] }, { weights: [1] })).toThrow(InputError);
    expect(() => metaAnalysis({ yi: [0, 1], vi: [1, 1] }, { weights: [1, -1] })).toThrow(/weights.*row 2|row 2.*weights/);
    expect(() => metaAnalysis({ yi: [0, 1], vi: [1, 1] }, { weights: [0, 0] })).toThrow(InputError);
  });
});
