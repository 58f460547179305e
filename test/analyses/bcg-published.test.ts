// The BCG analysis as published in Viechtbauer (2010), "Conducting meta-analyses in R with the
// metafor package", J Stat Softw 36(3), pp. 13 and 18, to the 4 decimals printed there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectSizes, metaAnalysis, metaRegression } from '../../src/index.ts';

const bcg = JSON.parse(readFileSync(new URL('../../datasets/bcg.json', import.meta.url), 'utf8'));
const es = effectSizes('RR', bcg.rows, { columns: { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' } });

describe('BCG vaccine trials, published values (Viechtbauer 2010)', () => {
  it('random-effects model (REML)', () => {
    const fit = metaAnalysis(es);
    expect(fit.tau2).toBeCloseTo(0.3132, 4);
    expect(fit.i2).toBeCloseTo(92.22, 2);
    expect(fit.q).toBeCloseTo(152.233, 3);
    expect(fit.estimate).toBeCloseTo(-0.7145, 4);
    expect(fit.se).toBeCloseTo(0.1798, 4);
    expect(fit.ci.lower).toBeCloseTo(-1.0669, 4);
    expect(fit.ci.upper).toBeCloseTo(-0.3622, 4);
  });

  it('mixed-effects meta-regression on absolute latitude', () => {
    const reg = metaRegression(es, { moderators: { ablat: bcg.rows.map((r: { ablat: number }) => r.ablat) } });
    expect(reg.tau2).toBeCloseTo(0.0763, 4);
    expect(reg.r2).toBeCloseTo(75.63, 2);
    expect(reg.coefficients[0]!.estimate).toBeCloseTo(0.2515, 4);
    expect(reg.coefficients[1]!.estimate).toBeCloseTo(-0.0291, 4);
  });
});
